using MamBot.Data.Events;
using MamBot.Data.Residents;
using MamBot.Data.Surveys;

namespace MamBot.Host.Admin.Pages.Surveys;

/// <summary>What the survey builder posts: the survey's settings and its questions, blank ones ignored.</summary>
public sealed class SurveyForm
{
    public string Title { get; set => field = value ?? ""; } = "";
    public string Intro { get; set => field = value ?? ""; } = "";
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

        public bool IsBlank => string.IsNullOrWhiteSpace(Text);

        public IReadOnlyList<string> ChoiceList =>
            Choices.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public const int MaxChoiceLength = 60;

    /// <summary>Polish messages for what the survey service would refuse, so staff see all of them at once.</summary>
    public IReadOnlyList<string> Problems(DateTime nowLocal)
    {
        var problems = new List<string>();
        if (Title.Trim().Length is < 3 or > 120) problems.Add("Podaj tytuł ankiety (3–120 znaków).");
        var questions = Questions.Where(q => !q.IsBlank).ToList();
        if (questions.Count == 0) problems.Add("Dodaj co najmniej jedno pytanie.");
        if (questions.Count > SurveyService.MaxQuestions) problems.Add($"Ankieta może mieć najwyżej {SurveyService.MaxQuestions} pytań.");
        for (var i = 0; i < Questions.Count; i++)
        {
            var q = Questions[i];
            if (q.IsBlank) continue;
            if (q.Text.Trim().Length > 300) problems.Add($"Pytanie {i + 1} jest za długie (najwyżej 300 znaków).");
            if (q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
            {
                if (q.ChoiceList.Count is < 2 or > 10) problems.Add($"Pytanie {i + 1}: wpisz od 2 do 10 odpowiedzi, każdą w osobnej linii.");
                if (q.ChoiceList.Any(c => c.Length > MaxChoiceLength)) problems.Add($"Pytanie {i + 1}: odpowiedź może mieć najwyżej {MaxChoiceLength} znaków.");
            }
        }
        if (OpensDay is null || ClosesDay is null) problems.Add("Podaj dzień otwarcia i zamknięcia ankiety.");
        else
        {
            if (ClosesDay < OpensDay) problems.Add("Ankieta musi się zamknąć po otwarciu.");
            if (ClosesDay < DateOnly.FromDateTime(nowLocal)) problems.Add("Dzień zamknięcia już minął.");
        }
        if (Audience == Audience.CategorySubscribers && Category is null) problems.Add("Wybierz kategorię, której subskrybenci dostaną ankietę.");
        if (Audience == Audience.EventParticipants && EventId is null) problems.Add("Wybierz wydarzenie, którego uczestnicy dostaną ankietę.");
        if (ReminderAfterDays is < 0 or > 30) problems.Add("Przypomnienie: od 0 (bez przypomnienia) do 30 dni.");
        return problems;
    }
}
