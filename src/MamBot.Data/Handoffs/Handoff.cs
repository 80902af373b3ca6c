namespace MamBot.Data.Handoffs;

/// <summary>
/// A resident's chat handed to a person in the team: waiting until someone replies, open while they talk, then
/// closed (by the resident, by staff, or after a quiet spell) and the assistant speaks again.
/// </summary>
public sealed class Handoff
{
    public long Id { get; set; }
    public int CentreId { get; set; }
    public Guid? ResidentId { get; set; }
    public required string Channel { get; set; }
    public required string ChatId { get; set; }
    public HandoffStatus Status { get; set; }
    public DateTime StartedUtc { get; set; }

    /// <summary>The resident's last message: the idle rule counts from here, and so does Messenger's window.</summary>
    public DateTime LastResidentMessageUtc { get; set; }
    public DateTime? FirstStaffReplyUtc { get; set; }

    /// <summary>The first name the resident is told ("Pisze do Ciebie Ania z MAM").</summary>
    public string? StaffName { get; set; }

    /// <summary>The resident's messages staff have not opened yet (the unread count in the panel's menu).</summary>
    public int UnreadByStaff { get; set; }
    public DateTime? EndedUtc { get; set; }
    public HandoffEnd? EndedBy { get; set; }
    public List<HandoffMessage> Messages { get; set; } = [];

    public bool IsActive => Status != HandoffStatus.Closed;
}

public enum HandoffStatus
{
    Waiting,
    Open,
    Closed,
}

public enum HandoffEnd
{
    Resident,
    Staff,
    Idle,
}

/// <summary>
/// One message of a handed-off conversation. What the resident writes here is the only free text the bot keeps:
/// kept for <c>Handoff:KeepDays</c>, in "Moje dane", deleted by "Usuń moje dane".
/// </summary>
public sealed class HandoffMessage
{
    public long Id { get; set; }
    public long HandoffId { get; set; }

    /// <summary>Null for the resident; the staff member's display name for the team's replies.</summary>
    public string? StaffName { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedUtc { get; set; }

    public bool FromStaff => StaffName is not null;
}
