using System.Globalization;
using CsvHelper;
using MamBot.Data.Centres;
using MamBot.Data.Ideas;
using MamBot.Data.Report;
using MamBot.Dialogs.Ideas;
using MamBot.Dialogs.Texts;
using MamBot.Host.Printing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages.Report;

/// <summary>
/// "Raport": the pilot's figures for a month, a quarter or the whole pilot, compared with the period before, with
/// charts month by month; the same as a printable PDF, and every month so far as one CSV.
/// </summary>
public sealed class IndexModel(PilotReport report, CentreDirectory centres, TimeProvider time) : PageModel
{
    public PeriodFigures Figures { get; private set; } = null!;
    public IReadOnlyList<string> Comparison { get; private set; } = [];
    public IReadOnlyList<ReportChart> Charts { get; private set; } = [];
    public ReportPeriod? Previous { get; private set; }
    public ReportPeriod? Next { get; private set; }

    /// <summary>What the picker offers: the pilot's months and quarters, newest first, and the whole pilot.</summary>
    public IReadOnlyList<ReportPeriod> Choices { get; private set; } = [];

    /// <summary>"2026-11", "2026-Q4" or "pilot"; empty: the current month.</summary>
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    /// <summary>The older address of a month's report: ?month=2026-11.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : BadRequest(AdminText.ReportMonthFormat);

    /// <summary>The same report as an A4 document to print or send on: centre, period, sentences, figures, charts.</summary>
    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return BadRequest(AdminText.ReportMonthFormat);
        var centre = await centres.GetDefaultAsync(ct);
        var today = LocalCalendar.Today(time.GetUtcNow().UtcDateTime, centre.TimeZone);
        try
        {
            var pdf = ReportPdf.Render(new PrintedReport(centre.Name, ReportPeriodText.Name(Figures.Period),
                $"{Wording.DayAndMonth(today)} {today.Year}", Comparison, [.. Rows(Figures)], Charts));
            return File(pdf, "application/pdf", $"raport-mam-{Figures.Period.Key}.pdf");
        }
        catch (PrintFontMissingException)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable, AdminText.PrintNoFont);
        }
    }

    /// <summary>Reads the period asked for and gathers its figures; false when the address names no period.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        var today = LocalCalendar.Today(time.GetUtcNow().UtcDateTime, centre.TimeZone);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var pilotMonths = await report.MonthsAsync(centre.Id, thisMonth, ct);
        if (!ReportPeriod.TryParse(Period ?? Month, pilotMonths[0], thisMonth, out var period)) return false;

        Figures = await report.ForPeriodAsync(centre.Id, period, ct);
        Comparison = Compare(Figures, period.Previous is { } previous ? await report.ForPeriodAsync(centre.Id, previous, ct) : null);
        (Previous, Next) = (period.Previous, period.NextBy(thisMonth));
        // Month by month through the pilot up to the period's end (at most the last 18 months: one pilot).
        var months = (await report.MonthsAsync(centre.Id, period.Last, ct)).TakeLast(18).ToList();
        var figures = new List<PeriodFigures>(months.Count);
        foreach (var m in months)
            figures.Add(period == ReportPeriod.Month(m) ? Figures : await report.ForMonthAsync(centre.Id, m, ct));
        Charts = ReportChart.For(figures);
        Choices =
        [
            .. pilotMonths.Reverse().Select(ReportPeriod.Month),
            .. pilotMonths.Select(ReportPeriod.QuarterOf).Distinct().Reverse(),
            ReportPeriod.Pilot(pilotMonths[0], thisMonth),
        ];
        return true;
    }

    /// <summary>All months so far, one figure per row (month, area, item, value): easy to filter and chart in a spreadsheet.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        var today = LocalCalendar.Today(time.GetUtcNow().UtcDateTime, centre.TimeZone);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = Data.CsvFiles.Writer(text))
        {
            foreach (var header in AdminText.ReportColumns.Split('|')) csv.WriteField(header);
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

    /// <summary>
    /// "W listopadzie z MAM skorzystały 2 osoby, o 2 więcej niż w październiku." and the like for bookings; the
    /// whole pilot has nothing before it: "Od początku pilotażu z MAM skorzystało 48 osób."
    /// </summary>
    public static IReadOnlyList<string> Compare(PeriodFigures now, PeriodFigures? before)
    {
        var (during, previous) = (ReportPeriodText.In(now.Period), before is null ? "" : ReportPeriodText.In(before.Period));
        string Change(int difference) => before is null ? "" : difference switch
        {
            > 0 => Wording.Format(AdminText.ReportMore, difference, previous),
            < 0 => Wording.Format(AdminText.ReportFewer, -difference, previous),
            _ => Wording.Format(AdminText.ReportSame, previous),
        };
        static int Bookings(PeriodFigures f) => f.Rooms.Sum(r => r.Bookings);
        return
        [
            Wording.Capitalised(Wording.Format(AdminText.ReportPeopleSentence, during, Wording.Plural(now.Active, AdminText.ReportUsedForms),
                Wording.Count(now.Active, T.PeopleForms), Change(now.Active - (before?.Active ?? 0)))),
            Wording.Capitalised(Wording.Format(AdminText.ReportBookingsSentence, during, Wording.Count(Bookings(now), AdminText.ReportTimesForms),
                Change(Bookings(now) - (before is null ? 0 : Bookings(before))))),
        ];
    }

    public static IEnumerable<(string Area, string Item, string Value)> Rows(PeriodFigures f)
    {
        static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        foreach (var (channel, n) in f.ActiveByChannel.OrderBy(x => x.Key, StringComparer.Ordinal)) yield return (AdminText.ReportActive, Wording.ChannelName(channel), N(n));
        yield return (AdminText.ReportActive, AdminText.ReportTotal, N(f.Active));
        foreach (var language in Data.Residents.Languages.All.Append(""))
            if (f.ActiveByLanguage.TryGetValue(language, out var n))
                yield return (AdminText.ReportByLanguage, language.Length == 0 ? AdminText.ReportLanguageErased : AdminNames.OfLanguage(language), N(n));
        foreach (var (channel, n) in f.NewByChannel.OrderBy(x => x.Key, StringComparer.Ordinal)) yield return (AdminText.ReportNew, Wording.ChannelName(channel), N(n));
        yield return (AdminText.ReportNew, AdminText.ReportTotal, N(f.New));
        foreach (var room in f.Rooms)
        {
            yield return (AdminText.ReportBookings, room.Room, N(room.Bookings));
            yield return (AdminText.ReportHours, room.Room, N(room.Hours));
        }
        yield return (AdminText.ReportEvents, AdminText.ReportEventsHeld, N(f.Events.Held));
        yield return (AdminText.ReportEvents, AdminText.ReportEventsPlanned, N(f.Events.Planned));
        yield return (AdminText.ReportEvents, AdminText.ReportSignedUp, N(f.Events.Going));
        yield return (AdminText.ReportEvents, AdminText.ReportWaiting, N(f.Events.Waiting));
        yield return (AdminText.ReportEvents, AdminText.ReportCame, N(f.Events.Came));
        yield return (AdminText.ReportEvents, AdminText.ReportMissed, N(f.Events.Missed));
        yield return (AdminText.ReportEvents, AdminText.ReportRating, f.Events.AverageRating is { } avg ? avg.ToString("0.0", CultureInfo.InvariantCulture) : "");
        foreach (var status in Enum.GetValues<IdeaStatus>()) yield return (AdminText.ReportIdeas, IdeaDesk.StatusName(status), N(f.IdeasByStatus.GetValueOrDefault(status)));
        foreach (var survey in f.Surveys) yield return (AdminText.ReportSurveys, survey.Title, N(survey.Responses));
        yield return (AdminText.ReportTalks, AdminText.ReportTalksAsked, N(f.Handoffs.Asked));
        yield return (AdminText.ReportTalks, AdminText.ReportTalksAnswered, N(f.Handoffs.Answered));
        yield return (AdminText.ReportTalks, AdminText.ReportTalksMedian, f.Handoffs.MedianMinutesToAnswer is { } m ? N(Math.Round(m)) : "");
        foreach (var poster in f.Posters)
        {
            var what = poster.Code == Data.Posters.PosterCodes.Centre ? AdminText.ReportPosterCentre : poster.EventTitle ?? AdminText.ReportPosterGoneEvent;
            yield return (AdminText.ReportPosters, poster.Place.Length == 0 ? what : $"{what}, {poster.Place}", N(poster.Visits));
        }
    }
}
