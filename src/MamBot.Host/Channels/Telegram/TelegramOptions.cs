namespace MamBot.Host.Channels.Telegram;

public enum TelegramMode { Polling, Webhook }

/// <summary>Config section "Telegram". No token: the channel is off and the host still runs.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    public string? BotToken { get; set; }

    /// <summary>A self-hosted Bot API server; empty for the official one.</summary>
    public string? ApiBaseUrl { get; set; }

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;
    public string? WebhookUrl { get; set; }
    public string? WebhookSecret { get; set; }

    /// <summary>Telegram allows about 30 messages a second overall…</summary>
    public double MessagesPerSecond { get; set; } = 30;

    /// <summary>…and about one a second to the same chat.</summary>
    public double ChatMessagesPerSecond { get; set; } = 1;

    /// <summary>Long-polling wait, in seconds, for getUpdates.</summary>
    public int PollingTimeoutSeconds { get; set; } = 30;

    /// <summary>How often an update whose handling fails is tried before it is parked for staff.</summary>
    public int MaxUpdateAttempts { get; set; } = 3;

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    public static string? Validate(TelegramOptions o)
    {
        if (!o.Enabled || o.Mode == TelegramMode.Polling) return null;
        if (!Uri.TryCreate(o.WebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            return "Telegram:WebhookUrl must be the public https address of POST /webhooks/telegram when Telegram:Mode is Webhook.";
        if (string.IsNullOrEmpty(o.WebhookSecret) || o.WebhookSecret.Length > 256 || !o.WebhookSecret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            return "Telegram:WebhookSecret must be 1-256 characters of A-Z, a-z, 0-9, _ and - when Telegram:Mode is Webhook.";
        return null;
    }
}
