using MamBot.Data;
using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Broadcasts;
using MamBot.Dialogs.Staff;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Admin.Pages.Broadcasts;

/// <summary>"Ogłoszenia": write to a group, see the message as residents will and how many get it, send now or later; the history.</summary>
public sealed class IndexModel(BroadcastDesk desk, CentreDirectory centres, MamDbContext db, IOptions<NudgeTimingOptions> timing, TimeProvider time,
    TeamTranslator translator) : PageModel
{
    public sealed class BroadcastForm
    {
        public string Text { get; set => field = value ?? ""; } = "";
        public string? TextUk { get; set; }
        public string? TextEn { get; set; }
        public Audience Audience { get; set; } = Audience.AllConsented;
        public EventCategory? Category { get; set; }
        public int? EventId { get; set; }

        /// <summary>Empty: right away.</summary>
        public DateOnly? Day { get; set; }
        public TimeOnly? At { get; set; }
    }

    [BindProperty] public BroadcastForm Form { get; set; } = new();
    public BroadcastPreview? Preview { get; private set; }
    public IReadOnlyList<BroadcastReport> History { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> Events { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    [TempData] public string? Message { get; set; }

    /// <summary>What the translation draft did, shown once with the form (never kept for the next page).</summary>
    public string? DraftNote { get; private set; }
    public bool CanDraft => translator.Enabled;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Drafts the empty Ukrainian and English versions for staff to correct; saves and sends nothing.</summary>
    [OutsideTransaction] // the language model answers in seconds: no write lock meanwhile
    public async Task<IActionResult> OnPostDraftAsync(CancellationToken ct)
    {
        DraftNote = await TranslationDrafts.FillAsync(translator,
            [TranslationDrafts.Slot(Form.Text, () => Form.TextUk, t => Form.TextUk = t, () => Form.TextEn, t => Form.TextEn = t)], ct);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        Preview = await desk.PreviewAsync(Draft(centre), ct);
        if (Preview.Problem is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        var (broadcast, problem) = await desk.SendAsync(Draft(centre), User.Identity?.Name ?? "", ct);
        if (broadcast is null)
        {
            Preview = await desk.PreviewAsync(Draft(centre), ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        // Staff see when residents really get it: quiet hours hold announcements until the morning.
        var now = time.GetUtcNow().UtcDateTime;
        var at = broadcast.SendAtUtc > now ? broadcast.SendAtUtc : now;
        var zone = centre.TimeZone;
        Message = NudgeTiming.FirstChance(OutboxKind.Broadcast, at, zone, timing.Value) is { } morning
            ? Wording.Format(AdminText.BroadcastAfterQuiet, Wording.DateTime(morning, zone, DayCase.OnDay), broadcast.Recipients)
            : broadcast.SendAtUtc > now.AddMinutes(1)
                ? Wording.Format(AdminText.BroadcastScheduled, Wording.DateTime(broadcast.SendAtUtc, zone, DayCase.Accusative), broadcast.Recipients)
                : Wording.Format(AdminText.BroadcastSending, broadcast.Recipients);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        Message = await desk.CancelAsync(id, ct) ? AdminText.BroadcastStopped : AdminText.BroadcastNothingWaiting;
        return RedirectToPage();
    }

    private BroadcastDraft Draft(Centre centre) => new(centre.Id, Form.Text, Form.Audience, Form.Category, Form.EventId,
        Form.Day is { } day ? TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(Form.At ?? new TimeOnly(10, 0)), centre.TimeZone) : null,
        Form.TextUk, Form.TextEn);

    private async Task LoadAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        Zone = centre.TimeZone;
        History = await desk.HistoryAsync(centre.Id, 20, ct);
        var now = time.GetUtcNow().UtcDateTime;
        Events = [.. (await db.Events.AsNoTracking()
                .Where(e => e.CentreId == centre.Id && e.Status == EventStatus.Scheduled && e.StartUtc > now.AddDays(-31) && e.StartUtc < now.AddDays(31))
                .OrderBy(e => e.StartUtc).ToListAsync(ct))
            .Select(e => (e.Id, $"{Wording.DateTime(e.StartUtc, centre.TimeZone)} – {e.Title}"))];
    }
}
