namespace MamBot.Data.Centres;

/// <summary>Days and weeks on the centre's wall clock (Monday first), as the UTC instants we store and query.</summary>
public static class LocalCalendar
{
    public static DateOnly Today(DateTime nowUtc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>Local midnight at the start of <paramref name="day"/>, in UTC (23:00 or 22:00 the day before in Kraków).</summary>
    public static DateTime StartUtc(DateOnly day, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
}
