using System.Globalization;
using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Dialogs.Events;
using MamBot.Dialogs.Texts;
using MamBot.Host.Printing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages.Events;

/// <summary>
/// "Kto przyjdzie": an event's list (name, phone, the waiting list), the A4 sign-in sheet, the CSV, and the
/// attendance the team ticks on the day from a phone, which the report counts.
/// </summary>
public sealed class AttendeesModel(EventService events, EventAttendees attendees, CentreDirectory centres, TimeProvider time) : PageModel
{
    public EventSummary Summary { get; private set; } = null!;
    public string When { get; private set; } = "";
    public string Place { get; private set; } = "";
    public IReadOnlyList<Attendee> Going { get; private set; } = [];
    public IReadOnlyList<Attendee> Waiting { get; private set; } = [];

    /// <summary>Ticking starts on the event's day (the centre's calendar) and never for a cancelled event.</summary>
    public bool CanMark { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>One tick: the page's script posts it the moment the box changes (204); without a script, the row's button.</summary>
    public async Task<IActionResult> OnPostMarkAsync(int id, int signup, bool came, CancellationToken ct)
    {
        var outcome = await attendees.MarkAsync(id, signup, came, ct);
        if (outcome == MarkOutcome.NotFound) return NotFound();
        var refusal = outcome switch
        {
            MarkOutcome.NotYet => AdminText.AttendeesMarkNotYet,
            MarkOutcome.NotGoing => AdminText.AttendeesMarkNotGoing,
            MarkOutcome.Cancelled => AdminText.AttendeesMarkCancelled,
            _ => null,
        };
        if (Request.Headers["X-Requested-With"] == "fetch")
            return refusal is null ? new NoContentResult() : new ConflictObjectResult(refusal);
        if (refusal is null && await LoadAsync(id, ct))
        {
            var name = Going.FirstOrDefault(a => a.SignupId == signup) is { } a ? NameOf(a) : "";
            Message = Wording.Format(came ? AdminText.AttendeesMarkedCame : AdminText.AttendeesMarkedAway, name);
        }
        else Message = refusal;
        return RedirectToPage(new { id });
    }

    /// <summary>The list in a spreadsheet: one row a person, going then waiting (CsvFiles keeps formulas out).</summary>
    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var zone = (await centres.GetAsync(Summary.Event.CentreId, ct)).TimeZone;
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = Data.CsvFiles.Writer(text))
        {
            foreach (var header in AdminText.AttendeesCsvColumns.Split('|')) csv.WriteField(header);
            await csv.NextRecordAsync();
            var number = 0;
            foreach (var a in Going.Concat(Waiting))
            {
                csv.WriteField((++number).ToString(CultureInfo.InvariantCulture));
                csv.WriteField(NameOf(a));
                csv.WriteField(a.Phone ?? "");
                csv.WriteField(a.Status == SignupStatus.Going ? AdminText.AttendeesListGoing : AdminText.AttendeesListWaiting);
                csv.WriteField(Wording.DateTime(a.SignedUpUtc, zone));
                csv.WriteField(a.Came switch { true => AdminText.AttendeesCame, false => AdminText.AttendeesAway, null => "" });
                await csv.NextRecordAsync();
            }
        }
        return CsvDownload.Of(text.ToString(), $"zapisani-{id}.csv");
    }

    /// <summary>The A4 sign-in sheet: those going with a line to sign, blank lines for walk-ins, the waiting list.</summary>
    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var centre = await centres.GetAsync(Summary.Event.CentreId, ct);
        var today = LocalCalendar.Today(time.GetUtcNow().UtcDateTime, centre.TimeZone);
        var capacity = Summary.Event.Capacity;
        try
        {
            var pdf = SignInSheetPdf.Render(new SignInSheet(centre.Name, Summary.Event.Title, $"{When} · {Place}",
                capacity is { } c ? Wording.Format(AdminText.SignInSheetPlaces, Going.Count, c) : Wording.Format(AdminText.SignInSheetOpen, Going.Count),
                Wording.Format(AdminText.SignInSheetPrinted, $"{Wording.DayAndMonth(today)} {today.Year}"),
                [.. Going.Select(Line)], [.. Waiting.Select(Line)], BlankLines: Math.Max(3, (capacity ?? Going.Count + 8) - Going.Count)));
            return File(pdf, "application/pdf", $"lista-obecnosci-{id}.pdf");
        }
        catch (PrintFontMissingException)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable, AdminText.PrintNoFont);
        }
    }

    private static (string Name, string Phone) Line(Attendee a) => (NameOf(a), a.Phone ?? "");

    /// <summary>The name to call out; someone who erased their data still holds a place, without a name.</summary>
    public static string NameOf(Attendee a) =>
        a.ResidentId is null ? $"({AdminText.ContactErased})" : a.Name ?? AdminText.ResidentWithoutName;

    /// <summary>A phone number as a tappable tel: address (spaces and dashes out).</summary>
    public static string Tel(string phone) => "tel:" + new string([.. phone.Where(ch => char.IsDigit(ch) || ch == '+')]);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } summary) return false;
        Summary = summary;
        var centre = await centres.GetAsync(summary.Event.CentreId, ct);
        When = EventTexts.When(summary.Event, centre.TimeZone);
        Place = EventTexts.Place(summary.Event, centre);
        var list = await attendees.ListAsync(id, ct);
        Going = [.. list.Where(a => a.Status == SignupStatus.Going)];
        Waiting = [.. list.Where(a => a.Status == SignupStatus.Waiting)];
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(summary.Event.StartUtc, centre.TimeZone));
        CanMark = summary.Event.IsOn && LocalCalendar.Today(time.GetUtcNow().UtcDateTime, centre.TimeZone) >= day;
        return true;
    }
}
