using System.Globalization;
using MamBot.Data.Surveys;
using MamBot.Dialogs.About;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Handoffs;
using MamBot.Dialogs.Menu;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Surveys;

/// <summary>
/// Answering a survey, one question at a time (<see cref="SurveyScreens"/>), then a summary of all answers with
/// "Wyślij" and "Zmień"; only "Wyślij" stores them. "Wstecz" goes to the previous question, its earlier answer
/// kept until a new one replaces it. Answers wait in a draft, so the resident can stop (any menu button) and
/// continue later where they left off. The step is "q2" (question 2), "summary" or "change" (picking one).
/// </summary>
public sealed class AnswerSurveyDialog(SurveyService surveys, SurveyDesk desk) : Dialog
{
    public const string DialogId = "surveys.answer";
    public const string SummaryStep = "summary";
    public const string ChangeStep = "change";
    public override string Id => DialogId;

    public static string QuestionStep(int number) => "q" + number.ToString(CultureInfo.InvariantCulture);

    public override async Task BeginAsync(DialogContext dc, string? argument, CancellationToken ct)
    {
        var frame = dc.ActiveFrame!;
        frame.Values["survey"] = argument!;
        frame.Values["tag"] = "s" + Guid.NewGuid().ToString("N")[..5];
        var (survey, draft) = await LoadAsync(dc, ct);
        if (draft.Count > 0) dc.Say(T.SurveyContinue);
        else dc.Say(Wording.ByTheTeam(Wording.Format(T.SurveyIntro, survey.TitleText().Text, survey.IntroText().Text,
            Wording.Count(survey.Questions.Count, T.QuestionsForms),
            survey.IsAnonymous ? T.SurveyAnonymousNote : T.SurveyNamedNote), survey.InLanguageSpoken()));
        Next(dc, survey, draft);
    }

    public override async Task ContinueAsync(DialogContext dc, CancellationToken ct)
    {
        var (survey, draft) = await LoadAsync(dc, ct);
        var frame = dc.ActiveFrame!;
        var pressed = SurveyScreens.Pressed(frame, dc.Payload);
        switch (frame.Step)
        {
            case SummaryStep:
                await AtSummaryAsync(dc, survey, draft, pressed, ct);
                return;
            case ChangeStep:
                AtChange(dc, survey, draft, pressed);
                return;
        }
        if (Asked(frame) is { } index && index < survey.Questions.Count)
            await AtQuestionAsync(dc, survey, draft, index, pressed, ct);
        else Next(dc, survey, draft); // a conversation saved before steps were named: where the draft ends
    }

    /// <summary>A survey reads every typed text itself: choices, "wstecz", and a question typed at a free-text step.</summary>
    public override Task<bool> AcceptsAsync(DialogContext dc, string text, CancellationToken ct) => Task.FromResult(true);

    public override bool ReadsQuestionsItself => true;

    public override async Task RepromptAsync(DialogContext dc, CancellationToken ct)
    {
        var (survey, draft) = await LoadAsync(dc, ct);
        var frame = dc.ActiveFrame!;
        if (frame.Step == SummaryStep) dc.Say(SurveyScreens.Summary(frame, survey, draft));
        else if (frame.Step == ChangeStep) dc.Say(SurveyScreens.Pick(frame, survey));
        else if (Asked(frame) is { } index && index < survey.Questions.Count) Ask(dc, survey, draft, index);
        else Next(dc, survey, draft);
    }

    private async Task AtQuestionAsync(DialogContext dc, Survey survey, Dictionary<int, GivenAnswer> draft, int index,
        string? pressed, CancellationToken ct)
    {
        var frame = dc.ActiveFrame!;
        var q = survey.Questions[index];
        if (dc.Payload == FormDialog.BackPayload || pressed is null && TypedWords.Back.Match(dc.Text))
        {
            if (index == 0) dc.Say(T.SurveyFirstQuestion);
            MoveTo(frame, survey, draft, Math.Max(index - 1, 0));
            Ask(dc, survey, draft, Math.Max(index - 1, 0));
            return;
        }
        if (pressed == "keep" && draft.ContainsKey(q.Id))
        {
            Next(dc, survey, draft);
            return;
        }
        if (pressed?.StartsWith("t:", StringComparison.Ordinal) == true)
        {
            // A multiple-choice toggle: the selection lives in the frame until "Gotowe".
            var selection = SurveyScreens.Selection(frame);
            var choice = int.Parse(pressed[2..], CultureInfo.InvariantCulture);
            if (!selection.Remove(choice)) selection.Add(choice);
            frame.Values["sel"] = string.Join(',', selection.Order());
            Ask(dc, survey, draft, index);
            return;
        }
        if (pressed is null && q.Type == QuestionType.ShortText && TypedRepair.IsQuestion(dc.Text))
        {
            AnswerTheirQuestion(dc, survey, draft, index);
            return;
        }

        var (answer, error) = pressed == "skip" && SurveyScreens.Skippable(q) ? (new GivenAnswer(), null)
            : pressed == "held" ? TypedSurveyAnswer.Read(q, null, frame.Values.GetValueOrDefault("held"), [])
            : TypedSurveyAnswer.Read(q, pressed, dc.Text, SurveyScreens.Selection(frame));
        if (answer is null)
        {
            dc.Say(SurveyScreens.Skippable(q) ? error + " " + Wording.Format(T.SurveyOrSkip, T.ButtonSkip) : error!);
            Ask(dc, survey, draft, index);
            return;
        }
        draft[q.Id] = answer;
        await surveys.SaveDraftAsync(survey.Id, dc.Resident!.Id, draft, ct);
        Next(dc, survey, draft);
    }

    /// <summary>
    /// A question typed where a free-text answer was expected is not the answer: the centre's FAQ answers it,
    /// or the team can. The text waits behind "To moja odpowiedź" in case it was the answer after all.
    /// </summary>
    private static void AnswerTheirQuestion(DialogContext dc, Survey survey, Dictionary<int, GivenAnswer> draft,
        int index)
    {
        var frame = dc.ActiveFrame!;
        var text = dc.Text!.Trim();
        frame.Values["held"] = text;
        var notTaken = Wording.Format(T.SurveyNotTakenAsAnswer, T.ButtonMyAnswer);
        var mine = SurveyScreens.Press(frame, T.ButtonMyAnswer, "held");
        if (FaqMatcher.Find(text, dc.Centre.Faq) is { } faq)
        {
            dc.Say(FaqAnswer.Render(faq).Text + "\n\n" + notTaken);
            Ask(dc, survey, draft, index, mine);
            return;
        }
        dc.Say(Wording.Format(T.SurveyAskTheTeam, T.ButtonTalkToPerson) + "\n\n" + notTaken);
        Ask(dc, survey, draft, index, mine, HandoffDesk.TalkButton);
    }

    private async Task AtSummaryAsync(DialogContext dc, Survey survey, Dictionary<int, GivenAnswer> draft,
        string? pressed, CancellationToken ct)
    {
        var frame = dc.ActiveFrame!;
        if (pressed == "change")
        {
            frame.Step = ChangeStep;
            dc.Say(SurveyScreens.Pick(frame, survey));
            return;
        }
        if (pressed != "send" && !(pressed is null && TypedWords.Send.Match(dc.Text)))
        {
            dc.Say(T.PromptPickOne);
            dc.Say(SurveyScreens.Summary(frame, survey, draft));
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

    /// <summary>"Zmień": a question picked by its button, number ("dwa") or words goes to that question.</summary>
    private static void AtChange(DialogContext dc, Survey survey, Dictionary<int, GivenAnswer> draft, string? pressed)
    {
        var frame = dc.ActiveFrame!;
        if (dc.Payload == FormDialog.BackPayload)
        {
            Next(dc, survey, draft);
            return;
        }
        var questions = survey.Questions.Select(q => q.Words().Text).ToList();
        var picked = pressed?.StartsWith("q:", StringComparison.Ordinal) == true
            ? int.Parse(pressed[2..], CultureInfo.InvariantCulture)
            : pressed is null ? TypedChoice.Find(questions, dc.Text, numbered: true) : -1;
        if (picked < 0 || picked >= survey.Questions.Count)
        {
            dc.Say(T.PromptPickOne);
            dc.Say(SurveyScreens.Pick(frame, survey));
            return;
        }
        MoveTo(frame, survey, draft, picked);
        Ask(dc, survey, draft, picked);
    }

    /// <summary>The first question still without an answer, else the summary.</summary>
    private static void Next(DialogContext dc, Survey survey, Dictionary<int, GivenAnswer> draft)
    {
        var frame = dc.ActiveFrame!;
        var next = survey.Questions.ToList().FindIndex(q => !draft.ContainsKey(q.Id));
        if (next >= 0)
        {
            MoveTo(frame, survey, draft, next);
            Ask(dc, survey, draft, next);
            return;
        }
        frame.Step = SummaryStep;
        frame.Values.Remove("sel");
        frame.Values.Remove("held");
        dc.Say(SurveyScreens.Summary(frame, survey, draft));
    }

    /// <summary>Makes a question the step; a multiple choice answered before starts with its earlier ticks.</summary>
    private static void MoveTo(DialogFrame frame, Survey survey, Dictionary<int, GivenAnswer> draft, int index)
    {
        frame.Step = QuestionStep(index + 1);
        frame.Values.Remove("held");
        if (draft.GetValueOrDefault(survey.Questions[index].Id)?.Choices is { Count: > 0 } earlier
            && survey.Questions[index].Type == QuestionType.MultipleChoice)
            frame.Values["sel"] = string.Join(',', earlier);
        else frame.Values.Remove("sel");
    }

    private static void Ask(DialogContext dc, Survey survey, Dictionary<int, GivenAnswer> draft, int index,
        params Button[] extra) =>
        dc.Say(SurveyScreens.Question(dc.ActiveFrame!, survey, draft, index, extra));

    private static int? Asked(DialogFrame frame) =>
        frame.Step.StartsWith('q') && int.TryParse(frame.Step[1..], CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n - 1
            : null;

    private async Task<(Survey Survey, Dictionary<int, GivenAnswer> Draft)> LoadAsync(DialogContext dc,
        CancellationToken ct)
    {
        var id = int.Parse(dc.ActiveFrame!.Values["survey"], CultureInfo.InvariantCulture);
        var survey = await surveys.FindAsync(id, ct) ?? throw new InvalidOperationException($"No survey {id}.");
        return (survey, await surveys.DraftAsync(id, dc.Resident!.Id, ct));
    }

    public static string Closes(DialogContext dc, Survey survey) =>
        Wording.DayAndMonth(DateOnly.FromDateTime(
            TimeZoneInfo.ConvertTimeFromUtc(survey.ClosesUtc.AddMinutes(-1), dc.TimeZone)));
}
