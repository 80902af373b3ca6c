namespace MamBot.Data.Centres;

/// <summary>When the centre itself (not one room) is open, on its wall clock.</summary>
public static class CentreHours
{
    /// <summary>When the opening window the centre is in now closes, local time; null when it is closed now.</summary>
    public static DateTime? ClosingLocal(Centre centre, DateTime nowUtc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, centre.TimeZone);
        var time = TimeOnly.FromDateTime(local);
        return Windows(centre, local.DayOfWeek).Where(w => w.Opens <= time && time < w.Closes)
            .Select(w => (DateTime?)DateOnly.FromDateTime(local).ToDateTime(w.Closes)).FirstOrDefault();
    }

    /// <summary>The next local time the centre opens after <paramref name="nowUtc"/>, within a week; null if it never does.</summary>
    public static DateTime? NextOpeningLocal(Centre centre, DateTime nowUtc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, centre.TimeZone);
        for (var days = 0; days <= 7; days++)
        {
            var day = DateOnly.FromDateTime(local).AddDays(days);
            var opening = Windows(centre, day.DayOfWeek).Select(w => day.ToDateTime(w.Opens)).Where(t => t > local).Order().FirstOrDefault();
            if (opening != default) return opening;
        }
        return null;
    }

    private static IEnumerable<OpeningHours> Windows(Centre centre, DayOfWeek day) =>
        centre.OpeningHours.Where(h => h.RoomId is null && h.Day == day);
}
