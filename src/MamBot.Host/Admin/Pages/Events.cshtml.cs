using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Dialogs.Events;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages;

/// <summary>
/// "Wydarzenia": four weeks at a time, back and ahead without limit, or a search over titles; a form to add an
/// event or a weekly series (announced only after the team's preview), and cancelling one date (those signed up are told).
/// </summary>
public sealed class EventsModel(EventService events, CentreDirectory centres, EventDesk desk, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, string When, string Title, string Place, string Category, string Places,
        bool IsOn, bool IsAhead, bool InSeries, bool Announced);

    public sealed class NewEventForm
    {
        public string Title { get; set => field = value ?? ""; } = "";
        public string Description { get; set => field = value ?? ""; } = "";
        public string? DescriptionUk { get; set; }
        public string? DescriptionEn { get; set; }
        public string Organiser { get; set => field = value ?? ""; } = "";
        public string? TitleUk { get; set; }
        public string? TitleEn { get; set; }
        public string? OrganiserUk { get; set; }
        public string? OrganiserEn { get; set; }

        public EventNames Names() => new(TitleUk, TitleEn, OrganiserUk, OrganiserEn);
        public DateOnly? Day { get; set; }
        public TimeOnly? Start { get; set; }
        public TimeOnly? End { get; set; }
        public int? RoomId { get; set; }
        public EventCategory Category { get; set; } = EventCategory.Neighbours;
        public int? Capacity { get; set; }

        /// <summary>0: once; otherwise every so many weeks, until a count of dates or a last day.</summary>
        public int RepeatWeeks { get; set; }
        public int? RepeatCount { get; set; }
        public DateOnly? RepeatUntil { get; set; }
    }

    /// <summary>How far the list may be paged: further is no plan anyone keeps.</summary>
    private const int MaxWindowsAway = 60;
    public const int WindowDays = 28;

    [BindProperty] public NewEventForm Form { get; set; } = new();
    [TempData] public string? Message { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<Row> Listed { get; private set; } = [];
    public IReadOnlyList<Room> Rooms { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        var errors = new List<string>();
        if (Form.Title.Trim().Length is < 3 or > 120) errors.Add(AdminText.EventTitleLength);
        if (Form.Day is null || Form.Start is null || Form.End is null) errors.Add(AdminText.GiveDayAndTimes);
        if (Form.Capacity is <= 0) errors.Add(AdminText.PlacesPositiveOrEmpty);
        if (Form.RoomId is { } room && centre.Rooms.All(r => r.Id != room)) errors.Add(AdminText.PickRoomFromList);
        var days = Form.Day is { } first ? Days(first, errors) : [];
        if (errors.Count == 0)
        {
            var zone = centre.TimeZone;
            var dates = days.Select(d => (TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(Form.Start!.Value), zone),
                TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(Form.End!.Value), zone))).ToList();
            var series = await desk.CreateSeriesAsync(new NewEvent(centre.Id, Form.Title, Form.Description, dates[0].Item1, dates[0].Item2,
                Form.RoomId, Form.Category, Form.Capacity, Form.Organiser, Form.DescriptionUk, Form.DescriptionEn, Form.Names()), dates, ct);
            if (series.Created is [var created, ..])
            {
                Message = Wording.Format(AdminText.EventAddedPreview, created.Title, series.Created.Count);
                return RedirectToPage("EventAnnounce", new { id = created.Id });
            }
            errors.AddRange(series.Refused.Select(r => Explain(r, centre)));
        }
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The local days the form asks for: one, or a weekly series ended by a count or a last day.</summary>
    private List<DateOnly> Days(DateOnly first, List<string> errors)
    {
        if (Form.RepeatWeeks <= 0) return [first];
        if ((Form.RepeatCount is null) == (Form.RepeatUntil is null))
        {
            errors.Add(AdminText.RepeatNeedsEnd);
            return [];
        }
        var days = EventRules.Days(first, new Repeat(Form.RepeatWeeks, Form.RepeatCount, Form.RepeatUntil));
        if (days.Count is >= 2 and <= EventRules.MaxOccurrences) return [.. days];
        errors.Add(AdminText.RepeatTooLong);
        return [];
    }

    /// <summary>Reached only from the confirmation under "Odwołaj…", with the optional reason the participants get.</summary>
    /// <remarks>A POST without confirmed=yes (not from that button) only asks, on the shared confirmation page.</remarks>
    public async Task<IActionResult> OnPostCancelAsync(int id, string? reason, CancellationToken ct)
    {
        reason = reason is { Length: > 300 } ? reason[..300] : reason;
        if (!this.IsConfirmed())
        {
            if (await events.FindAsync(id, ct) is not { Event.IsOn: true } found) return NotFound();
            var zone = (await centres.GetAsync(found.Event.CentreId, ct)).TimeZone;
            return this.Confirm(new Confirmation(AdminText.ConfirmCancelEventTitle,
                Wording.Format(AdminText.ConfirmCancelEventQuestion, found.Event.Title, EventTexts.When(found.Event, zone)),
                AdminText.ConfirmCancelEventButton, $"/admin/events/{id}")
            {
                Notice = await desk.NoticePreviewAsync(id, restore: false, reason, ct) is { } text ? new(text, Data.Residents.Languages.Polish) : null,
                NoticeTo = Wording.Format(AdminText.ConfirmCancelEventTo, found.Going + found.Waiting),
                Reason = new ConfirmReason("reason", AdminText.ConfirmCancelEventReason, reason, Required: false),
            });
        }
        var cancelled = await desk.CancelAsync(id, ct, reason);
        Message = cancelled is null ? AdminText.EventCannotCancel : Wording.Format(AdminText.EventCancelled, cancelled.Title);
        // The event's page offers the undo ("Przywróć…").
        return cancelled is null ? RedirectToPage() : Redirect($"/admin/events/{id}");
    }

    /// <summary>Why an event could not be added or moved, naming the date and what is in the way.</summary>
    public static string Explain(EventChange change, Centre centre)
    {
        var zone = centre.TimeZone;
        var why = change.Problem switch
        {
            EventProblem.InThePast => AdminText.TimeHasPassed,
            EventProblem.EndBeforeStart => AdminText.EndBeforeStart,
            EventProblem.Cancelled => AdminText.EventIsCancelled,
            EventProblem.Closed => AdminText.EventClosedThatWeekday,
            EventProblem.OutsideHours => Wording.Format(AdminText.EventOutsideHours, HoursOf(centre, change.AtUtc)),
            EventProblem.ClosedThatDay => Wording.Format(AdminText.EventClosedForDay, change.Closure?.Reason ?? ""),
            EventProblem.RoomTaken => Wording.Format(AdminText.EventRoomTaken, string.Join("; ",
                change.ConflictingBookings.Select(b => Wording.Format(AdminText.EventClashBooking, Wording.DateTime(b.StartUtc, zone), b.Purpose))
                    .Concat(change.ConflictingEvents.Select(e => Wording.Format(AdminText.EventClashEvent, e.Title, Wording.DateTime(e.StartUtc, zone)))))),
            _ => AdminText.EventNotSaved,
        };
        return change.AtUtc is { } at ? Wording.Format(AdminText.EventAtDate, Wording.DateTime(at, zone), why) : why;
    }

    /// <summary>"10:00–20:00": the centre's hours on that local weekday.</summary>
    private static string HoursOf(Centre centre, DateTime? atUtc)
    {
        if (atUtc is not { } at) return "";
        var day = TimeZoneInfo.ConvertTimeFromUtc(at, centre.TimeZone).DayOfWeek;
        return string.Join(", ", centre.OpeningHours.Where(h => h.RoomId is null && h.Day == day).OrderBy(h => h.Opens)
            .Select(h => $"{Wording.Time(h.Opens)}–{Wording.Time(h.Closes)}"));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        Rooms = centre.Rooms;
        var now = time.GetUtcNow().UtcDateTime;
        Today = LocalCalendar.Today(now, centre.TimeZone);
        From = From is { } from && Math.Abs(from.DayNumber - Today.DayNumber) <= MaxWindowsAway * WindowDays ? from : Today;
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim()[..Math.Min(Q.Trim().Length, 80)];
        var found = await events.TeamListAsync(centre.Id, LocalCalendar.StartUtc(From.Value, centre.TimeZone),
            LocalCalendar.StartUtc(From.Value.AddDays(WindowDays), centre.TimeZone), Q, ct);
        Listed = [.. found.Select(x => new Row(x.Event.Id, Wording.DateTime(x.Event.StartUtc, centre.TimeZone), x.Event.Title,
            EventTexts.Place(x.Event, centre), EventTexts.Category(x.Event.Category),
            x.Event.Capacity is { } capacity
                ? Wording.Format(AdminText.EventPlacesLimited, x.Going, capacity, x.Waiting)
                : Wording.Format(AdminText.EventPlacesOpen, x.Going),
            x.Event.IsOn, x.Event.EndUtc > now, x.Event.SeriesId is not null, x.Event.AnnouncedUtc is not null))];
    }
}
