using System.Globalization;
using MamBot.Data.Surveys;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Menu;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Surveys;

/// <summary>
/// Answering a survey, one question at a time: buttons for choices, scales and yes/no, toggles with "Gotowe" for
/// multiple choice, "Pomiń" for optional questions, typed answers too. Answers wait in a draft, so the resident
/// can stop (any menu button) and continue later where they left off; submitting stores them once.
/// </summary>
public sealed class AnswerSurveyDialog(SurveyService surveys, SurveyDesk desk) : Dialog
{
    public const string DialogId = "surveys.answer";
    public const int MaxText = 500;
    public override string Id => DialogId;

    public override async Task BeginAsync(DialogContext dc, string? argument, CancellationToken ct)
    {
        var frame = dc.ActiveFrame!;
        frame.Values["survey"] = argument!;
        frame.Values["tag"] = "s" + Guid.NewGuid().ToString("N")[..5];
        var (survey, draft) = await LoadAsync(dc, ct);
        if (draft.Count > 0) dc.Say(T.SurveyContinue);
        else dc.Say(Wording.ByTheTeam(Wording.Format(T.SurveyIntro, survey.TitleText().Text, survey.IntroText().Text,
            Wording.Count(survey.Questions.Count, T.QuestionsForms), survey.IsAnonymous ? T.SurveyAnonymousNote : T.SurveyNamedNote), survey.InLanguageSpoken()));
        await NextAsync(dc, survey, draft, ct);
    }

    public override async Task ContinueAsync(DialogContext dc, CancellationToken ct)
    {
        var (survey, draft) = await LoadAsync(dc, ct);
        var question = survey.Questions.First(q => !draft.ContainsKey(q.Id));
        var frame = dc.ActiveFrame!;
        var tag = frame.Values["tag"];
        var pressed = dc.Payload is { } p && p.StartsWith(tag + ":", StringComparison.Ordinal) ? p[(tag.Length + 1)..] : null;

        if (pressed is not null && pressed.StartsWith("t:", StringComparison.Ordinal))
        {
            // A multiple-choice toggle: the selection lives in the frame until "Gotowe".
            var selection = Selection(frame);
            var index = int.Parse(pressed[2..], CultureInfo.InvariantCulture);
            if (!selection.Remove(index)) selection.Add(index);
            frame.Values["sel"] = string.Join(',', selection.Order());
            Ask(dc, survey, question, draft.Count);
            return;
        }

        var (answer, error) = pressed == "skip" && !question.Required ? (new GivenAnswer(), null) : Read(question, pressed, dc.Text, Selection(frame));
        if (answer is null)
        {
            dc.Say(error!);
            Ask(dc, survey, question, draft.Count);
            return;
        }
        frame.Values.Remove("sel");
        draft[question.Id] = answer;
        await surveys.SaveDraftAsync(survey.Id, dc.Resident!.Id, draft, ct);
        await NextAsync(dc, survey, draft, ct);
    }

    public override async Task RepromptAsync(DialogContext dc, CancellationToken ct)
    {
        var (survey, draft) = await LoadAsync(dc, ct);
        await NextAsync(dc, survey, draft, ct);
    }

    private async Task NextAsync(DialogContext dc, Survey survey, Dictionary<int, GivenAnswer> draft, CancellationToken ct)
    {
        var next = survey.Questions.FirstOrDefault(q => !draft.ContainsKey(q.Id));
        if (next is not null)
        {
            Ask(dc, survey, next, draft.Count);
            return;
        }
        await dc.EndDialogAsync(null, ct);
        var outcome = await surveys.SubmitAsync(survey.Id, dc.Resident!.Id, draft, ct);
        if (outcome == SubmitOutcome.Saved) await desk.AnsweredAsync(survey.Id, dc.Resident.Id, ct);
        dc.Say(MainMenu.Render(outcome switch
        {
            SubmitOutcome.Saved => Wording.Format(T.SurveyThanks, survey.TitleText().Text, Closes(dc, survey)),
            SubmitOutcome.AlreadyAnswered => Wording.Format(T.SurveyAlreadyAnswered, survey.TitleText().Text),
            _ => Wording.Format(T.SurveyClosed, survey.TitleText().Text),
        }));
    }

    /// <summary>"Oceń od 1 (bardzo źle) do 5 (bardzo dobrze).", or with the two ends staff wrote for this question.</summary>
    private static string ScaleHint(SurveyQuestion q) => q.ChoicesNow() is [var low, var high]
        ? Wording.Format(T.SurveyScale, low, high)
        : Wording.Format(T.SurveyScale, T.SurveyScaleLow, T.SurveyScaleHigh);

    private static void Ask(DialogContext dc, Survey survey, SurveyQuestion q, int answered)
    {
        var frame = dc.ActiveFrame!;
        var tag = frame.Values["tag"];
        Button Press(string title, string value) => new(title, $"{tag}:{value}");
        var selection = Selection(frame);
        var (hint, rows) = q.Type switch
        {
            QuestionType.SingleChoice => (T.SurveyPickOne, q.ChoicesNow().Select((c, i) => Press($"{i + 1}. {c}", $"c:{i}")).Chunk(1).ToList()),
            QuestionType.MultipleChoice => (T.SurveyPickMany, q.ChoicesNow().Select((c, i) => Press((selection.Contains(i) ? "☑ " : "☐ ") + c, $"t:{i}")).Chunk(1)
                .Append([Press(T.ButtonDone, "done")]).ToList()),
            QuestionType.Scale => (ScaleHint(q), [Enumerable.Range(1, 5).Select(n => Press(n.ToString(CultureInfo.InvariantCulture), $"n:{n}")).ToArray()]),
            QuestionType.YesNo => (T.SurveyPickOne, [[Press(T.ButtonYes, "n:1"), Press(T.ButtonNo, "n:0")]]),
            _ => (T.SurveyTypeAnswer, new List<Button[]>()),
        };
        if (!q.Required)
        {
            hint += " " + T.SurveyOptional;
            rows.Add([Press(T.ButtonSkip, "skip")]);
        }
        frame.Expects = [.. rows.SelectMany(r => r).Select(b => b.Payload)];
        dc.Say(new Reply(Wording.Format(T.SurveyQuestionHeader, answered + 1, survey.Questions.Count, q.Words().Text) + "\n" + hint,
            [.. rows.Select(r => (IReadOnlyList<Button>)r)]));
    }

    /// <summary>The answer a button or typed text gives to this question, or the Polish reason it does not.</summary>
    private static (GivenAnswer? Answer, string? Error) Read(SurveyQuestion q, string? pressed, string? typed, List<int> selection)
    {
        var text = typed?.Trim() ?? "";
        var folded = TypedText.Fold(text);
        switch (q.Type)
        {
            case QuestionType.SingleChoice:
                var chosen = pressed?.StartsWith("c:", StringComparison.Ordinal) == true ? int.Parse(pressed[2..], CultureInfo.InvariantCulture)
                    : int.TryParse(folded, out var n) ? n - 1
                    : Typed(q.ChoicesNow(), folded) is var now and >= 0 ? now : Typed(q.Choices, folded);
                return chosen >= 0 && chosen < q.Choices.Count ? (new GivenAnswer(Choices: [chosen]), null) : (null, T.SurveyNeedAnswer);
            case QuestionType.MultipleChoice:
                var typedPicks = folded.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
                    .Select(s => int.TryParse(s, out var i) ? i - 1 : -1).Where(i => i >= 0 && i < q.Choices.Count).ToList();
                var picks = pressed == "done" ? selection : typedPicks;
                return picks.Count > 0 ? (new GivenAnswer(Choices: [.. picks.Distinct().Order()]), null) : (null, T.SurveyPickAtLeastOne);
            case QuestionType.Scale:
                var scale = pressed?.StartsWith("n:", StringComparison.Ordinal) == true ? int.Parse(pressed[2..], CultureInfo.InvariantCulture)
                    : int.TryParse(folded, out var s) ? s : 0;
                return scale is >= 1 and <= 5 ? (new GivenAnswer(Number: scale), null) : (null, ScaleHint(q));
            case QuestionType.YesNo:
                var yes = pressed == "n:1" || pressed is null && TypedWords.Yes.Match(folded);
                var no = pressed == "n:0" || pressed is null && TypedWords.No.Match(folded);
                return yes || no ? (new GivenAnswer(Number: yes ? 1 : 0), null) : (null, T.SurveyNeedAnswer);
            default:
                if (text.Length == 0) return (null, T.SurveyNeedAnswer);
                return text.Length > MaxText ? (null, Wording.Format(T.PromptTooLong, Wording.Count(MaxText, T.CharactersForms))) : (new GivenAnswer(Text: text), null);
        }
    }

    /// <summary>The position of the choice typed out in full, or -1.</summary>
    private static int Typed(IReadOnlyList<string> choices, string folded) => choices.ToList().FindIndex(c => TypedText.Fold(c) == folded);

    private async Task<(Survey Survey, Dictionary<int, GivenAnswer> Draft)> LoadAsync(DialogContext dc, CancellationToken ct)
    {
        var id = int.Parse(dc.ActiveFrame!.Values["survey"], CultureInfo.InvariantCulture);
        var survey = await surveys.FindAsync(id, ct) ?? throw new InvalidOperationException($"No survey {id}.");
        return (survey, await surveys.DraftAsync(id, dc.Resident!.Id, ct));
    }

    private static List<int> Selection(DialogFrame frame) =>
        [.. frame.Values.GetValueOrDefault("sel", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    public static string Closes(DialogContext dc, Survey survey) =>
        Wording.DayAndMonth(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(survey.ClosesUtc.AddMinutes(-1), dc.TimeZone)));
}
