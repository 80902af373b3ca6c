using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace MamBot.Host.Admin;

/// <summary>A text the action needs from the team (a reason the resident reads), asked on the confirmation.</summary>
public sealed record ConfirmReason(string Name, string Label, string? Value, bool Required = true, int MaxLength = 300);

/// <summary>
/// The panel's one "are you sure": what will happen, and what the resident will read, in their language.
/// </summary>
public sealed record Confirmation(string Title, string Question, string ConfirmLabel, string BackUrl)
{
    public ResidentNotice? Notice { get; init; }

    /// <summary>Who gets the notice, when not one resident ("Dostanie ją 4 osoby zapisane").</summary>
    public string? NoticeTo { get; init; }

    /// <summary>Removes or refuses something (a red button); otherwise a plain go-ahead (green).</summary>
    public bool Destructive { get; init; } = true;
    public ConfirmReason? Reason { get; init; }
    public string? Error { get; init; }
}

/// <summary>
/// Every destructive or resident-visible panel action in two POSTs: the first (no confirmed=yes) changes nothing
/// and answers with the confirmation, which posts the same fields again with confirmed=yes. Plain forms, so it
/// works without JavaScript, and a stray or repeated first POST can do no harm.
/// </summary>
public static class ConfirmStep
{
    public const string Field = "confirmed";
    private const string View = "/Admin/Pages/Shared/_Confirm.cshtml";

    public static bool IsConfirmed(this PageModel page) =>
        page.Request.HasFormContentType && page.Request.Form[Field] == "yes";

    public static IActionResult Confirm(this PageModel page, Confirmation confirmation) =>
        new PartialViewResult { ViewName = View, ViewData = new ViewDataDictionary<Confirmation>(page.ViewData, confirmation) };
}
