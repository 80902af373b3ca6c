using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Dialogs.Events;
using MamBot.Dialogs.Staff;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages;

/// <summary>
/// One event: change its description and places (the waiting list moves up), or move it (those signed up are
/// told, reminders follow); in a series, this date only or this one and the following.
/// </summary>
public sealed class EventEditModel(EventService events, EventDesk desk, CentreDirectory centres, TeamTranslator translator,
    TimeProvider time) : PageModel
{
    public sealed class DetailsForm
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
        public EventCategory Category { get; set; }

        public EventNames Names() => new(TitleUk, TitleEn, OrganiserUk, OrganiserEn);
        public int? Capacity { get; set; }
    }

    public sealed class MoveForm
    {
        public DateOnly? Day { get; set; }
        public TimeOnly? Start { get; set; }
        public TimeOnly? End { get; set; }
    }

    [BindProperty] public DetailsForm Details { get; set; } = new();
    [BindProperty] public MoveForm Move { get; set; } = new();

    /// <summary>"following": the change goes to this date and the later ones of its series.</summary>
    [BindProperty] public string? Scope { get; set; }
    private bool Following => Scope == "following";
    public IReadOnlyList<(EventSummary Date, string When)> Series { get; private set; } = [];
    public bool IsAhead => Summary.Event.EndUtc > time.GetUtcNow().UtcDateTime;
    public EventSummary Summary { get; private set; } = null!;
    public string When { get; private set; } = "";
    public string? Error { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var e = Summary.Event;
        Details = new DetailsForm
        {
            Title = e.Title, Description = e.Description, DescriptionUk = e.DescriptionUk, DescriptionEn = e.DescriptionEn,
            Organiser = e.Organiser, Category = e.Category, Capacity = e.Capacity,
            TitleUk = e.TitleUk, TitleEn = e.TitleEn, OrganiserUk = e.OrganiserUk, OrganiserEn = e.OrganiserEn,
        };
        Move = MoveFormOf(e, (await centres.GetAsync(e.CentreId, ct)).TimeZone);
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(int id, CancellationToken ct)
    {
        if (Details.Title.Trim().Length is < 3 or > 120) return await RefuseAsync(id, AdminText.EventTitleLength, ct);
        if (Details.Capacity is <= 0) return await RefuseAsync(id, AdminText.PlacesPositiveOrEmpty, ct);
        var edit = await desk.EditAsync(id, new EventDetails(Details.Title, Details.Description, Details.Organiser, Details.Category, Details.Capacity,
            Details.DescriptionUk, Details.DescriptionEn, Details.Names()), ct, Following);
        if (edit.Event is null)
        {
            if (edit.Problem == EventProblem.NotFound) return NotFound();
            var why = edit.Problem switch
            {
                EventProblem.FewerPlacesThanGoing => AdminText.EventFewerPlacesThanGoing,
                EventProblem.Cancelled => AdminText.EventIsCancelled,
                _ => AdminText.EventIsOver,
            };
            var zone = (await centres.GetDefaultAsync(ct)).TimeZone;
            var dated = edit.AtUtc is { } at ? Wording.Format(AdminText.EventAtDate, Wording.DateTime(at, zone), why) : why;
            return await RefuseAsync(id, dated, ct);
        }
        Message = edit.Promoted.Count > 0 ? Wording.Format(AdminText.EventChangesSavedPromoted, edit.Promoted.Count)
            : edit.Edited.Count > 1 ? Wording.Format(AdminText.EventChangesSavedFollowing, edit.Edited.Count)
            : AdminText.EventChangesSaved;
        return RedirectToPage(new { id });
    }

    /// <summary>What the translation draft did, shown once with the form (never kept for the next page).</summary>
    public string? DraftNote { get; private set; }
    public bool CanDraft => translator.Enabled;

    /// <summary>Drafts the description's empty Ukrainian and English versions for staff to correct; saves nothing.</summary>
    [OutsideTransaction] // the language model answers in seconds: no write lock meanwhile
    public async Task<IActionResult> OnPostDraftAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var d = Details;
        DraftNote = await TranslationDrafts.FillAsync(translator,
            [TranslationDrafts.Slot(d.Description, () => d.DescriptionUk, t => d.DescriptionUk = t, () => d.DescriptionEn, t => d.DescriptionEn = t)], ct);
        Move = MoveFormOf(Summary.Event, (await centres.GetAsync(Summary.Event.CentreId, ct)).TimeZone);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, CancellationToken ct)
    {
        if (Move.Day is null || Move.Start is null || Move.End is null) return await RefuseAsync(id, AdminText.GiveDayAndTimes, ct);
        var found = await events.FindAsync(id, ct);
        if (found is null) return NotFound();
        var centre = await centres.GetAsync(found.Event.CentreId, ct);
        var zone = centre.TimeZone;
        if (Following && found.Event.SeriesId is not null)
        {
            var series = await desk.MoveFollowingAsync(id, Move.Day.Value, Move.Start.Value, Move.End.Value, ct);
            if (series.Refused is { } refused)
                return await RefuseAsync(id, EventsModel.Explain(refused, centre) + " " + AdminText.EventSeriesNothingMoved, ct);
            Message = Wording.Format(AdminText.EventMovedFollowing, series.Moved.Count);
            return RedirectToPage(new { id });
        }
        var change = await desk.MoveAsync(id, TimeZoneInfo.ConvertTimeToUtc(Move.Day.Value.ToDateTime(Move.Start.Value), zone),
            TimeZoneInfo.ConvertTimeToUtc(Move.Day.Value.ToDateTime(Move.End.Value), zone), ct);
        if (change.Event is not { } moved) return await RefuseAsync(id, EventsModel.Explain(change, centre), ct);
        Message = Wording.Format(AdminText.EventMoved, Wording.DateTime(moved.StartUtc, zone, DayCase.Accusative));
        return RedirectToPage(new { id });
    }

    /// <summary>Undoes a cancellation, after asking once: those signed up hear it is back on and get their reminders again.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Summary.Event.IsOn) return await RefuseAsync(id, AdminText.EventCannotRestore, ct);
        if (!this.IsConfirmed())
            return this.Confirm(new Confirmation(AdminText.ConfirmRestoreEventTitle,
                Wording.Format(AdminText.ConfirmRestoreEventQuestion, Summary.Event.Title, When), AdminText.ConfirmRestoreEventButton, $"/admin/events/{id}")
            {
                Notice = await desk.NoticePreviewAsync(id, restore: true, null, ct) is { } text ? new(text, Data.Residents.Languages.Polish) : null,
                NoticeTo = Wording.Format(AdminText.ConfirmRestoreEventTo, Summary.Going + Summary.Waiting),
                Destructive = false,
            });
        var change = await desk.RestoreAsync(id, ct);
        if (change.Event is null)
            return await RefuseAsync(id, change.Problem is EventProblem.NotFound or EventProblem.InThePast
                ? AdminText.EventCannotRestore : EventsModel.Explain(change, await centres.GetAsync(Summary.Event.CentreId, ct)), ct);
        Message = Wording.Format(AdminText.EventRestored, Summary.Event.Title);
        return RedirectToPage(new { id });
    }

    /// <summary>The move form as the event stands: its day and times in the centre's time zone.</summary>
    private static MoveForm MoveFormOf(CommunityEvent e, TimeZoneInfo zone)
    {
        var start = TimeZoneInfo.ConvertTimeFromUtc(e.StartUtc, zone);
        return new MoveForm { Day = DateOnly.FromDateTime(start), Start = TimeOnly.FromDateTime(start), End = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(e.EndUtc, zone)) };
    }

    private async Task<IActionResult> RefuseAsync(int id, string error, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } summary) return false;
        Summary = summary;
        var zone = (await centres.GetAsync(summary.Event.CentreId, ct)).TimeZone;
        When = EventTexts.When(summary.Event, zone);
        Series = [.. (await events.SeriesOfAsync(summary.Event, ct)).Select(d => (d, Wording.DateTime(d.Event.StartUtc, zone)))];
        return true;
    }
}
