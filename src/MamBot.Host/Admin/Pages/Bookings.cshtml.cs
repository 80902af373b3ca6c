using MamBot.Data;
using MamBot.Data.Bookings;
using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Dialogs.Bookings;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Admin.Pages;

/// <summary>"Rezerwacje": a week of bookings by day; pending ones are approved or rejected here and the resident is told.</summary>
public sealed class BookingsModel(MamDbContext db, CentreDirectory centres, BookingDesk desk, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, string When, string Room, string Who, string? Phone, string Purpose, BookingStatus Status, bool IsAhead);

    /// <summary>An event that holds a room that week, shown beside the bookings so the week shows what the rooms are used for.</summary>
    public sealed record EventRow(int Id, string When, string Room, string Title);

    public sealed class StaffBookingForm
    {
        public int? RoomId { get; set; }
        public DateOnly? Day { get; set; }
        public TimeOnly? Start { get; set; }
        public TimeOnly? End { get; set; }
        public int People { get; set; } = 1;
        public string Purpose { get; set => field = value ?? ""; } = "";
        public string ContactName { get; set => field = value ?? ""; } = "";
        public string? Phone { get; set; }
    }

    [BindProperty] public StaffBookingForm Form { get; set; } = new();
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<Room> Rooms { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public int Week { get; set; }
    private const int MaxWeeksAway = 520;
    [TempData] public string? Message { get; set; }
    public string Title { get; private set; } = "";
    /// <summary>Each day of the week with something on it: bookings and events in rooms, by start time (one of the two is set).</summary>
    public IReadOnlyList<(string Day, IReadOnlyList<(Row? Booking, EventRow? Event)> Entries)> Days { get; private set; } = [];
    /// <summary>Every booking still waiting for the team, whatever week it falls in (the Dziś count leads here).</summary>
    public IReadOnlyList<Row> Pending { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        Rooms = centre.Rooms;
        var now = time.GetUtcNow().UtcDateTime;
        var zone = centre.TimeZone;
        Week = Math.Clamp(Week, -MaxWeeksAway, MaxWeeksAway); // ?week=999999 is no calendar anyone keeps
        var monday = LocalCalendar.MondayOf(LocalCalendar.Today(time.GetUtcNow().UtcDateTime, zone)).AddDays(7 * Week);
        var from = LocalCalendar.StartUtc(monday, zone);
        var to = LocalCalendar.StartUtc(monday.AddDays(7), zone);
        Title = $"{Wording.Date(monday)} – {Wording.Date(monday.AddDays(6))}";

        var rooms = centre.Rooms.ToDictionary(r => r.Id);
        Row ToRow(Booking b, string when) => new(b.Id, when, rooms.TryGetValue(b.RoomId, out var r) ? r.Name : "?",
            string.IsNullOrEmpty(b.ContactName) ? AdminText.ContactErased
                : $"{b.ContactName}, {(string.IsNullOrWhiteSpace(b.Phone) ? "" : Wording.Format(AdminText.BookingPhone, b.Phone) + ", ")}{Wording.Count(b.People, T.PeopleForms)}",
            string.IsNullOrEmpty(b.ContactName) ? null : b.Phone, b.Purpose, b.Status, b.EndUtc > now);
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.StartUtc >= from && b.StartUtc < to).OrderBy(b => b.StartUtc).ToListAsync(ct);
        var events = await db.Events.AsNoTracking()
            .Where(e => e.CentreId == centre.Id && e.RoomId != null && e.Status == EventStatus.Scheduled && e.StartUtc >= from && e.StartUtc < to)
            .OrderBy(e => e.StartUtc).ToListAsync(ct);
        DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
        string Span(DateTime startUtc, DateTime endUtc) => $"{Wording.Time(startUtc, zone)}–{Wording.Time(endUtc, zone)}";
        var entries = bookings.Select(b => (b.StartUtc, Booking: (Row?)ToRow(b, Span(b.StartUtc, b.EndUtc)), Event: (EventRow?)null))
            .Concat(events.Select(e => (e.StartUtc, Booking: (Row?)null,
                Event: (EventRow?)new EventRow(e.Id, Span(e.StartUtc, e.EndUtc), rooms.TryGetValue(e.RoomId!.Value, out var r) ? r.Name : "?", e.Title))));
        Days = [.. entries.OrderBy(x => x.StartUtc).GroupBy(x => LocalDay(x.StartUtc))
            .Select(g => (Wording.Date(g.Key), (IReadOnlyList<(Row?, EventRow?)>)[.. g.Select(x => (x.Booking, x.Event))]))];
        Pending = [.. (await db.Bookings.AsNoTracking().Where(b => b.Status == BookingStatus.Pending && b.EndUtc > now).OrderBy(b => b.StartUtc).ToListAsync(ct))
            .Select(b => ToRow(b, $"{Wording.Date(LocalDay(b.StartUtc))}, {Span(b.StartUtc, b.EndUtc)}"))];
    }

    /// <summary>Asks first (what the resident will read), then approves: the resident hears it and gets reminders.</summary>
    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct)
    {
        if (!this.IsConfirmed())
            return await AskAsync(id, BookingNotice.Approved, null, AdminText.ConfirmApproveTitle, AdminText.ConfirmApproveQuestion,
                AdminText.ConfirmApproveButton, ct) is { } ask ? this.Confirm(ask with { Destructive = false }) : Gone();
        Message = await desk.ApproveAsync(id, null, ct) is null ? AdminText.BookingCannotApprove : AdminText.BookingApproved;
        return RedirectToPage(new { Week });
    }

    /// <summary>Asks for the reason the resident will read (required) and shows their message with it, then rejects.</summary>
    public async Task<IActionResult> OnPostRejectAsync(int id, string? note, CancellationToken ct)
    {
        note = note?.Trim() is { Length: > 0 } given ? given[..Math.Min(given.Length, 200)] : null;
        if (!this.IsConfirmed() || note is null)
        {
            var ask = await AskAsync(id, BookingNotice.Rejected, note, AdminText.ConfirmRejectTitle, AdminText.ConfirmRejectQuestion,
                AdminText.ConfirmRejectButton, ct);
            if (ask is null) return Gone();
            if (this.IsConfirmed()) Response.StatusCode = StatusCodes.Status400BadRequest;
            return this.Confirm(ask with
            {
                Reason = new ConfirmReason("note", AdminText.ConfirmRejectReason, note, MaxLength: 200),
                Error = this.IsConfirmed() ? AdminText.BookingRejectNeedsReason : null,
            });
        }
        Message = await desk.RejectAsync(id, note, ct) is null ? AdminText.BookingCannotReject : AdminText.BookingRejected;
        return RedirectToPage(new { Week });
    }

    /// <summary>A booking made by the team: confirmed at once; the residents' limits (notice, length, hours) do not apply.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        var errors = new List<string>();
        if (Form.RoomId is not { } roomId || centre.Rooms.All(r => r.Id != roomId)) errors.Add(AdminText.PickRoomFromList);
        if (Form.Day is null || Form.Start is null || Form.End is null) errors.Add(AdminText.GiveDayAndTimes);
        if (Form.People < 1) errors.Add(AdminText.BookingPeopleAtLeastOne);
        if (Form.Purpose.Trim().Length is < 3 or > 200) errors.Add(AdminText.BookingPurposeLength);
        if (Form.ContactName.Trim().Length is < 2 or > 100) errors.Add(AdminText.BookingForWhom);
        if (errors.Count == 0)
        {
            var attempt = await desk.BookForStaffAsync(new StaffBooking(Form.RoomId!.Value,
                TimeZoneInfo.ConvertTimeToUtc(Form.Day!.Value.ToDateTime(Form.Start!.Value), centre.TimeZone),
                TimeZoneInfo.ConvertTimeToUtc(Form.Day!.Value.ToDateTime(Form.End!.Value), centre.TimeZone),
                Form.People, Form.Purpose, Form.ContactName, string.IsNullOrWhiteSpace(Form.Phone) ? null : Form.Phone.Trim()), ct);
            if (attempt.Booking is { } booking)
            {
                Message = Wording.Format(AdminText.BookingMade, BookingDesk.When(booking, centre.Rooms.First(r => r.Id == booking.RoomId), centre.TimeZone));
                var monday = LocalCalendar.MondayOf(LocalCalendar.Today(time.GetUtcNow().UtcDateTime, centre.TimeZone));
                return RedirectToPage(new { week = (LocalCalendar.MondayOf(Form.Day.Value).DayNumber - monday.DayNumber) / 7 });
            }
            errors.Add(attempt.Problem switch
            {
                BookingProblem.InThePast => AdminText.TimeHasPassed,
                BookingProblem.TooShort => AdminText.EndBeforeStart,
                BookingProblem.OverCapacity => AdminText.BookingOverCapacity,
                BookingProblem.Blackout => AdminText.BookingBlackout,
                _ => AdminText.BookingTaken,
            });
        }
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        if (!this.IsConfirmed())
            return await AskAsync(id, BookingNotice.Cancelled, null, AdminText.ConfirmCancelBookingTitle, AdminText.ConfirmCancelBookingQuestion,
                AdminText.ConfirmCancelBookingButton, ct) is { } ask ? this.Confirm(ask) : Gone();
        Message = await desk.CancelAsync(id, byResident: null, ct) switch
        {
            null => AdminText.BookingCannotCancel,
            { ResidentId: null } => AdminText.BookingCancelled,
            _ => AdminText.BookingCancelledResidentTold,
        };
        return RedirectToPage(new { Week });
    }

    /// <summary>The question about one booking of this week or of those waiting, with the resident's message; null when it is gone.</summary>
    private async Task<Confirmation?> AskAsync(int id, BookingNotice notice, string? note, string title, string question, string button,
        CancellationToken ct)
    {
        await LoadAsync(ct);
        var day = Days.FirstOrDefault(d => d.Entries.Any(e => e.Booking?.Id == id)).Day;
        var inWeek = Days.SelectMany(d => d.Entries).Select(e => e.Booking).FirstOrDefault(b => b?.Id == id);
        var row = Pending.FirstOrDefault(p => p.Id == id) ?? (inWeek is null ? null : inWeek with { When = $"{day}, {inWeek.When}" });
        if (row is null) return null;
        var said = await desk.NoticePreviewAsync(id, notice, note, ct);
        if (said is null && notice == BookingNotice.Cancelled) question = AdminText.ConfirmCancelBookingTeam;
        return new Confirmation(title, Wording.Format(question, row.When, row.Room, row.Purpose, row.Who), button, $"/admin/bookings?week={Week}")
        {
            Notice = said,
        };
    }

    /// <summary>Decided or cancelled meanwhile (by someone else, or in the staff chat): back to the week, saying so.</summary>
    private RedirectToPageResult Gone()
    {
        Message = AdminText.BookingCannotCancel;
        return RedirectToPage(new { Week });
    }

    public static string StatusName(BookingStatus status) => status switch
    {
        BookingStatus.Pending => AdminText.BookingStatusPending,
        BookingStatus.Confirmed => AdminText.BookingStatusConfirmed,
        BookingStatus.Rejected => AdminText.BookingStatusRejected,
        _ => AdminText.BookingStatusCancelled,
    };
}
