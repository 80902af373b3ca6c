using MamBot.Data.Events;
using MamBot.Data.Residents;
using MamBot.Data.Surveys;
using MamBot.Dialogs.Texts;

namespace MamBot.Host.Admin.Pages.Surveys;

/// <summary>What the survey builder posts: the survey's settings and its questions, blank ones ignored.</summary>
public sealed class SurveyForm
{
    public string Title { get; set => field = value ?? ""; } = "";
    public string Intro { get; set => field = value ?? ""; } = "";

    // The team's optional versions for residents who chose Ukrainian or English.
    public string? TitleUk { get; set; }
    public string? TitleEn { get; set; }
    public string? IntroUk { get; set; }
    public string? IntroEn { get; set; }
    public bool Anonymous { get; set; } = true;
    public Audience Audience { get; set; } = Audience.AllConsented;
    public EventCategory? Category { get; set; }
    public int? EventId { get; set; }
    public DateOnly? OpensDay { get; set; }
    public TimeOnly? OpensAt { get; set; }
    public DateOnly? ClosesDay { get; set; }
    public int ReminderAfterDays { get; set; } = 3;
    public List<QuestionForm> Questions { get; set; } = [];

    public sealed class QuestionForm
    {
        public string Text { get; set => field = value ?? ""; } = "";
        public QuestionType Type { get; set; } = QuestionType.SingleChoice;
        public bool Required { get; set; } = true;

        /// <summary>Choices of a choice question, one per line.</summary>
        public string Choices { get; set => field = value ?? ""; } = "";

        // The team's optional versions: the question, and its choices in the Polish order.
        public string? TextUk { get; set; }
        public string? TextEn { get; set; }
        public string? ChoicesUk { get; set; }
        public string? ChoicesEn { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Text);

        public IReadOnlyList<string> ChoiceList => SurveyQuestion.Lines(Choices);
    }

    public const int MaxChoiceLength = 60;

    /// <summary>Polish messages for what the survey service would refuse, so staff see all of them at once.</summary>
    public IReadOnlyList<string> Problems(DateTime nowLocal)
    {
        var problems = new List<string>();
        if (Title.Trim().Length is < 3 or > 120) problems.Add(AdminText.SurveyTitleLength);
        var questions = Questions.Where(q => !q.IsBlank).ToList();
        if (questions.Count == 0) problems.Add(AdminText.SurveyNeedsQuestion);
        if (questions.Count > SurveyService.MaxQuestions) problems.Add(Wording.Format(AdminText.SurveyTooManyQuestions, SurveyService.MaxQuestions));
        for (var i = 0; i < Questions.Count; i++)
        {
            var q = Questions[i];
            if (q.IsBlank) continue;
            if (q.Text.Trim().Length > 300) problems.Add(Wording.Format(AdminText.QuestionTooLong, i + 1));
            if (q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
            {
                if (q.ChoiceList.Count is < 2 or > 10) problems.Add(Wording.Format(AdminText.QuestionNeedsChoices, i + 1));
                if (q.ChoiceList.Any(c => c.Length > MaxChoiceLength)) problems.Add(Wording.Format(AdminText.QuestionChoiceTooLong, i + 1, MaxChoiceLength));
            }
            foreach (var (language, version) in new[] { (Languages.Ukrainian, q.ChoicesUk), (Languages.English, q.ChoicesEn) })
            {
                var lines = SurveyQuestion.Lines(version);
                if (lines.Count > 0 && lines.Count != q.ChoiceList.Count)
                    problems.Add(Wording.Format(AdminText.QuestionChoicesVersionCount, i + 1, AdminNames.OfLanguage(language)));
                if (lines.Any(c => c.Length > MaxChoiceLength)) problems.Add(Wording.Format(AdminText.QuestionChoiceTooLong, i + 1, MaxChoiceLength));
            }
        }
        if (OpensDay is null || ClosesDay is null) problems.Add(AdminText.SurveyNeedsDays);
        else
        {
            if (ClosesDay < OpensDay) problems.Add(AdminText.SurveyClosesAfterOpening);
            if (ClosesDay < DateOnly.FromDateTime(nowLocal)) problems.Add(AdminText.SurveyClosingDayPassed);
        }
        if (Audience == Audience.CategorySubscribers && Category is null) problems.Add(AdminText.SurveyPickCategory);
        if (Audience == Audience.EventParticipants && EventId is null) problems.Add(AdminText.SurveyPickEvent);
        if (ReminderAfterDays is < 0 or > 30) problems.Add(AdminText.SurveyReminderRange);
        return problems;
    }
}
