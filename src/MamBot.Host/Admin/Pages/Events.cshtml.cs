using System.Globalization;
using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Dialogs.Events;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages;

/// <summary>"Wydarzenia": the next weeks' events with sign-ups, a form to add one (subscribers are told), and cancelling (those signed up are told).</summary>
public sealed class EventsModel(EventService events, CentreDirectory centres, EventDesk desk, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, string When, string Title, string Place, string Category, string Places);

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
    }

    [BindProperty] public NewEventForm Form { get; set; } = new();
    [TempData] public string? Message { get; set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<Row> Upcoming { get; private set; } = [];
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
        if (errors.Count == 0)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(Form.Day!.Value.ToDateTime(Form.Start!.Value), centre.TimeZone);
            var end = TimeZoneInfo.ConvertTimeToUtc(Form.Day!.Value.ToDateTime(Form.End!.Value), centre.TimeZone);
            var change = await desk.CreateAsync(new NewEvent(centre.Id, Form.Title, Form.Description, start, end, Form.RoomId, Form.Category, Form.Capacity, Form.Organiser,
                Form.DescriptionUk, Form.DescriptionEn, Form.Names()), ct);
            if (change.Event is { } created)
            {
                Message = Wording.Format(AdminText.EventAdded, created.Title);
                return RedirectToPage();
            }
            errors.Add(Explain(change, centre.TimeZone));
        }
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
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

    /// <summary>Why an event could not be added or moved, naming what holds the room.</summary>
    public static string Explain(EventChange change, TimeZoneInfo zone) => change.Problem switch
    {
        EventProblem.InThePast => AdminText.TimeHasPassed,
        EventProblem.EndBeforeStart => AdminText.EndBeforeStart,
        EventProblem.Cancelled => AdminText.EventIsCancelled,
        EventProblem.RoomTaken => Wording.Format(AdminText.EventRoomTaken, string.Join("; ",
            change.ConflictingBookings.Select(b => Wording.Format(AdminText.EventClashBooking, Wording.DateTime(b.StartUtc, zone), b.Purpose))
                .Concat(change.ConflictingEvents.Select(e => Wording.Format(AdminText.EventClashEvent, e.Title, Wording.DateTime(e.StartUtc, zone)))))),
        _ => AdminText.EventNotSaved,
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        Rooms = centre.Rooms;
        var now = time.GetUtcNow().UtcDateTime;
        var upcoming = await events.ListAsync(centre.Id, now, now.AddDays(28), category: null, ct);
        Upcoming = [.. upcoming.Select(x => new Row(x.Event.Id, Wording.DateTime(x.Event.StartUtc, centre.TimeZone), x.Event.Title,
            EventTexts.Place(x.Event, centre), EventTexts.Category(x.Event.Category),
            x.Event.Capacity is { } capacity
                ? Wording.Format(AdminText.EventPlacesLimited, x.Going, capacity, x.Waiting)
                : Wording.Format(AdminText.EventPlacesOpen, x.Going)))];
    }
}
