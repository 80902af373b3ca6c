namespace MamBot.Data.Centres;

/// <summary>A community centre (MAM). Everything residents see about "their" place comes from here.</summary>
public sealed class Centre
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Address { get; set; }
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string TimeZoneId { get; set; } = "Europe/Warsaw";

    /// <summary>Seeded from appsettings on first start; staff replace it with the real data.</summary>
    public bool IsSample { get; set; }

    /// <summary>Where and how to get the key: told in every booking reminder.</summary>
    public string KeyPickup { get; set; } = "";

    // The team's own versions of the key note; empty means only the Polish one.
    public string? KeyPickupUk { get; set; }
    public string? KeyPickupEn { get; set; }

    /// <summary>Fair use: how many upcoming bookings one resident may hold at once.</summary>
    public int MaxActiveBookingsPerResident { get; set; } = 3;

    /// <summary>Where staff hear about bookings waiting for approval (a channel and chat id), if anywhere.</summary>
    public string? StaffChannel { get; set; }
    public string? StaffChatId { get; set; }

    public List<OpeningHours> OpeningHours { get; set; } = [];
    public List<HouseRule> HouseRules { get; set; } = [];
    public List<FaqEntry> Faq { get; set; } = [];
    public List<Room> Rooms { get; set; } = [];

    /// <summary>Where to turn for what MAM does not handle, as the team keeps it.</summary>
    public List<LocalContact> Contacts { get; set; } = [];

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}

/// <summary>One opening window on a weekday, in the centre's local time; for one room when RoomId is set.</summary>
public sealed class OpeningHours
{
    public int Id { get; set; }
    public int CentreId { get; set; }
    public int? RoomId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
}

public sealed class HouseRule
{
    public int Id { get; set; }
    public int CentreId { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }

    // The team's own versions for residents who chose Ukrainian or English; empty means only the Polish one.
    public string? TextUk { get; set; }
    public string? TextEn { get; set; }
}

public sealed class FaqEntry
{
    public int Id { get; set; }
    public int CentreId { get; set; }
    public int Order { get; set; }
    public required string Question { get; set; }
    public required string Answer { get; set; }

    // The team's own versions for residents who chose Ukrainian or English; empty means only the Polish one.
    public string? QuestionUk { get; set; }
    public string? AnswerUk { get; set; }
    public string? QuestionEn { get; set; }
    public string? AnswerEn { get; set; }
}

public sealed class Room
{
    public int Id { get; set; }
    public int CentreId { get; set; }
    public required string Name { get; set; }

    // The team's own versions of the name; empty means residents read the Polish one.
    public string? NameUk { get; set; }
    public string? NameEn { get; set; }

    /// <summary>Other names residents use, comma-separated ("mała, salka").</summary>
    public string Aliases { get; set; } = "";
    public int Capacity { get; set; }
    public string Description { get; set; } = "";

    // The team's own versions of the description; empty means residents read the Polish one with a note.
    public string? DescriptionUk { get; set; }
    public string? DescriptionEn { get; set; }
    public string Equipment { get; set; } = "";

    // The team's own versions of the equipment list; empty means residents read the Polish one with a note.
    public string? EquipmentUk { get; set; }
    public string? EquipmentEn { get; set; }
    public bool RequiresApproval { get; set; }
    public int MinMinutes { get; set; } = 30;
    public int MaxMinutes { get; set; } = 240;
    public int MaxDaysAhead { get; set; } = 60;

    /// <summary>Time kept free between two bookings (airing, tidying, handing over the key).</summary>
    public int BufferMinutes { get; set; } = 15;

    /// <summary>How long before the start a booking can still be made.</summary>
    public int MinNoticeMinutes { get; set; } = 60;
}

/// <summary>A time when a room (or, with no RoomId, every room) cannot be booked: holidays, the centre's own events.</summary>
public sealed class Blackout
{
    public int Id { get; set; }
    public int CentreId { get; set; }
    public int? RoomId { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public string Reason { get; set; } = "";
}
