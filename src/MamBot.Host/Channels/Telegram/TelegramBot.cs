using global::Telegram.Bot;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Channels.Telegram;

/// <summary>The one Telegram.Bot client of this process, made when first needed (no token, no client).</summary>
public sealed class TelegramBot(IOptions<TelegramOptions> options, IHttpClientFactory httpClients)
{
    public const string HttpClientName = "telegram";
    private readonly Lazy<ITelegramBotClient> _client = new(() => new TelegramBotClient(
        new TelegramBotClientOptions(options.Value.BotToken!, string.IsNullOrWhiteSpace(options.Value.ApiBaseUrl) ? null : options.Value.ApiBaseUrl)
        {
            RetryCount = 0, // 429s are ours to honour: the outbox and the rate limiter know the whole picture
        },
        httpClients.CreateClient(HttpClientName)));

    public bool Enabled => options.Value.Enabled;
    public ITelegramBotClient Client => _client.Value;

    /// <summary>From getMe at start; used to point group members to a private chat.</summary>
    public string Username { get; set; } = "";
}
