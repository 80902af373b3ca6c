using MamBot.Data.Calendar;
using MamBot.Data.Centres;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages.Calendar;

public enum CalendarView { Day, Week, Month }

/// <summary>
/// "Kalendarz": a day, a week or a month of bookings, events and closures together on the centre's clock; in a day
/// or a week the rooms stand across as columns (and "poza salą" for events elsewhere), on a phone a list per day.
/// </summary>
public sealed class IndexModel(CentreCalendar calendar, CentreDirectory centres, TimeProvider time) : PageModel
{
    /// <summary>One thing shown: when on the clock, what, which kind, where its page is.</summary>
    public sealed record Entry(CalendarKind Kind, int? RoomId, string Time, string Title, string What, string? Link, bool Pending);

    /// <summary>One local day: its entries by column (room id, or null: elsewhere) and what closes the whole centre.</summary>
    public sealed record Day(DateOnly Date, string Hours, IReadOnlyList<Entry> Entries)
    {
        public IEnumerable<Entry> In(int? roomId) => Entries.Where(e => e.RoomId == roomId && !(e.Kind == CalendarKind.Closure && roomId is null));
        public IEnumerable<Entry> CentreClosures => Entries.Where(e => e.Kind == CalendarKind.Closure && e.RoomId is null);
    }

    /// <summary>day, week or month (the default: a week).</summary>
    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }

    public CalendarView Shown { get; private set; }
    public DateOnly Today { get; private set; }
    public DateOnly First { get; private set; }
    public string Heading { get; private set; } = "";
    public DateOnly Previous { get; private set; }
    public DateOnly Next { get; private set; }
    public IReadOnlyList<Room> Rooms { get; private set; } = [];
    public IReadOnlyList<Day> Days { get; private set; } = [];

    /// <summary>Rooms across, then "elsewhere" for events outside the rooms.</summary>
    public IEnumerable<(int? Id, string Name)> Columns =>
        Rooms.Select(r => ((int?)r.Id, r.Name)).Append((null, AdminText.CalendarElsewhere));

    public static string Key(CalendarView view) => view switch
    {
        CalendarView.Day => "day",
        CalendarView.Month => "month",
        _ => "week",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        var zone = centre.TimeZone;
        var now = time.GetUtcNow().UtcDateTime;
        Today = LocalCalendar.Today(now, zone);
        Rooms = centre.Rooms;
        Shown = View switch { "day" => CalendarView.Day, "month" => CalendarView.Month, _ => CalendarView.Week };
        // Ten years either way is far enough: further is a typing slip, not a plan.
        var date = Date is { } d && Math.Abs(d.DayNumber - Today.DayNumber) <= 3660 ? d : Today;
        Date = date;
        (First, var count) = Shown switch
        {
            CalendarView.Day => (date, 1),
            CalendarView.Week => (LocalCalendar.MondayOf(date), 7),
            _ => (LocalCalendar.MondayOf(new DateOnly(date.Year, date.Month, 1)), 0),
        };
        if (Shown == CalendarView.Month)
        {
            var afterMonth = new DateOnly(date.Year, date.Month, 1).AddMonths(1);
            count = LocalCalendar.MondayOf(afterMonth.AddDays(6)).DayNumber - First.DayNumber;
        }
        (Previous, Next, Heading) = Shown switch
        {
            CalendarView.Day => (date.AddDays(-1), date.AddDays(1), Wording.Capitalised(Wording.Date(date)) + " " + date.Year),
            CalendarView.Week => (First.AddDays(-7), First.AddDays(7),
                $"{Wording.Date(First)} – {Wording.Date(First.AddDays(6))} {First.AddDays(6).Year}"),
            _ => (new DateOnly(date.Year, date.Month, 1).AddMonths(-1), new DateOnly(date.Year, date.Month, 1).AddMonths(1),
                Wording.Format(AdminText.CalendarMonthHeading, AdminText.CalendarMonths.Split('|')[date.Month - 1], date.Year)),
        };

        // Local midnights in UTC: a day of 23 or 25 hours when the clocks change is still one day.
        var items = await calendar.ItemsAsync(centre.Id, LocalCalendar.StartUtc(First, zone),
            LocalCalendar.StartUtc(First.AddDays(count), zone), ct);
        var rooms = centre.Rooms.ToDictionary(r => r.Id);
        Days = [.. Enumerable.Range(0, count).Select(i => First.AddDays(i)).Select(day =>
        {
            var (from, to) = (LocalCalendar.StartUtc(day, zone), LocalCalendar.StartUtc(day.AddDays(1), zone));
            return new Day(day, HoursText(centre, day), [.. items.Where(x => x.StartUtc < to && x.EndUtc > from)
                .Select(x => Describe(x, from, to, zone, rooms))]);
        })];
    }

    /// <summary>"10:00–20:00" or "nieczynne": the centre's own hours that weekday.</summary>
    private static string HoursText(Centre centre, DateOnly day)
    {
        var hours = centre.OpeningHours.Where(h => h.RoomId is null && h.Day == day.DayOfWeek).OrderBy(h => h.Opens).ToList();
        return hours.Count == 0 ? AdminText.CalendarCentreClosed
            : string.Join(", ", hours.Select(h => $"{Wording.Time(h.Opens)}–{Wording.Time(h.Closes)}"));
    }

    private Entry Describe(CalendarItem item, DateTime dayFromUtc, DateTime dayToUtc, TimeZoneInfo zone, Dictionary<int, Room> rooms)
    {
        var (starts, ends) = (item.StartUtc > dayFromUtc, item.EndUtc < dayToUtc);
        var when = (starts, ends) switch
        {
            (false, false) => AdminText.CalendarAllDay,
            (true, true) => $"{Wording.Time(item.StartUtc, zone)}–{Wording.Time(item.EndUtc, zone)}",
            (true, false) => Wording.Format(AdminText.CalendarFrom, Wording.Time(item.StartUtc, zone)),
            _ => Wording.Format(AdminText.CalendarUntil, Wording.Time(item.EndUtc, zone)),
        };
        var room = item.RoomId is { } id && rooms.TryGetValue(id, out var r) ? r.Name : null;
        return item.Kind switch
        {
            CalendarKind.Booking => new(item.Kind, item.RoomId, when, item.Title,
                item.Pending ? AdminText.CalendarBookingPending : AdminText.CalendarBooking,
                $"/admin/bookings?week={WeeksFromNow(item.StartUtc, zone)}#booking-{item.Id}", item.Pending),
            CalendarKind.Event => new(item.Kind, item.RoomId, when, item.Title, AdminText.CalendarEvent,
                $"/admin/events/{item.Id}", false),
            _ => new(item.Kind, item.RoomId, when, item.Title,
                room is null ? AdminText.CalendarCentreClosure : Wording.Format(AdminText.CalendarRoomClosure, room), null, false),
        };
    }

    /// <summary>The bookings page counts weeks from this one.</summary>
    private int WeeksFromNow(DateTime utc, TimeZoneInfo zone) =>
        (LocalCalendar.MondayOf(LocalCalendar.Today(utc, zone)).DayNumber - LocalCalendar.MondayOf(Today).DayNumber) / 7;

    /// <summary>The address of the same calendar at another view or date.</summary>
    public static string Address(CalendarView view, DateOnly date) =>
        $"/admin/calendar?view={Key(view)}&date={date:yyyy-MM-dd}";

    /// <summary>The room's name, for an entry shown in a list (a phone) rather than under its column.</summary>
    public string Place(Entry entry) =>
        entry.RoomId is { } id ? Rooms.FirstOrDefault(r => r.Id == id)?.Name ?? "" : entry.Kind == CalendarKind.Event ? AdminText.CalendarElsewhere : "";
}
