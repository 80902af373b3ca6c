namespace MamBot.Data.Residents;

/// <summary>
/// A person who agreed to the privacy notice. Nobody becomes a Resident without consent:
/// before that the bot keeps only the conversation position it needs to answer.
/// </summary>
public sealed class Resident
{
    public Guid Id { get; set; }
    public int CentreId { get; set; }
    public string? DisplayName { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>What the bot says to this resident in (<see cref="Languages"/>), chosen by them; Polish unless they chose.</summary>
    public string Language { get; set; } = Languages.Polish;

    public List<ChannelIdentity> Identities { get; set; } = [];
    public List<ConsentRecord> Consents { get; set; } = [];
    public List<NotificationPreference> Preferences { get; set; } = [];

    public bool HasConsented =>
        Consents.Where(c => c.Purpose == ConsentPurpose.Privacy).MaxBy(c => c.AtUtc)?.Granted == true;

    public bool AcceptedHouseRules(string version) =>
        Consents.Any(c => c.Purpose == ConsentPurpose.HouseRules && c.Granted && c.TextVersion == version);

    public bool Wants(NudgeKind kind) => Preferences.FirstOrDefault(p => p.Kind == kind)?.Enabled ?? true;
}

/// <summary>Where a resident can be reached: a channel and the chat id on it.</summary>
public sealed class ChannelIdentity
{
    public int Id { get; set; }
    public Guid ResidentId { get; set; }
    public required string Channel { get; set; }
    public required string ExternalId { get; set; }
    public DateTime LastInboundUtc { get; set; }

    /// <summary>Set when the platform says we can no longer write (blocked bot, deleted account).</summary>
    public DateTime? UnreachableSinceUtc { get; set; }
    public string? UnreachableReason { get; set; }
}

public static class ConsentPurpose
{
    public const string Privacy = "privacy";

    /// <summary>The centre's house rules, accepted once per version of their text (TextVersion), not at every booking.</summary>
    public const string HouseRules = "house-rules";
}

/// <summary>What was agreed to (or refused), when, on which channel, and which text version was shown.</summary>
public sealed class ConsentRecord
{
    public int Id { get; set; }
    public Guid ResidentId { get; set; }
    public required string Purpose { get; set; }
    public bool Granted { get; set; }
    public required string TextVersion { get; set; }
    public required string Channel { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>The kinds of unsolicited messages a resident can switch on or off one by one.</summary>
public enum NudgeKind
{
    Tips,
    Reminders,

    /// <summary>New events in the categories the resident chose (none chosen: none announced).</summary>
    Events,
    Digest,
    Surveys,
    Ideas,

    /// <summary>The team's announcements to residents ("Ogłoszenia MAM"): a closure must reach those who turned tips off.</summary>
    Announcements,
}

public sealed class NotificationPreference
{
    public Guid ResidentId { get; set; }
    public NudgeKind Kind { get; set; }
    public bool Enabled { get; set; }
}
