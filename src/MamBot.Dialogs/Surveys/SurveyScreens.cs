using System.Globalization;
using MamBot.Data.Surveys;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Surveys;

/// <summary>
/// What a resident sees while answering a survey: a question with its buttons, the summary of all answers with
/// "Wyślij" and "Zmień", and the list to pick a question to change. Every button answers the step it was shown
/// at only (its payload names the step), and the screen's payloads are what the step then expects.
/// </summary>
public static class SurveyScreens
{
    /// <summary>A question: its buttons, the earlier answer when it has one, "Wstecz" after the first question,
    /// "Pomiń" for optional ones; the hint says "can be skipped" exactly when "Pomiń" is there.</summary>
    public static Reply Question(DialogFrame frame, Survey survey, IReadOnlyDictionary<int, GivenAnswer> draft,
        int index, IReadOnlyList<Button> extra)
    {
        var q = survey.Questions[index];
        var selection = Selection(frame);
        var (hint, rows) = q.Type switch
        {
            QuestionType.SingleChoice => (T.SurveyPickOne,
                q.ChoicesNow().Select((c, i) => (Button[])[Press(frame, $"{i + 1}. {c}", $"c:{i}")]).ToList()),
            QuestionType.MultipleChoice => (T.SurveyPickMany, q.ChoicesNow()
                .Select((c, i) => (Button[])[Press(frame, (selection.Contains(i) ? "☑ " : "☐ ") + c, $"t:{i}")])
                .Append([Press(frame, T.ButtonDone, "done")]).ToList()),
            QuestionType.Scale => (TypedSurveyAnswer.ScaleHint(q), [[.. Enumerable.Range(1, 5)
                .Select(n => Press(frame, n.ToString(CultureInfo.InvariantCulture), $"n:{n}"))]]),
            QuestionType.YesNo =>
                (T.SurveyPickOne, [[Press(frame, T.ButtonYes, "n:1"), Press(frame, T.ButtonNo, "n:0")]]),
            _ => (T.SurveyTypeAnswer, new List<Button[]>()),
        };
        if (extra.Count > 0) rows.Add([.. extra]);

        var moves = new List<Button>();
        if (index > 0) moves.Add(new Button(T.ButtonBack, FormDialog.BackPayload));
        if (draft.TryGetValue(q.Id, out var earlier))
        {
            hint = Wording.Format(T.SurveyEarlierAnswer, TypedSurveyAnswer.Shown(q, earlier)) + "\n" + hint;
            moves.Add(Press(frame, T.ButtonKeepAnswer, "keep"));
        }
        if (Skippable(q))
        {
            hint += " " + T.SurveyOptional;
            moves.Add(Press(frame, T.ButtonSkip, "skip"));
        }
        if (moves.Count > 0) rows.Add([.. moves]);

        var header = Wording.Format(T.SurveyQuestionHeader, index + 1, survey.Questions.Count, q.Words().Text);
        return Expecting(frame, new Reply(header + "\n" + hint, [.. rows.Select(r => (IReadOnlyList<Button>)r)]));
    }

    /// <summary>Every question with its answer, and "Wyślij" / "Zmień": nothing is sent before "Wyślij".</summary>
    public static Reply Summary(DialogFrame frame, Survey survey, IReadOnlyDictionary<int, GivenAnswer> draft)
    {
        var lines = survey.Questions.Select((q, i) => $"{i + 1}. {q.Words().Text}\n→ "
            + (draft.TryGetValue(q.Id, out var a) ? TypedSurveyAnswer.Shown(q, a) : T.SurveySkipped));
        return Expecting(frame, Reply.WithRow(Wording.Format(T.SurveySummary, string.Join("\n", lines)),
            Press(frame, T.ButtonSendAnswers, "send"), Press(frame, T.ButtonChange, "change")));
    }

    /// <summary>The questions by number, a button each, and "Wstecz" to the summary.</summary>
    public static Reply Pick(DialogFrame frame, Survey survey)
    {
        var lines = survey.Questions.Select((q, i) => $"{i + 1}. {q.Words().Text}");
        var numbers = survey.Questions
            .Select((_, i) => Press(frame, (i + 1).ToString(CultureInfo.InvariantCulture), $"q:{i}"));
        IReadOnlyList<IReadOnlyList<Button>> rows =
            [.. numbers.Chunk(5), [new Button(T.ButtonBack, FormDialog.BackPayload)]];
        return Expecting(frame, new Reply(Wording.Format(T.SurveyWhichToChange, string.Join("\n", lines)), rows));
    }

    /// <summary>One rule for "Pomiń": its button, the hint and the error messages all follow it.</summary>
    public static bool Skippable(SurveyQuestion q) => !q.Required;

    /// <summary>What a button of this step pressed means ("c:2", "send"), or null for any other payload.</summary>
    public static string? Pressed(DialogFrame frame, string? payload) =>
        payload is not null && payload.StartsWith(Prefix(frame), StringComparison.Ordinal)
            ? payload[Prefix(frame).Length..]
            : null;

    /// <summary>The multiple-choice ticks made so far at this question.</summary>
    public static List<int> Selection(DialogFrame frame) =>
    [
        .. frame.Values.GetValueOrDefault("sel", "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture)),
    ];

    /// <summary>A button of this step: "send" pressed at the summary arrives as the step's prefix and "send".</summary>
    public static Button Press(DialogFrame frame, string title, string value) => new(title, Prefix(frame) + value);

    // The dialog's tag and the step: a button from another question's message is stale, never this one's answer.
    private static string Prefix(DialogFrame frame) => $"{frame.Values["tag"]}.{frame.Step}:";

    private static Reply Expecting(DialogFrame frame, Reply reply)
    {
        frame.Expects = [.. reply.Buttons.SelectMany(r => r).Select(b => b.Payload)];
        return reply;
    }
}
