using MamBot.Host.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MamBot.Data.Centres;
using MamBot.Data.Conversations;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using MamBot.Host.Cluster;
using MamBot.Host.Outbox;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Channels.Messenger;

public static partial class MessengerSetup
{
    public const string WebhookPath = "/webhooks/messenger";
    public const string SignatureHeader = "X-Hub-Signature-256";
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Always registered; everything checks the Messenger settings when it runs, so without them the channel is off.</summary>
    public static WebApplicationBuilder AddMessenger(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MessengerOptions>().Bind(builder.Configuration.GetSection(MessengerOptions.Section));
        builder.Services.AddOptions<UtilityTemplateOptions>().Bind(builder.Configuration.GetSection(UtilityTemplateOptions.Section));
        builder.Services.AddHttpClient<GraphApiClient>(c => c.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddScoped<IChannelSender, MessengerSender>();
        builder.Services.AddSingleton<MessengerInbox>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MessengerInbox>());
        builder.Services.AddHostedService<MessengerProfileSetup>();
        return builder;
    }

    public static WebApplication MapMessenger(this WebApplication app)
    {
        app.MapGet(WebhookPath, Verify);
        app.MapPost(WebhookPath, ReceiveAsync);
        return app;
    }

    /// <summary>Meta's subscription handshake: echo the challenge only for our verify token.</summary>
    private static IResult Verify(HttpRequest request, IOptions<MessengerOptions> options)
    {
        var o = options.Value;
        var q = request.Query;
        if (!o.Enabled || q["hub.mode"] != "subscribe" || !SameSecret(q["hub.verify_token"].ToString(), o.VerifyToken!))
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        return Results.Text(q["hub.challenge"].ToString(), "text/plain");
    }

    /// <summary>Checks the signature, stores the residents' actions, answers 200; the inbox handles them next.</summary>
    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, IOptions<MessengerOptions> options, InboundStore inbound, Handover handover, UtilityTemplateStore templates, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled) return Results.NotFound();
        if (await BoundedBody.ReadAsync(request, MaxBodyBytes, ct) is not { } raw) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

        var signature = request.Headers[SignatureHeader].ToString();
        if (string.IsNullOrEmpty(signature)) return Results.Unauthorized();
        if (!SignatureMatches(raw, signature, o.AppSecret!)) return Results.StatusCode(StatusCodes.Status403Forbidden);

        JsonElement body;
        try { body = JsonSerializer.Deserialize<JsonElement>(raw); }
        catch (JsonException) { return Results.BadRequest(); }
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("object", out var kind) || kind.ValueKind != JsonValueKind.String || !kind.ValueEquals("page"))
            return Results.BadRequest();

        foreach (var (eventId, chatId, item) in MessengerEvents.Actions(body))
            await inbound.TryStoreAsync(ChannelNames.Messenger, eventId, chatId, item, ct);
        foreach (var change in MessengerEvents.TemplateStatusChanges(body))
            await templates.RecordAsync(change.Name, change.Language, change.MetaId, change.Status, change.Reason, create: false, ct);
        await handover.SendAsync(new HostSignal.MessengerEvents(), ct);
        return Results.Text("EVENT_RECEIVED");
    }

    /// <summary>X-Hub-Signature-256 is "sha256=" + HMAC-SHA256 of the raw body with the app secret.</summary>
    public static bool SignatureMatches(byte[] body, string header, string appSecret)
    {
        const string prefix = "sha256=";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return false;
        byte[] given;
        try { given = Convert.FromHexString(header[prefix.Length..]); }
        catch (FormatException) { return false; }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}

/// <summary>
/// At start: the Get Started button, a greeting that says this is an automated assistant, and a menu, in Polish
/// and for Ukrainian and English Facebook locales in those languages.
/// Runs beside the host's start, so an unreachable Graph API never delays the bot.
/// </summary>
public sealed partial class MessengerProfileSetup(IServiceScopeFactory scopes, IOptions<MessengerOptions> options, ILogger<MessengerProfileSetup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        try
        {
            await SetProfileAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested) // never worth stopping the bot for
        {
            LogProfileFailed(ex, ex.Message);
        }
    }

    private async Task SetProfileAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var centre = await scope.ServiceProvider.GetRequiredService<CentreDirectory>().GetDefaultAsync(stoppingToken);
        var profile = new JsonObject
        {
            ["get_started"] = new JsonObject { ["payload"] = MessengerEvents.GetStartedPayload },
            ["greeting"] = new JsonArray([.. Locales.Select(l => Greeting(l.Locale, l.Language, centre.Name))]),
            ["persistent_menu"] = new JsonArray([.. Locales.Select(l => Menu(l.Locale, l.Language))]),
        };
        var result = await scope.ServiceProvider.GetRequiredService<GraphApiClient>().SetProfileAsync(profile, stoppingToken);
        if (!result.Ok) LogProfileFailed(null, result.Message);
    }

    /// <summary>Messenger shows the profile in the person's Facebook locale: Polish by default, else Ukrainian or English.</summary>
    private static readonly (string Locale, string Language)[] Locales =
        [("default", Languages.Polish), ("uk_UA", Languages.Ukrainian), ("en_US", Languages.English), ("en_GB", Languages.English)];

    private static JsonObject Greeting(string locale, string language, string centre)
    {
        using var speaking = Language.Use(language);
        return new JsonObject { ["locale"] = locale, ["text"] = Wording.Format(T.MessengerGreeting, centre) };
    }

    private static JsonObject Menu(string locale, string language)
    {
        using var speaking = Language.Use(language);
        return new JsonObject
        {
            ["locale"] = locale,
            ["composer_input_disabled"] = false,
            ["call_to_actions"] = new JsonArray(
                Postback(T.ButtonMenu, "menu:main"), Postback(T.MenuAbout, "menu:about"), Postback(T.MenuSettings, "menu:settings")),
        };
    }

    private static JsonObject Postback(string title, string payload) => new() { ["type"] = "postback", ["title"] = title, ["payload"] = payload };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Messenger profile (Get Started, menu) not set: {Reason}")]
    private partial void LogProfileFailed(Exception? ex, string? reason);
}
