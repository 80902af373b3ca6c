namespace MamBot.Data.Bookings;

public enum BookingStatus { Pending, Confirmed, Rejected, Cancelled }

/// <summary>A room booked by a resident. Pending ones (rooms that need staff approval) hold the slot too.</summary>
public sealed class Booking
{
    public int Id { get; set; }
    public int RoomId { get; set; }

    /// <summary>Null once the resident asked to be forgotten: the booking stays in the centre's figures, anonymous.</summary>
    public Guid? ResidentId { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public string Purpose { get; set; } = "";
    public int People { get; set; }
    public string ContactName { get; set; } = "";
    public string? Phone { get; set; }
    public BookingStatus Status { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecisionNote { get; set; }

    /// <summary>Grows with every change a calendar shows (moved, decided, cancelled): the SEQUENCE of its .ics file.</summary>
    public int CalendarSequence { get; set; }

    public bool HoldsTheSlot => Status is BookingStatus.Pending or BookingStatus.Confirmed;
    public TimeSpan Length => EndUtc - StartUtc;
}
