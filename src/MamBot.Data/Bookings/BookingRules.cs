using MamBot.Data.Centres;

namespace MamBot.Data.Bookings;

/// <summary>Why a booking cannot be made; the dialogs say each in Polish.</summary>
public enum BookingProblem
{
    None,
    InThePast,
    TooLittleNotice,
    TooFarAhead,
    Closed,
    OutsideHours,
    TooShort,
    TooLong,
    OverCapacity,
    Taken,
    Blackout,
    TooManyActive,
}

/// <summary>A time a room is not free: a booking (with the room's buffer around it) or a blackout.</summary>
public readonly record struct Busy(DateTime StartUtc, DateTime EndUtc, bool IsBlackout);

/// <summary>
/// The house rules of booking, as pure functions of the centre, the room, the time and what is already taken.
/// Opening hours are local (Europe/Warsaw); everything else is UTC, so a day when clocks change just works.
/// </summary>
public static class BookingRules
{
    public static readonly TimeSpan SlotStep = TimeSpan.FromMinutes(30);

    /// <summary>The room's own hours for that weekday if it has any, otherwise the centre's.</summary>
    public static IReadOnlyList<(TimeOnly Opens, TimeOnly Closes)> HoursOn(Centre centre, Room room, DateOnly day)
    {
        var own = centre.OpeningHours.Where(h => h.RoomId == room.Id).ToList();
        var source = own.Count > 0 ? own : centre.OpeningHours.Where(h => h.RoomId is null);
        return [.. source.Where(h => h.Day == day.DayOfWeek).OrderBy(h => h.Opens).Select(h => (h.Opens, h.Closes))];
    }

    /// <summary>A booking lies within one local day (see <see cref="Check"/>): at most 25 hours across a clock change.</summary>
    public static readonly TimeSpan LongestBooking = TimeSpan.FromHours(25);

    public static BookingProblem Check(Centre centre, Room room, DateTime startUtc, DateTime endUtc, int people, DateTime nowUtc, IEnumerable<Busy> busy)
    {
        var zone = centre.TimeZone;
        var length = endUtc - startUtc;
        if (startUtc <= nowUtc) return BookingProblem.InThePast;
        if (length < TimeSpan.FromMinutes(room.MinMinutes)) return BookingProblem.TooShort;
        if (length > TimeSpan.FromMinutes(room.MaxMinutes)) return BookingProblem.TooLong;
        if (people > room.Capacity) return BookingProblem.OverCapacity;

        var localStart = TimeZoneInfo.ConvertTimeFromUtc(startUtc, zone);
        var localEnd = TimeZoneInfo.ConvertTimeFromUtc(endUtc, zone);
        var day = DateOnly.FromDateTime(localStart);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
        if (day.DayNumber - today.DayNumber > room.MaxDaysAhead) return BookingProblem.TooFarAhead;

        var hours = HoursOn(centre, room, day);
        if (hours.Count == 0) return BookingProblem.Closed;
        var fits = DateOnly.FromDateTime(localEnd) == day || localEnd.TimeOfDay == TimeSpan.Zero;
        if (!fits || !hours.Any(h => TimeOnly.FromDateTime(localStart) >= h.Opens && EndOf(localEnd, day) <= h.Closes.ToTimeSpan()))
            return BookingProblem.OutsideHours;
        if (startUtc - nowUtc < TimeSpan.FromMinutes(room.MinNoticeMinutes)) return BookingProblem.TooLittleNotice;

        foreach (var b in busy)
        {
            if (startUtc < b.EndUtc && endUtc > b.StartUtc) return b.IsBlackout ? BookingProblem.Blackout : BookingProblem.Taken;
        }
        return BookingProblem.None;
    }

    /// <summary>Start times (UTC) on a local day where a booking of this length is allowed, every half hour.</summary>
    public static IReadOnlyList<DateTime> FreeStarts(Centre centre, Room room, DateOnly day, TimeSpan length, DateTime nowUtc, IReadOnlyList<Busy> busy) =>
        [.. Candidates(centre, room, day, length).Where(startUtc => Check(centre, room, startUtc, startUtc + length, 0, nowUtc, busy) == BookingProblem.None)];

    /// <summary>
    /// Every half-hour start (UTC) within the day's opening hours where this length still ends before closing. The
    /// end is elapsed time (startUtc + length): two hours are two hours on the night clocks change.
    /// </summary>
    private static IEnumerable<DateTime> Candidates(Centre centre, Room room, DateOnly day, TimeSpan length)
    {
        var zone = centre.TimeZone;
        foreach (var (opens, closes) in HoursOn(centre, room, day))
        {
            for (var local = day.ToDateTime(opens); local + length <= day.ToDateTime(closes); local += SlotStep)
            {
                if (zone.IsInvalidTime(local)) continue; // the hour that does not exist when clocks go forward
                yield return TimeZoneInfo.ConvertTimeToUtc(local, zone);
            }
        }
    }

    /// <summary>
    /// Why no start of this length is free on a local day: the rule that stops most of the day's half hours,
    /// the later one when two stop as many (the evening is what notice leaves last). None when one is free.
    /// </summary>
    public static BookingProblem DayProblem(Centre centre, Room room, DateOnly day, TimeSpan length, DateTime nowUtc, IReadOnlyList<Busy> busy)
    {
        var zone = centre.TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
        if (day < today) return BookingProblem.InThePast;
        if (day.DayNumber - today.DayNumber > room.MaxDaysAhead) return BookingProblem.TooFarAhead;
        if (HoursOn(centre, room, day).Count == 0) return BookingProblem.Closed;
        var problems = new List<BookingProblem>();
        foreach (var startUtc in Candidates(centre, room, day, length))
        {
            var problem = Check(centre, room, startUtc, startUtc + length, 0, nowUtc, busy);
            if (problem == BookingProblem.None) return problem;
            problems.Add(problem);
        }
        if (problems.Count == 0) return BookingProblem.TooLong; // the day is shorter than the length asked
        return problems.Select((p, i) => (p, i)).GroupBy(x => x.p)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(x => x.i)).First().Key;
    }

    /// <summary>What a booking occupies for others: its time plus the room's buffer on both sides.</summary>
    public static Busy Occupied(Booking booking, Room room) => new(
        booking.StartUtc.AddMinutes(-room.BufferMinutes), booking.EndUtc.AddMinutes(room.BufferMinutes), IsBlackout: false);

    private static TimeSpan EndOf(DateTime localEnd, DateOnly day) =>
        DateOnly.FromDateTime(localEnd) == day ? localEnd.TimeOfDay : TimeSpan.FromHours(24);
}
