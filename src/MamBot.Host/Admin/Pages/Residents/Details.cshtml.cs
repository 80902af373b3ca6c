using MamBot.Data.Centres;
using MamBot.Data.Residents;
using MamBot.Data.Staff;
using MamBot.Dialogs.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages.Residents;

/// <summary>One resident: channels, consent history, notification choices, activity; the data file and erasure on request (admin only).</summary>
public sealed partial class DetailsModel(PrivacyDesk privacy, CentreDirectory centres, TimeProvider time, ILogger<DetailsModel> log) : PageModel
{
    public ResidentExport Data { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public bool CanErase => User.IsInRole(StaffRoles.Admin);
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The resident's data as the same JSON file the chat's "Moje dane" gives.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        if (await privacy.ExportAsync(id, ct) is not { } data) return NotFound();
        Exported(log, User.Identity!.Name, id); // accountability (RODO art. 5(2))
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, (await centres.GetDefaultAsync(ct)).TimeZone));
        return File(PrivacyDesk.FileOf(data), "application/json", $"dane-mieszkanca-{day:yyyy-MM-dd}.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(Guid id, bool confirmed, CancellationToken ct)
    {
        if (!CanErase) return StatusCode(StatusCodes.Status403Forbidden);
        if (!confirmed)
        {
            Error = AdminText.ErasureNotConfirmed;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        if (!await privacy.EraseAsync(id, ct)) return NotFound();
        Erased(log, User.Identity!.Name, id);
        TempData["Message"] = AdminText.ErasureDone;
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await privacy.ExportAsync(id, ct) is not { } data) return false;
        Data = data;
        Zone = (await centres.GetDefaultAsync(ct)).TimeZone;
        return true;
    }

    [LoggerMessage(LogLevel.Information, "Staff member {Staff} exported the data of resident {Resident}")]
    private static partial void Exported(ILogger logger, string? staff, Guid resident);

    [LoggerMessage(LogLevel.Information, "Staff member {Staff} erased resident {Resident} on request")]
    private static partial void Erased(ILogger logger, string? staff, Guid resident);
}
