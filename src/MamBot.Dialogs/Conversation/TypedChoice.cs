using System.Globalization;
using System.Text.RegularExpressions;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Conversation;

/// <summary>
/// Which of the offered choices a typed text names, the way a person at the desk would hear it: "po poludniu"
/// is "Po południu (15–18)" (no diacritics, any case, the part in brackets left out), "wieczorem" is the only
/// choice containing that word, "trzy", "три" or "three" is the choice "3" (or the third one, where choices are
/// numbered on their buttons), and one slip of a finger in a longer title is forgiven. Anything that could name
/// two choices names none: a prompt asks again rather than guess.
/// </summary>
public static partial class TypedChoice
{
    /// <summary>The position of the choice the text names, or -1. <paramref name="numbered"/>: "2" may mean the
    /// second choice, as on buttons shown "2. …".</summary>
    public static int Find(IReadOnlyList<string> titles, string? typed, bool numbered = false) =>
        Find([.. titles.Select(t => (IReadOnlyList<string>)[t])], typed, numbered);

    /// <summary>As above, each choice with other words that pick it exactly (the first is its title).</summary>
    public static int Find(IReadOnlyList<IReadOnlyList<string>> names, string? typed, bool numbered)
    {
        var text = TypedText.Fold(typed);
        if (text.Length == 0 || names.Count == 0) return -1;
        var titles = names.Select(n => Title(n[0])).ToList();

        // Exactly a title (with or without its brackets) or one of the other words, in that order.
        if (Unique(titles.Select(t => t.Short == text || t.Full == text)) is var exact and >= 0) return exact;
        if (Unique(names.Select(n => n.Skip(1).Any(s => TypedText.Fold(s) == text))) is var word and >= 0) return word;

        if (Number(text) is { } number)
        {
            var named = Unique(titles.Select(t => t.Short == number.ToString(CultureInfo.InvariantCulture)));
            if (named >= 0) return named;
            return numbered && number >= 1 && number <= names.Count ? number - 1 : -1;
        }

        // A part of one title only, from the start of a word: "wieczorem", "poludniu", "wiecz".
        if (text.Length >= 3 && Unique(titles.Select(t => $" {t.Full} ".Contains(" " + text, StringComparison.Ordinal)))
            is var part and >= 0) return part;

        // One letter wrong, missing or extra in a title long enough that this cannot be another word.
        return Unique(titles.Select(t => t.Short.Length >= 5 && TypedText.Distance(t.Short, text) <= 1));
    }

    /// <summary>A typed number, in digits or as a word ("trzy", "три", "three").</summary>
    public static int? Number(string folded) =>
        int.TryParse(folded, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : TypedDates.NumberWord(folded);

    private static (string Short, string Full) Title(string title) =>
        (TypedText.Fold(Brackets().Replace(title, " ")), TypedText.Fold(title));

    private static int Unique(IEnumerable<bool> matches)
    {
        var found = matches.Select((m, i) => m ? i : -1).Where(i => i >= 0).Take(2).ToList();
        return found.Count == 1 ? found[0] : -1;
    }

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Brackets();
}
