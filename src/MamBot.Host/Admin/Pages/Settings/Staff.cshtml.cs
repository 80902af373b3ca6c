using System.Security.Claims;
using MamBot.Data.Centres;
using MamBot.Data.Staff;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages.Settings;

/// <summary>"Konta zespołu" (admin): who can sign in, adding someone with a generated password, a new password, name and role, removing an account.</summary>
public sealed class StaffModel(StaffAccounts accounts, CentreDirectory centres) : PageModel
{
    public IReadOnlyList<StaffUser> Team { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public string? Error { get; private set; }

    /// <summary>Shown once on the page that created it, never stored in clear nor carried in a cookie.</summary>
    public (string Email, string Password)? NewPassword { get; private set; }
    [TempData] public string? Message { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string? email, string? name, string? role, CancellationToken ct)
    {
        try
        {
            var (user, password) = await accounts.CreateAsync(email ?? "", role ?? StaffRoles.Animator, name?.Trim(), null, ct);
            NewPassword = (user.Email, password);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            Error = e is InvalidOperationException ? AdminText.StaffAccountExists : AdminText.StaffBadEmailOrRole;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A new password for a team member: the one the admin typed (at least 12 characters), or a generated one.</summary>
    public async Task<IActionResult> OnPostResetAsync(int id, string? password, CancellationToken ct)
    {
        var user = await accounts.FindAsync(id, ct);
        if (user is null) return NotFound();
        var chosen = string.IsNullOrWhiteSpace(password) ? null : password.Trim();
        if (chosen is { Length: < StaffAccounts.MinPasswordLength })
        {
            Error = Wording.Format(AdminText.StaffPasswordTooShort, StaffAccounts.MinPasswordLength);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        var set = await accounts.ResetPasswordAsync(id, ct, chosen);
        if (chosen is null) NewPassword = (user.Email, set!);
        else Message = Wording.Format(AdminText.StaffPasswordSet, user.Email) + " " + AdminText.StaffPasswordsEnded;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A member's name and role; takes effect at their next request, and the last admin stays one.</summary>
    public async Task<IActionResult> OnPostEditAsync(int id, string? name, string? role, CancellationToken ct)
    {
        var user = await accounts.FindAsync(id, ct);
        if (user is null) return NotFound();
        var change = role is StaffRoles.Admin or StaffRoles.Animator && (name?.Trim().Length ?? 0) <= 60
            ? await accounts.ChangeAsync(id, name ?? "", role, ct) : null;
        if (change == StaffChange.Changed)
        {
            Message = Wording.Format(AdminText.StaffChanged, user.Email);
            return RedirectToPage();
        }
        Error = change == StaffChange.LastAdmin ? AdminText.StaffLastAdmin : AdminText.StaffBadEmailOrRole;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Asks first, naming the account: removing cannot be undone (a new account gets a new password).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        if (!this.IsConfirmed())
        {
            await LoadAsync(ct);
            if (Team.FirstOrDefault(u => u.Id == id) is not { } user) return RedirectToPage();
            return this.Confirm(new Confirmation(AdminText.ConfirmRemoveStaffTitle, Wording.Format(AdminText.ConfirmRemoveStaffQuestion, user.Email),
                AdminText.ConfirmRemoveStaffButton, "/admin/staff"));
        }
        var me = int.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);
        Message = await accounts.RemoveAsync(id, me, ct) ? AdminText.StaffRemoved : AdminText.StaffCannotRemove;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Team = await accounts.ListAsync(ct);
        Zone = (await centres.GetDefaultAsync(ct)).TimeZone;
    }

    public string LastLogin(StaffUser user) => user.LastLoginUtc is { } at ? Wording.Format(AdminText.StaffLastSignIn, Wording.DateTime(at, Zone, DayCase.OnDay)) : AdminText.StaffNeverSignedIn;
}
