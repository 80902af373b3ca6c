using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Dialogs.Events;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages;

/// <summary>
/// The announcement of a new event or series as its category's subscribers will read it, sent only when the
/// team confirms: one message for all the dates, never one per date.
/// </summary>
public sealed class EventAnnounceModel(EventDesk desk, EventService events, CentreDirectory centres) : PageModel
{
    public EventSummary Summary { get; private set; } = null!;
    public AnnouncementPreview Preview { get; private set; } = null!;
    public IReadOnlyList<string> Dates { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } summary) return NotFound();
        Summary = summary;
        Preview = await desk.PreviewAnnouncementAsync(id, ct);
        var zone = (await centres.GetAsync(summary.Event.CentreId, ct)).TimeZone;
        Dates = [.. Preview.Dates.Select(d => Wording.DateTime(d.StartUtc, zone))];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } summary) return NotFound();
        var recipients = (await desk.PreviewAnnouncementAsync(id, ct)).Recipients;
        var dates = await desk.AnnounceAsync(id, ct);
        Message = dates == 0 ? AdminText.EventNothingToAnnounce
            : Wording.Format(AdminText.EventAnnounced, summary.Event.Title, dates, recipients);
        return RedirectToPage("Events");
    }
}
