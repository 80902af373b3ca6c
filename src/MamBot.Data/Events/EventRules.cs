using System.Globalization;
using System.Text;
using MamBot.Data.Bookings;
using MamBot.Data.Centres;

namespace MamBot.Data.Events;

/// <summary>How often a series repeats and until when: a count of dates or a last day (the first one that is given).</summary>
public sealed record Repeat(int EveryWeeks, int? Count, DateOnly? Until);

/// <summary>Pure checks for events: the dates of a weekly series, the opening hours of a room, title search.</summary>
public static class EventRules
{
    /// <summary>A series longer than a year is a mistake more often than a plan.</summary>
    public const int MaxOccurrences = 52;

    /// <summary>The local days of a series starting on <paramref name="first"/>; empty when the repeat gives none.</summary>
    public static IReadOnlyList<DateOnly> Days(DateOnly first, Repeat repeat)
    {
        if (repeat.EveryWeeks is < 1 or > 8) return [];
        var days = new List<DateOnly>();
        for (var day = first; days.Count < MaxOccurrences + 1; day = day.AddDays(7 * repeat.EveryWeeks))
        {
            if (repeat.Count is { } count && days.Count >= count) break;
            if (repeat.Count is null && (repeat.Until is not { } until || day > until)) break;
            days.Add(day);
        }
        return days;
    }

    /// <summary>
    /// Whether an event in this room fits the opening hours of its day (the room's own, else the centre's):
    /// Closed when the room is closed that weekday, OutsideHours when the times overrun them.
    /// </summary>
    public static EventProblem Hours(Centre centre, Room room, DateTime startUtc, DateTime endUtc)
    {
        var localStart = TimeZoneInfo.ConvertTimeFromUtc(startUtc, centre.TimeZone);
        var localEnd = TimeZoneInfo.ConvertTimeFromUtc(endUtc, centre.TimeZone);
        var day = DateOnly.FromDateTime(localStart);
        var hours = BookingRules.HoursOn(centre, room, day);
        if (hours.Count == 0) return EventProblem.Closed;
        var endOfDay = DateOnly.FromDateTime(localEnd) == day ? localEnd.TimeOfDay
            : localEnd.TimeOfDay == TimeSpan.Zero && DateOnly.FromDateTime(localEnd) == day.AddDays(1) ? TimeSpan.FromHours(24)
            : TimeSpan.MaxValue;
        return hours.Any(h => TimeOnly.FromDateTime(localStart) >= h.Opens && endOfDay <= h.Closes.ToTimeSpan())
            ? EventProblem.None : EventProblem.OutsideHours;
    }

    /// <summary>Whether a title (in any of its versions) holds every word searched, with or without Polish letters.</summary>
    public static bool Matches(CommunityEvent e, string search)
    {
        var titles = Fold($"{e.Title} {e.TitleUk} {e.TitleEn}");
        return Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries).All(titles.Contains);
    }

    /// <summary>Lower case without Polish letters ("Łąka" → "laka"): what a search compares.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c == 'ł' ? 'l' : c);
        }
        return builder.ToString();
    }
}
