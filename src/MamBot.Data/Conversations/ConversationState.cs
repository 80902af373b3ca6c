namespace MamBot.Data.Conversations;

/// <summary>Where a conversation stands (the dialog stack as JSON), per channel and chat, so it survives a restart.</summary>
public sealed class ConversationState
{
    public required string Channel { get; set; }
    public required string ChatId { get; set; }
    public required string StateJson { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>A channel update already handled; platforms redeliver, we answer once.</summary>
public sealed class ProcessedUpdate
{
    public required string Channel { get; set; }
    public required string UpdateId { get; set; }
    public DateTime ProcessedUtc { get; set; }
}

/// <summary>
/// An update whose handling kept failing. Kept so that nothing is silently lost, and so that a platform
/// redelivering it does not loop forever: after a few attempts it is parked here for staff.
/// </summary>
public sealed class FailedUpdate
{
    public required string Channel { get; set; }
    public required string UpdateId { get; set; }
    public string? ChatId { get; set; }
    public int Attempts { get; set; }
    public required string LastError { get; set; }
    public required string RawJson { get; set; }
    public DateTime FirstFailedUtc { get; set; }
    public DateTime LastFailedUtc { get; set; }
    public bool GaveUp { get; set; }
}

public enum InboundStatus { Pending, Done, Parked }

/// <summary>
/// A platform event stored the moment it arrives, before we answer the platform, so that a crash after the
/// answer loses nothing. Unique per channel and event id: a redelivery is stored once.
/// </summary>
public sealed class InboundEvent
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public required string EventId { get; set; }
    public required string ChatId { get; set; }
    public required string RawJson { get; set; }
    public DateTime ReceivedUtc { get; set; }
    public InboundStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
