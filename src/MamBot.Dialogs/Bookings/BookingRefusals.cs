using MamBot.Data.Bookings;
using MamBot.Data.Centres;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Bookings;

/// <summary>
/// A refusal says the rule that really stopped the booking, with its numbers ("co najmniej 24 godziny
/// wcześniej", "w sobotę od 10:00 do 14:00"), then the nearest times that every rule allows.
/// </summary>
public static class BookingRefusals
{
    public static string Explain(BookingProblem problem, Centre centre, Room room, DateOnly day) => problem switch
    {
        BookingProblem.InThePast => T.BookProblemInThePast,
        BookingProblem.TooLittleNotice => Wording.Format(T.BookProblemTooLittleNotice, Notice(room.MinNoticeMinutes)),
        BookingProblem.TooFarAhead => Wording.Format(T.BookProblemTooFarAhead, Wording.Count(room.MaxDaysAhead, T.DaysForms)),
        BookingProblem.Closed => Wording.Format(T.BookProblemClosed, Wording.Capitalised(Wording.OnDay(day.DayOfWeek))),
        BookingProblem.OutsideHours => Wording.Format(T.BookProblemOutsideHours, Wording.Capitalised(Wording.OnDay(day.DayOfWeek)), Hours(centre, room, day)),
        BookingProblem.TooShort => Wording.Format(T.BookProblemTooShort, BookingSlots.Minutes(room.MinMinutes)),
        BookingProblem.TooLong => Wording.Format(T.BookProblemTooLong, BookingSlots.Minutes(room.MaxMinutes)),
        BookingProblem.OverCapacity => Wording.Format(T.BookProblemOverCapacity, Wording.Count(room.Capacity, T.PeopleForms), room.NameNow()),
        BookingProblem.Blackout => T.BookProblemBlackout,
        BookingProblem.TooManyActive => Wording.Format(T.BookProblemTooManyActive, Wording.Count(centre.MaxActiveBookingsPerResident, T.BookingsForms)),
        _ => T.BookProblemTaken,
    };

    /// <summary>" Wolne są jeszcze: piątek, 27 listopada: 13:30, 14:00; sobota, 28 listopada: 10:00." or nothing.</summary>
    public static string Alternatives(IReadOnlyList<DateTime> alternatives, TimeZoneInfo zone)
    {
        if (alternatives.Count == 0) return "";
        var byDay = alternatives
            .Select(a => TimeZoneInfo.ConvertTimeFromUtc(a, zone))
            .GroupBy(local => DateOnly.FromDateTime(local))
            .Select(day => $"{Wording.Date(day.Key)}: {string.Join(", ", day.Select(t => Wording.Time(TimeOnly.FromDateTime(t))))}");
        return " " + Wording.Format(T.BookAlternatives, string.Join("; ", byDay));
    }

    /// <summary>"od 10:00 do 14:00", or "od 10:00 do 12:00 i od 16:00 do 20:00".</summary>
    private static string Hours(Centre centre, Room room, DateOnly day) =>
        string.Join(" " + T.And + " ", BookingRules.HoursOn(centre, room, day)
            .Select(h => Wording.Format(T.FromTo, Wording.Time(h.Opens), Wording.Time(h.Closes))));

    /// <summary>How long before: "2 dni", "24 godziny", "1 godzinę", "30 minut" (after "co najmniej").</summary>
    private static string Notice(int minutes) => minutes switch
    {
        >= 2880 when minutes % 1440 == 0 => Wording.Count(minutes / 1440, T.DaysForms),
        _ when minutes % 60 == 0 => Wording.Count(minutes / 60, T.HoursFormsAccusative),
        _ => Wording.Count(minutes, T.MinutesFormsAccusative),
    };
}
