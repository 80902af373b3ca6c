using MamBot.Data.Centres;
using MamBot.Data.Surveys;
using MamBot.Dialogs.Surveys;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages.Surveys;

/// <summary>"Ankiety": every survey with its state and number of answers; open ones can be closed early.</summary>
public sealed class IndexModel(SurveyService surveys, SurveyDesk desk, CentreDirectory centres, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, string Title, string State, int Questions, int Responses, bool CanClose);

    public IReadOnlyList<Row> Surveys { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        Surveys = [.. (await surveys.ListAsync(centre.Id, ct)).Select(x => new Row(x.Survey.Id, x.Survey.Title,
            State(x.Survey, now, centre.TimeZone), x.Survey.Questions.Count, x.Responses, x.Survey.ClosesUtc > now))];
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct)
    {
        if (!this.IsConfirmed())
        {
            await OnGetAsync(ct);
            if (Surveys.FirstOrDefault(s => s.Id == id && s.CanClose) is not { } survey) return RedirectToPage();
            return this.Confirm(new Confirmation(AdminText.ConfirmCloseSurveyTitle, Wording.Format(AdminText.ConfirmCloseSurveyQuestion, survey.Title),
                AdminText.ConfirmCloseSurveyButton, "/admin/surveys"));
        }
        Message = await desk.CloseAsync(id, ct)
            ? AdminText.SurveyClosedNow
            : AdminText.SurveyWasClosed;
        return RedirectToPage();
    }

    /// <summary>Opens a closed survey again until the end of the chosen day (the centre's calendar).</summary>
    public async Task<IActionResult> OnPostReopenAsync(int id, DateOnly? until, CancellationToken ct)
    {
        var zone = (await centres.GetDefaultAsync(ct)).TimeZone;
        var reopened = until is { } day && await desk.ReopenAsync(id, LocalCalendar.StartUtc(day.AddDays(1), zone), ct);
        Message = reopened ? Wording.Format(AdminText.SurveyReopened, Wording.DayAndMonth(until!.Value)) : AdminText.SurveyCannotReopen;
        return RedirectToPage();
    }

    /// <summary>"trwa do 8 grudnia", "otwiera się w środę, 2 grudnia, 10:00, do 8 grudnia", "zamknięta (8 grudnia)".</summary>
    public static string State(Survey survey, DateTime now, TimeZoneInfo zone)
    {
        var lastDay = Wording.DayAndMonth(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(survey.ClosesUtc.AddMinutes(-1), zone)));
        if (survey.ClosesUtc <= now) return Wording.Format(AdminText.SurveyStateClosed, lastDay);
        return survey.OpensUtc > now ? Wording.Format(AdminText.SurveyStateUpcoming, Wording.DateTime(survey.OpensUtc, zone, DayCase.OnDay), lastDay) : Wording.Format(AdminText.SurveyStateOpen, lastDay);
    }
}
