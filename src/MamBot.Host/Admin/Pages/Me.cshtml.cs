using MamBot.Data.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages;

/// <summary>"Moje konto": who is signed in, and their private calendar feed (make a link, make a new one, switch it off).</summary>
public sealed class MeModel(CalendarFeedService feeds) : PageModel
{
    public string? FeedAddress { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (AdminSetup.StaffId(User) is not { } staffId) return Challenge();
        FeedAddress = await feeds.SecretAsync(staffId, ct) is { } secret
            ? $"{Request.Scheme}://{Request.Host}{StaffCalendarFeed.Path(secret)}" : null;
        return Page();
    }

    /// <summary>A new link; the old one (if any) stops working at once.</summary>
    public async Task<IActionResult> OnPostRenewAsync(CancellationToken ct)
    {
        if (AdminSetup.StaffId(User) is not { } staffId) return Challenge();
        var had = await feeds.SecretAsync(staffId, ct) is not null;
        await feeds.RenewAsync(staffId, ct);
        Message = had ? AdminText.FeedRenewed : AdminText.FeedMade;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (AdminSetup.StaffId(User) is not { } staffId) return Challenge();
        await feeds.RevokeAsync(staffId, ct);
        Message = AdminText.FeedRevoked;
        return RedirectToPage();
    }
}
