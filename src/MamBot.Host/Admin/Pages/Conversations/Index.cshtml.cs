using System.Security.Claims;
using MamBot.Data;
using MamBot.Data.Centres;
using MamBot.Data.Handoffs;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Admin.Pages.Conversations;

/// <summary>"Rozmowy": residents who asked for a person, the longest waiting first; and the staff member's availability.</summary>
public sealed class IndexModel(HandoffService handoffs, CentreDirectory centres, MamDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(long Id, string Name, string Channel, HandoffStatus Status, DateTime StartedUtc, string FirstWords, int Unread);

    /// <summary>How the panel names a resident whose channel gave no name (the web chat).</summary>
    public const string NoName = "(bez imienia)";

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool IsAvailable { get; private set; }
    public DateTime NowUtc { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        NowUtc = time.GetUtcNow().UtcDateTime;
        IsAvailable = await db.StaffUsers.Where(s => s.Id == StaffId).Select(s => s.IsAvailable).FirstOrDefaultAsync(ct);
        var active = await handoffs.ActiveAsync(centre.Id, ct);
        var ids = active.Select(h => h.ResidentId).ToList();
        var names = await db.Residents.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.DisplayName, ct);
        Rows = [.. active.Select(h => new Row(h.Id, h.ResidentId is { } id && names.GetValueOrDefault(id) is { Length: > 0 } name ? name : NoName,
            h.Channel, h.Status, h.StartedUtc, h.Messages.FirstOrDefault()?.Text ?? "", h.UnreadByStaff))];
    }

    /// <summary>"Dostępna / niedostępna": what residents asking for a person are told to expect.</summary>
    public async Task<IActionResult> OnPostAvailabilityAsync(bool available, CancellationToken ct)
    {
        await db.StaffUsers.Where(s => s.Id == StaffId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsAvailable, available), ct);
        return RedirectToPage();
    }

    public static string Ago(TimeSpan waited) => waited.TotalMinutes switch
    {
        < 1 => "przed chwilą",
        < 120 => Wording.Count((long)waited.TotalMinutes, T.MinutesFormsAccusative) + " temu",
        _ => Wording.Count((long)waited.TotalHours, T.HoursForms) + " temu",
    };

    private int StaffId => int.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);
}
