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

    public List<OpeningHours> OpeningHours { get; set; } = [];
    public List<HouseRule> HouseRules { get; set; } = [];
    public List<FaqEntry> Faq { get; set; } = [];
    public List<Room> Rooms { get; set; } = [];

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}

/// <summary>One opening window on a weekday, in the centre's local time.</summary>
public sealed class OpeningHours
{
    public int Id { get; set; }
    public int CentreId { get; set; }
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
}

public sealed class FaqEntry
{
    public int Id { get; set; }
    public int CentreId { get; set; }
    public int Order { get; set; }
    public required string Question { get; set; }
    public required string Answer { get; set; }
}

public sealed class Room
{
    public int Id { get; set; }
    public int CentreId { get; set; }
    public required string Name { get; set; }
    public int Capacity { get; set; }
    public string Description { get; set; } = "";
    public bool RequiresApproval { get; set; }
}
