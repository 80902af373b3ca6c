using MamBot.Data;
using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Data.Ideas;
using MamBot.Dialogs.Ideas;
using MamBot.Dialogs.Staff;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Admin.Pages.Ideas;

/// <summary>"Pomysły": review residents' ideas; change status (the author is told), merge duplicates, link the event an idea became.</summary>
public sealed class IndexModel(IdeaService ideas, IdeaDesk desk, StaffSummaries summaries, CentreDirectory centres, MamDbContext db, TimeProvider time) : PageModel
{
    public bool CanSummarize => summaries.Enabled;
    public StaffSummary? Summary { get; private set; }

    public IReadOnlyList<IdeaForStaff> Ideas { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> Events { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    [TempData] public string? Message { get; set; }
    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        Zone = centre.TimeZone;
        var everything = await ideas.ForStaffAsync(centre.Id, ct);
        // Finished, shelved and merged ideas stay out of the way unless asked for.
        Ideas = All ? everything : [.. everything.Where(i => i.Idea.Status is not (IdeaStatus.Done or IdeaStatus.Shelved))];
        var now = time.GetUtcNow().UtcDateTime;
        Events = [.. (await db.Events.AsNoTracking()
                .Where(e => e.CentreId == centre.Id && e.Status == EventStatus.Scheduled && e.StartUtc > now)
                .OrderBy(e => e.StartUtc).Take(50).ToListAsync(ct))
            .Select(e => (e.Id, $"{Wording.DateTime(e.StartUtc, centre.TimeZone)} – {e.Title}"))];
    }

    /// <summary>The LLM's summary of ideas waiting for review, shown above the list (not stored).</summary>
    [OutsideTransaction] // the language model answers in seconds: no write lock meanwhile
    public async Task<IActionResult> OnPostSummaryAsync(CancellationToken ct)
    {
        Summary = await summaries.NewIdeasAsync((await centres.GetDefaultAsync(ct)).Id, ct);
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, IdeaStatus status, string? reason, CancellationToken ct)
    {
        if (status == IdeaStatus.Shelved && string.IsNullOrWhiteSpace(reason))
            Message = AdminText.IdeaShelveNeedsReason;
        else
            Message = await desk.ChangeStatusAsync(id, status, reason, ct) is { } idea
                ? Wording.Format(AdminText.IdeaStatusChanged, idea.Title, IdeaDesk.StatusName(idea.Status))
                : AdminText.IdeaStatusNotChanged;
        return RedirectToPage(new { All });
    }

    public async Task<IActionResult> OnPostEditAsync(int id, string? title, string? description, CancellationToken ct)
    {
        Message = await ideas.EditAsync(id, title ?? "", description ?? "", ct) is { } idea
            ? Wording.Format(AdminText.IdeaEdited, idea.Title)
            : Wording.Format(AdminText.IdeaNotEdited, IdeaService.MaxTitle, IdeaService.MaxDescription);
        return RedirectToPage(new { All });
    }

    public async Task<IActionResult> OnPostMergeAsync(int id, int? into, CancellationToken ct)
    {
        Message = into is { } target && await desk.MergeAsync(id, target, ct) is { } duplicate
            ? Wording.Format(AdminText.IdeaMerged, duplicate.Title, duplicate.StatusReason)
            : AdminText.IdeaPickAnotherToMerge;
        return RedirectToPage(new { All });
    }

    public async Task<IActionResult> OnPostLinkEventAsync(int id, int? eventId, CancellationToken ct)
    {
        Message = eventId is { } e && await desk.LinkEventAsync(id, e, ct) is { } idea
            ? Wording.Format(AdminText.IdeaLinkedToEvent, idea.Title)
            : AdminText.IdeaPickEvent;
        return RedirectToPage(new { All });
    }

    /// <summary>The statuses staff may move this idea to.</summary>
    public static IEnumerable<IdeaStatus> NextStatuses(IdeaStatus from) => Enum.GetValues<IdeaStatus>().Where(to => IdeaService.CanMove(from, to));

    public static string ContactText(string? contact) => contact switch
    {
        null or "" => AdminText.IdeaNoContact,
        "chat" => AdminText.IdeaContactByChat,
        _ => contact,
    };
}
