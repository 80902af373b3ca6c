using MamBot.Data;
using MamBot.Data.Bookings;
using MamBot.Data.Centres;
using MamBot.Dialogs.Bookings;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Admin.Pages;

/// <summary>"Rezerwacje": a week of bookings by day; pending ones are approved or rejected here and the resident is told.</summary>
public sealed class BookingsModel(MamDbContext db, CentreDirectory centres, BookingDesk desk, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, string When, string Room, string Who, string Purpose, BookingStatus Status);

    [BindProperty(SupportsGet = true)] public int Week { get; set; }
    [TempData] public string? Message { get; set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<(string Day, IReadOnlyList<Row> Rows)> Days { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        var zone = centre.TimeZone;
        var monday = LocalCalendar.MondayOf(LocalCalendar.Today(time.GetUtcNow().UtcDateTime, zone)).AddDays(7 * Week);
        var from = LocalCalendar.StartUtc(monday, zone);
        var to = LocalCalendar.StartUtc(monday.AddDays(7), zone);
        Title = $"{Polish.Date(monday)} – {Polish.Date(monday.AddDays(6))}";

        var rooms = centre.Rooms.ToDictionary(r => r.Id);
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.StartUtc >= from && b.StartUtc < to).OrderBy(b => b.StartUtc).ToListAsync(ct);
        Days = [.. bookings
            .GroupBy(b => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(b.StartUtc, zone)))
            .Select(g => (Polish.Date(g.Key), (IReadOnlyList<Row>)[.. g.Select(b => new Row(b.Id,
                $"{Time(b.StartUtc, zone)}–{Time(b.EndUtc, zone)}", rooms.TryGetValue(b.RoomId, out var r) ? r.Name : "?",
                string.IsNullOrEmpty(b.ContactName) ? "(dane usunięte)" : $"{b.ContactName}, {Polish.Count(b.People, T.PeopleForms)}",
                b.Purpose, b.Status))]))];
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct)
    {
        Message = await desk.ApproveAsync(id, null, ct) is null ? "Tej rezerwacji nie można już zatwierdzić." : "Zatwierdzono. Mieszkaniec dostanie wiadomość.";
        return RedirectToPage(new { Week });
    }

    public async Task<IActionResult> OnPostRejectAsync(int id, string? note, CancellationToken ct)
    {
        Message = await desk.RejectAsync(id, note, ct) is null ? "Tej rezerwacji nie można już odrzucić." : "Odrzucono. Mieszkaniec dostanie wiadomość z powodem.";
        return RedirectToPage(new { Week });
    }

    public static string StatusName(BookingStatus status) => status switch
    {
        BookingStatus.Pending => "czeka na decyzję",
        BookingStatus.Confirmed => "potwierdzona",
        BookingStatus.Rejected => "odrzucona",
        _ => "odwołana",
    };

    private static string Time(DateTime utc, TimeZoneInfo zone) => Polish.Time(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone)));
}
