using System.Globalization;
using CsvHelper;
using MamBot.Data.Centres;
using MamBot.Data.Ideas;
using MamBot.Data.Report;
using MamBot.Dialogs.Ideas;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages.Report;

/// <summary>"Raport": the pilot's monthly figures on a page, and every month so far as one CSV.</summary>
public sealed class IndexModel(PilotReport report, CentreDirectory centres, TimeProvider time) : PageModel
{
    public MonthFigures Figures { get; private set; } = null!;
    public DateOnly ThisMonth { get; private set; }

    /// <summary>"2026-11"; empty: the current month.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        var today = LocalCalendar.Today(time.GetUtcNow().UtcDateTime, centre.TimeZone);
        ThisMonth = new DateOnly(today.Year, today.Month, 1);
        var month = ThisMonth;
        if (!string.IsNullOrEmpty(Month) && !DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month))
            return BadRequest("Miesiąc w formacie RRRR-MM, np. 2026-11.");
        Figures = await report.ForMonthAsync(centre.Id, month, ct);
        return Page();
    }

    /// <summary>All months so far, one figure per row (month, area, item, value): easy to filter and chart in a spreadsheet.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        var today = LocalCalendar.Today(time.GetUtcNow().UtcDateTime, centre.TimeZone);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var header in new[] { "miesiąc", "obszar", "pozycja", "wartość" }) csv.WriteField(header);
            await csv.NextRecordAsync();
            foreach (var month in await report.MonthsAsync(centre.Id, today, ct))
                foreach (var (area, item, value) in Rows(await report.ForMonthAsync(centre.Id, month, ct)))
                {
                    csv.WriteField(month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
                    csv.WriteField(area);
                    csv.WriteField(item);
                    csv.WriteField(value);
                    await csv.NextRecordAsync();
                }
        }
        return CsvDownload.Of(text.ToString(), $"raport-pilotazu-{today:yyyy-MM-dd}.csv");
    }

    public static IEnumerable<(string Area, string Item, string Value)> Rows(MonthFigures f)
    {
        static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        foreach (var (channel, n) in f.ActiveByChannel.OrderBy(x => x.Key, StringComparer.Ordinal)) yield return ("mieszkańcy aktywni", Polish.ChannelName(channel), N(n));
        yield return ("mieszkańcy aktywni", "razem", N(f.Active));
        foreach (var (channel, n) in f.NewByChannel.OrderBy(x => x.Key, StringComparer.Ordinal)) yield return ("nowi mieszkańcy", Polish.ChannelName(channel), N(n));
        yield return ("nowi mieszkańcy", "razem", N(f.New));
        foreach (var room in f.Rooms)
        {
            yield return ("rezerwacje potwierdzone", room.Room, N(room.Bookings));
            yield return ("godziny rezerwacji", room.Room, N(room.Hours));
        }
        yield return ("wydarzenia", "odbyte", N(f.Events.Held));
        yield return ("wydarzenia", "zapisani", N(f.Events.Going));
        yield return ("wydarzenia", "lista rezerwowa", N(f.Events.Waiting));
        yield return ("wydarzenia", "byli (z opinii)", N(f.Events.Came));
        yield return ("wydarzenia", "nie dotarli (z opinii)", N(f.Events.Missed));
        yield return ("wydarzenia", "średnia ocena", f.Events.AverageRating is { } avg ? avg.ToString("0.0", CultureInfo.InvariantCulture) : "");
        foreach (var status in Enum.GetValues<IdeaStatus>()) yield return ("pomysły zgłoszone", IdeaDesk.StatusName(status), N(f.IdeasByStatus.GetValueOrDefault(status)));
        foreach (var survey in f.Surveys) yield return ("ankiety: odpowiedzi", survey.Title, N(survey.Responses));
    }

    public static string MonthName(DateOnly month) =>
        CultureInfo.GetCultureInfo("pl-PL").DateTimeFormat.MonthNames[month.Month - 1] + " " + month.Year.ToString(CultureInfo.InvariantCulture);
}
