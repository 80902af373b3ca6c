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
    public IReadOnlyList<string> Comparison { get; private set; } = [];
    public IReadOnlyList<ReportChart> Charts { get; private set; } = [];
    public DateOnly ThisMonth { get; private set; }

    /// <summary>"2026-11"; empty: the current month.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        var today = LocalCalendar.Today(time.GetUtcNow().UtcDateTime, centre.TimeZone);
        ThisMonth = new DateOnly(today.Year, today.Month, 1);
        var month = ThisMonth;
        if (!string.IsNullOrEmpty(Month) && (!DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month)
            || !Dialogs.Understanding.PolishDates.IsPlausibleYear(month.Year)))
            return BadRequest(AdminText.ReportMonthFormat);
        Figures = await report.ForMonthAsync(centre.Id, month, ct);
        Comparison = Compare(Figures, await report.ForMonthAsync(centre.Id, month.AddMonths(-1), ct));
        // The whole pilot so far, up to the month shown (at most the last 18 months: one pilot).
        var months = (await report.MonthsAsync(centre.Id, month, ct)).TakeLast(18).ToList();
        var figures = new List<MonthFigures>(months.Count);
        foreach (var m in months) figures.Add(m == month ? Figures : await report.ForMonthAsync(centre.Id, m, ct));
        Charts = ReportChart.For(figures);
        return Page();
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

    /// <summary>"W listopadzie z MAM skorzystały 2 osoby, o 2 więcej niż w październiku." and the like, for bookings.</summary>
    public static IReadOnlyList<string> Compare(MonthFigures now, MonthFigures before)
    {
        var (month, previous) = (Polish.InMonth(now.Month.Month), Polish.InMonth(before.Month.Month));
        string Change(int difference) => difference switch
        {
            > 0 => Polish.Format(AdminText.ReportMore, difference, previous),
            < 0 => Polish.Format(AdminText.ReportFewer, -difference, previous),
            _ => Polish.Format(AdminText.ReportSame, previous),
        };
        var bookings = now.Rooms.Sum(r => r.Bookings);
        return
        [
            Polish.Capitalised(Polish.Format(AdminText.ReportPeopleSentence, month, Polish.Plural(now.Active, AdminText.ReportUsedForms),
                Polish.Count(now.Active, T.PeopleForms), Change(now.Active - before.Active))),
            Polish.Capitalised(Polish.Format(AdminText.ReportBookingsSentence, month, Polish.Count(bookings, AdminText.ReportTimesForms),
                Change(bookings - before.Rooms.Sum(r => r.Bookings)))),
        ];
    }

    public static IEnumerable<(string Area, string Item, string Value)> Rows(MonthFigures f)
    {
        static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        foreach (var (channel, n) in f.ActiveByChannel.OrderBy(x => x.Key, StringComparer.Ordinal)) yield return (AdminText.ReportActive, Polish.ChannelName(channel), N(n));
        yield return (AdminText.ReportActive, AdminText.ReportTotal, N(f.Active));
        foreach (var (channel, n) in f.NewByChannel.OrderBy(x => x.Key, StringComparer.Ordinal)) yield return (AdminText.ReportNew, Polish.ChannelName(channel), N(n));
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

    public static string MonthName(DateOnly month) =>
        CultureInfo.GetCultureInfo("pl-PL").DateTimeFormat.MonthNames[month.Month - 1] + " " + month.Year.ToString(CultureInfo.InvariantCulture);
}
