using MamBot.Data.Staff;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages;

/// <summary>A refusal that says what only an admin may do here, and who the admins are, so the animator knows whom to ask.</summary>
public sealed class DeniedModel(StaffAccounts accounts) : PageModel
{
    public string Refusal { get; private set; } = "";
    public IReadOnlyList<string> Admins { get; private set; } = [];
    public string WhoCan => Wording.Format(AdminText.DeniedWhoCan, string.Join(", ", Admins));

    public async Task OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        Refusal = For(returnUrl);
        Admins = [.. (await accounts.ListAsync(ct)).Where(u => u.Role == StaffRoles.Admin)
            .Select(u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email : $"{u.DisplayName} ({u.Email})")];
    }

    /// <summary>What only an admin may do, by the place that refused.</summary>
    public static string For(string? returnUrl)
    {
        var path = (returnUrl ?? "").Split('?')[0].TrimEnd('/').ToLowerInvariant();
        return path switch
        {
            "/admin/staff" => AdminText.DeniedStaff,
            "/admin/contacts" => AdminText.DeniedContacts,
            "/admin/rooms" => AdminText.DeniedRooms,
            "/admin/centre" => AdminText.DeniedCentre,
            _ when path.StartsWith(AdminSetup.JobsPath, StringComparison.Ordinal) => AdminText.DeniedJobs,
            _ => AdminText.DeniedOther,
        };
    }
}
