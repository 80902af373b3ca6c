using MamBot.Data.Centres;
using MamBot.Data.Surveys;
using MamBot.Dialogs.Staff;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages.Surveys;

/// <summary>A survey's results: a bar per option with counts and shares, scale averages, the texts, and the CSV.</summary>
public sealed class ResultsModel(SurveyResults results, StaffSummaries summaries, CentreDirectory centres, TimeProvider time) : PageModel
{
    public bool CanSummarize => summaries.Enabled;

    /// <summary>The LLM's summary of one question's text answers, with that question's id.</summary>
    public (int QuestionId, StaffSummary Summary)? Summary { get; private set; }

    public SurveyResult Result { get; private set; } = null!;
    public string State { get; private set; } = "";
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await results.ForAsync(id, ct);
        if (result is null) return NotFound();
        Result = result;
        var centre = await centres.GetAsync(result.Survey.CentreId, ct);
        Zone = centre.TimeZone;
        State = IndexModel.State(result.Survey, time.GetUtcNow().UtcDateTime, centre.TimeZone);
        return Page();
    }

    [OutsideTransaction] // the language model answers in seconds: no write lock meanwhile
    public async Task<IActionResult> OnPostSummaryAsync(int id, int question, CancellationToken ct)
    {
        var page = await OnGetAsync(id, ct);
        if (page is PageResult) Summary = (question, await summaries.OpenAnswersAsync(id, question, ct));
        return page;
    }

    /// <summary>The answers as a CSV file.</summary>
    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        if (await results.ForAsync(id, ct) is null) return NotFound();
        var csv = await results.CsvAsync(id, ct);
        return CsvDownload.Of(csv, $"ankieta-{id}.csv");
    }

    public static string Percent(double share) => Math.Round(share * 100).ToString("0", Wording.Culture) + "%";

    public static string Average(double average) => average.ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("pl-PL"));
}
