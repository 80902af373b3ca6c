using MamBot.Host.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using MamBot.Host.Outbox;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Channels.Telegram;

public static class TelegramSetup
{
    public const string WebhookPath = "/webhooks/telegram";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>Always registered; everything checks Telegram:BotToken when it runs, so no token means the channel is off.</summary>
    public static WebApplicationBuilder AddTelegram(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelegramOptions>()
            .Bind(builder.Configuration.GetSection(TelegramOptions.Section))
            .Validate(o => TelegramOptions.Validate(o) is null, "Telegram webhook settings are incomplete: see README, Telegram.")
            .ValidateOnStart();
        builder.Services.AddHttpClient(TelegramBot.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(100));
        builder.Services.AddSingleton<TelegramBot>();
        builder.Services.AddSingleton<TelegramRateLimiter>();
        builder.Services.AddSingleton<TelegramStartup>();
        builder.Services.AddSingleton<TelegramUpdateHandler>();
        builder.Services.AddSingleton<TelegramChatOrder>();
        builder.Services.AddScoped<IChannelSender, TelegramSender>();
        builder.Services.AddHostedService<TelegramPolling>();
        builder.Services.AddHostedService<TelegramWebhookRegistration>();
        builder.Services.AddHostedService<TelegramInboxSweep>();
        return builder;
    }

    public static WebApplication MapTelegram(this WebApplication app)
    {
        app.MapPost(WebhookPath, ReceiveAsync).RequireRateLimiting(Turns.TurnAdmission.Policy);
        return app;
    }

    /// <summary>An update is a few kilobytes; Telegram never sends a megabyte.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<TelegramOptions> options, TelegramChatOrder order, CancellationToken ct)
    {
        var o = options.Value;
        if (o is not { Enabled: true, Mode: TelegramMode.Webhook }) return Results.NotFound();
        if (!SecretMatches(request.Headers[SecretHeader].ToString(), o.WebhookSecret!)) return Results.Unauthorized();

        if (await BoundedBody.ReadAsync(request, MaxBodyBytes, ct) is not { } raw) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(raw, JsonBotAPI.Options);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return Results.BadRequest(); // not an update Telegram would send (e.g. a date beyond the calendar)
        }
        if (update is null || update.Id <= 0) return Results.BadRequest();

        // Anything but 2xx makes Telegram deliver the update again: an update is answered 200 once it is stored.
        return await order.HandleAsync(update, Encoding.UTF8.GetString(raw), ct) switch
        {
            UpdateResult.Handled => Results.Ok(),
            UpdateResult.StorageFault => StorageUnavailable(request.HttpContext.Response),
            _ => Results.StatusCode(StatusCodes.Status500InternalServerError),
        };
    }

    /// <summary>As every endpoint answers while the storage cannot write (see "When something fails").</summary>
    private static IResult StorageUnavailable(HttpResponse response)
    {
        response.Headers.RetryAfter =
            Setup.ErrorSetup.StorageRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Constant-time comparison, so the secret cannot be guessed from response times.</summary>
    private static bool SecretMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
