using System.Globalization;
using System.Text.RegularExpressions;
using MamBot.Data.Surveys;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Surveys;

/// <summary>
/// The answer a button or a typed text gives to a survey question, or why it gives none. Typed choices are read
/// by <see cref="TypedChoice"/>: "po południu", "wieczorem", "trzy" and "bardzo dobrze" (the scale's top end)
/// work as well as the buttons.
/// </summary>
public static partial class TypedSurveyAnswer
{
    public const int MaxText = 500;

    public static (GivenAnswer? Answer, string? Error) Read(SurveyQuestion q, string? pressed, string? typed,
        IReadOnlyList<int> selection)
    {
        var text = typed?.Trim() ?? "";
        switch (q.Type)
        {
            case QuestionType.SingleChoice:
                var chosen = Pressed(pressed, "c:") ?? Choice(q, text);
                return chosen >= 0 && chosen < q.Choices.Count
                    ? (new GivenAnswer(Choices: [chosen]), null)
                    : (null, NeedAnswer(q));
            case QuestionType.MultipleChoice:
                var picks = pressed == "done" ? selection : pressed is null ? Choices(q, text) : [];
                return picks.Count > 0
                    ? (new GivenAnswer(Choices: [.. picks.Distinct().Order()]), null)
                    : (null, T.SurveyPickAtLeastOne);
            case QuestionType.Scale:
                var scale = Pressed(pressed, "n:") ?? TypedChoice.Find(ScaleTitles(q), text) + 1;
                return scale is >= 1 and <= 5 ? (new GivenAnswer(Number: scale), null) : (null, ScaleHint(q));
            case QuestionType.YesNo:
                var yes = pressed == "n:1" || pressed is null && TypedWords.Yes.Match(text);
                var no = pressed == "n:0" || pressed is null && TypedWords.No.Match(text);
                return yes || no ? (new GivenAnswer(Number: yes ? 1 : 0), null) : (null, NeedAnswer(q));
            default:
                if (text.Length == 0) return (null, NeedAnswer(q));
                return text.Length > MaxText
                    ? (null, Wording.Format(T.PromptTooLong, Wording.Count(MaxText, T.CharactersForms)))
                    : (new GivenAnswer(Text: text), null);
        }
    }

    /// <summary>"Oceń od 1 (bardzo źle) do 5 (bardzo dobrze).", or with the ends staff wrote for it.</summary>
    public static string ScaleHint(SurveyQuestion q)
    {
        var (low, high) = ScaleEnds(q);
        return Wording.Format(T.SurveyScale, low, high);
    }

    /// <summary>What an answer reads like in the summary and when its question is asked again.</summary>
    public static string Shown(SurveyQuestion q, GivenAnswer answer)
    {
        if (answer.IsEmpty) return T.SurveySkipped;
        var choices = q.ChoicesNow();
        return q.Type switch
        {
            QuestionType.SingleChoice or QuestionType.MultipleChoice =>
                string.Join(", ", answer.Choices!.Where(i => i < choices.Count).Select(i => choices[i])),
            QuestionType.YesNo => answer.Number == 1 ? T.ButtonYes : T.ButtonNo,
            QuestionType.Scale => answer.Number!.Value.ToString(CultureInfo.InvariantCulture),
            _ => answer.Text ?? "",
        };
    }

    // The scale's buttons as choices, its two ends named in brackets, so "bardzo dobrze" is a 5.
    private static string[] ScaleTitles(SurveyQuestion q)
    {
        var (low, high) = ScaleEnds(q);
        return [$"1 ({low})", "2", "3", "4", $"5 ({high})"];
    }

    private static (string Low, string High) ScaleEnds(SurveyQuestion q) =>
        q.ChoicesNow() is [var low, var high] ? (low, high) : (T.SurveyScaleLow, T.SurveyScaleHigh);

    // A required question insists; an optional one only asks (its "Pomiń" is added by the dialog).
    private static string NeedAnswer(SurveyQuestion q) => q.Required ? T.SurveyNeedAnswer : T.SurveyPickOrType;

    private static int? Pressed(string? pressed, string kind) =>
        pressed is null ? null
        : pressed.StartsWith(kind, StringComparison.Ordinal)
            ? int.Parse(pressed[kind.Length..], CultureInfo.InvariantCulture)
        : -1;

    /// <summary>A typed choice: in the team's version the resident reads, else in the Polish one.</summary>
    private static int Choice(SurveyQuestion q, string text) =>
        TypedChoice.Find(q.ChoicesNow(), text, numbered: true) is var now and >= 0
            ? now
            : TypedChoice.Find(q.Choices, text, numbered: true);

    /// <summary>"warsztaty i sport", "1, 3" or "1 3": every part must name a choice, or nothing is taken.</summary>
    private static List<int> Choices(SurveyQuestion q, string text)
    {
        if (Choice(q, text) is var one and >= 0) return [one];
        var picks = new List<int>();
        foreach (var part in Separators().Split(text).Where(p => p.Trim().Length > 0))
        {
            if (Choice(q, part) is var named and >= 0)
            {
                picks.Add(named);
                continue;
            }
            var numbers = TypedText.Fold(part).Split(' ').Select(TypedChoice.Number).ToList();
            if (numbers.Any(n => n is null || n < 1 || n > q.Choices.Count)) return [];
            picks.AddRange(numbers.Select(n => n!.Value - 1));
        }
        return picks;
    }

    [GeneratedRegex(@"[,;]|\s(?:i|oraz|і|та|й|and|&)\s", RegexOptions.IgnoreCase)]
    private static partial Regex Separators();
}
