using MamBot.Data;
using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Data.Residents;
using MamBot.Data.Surveys;
using MamBot.Dialogs.Staff;
using MamBot.Dialogs.Surveys;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Admin.Pages.Surveys;

/// <summary>The survey builder: settings, up to ten questions ("Dodaj pytanie" adds a blank one), then save and invite.</summary>
public sealed class NewModel(SurveyService surveys, SurveyDesk desk, CentreDirectory centres, MamDbContext db, TimeProvider time,
    TeamTranslator translator) : PageModel
{
    private const int StartingQuestions = 3;

    [BindProperty] public SurveyForm Form { get; set; } = new();
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> Events { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        var today = LocalCalendar.Today(time.GetUtcNow().UtcDateTime, centre.TimeZone);
        Form = new SurveyForm { OpensDay = today, OpensAt = new TimeOnly(10, 0), ClosesDay = today.AddDays(14) };
        Form.Questions.AddRange(Enumerable.Range(0, StartingQuestions).Select(_ => new SurveyForm.QuestionForm()));
        await LoadAsync(centre, ct);
    }

    /// <summary>Adds an empty question and shows the form again; nothing is saved.</summary>
    public async Task<IActionResult> OnPostAddQuestionAsync(CancellationToken ct)
    {
        if (Form.Questions.Count < SurveyService.MaxQuestions) Form.Questions.Add(new SurveyForm.QuestionForm());
        ModelState.Clear(); // show the posted values as they are, with the new blank question
        await LoadAsync(await centres.GetDefaultAsync(ct), ct);
        return Page();
    }

    /// <summary>What the translation draft did, shown once with the form (never kept for the next page).</summary>
    public string? DraftNote { get; private set; }
    public bool CanDraft => translator.Enabled;

    /// <summary>
    /// Drafts the empty Ukrainian and English title, introduction, questions and choices for staff to correct;
    /// saves nothing. A question's choices are drafted only when that version is empty as a whole.
    /// </summary>
    [OutsideTransaction] // the language model answers in seconds: no write lock meanwhile
    public async Task<IActionResult> OnPostDraftAsync(CancellationToken ct)
    {
        var f = Form;
        var slots = new List<DraftSlot>
        {
            TranslationDrafts.Slot(f.Title, () => f.TitleUk, t => f.TitleUk = t, () => f.TitleEn, t => f.TitleEn = t),
            TranslationDrafts.Slot(f.Intro, () => f.IntroUk, t => f.IntroUk = t, () => f.IntroEn, t => f.IntroEn = t),
        };
        var choices = new List<Action>();
        foreach (var q in f.Questions.Where(q => !q.IsBlank))
        {
            slots.Add(TranslationDrafts.Slot(q.Text, () => q.TextUk, t => q.TextUk = t, () => q.TextEn, t => q.TextEn = t));
            var (uk, en) = (new string[q.ChoiceList.Count], new string[q.ChoiceList.Count]);
            slots.AddRange(q.ChoiceList.Select((choice, i) => TranslationDrafts.Slot(choice, () => q.ChoicesUk, t => uk[i] = t, () => q.ChoicesEn, t => en[i] = t)));
            choices.Add(() =>
            {
                if (uk.Length > 0 && uk.All(c => c is not null)) q.ChoicesUk = string.Join("\n", uk);
                if (en.Length > 0 && en.All(c => c is not null)) q.ChoicesEn = string.Join("\n", en);
            });
        }
        DraftNote = await TranslationDrafts.FillAsync(translator, slots, ct);
        choices.ForEach(fill => fill());
        ModelState.Clear(); // show the form as drafted
        await LoadAsync(await centres.GetDefaultAsync(ct), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var errors = Form.Problems(TimeZoneInfo.ConvertTimeFromUtc(now, centre.TimeZone)).ToList();
        if (!ModelState.IsValid) errors.Insert(0, AdminText.SurveyCheckDatesAndNumbers);
        if (errors.Count == 0)
        {
            var opens = LocalCalendar.StartUtc(Form.OpensDay!.Value, centre.TimeZone);
            if (Form.OpensAt is { } at) opens = TimeZoneInfo.ConvertTimeToUtc(Form.OpensDay.Value.ToDateTime(at), centre.TimeZone);
            if (opens < now) opens = now;
            var closes = LocalCalendar.StartUtc(Form.ClosesDay!.Value.AddDays(1), centre.TimeZone); // open through the whole closing day
            var (survey, problem) = await surveys.CreateAsync(new NewSurvey(centre.Id, Form.Title, Form.Intro, Form.Anonymous, Form.Audience,
                Form.Audience == Audience.CategorySubscribers ? Form.Category : null,
                Form.Audience == Audience.EventParticipants ? Form.EventId : null,
                opens, closes, Form.ReminderAfterDays,
                [.. Form.Questions.Where(q => !q.IsBlank).Select(q => HasChoices(q)
                    ? new NewQuestion(q.Text, q.Type, q.Required, q.ChoiceList, q.TextUk, q.TextEn, SurveyQuestion.Lines(q.ChoicesUk), SurveyQuestion.Lines(q.ChoicesEn))
                    : new NewQuestion(q.Text, q.Type, q.Required, null, q.TextUk, q.TextEn))],
                new SurveyVersions(Form.TitleUk, Form.TitleEn, Form.IntroUk, Form.IntroEn)), ct);
            if (survey is not null)
            {
                var invited = await desk.InviteAsync(survey.Id, ct);
                Message = Wording.Format(AdminText.SurveySaved, survey.Title, invited,
                    survey.OpensUtc > now ? Wording.DateTime(survey.OpensUtc, centre.TimeZone) + "." : AdminText.SurveyOpensNow);
                return RedirectToPage("Results", new { id = survey.Id });
            }
            errors.Add(problem switch
            {
                "dates" => AdminText.SurveyClosesAfterOpening,
                "audience" => AdminText.SurveyPickAudience,
                _ => AdminText.SurveyNotSaved,
            });
        }
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(centre, ct);
        return Page();
    }

    private async Task LoadAsync(Centre centre, CancellationToken ct)
    {
        // Participants of events from the last month and the next one: surveys usually follow an event.
        var now = time.GetUtcNow().UtcDateTime;
        Events = [.. (await db.Events.AsNoTracking()
                .Where(e => e.CentreId == centre.Id && e.Status == EventStatus.Scheduled && e.StartUtc > now.AddDays(-31) && e.StartUtc < now.AddDays(31))
                .OrderBy(e => e.StartUtc).ToListAsync(ct))
            .Select(e => (e.Id, $"{Wording.DateTime(e.StartUtc, centre.TimeZone)} – {e.Title}"))];
    }

    public static string TypeName(QuestionType type) => type switch
    {
        QuestionType.SingleChoice => AdminText.QuestionSingleChoice,
        QuestionType.MultipleChoice => AdminText.QuestionMultipleChoice,
        QuestionType.Scale => AdminText.QuestionScale,
        QuestionType.YesNo => AdminText.QuestionYesNo,
        _ => AdminText.QuestionShortText,
    };

    /// <summary>Choice questions have choices; a scale may name its two ends.</summary>
    private static bool HasChoices(SurveyForm.QuestionForm q) =>
        q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice || q.Type == QuestionType.Scale && q.ChoiceList.Count == 2;
}
