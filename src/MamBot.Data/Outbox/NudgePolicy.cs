using MamBot.Data.Residents;

namespace MamBot.Data.Outbox;

/// <summary>The rules every unsolicited message obeys, checked at the moment of delivery (things change overnight).</summary>
public static class NudgePolicy
{
    /// <summary>Messenger: anything may be sent this long after the resident's last message, and only a person's reply later.</summary>
    public static readonly TimeSpan MessengerWindow = TimeSpan.FromHours(24);

    /// <summary>Null when the nudge may go out; otherwise the reason code it is skipped with.</summary>
    public static string? SkipReason(OutboxMessage message, Resident? resident)
    {
        if (!message.IsNudge) return null;
        if (resident is null) return OutboxReasons.ResidentErased;
        if (!resident.HasConsented) return OutboxReasons.NoConsent;
        if (OutboxKinds.PreferenceFor(message.Kind) is { } kind && !resident.Wants(kind)) return OutboxReasons.OptedOut;
        if (ReachableIdentity(resident) is null) return OutboxReasons.Unreachable;
        return null;
    }

    /// <summary>The chat the resident used most recently and that still accepts our messages.</summary>
    public static ChannelIdentity? ReachableIdentity(Resident resident) =>
        resident.Identities.Where(i => i.UnreachableSinceUtc is null).MaxBy(i => i.LastInboundUtc);
}
