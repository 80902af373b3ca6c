using MamBot.Data.Centres;
using MamBot.Data.Search;
using MamBot.Dialogs.Events;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages;

/// <summary>"Szukaj": the box in the menu finds events (past ones too), bookings and residents, grouped.</summary>
public sealed class SearchModel(PanelSearch search, CentreDirectory centres, TimeProvider time) : PageModel
{
    public sealed record Line(string Link, string Text, string Details);

    public sealed record Group(string Id, string Heading, int Total, IReadOnlyList<Line> Lines);

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<Group> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim()[..Math.Min(Q.Trim().Length, 80)];
        if (Q is null || Q.Length < 2) return;
        var centre = await centres.GetDefaultAsync(ct);
        var zone = centre.TimeZone;
        var now = time.GetUtcNow().UtcDateTime;
        var found = await search.FindAsync(centre.Id, Q, ct);
        // The bookings page counts weeks from this one.
        int WeeksAway(DateTime utc) => (LocalCalendar.MondayOf(LocalCalendar.Today(utc, zone)).DayNumber
            - LocalCalendar.MondayOf(LocalCalendar.Today(now, zone)).DayNumber) / 7;
        string Status(bool past, bool cancelled) => cancelled ? AdminText.SearchCancelled : past ? AdminText.SearchPast : AdminText.SearchAhead;
        Groups =
        [
            new("events", AdminText.SearchEvents, found.EventsTotal, [.. found.Events.Select(e => new Line($"/admin/events/{e.Id}", e.Title,
                $"{Wording.DateTime(e.StartUtc, zone)} · {EventTexts.Place(e, centre)} · {Status(e.EndUtc <= now, !e.IsOn)}"))]),
            new("bookings", AdminText.SearchBookings, found.BookingsTotal, [.. found.Bookings.Select(b => new Line(
                $"/admin/bookings?week={WeeksAway(b.Booking.StartUtc)}#booking-{b.Booking.Id}", b.Booking.Purpose,
                $"{Wording.DateTime(b.Booking.StartUtc, zone)}–{Wording.Time(b.Booking.EndUtc, zone)} · {b.Room} · {b.Booking.ContactName} · "
                + BookingsModel.StatusName(b.Booking.Status)))]),
            new("residents", AdminText.SearchResidents, found.ResidentsTotal, [.. found.Residents.Select(r => new Line($"/admin/residents/{r.Id}",
                r.Name ?? AdminText.ResidentWithoutName,
                string.Join(", ", r.Channels.Select(Wording.ChannelName))))]),
        ];
    }
}
