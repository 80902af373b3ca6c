using System.Security.Claims;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages;

/// <summary>"Moje hasło": anyone in the team changes their own password; their other sessions end, this one goes on.</summary>
public sealed class PasswordModel(StaffAccounts accounts) : PageModel
{
    [BindProperty] public string Current { get; set; } = "";
    [BindProperty] public string New { get; set; } = "";
    [BindProperty] public string Repeat { get; set; } = "";
    public string? Error { get; private set; }
    [TempData] public string? Message { get; set; }
    public string Email => User.FindFirstValue(ClaimTypes.Email) ?? "";

    public void OnGet() { }

    [OutsideTransaction] // two password hashes must not hold the write lock chat turns wait for; one save
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var staffId = AdminSetup.StaffId(User)!.Value; // the folder requires a signed-in staff member
        Error = (New ?? "").Length < StaffAccounts.MinPasswordLength
            ? Wording.Format(AdminText.PasswordTooShort, StaffAccounts.MinPasswordLength)
            : New != Repeat ? AdminText.PasswordMismatch
            : !await accounts.ChangeOwnPasswordAsync(staffId, Current ?? "", New!, ct) ? AdminText.PasswordWrongCurrent
            : null;
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // The old password's sessions end at their next request; this one is opened again with the new one.
        if (await accounts.FindAsync(staffId, ct) is { } user)
            await HttpContext.SignInAsync(AdminSetup.Scheme, AdminSetup.Principal(user));
        Message = AdminText.PasswordChanged;
        return RedirectToPage();
    }
}
