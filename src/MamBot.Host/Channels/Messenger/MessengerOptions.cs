namespace MamBot.Host.Channels.Messenger;

/// <summary>Config section "Messenger". Without the page token, app secret and verify token the channel is off.</summary>
public sealed class MessengerOptions
{
    public const string Section = "Messenger";

    public string? PageAccessToken { get; set; }
    public string? AppSecret { get; set; }
    public string? VerifyToken { get; set; }
    public string GraphApiBaseUrl { get; set; } = "https://graph.facebook.com";
    public string GraphApiVersion { get; set; } = "v23.0";

    /// <summary>The Page's id for its message templates; empty: "me", which a Page token resolves to the Page.</summary>
    public string? PageId { get; set; }

    /// <summary>How often an event whose handling fails is tried before it is parked for staff.</summary>
    public int MaxEventAttempts { get; set; } = 3;

    /// <summary>
    /// Meta approved the Page's human_agent permission: a person's reply may go up to 7 days after the resident's
    /// last message (tag HUMAN_AGENT). Never used for the assistant's own messages.
    /// </summary>
    public bool HumanAgentTag { get; set; }

    public bool Enabled =>
        !string.IsNullOrWhiteSpace(PageAccessToken) && !string.IsNullOrWhiteSpace(AppSecret) && !string.IsNullOrWhiteSpace(VerifyToken);
}
