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

    /// <summary>How often an event whose handling fails is tried before it is parked for staff.</summary>
    public int MaxEventAttempts { get; set; } = 3;

    public bool Enabled =>
        !string.IsNullOrWhiteSpace(PageAccessToken) && !string.IsNullOrWhiteSpace(AppSecret) && !string.IsNullOrWhiteSpace(VerifyToken);
}
