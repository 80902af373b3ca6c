using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MamBot.Dialogs.Texts;

namespace MamBot.Host.Admin.Pages;

public sealed class LoginModel(StaffAccounts accounts) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    [OutsideTransaction] // a password check per guess must not hold the write lock chat turns wait for
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var result = await accounts.SignInAsync(Email, Password, address, ct);
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                await HttpContext.SignInAsync(AdminSetup.Scheme, AdminSetup.Principal(result.User!));
                // Only our own pages: never an open redirect to another site.
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/admin", StringComparison.Ordinal) ? ReturnUrl : "/admin");
            case SignInOutcome.TooManyFailures:
                // About this address, whatever e-mail was typed: it tells nothing about which accounts exist.
                Error = Wording.Format(AdminText.TooManyFailures, Math.Max(1, (int)Math.Ceiling(result.Wait!.Value.TotalMinutes)));
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            default:
                Error = AdminText.WrongEmailOrPassword;
                break;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
