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

    private long? _id;

    /// <summary>The bot's own user id: from getMe at start, else the token's first part (Telegram's "id:secret").</summary>
    public long? Id
    {
        get => _id ?? (long.TryParse(options.Value.BotToken?.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null);
        set => _id = value;
    }

    /// <summary>True when the message was written by this bot (not by a person, nor by another bot in the group).</summary>
    public bool Wrote(global::Telegram.Bot.Types.Message? message) =>
        message?.From is { IsBot: true } author && Id is { } id && author.Id == id;
}
