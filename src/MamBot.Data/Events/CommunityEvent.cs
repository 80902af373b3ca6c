namespace MamBot.Data.Events;

public enum EventCategory { Seniors, Kids, Neighbours, Workshops, Culture }

public enum EventStatus { Scheduled, Cancelled }

/// <summary>Something happening at the centre. With a room it blocks that room's bookings; with a capacity it has a waiting list.</summary>
public sealed class CommunityEvent
{
    public int Id { get; set; }
    public int CentreId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";

    // The team's own versions for residents who chose Ukrainian or English; empty means only the Polish one.
    public string? TitleUk { get; set; }
    public string? TitleEn { get; set; }
    public string? DescriptionUk { get; set; }
    public string? DescriptionEn { get; set; }
    public string? OrganiserUk { get; set; }
    public string? OrganiserEn { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public int? RoomId { get; set; }
    public EventCategory Category { get; set; }

    /// <summary>Null: come as you are, no limit and no waiting list.</summary>
    public int? Capacity { get; set; }

    /// <summary>Who runs it: the staff, or residents of an initiative (shown as written).</summary>
    public string Organiser { get; set; } = "";
    public EventStatus Status { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? CancelledUtc { get; set; }

    /// <summary>Grows with every change a calendar shows (moved, renamed, cancelled): the SEQUENCE of its .ics file.</summary>
    public int CalendarSequence { get; set; }
    public bool IsSample { get; set; }

    /// <summary>The weekly series this date belongs to (made in one form); null for a one-off event.</summary>
    public Guid? SeriesId { get; set; }

    /// <summary>When the category's subscribers were told; null while the team has not confirmed the preview.</summary>
    public DateTime? AnnouncedUtc { get; set; }

    public bool IsOn => Status == EventStatus.Scheduled;
}

public enum SignupStatus { Going, Waiting, Withdrawn }

/// <summary>
/// A resident's place (or place in the queue) at an event. Rows are never reused: signing up again after
/// withdrawing is a new row, so its reminders get new keys and the old ones stay skipped.
/// </summary>
public sealed class EventSignup
{
    public int Id { get; set; }
    public int EventId { get; set; }

    /// <summary>Null once the resident asked to be forgotten (the count stays in the centre's figures).</summary>
    public Guid? ResidentId { get; set; }
    public SignupStatus Status { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? PromotedUtc { get; set; }
    public DateTime? WithdrawnUtc { get; set; }

    /// <summary>Marked by the team on the day: came or not; null until someone takes attendance.</summary>
    public bool? Came { get; set; }

    public bool IsActive => Status != SignupStatus.Withdrawn;
}

/// <summary>"Jak było?": a rating 1–5 (or "could not come") and an optional word.</summary>
public sealed class EventFeedback
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Guid? ResidentId { get; set; }
    public int? Rating { get; set; }
    public bool Missed { get; set; }
    public string? Comment { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>A category a resident wants to hear about when a new event appears in it (opt-in).</summary>
public sealed class CategorySubscription
{
    public Guid ResidentId { get; set; }
    public EventCategory Category { get; set; }
}
