using System.Text.RegularExpressions;

namespace MamBot.Dialogs.Understanding;

/// <summary>
/// A person's name said in passing, before or after the question that asks for it: "name's Priya Sharma",
/// "nazywam się Anna Nowak", "мене звати Марія Бондар", a last clause "…, Марія Бондар", or a message that is
/// only "Tom Baker". Outside the name question only capitalised words count: lower case is a sentence.
/// </summary>
public static partial class PersonNames
{
    /// <summary>The name after "my name is", "nazywam się", "мене звати", "меня зовут"…; null when none is said.</summary>
    public static string? Introduced(string text)
    {
        // Each introduction in turn: "the name? I'm Tom Baker" has its name after the second.
        foreach (Match intro in Introduction().Matches(text))
        {
            var rest = text[(intro.Index + intro.Length)..].TrimStart(' ', ':', ',', '-', '—');
            // A name ends with its clause: "Lucía García, Erasmus student", "Олена Коваль. Хочу…".
            var clauseEnd = rest.IndexOfAny([',', '.', ';', '!', '?', '(', '—', '–']);
            if (clauseEnd >= 0) rest = rest[..clauseEnd];
            var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(IsNameWord).Take(3).ToList();
            if (words.Count > 0 && !words.Any(IsEverydayWord)) return string.Join(' ', words);
        }
        return null;
    }

    /// <summary>
    /// "нас п'ятеро, Марія Бондар", "нас 6, Ірина Бондаренко, прощальна вечеря": a clause of a longer message that
    /// is two or three capitalised words.
    /// </summary>
    public static string? Clause(string text)
    {
        var clauses = text.Split([',', ';', '.', '!', '?'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return clauses.Length >= 2 ? clauses.FirstOrDefault(IsCapitalisedName) : null;
    }

    /// <summary>
    /// "chcę kuchnię w niedzielę od 17 do 19 będzie nas czworo Marek Wiśniewski lepimy pierogi": in a message typed
    /// in lower case, the one run of two or three capitalised words stands out as a name.
    /// </summary>
    public static string? Run(string text)
    {
        var words = text.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', '!', '?', ':')).ToList();
        if (words.Count < 4 || words[0].Length == 0 || !char.IsLower(words[0][0])) return null;
        var runs = new List<List<string>>();
        List<string>? run = null;
        foreach (var word in words)
        {
            if (IsNameWord(word) && !IsEverydayWord(word)) (run ??= []).Add(word);
            else if (run is not null) { runs.Add(run); run = null; }
        }
        if (run is not null) runs.Add(run);
        return runs is [{ Count: 2 or 3 } only] && words.Count(w => w.Length > 0 && char.IsUpper(w[0])) == only.Count
            ? string.Join(' ', only) : null;
    }

    /// <summary>The whole message is a name ("Tom Baker", "Марія Бондар"): two or three capitalised words.</summary>
    public static bool IsCapitalisedName(string text)
    {
        var words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is 2 or 3 && words.All(IsNameWord) && !words.Any(IsEverydayWord);
    }

    private static bool IsNameWord(string word) =>
        word.Length >= 2 && char.IsUpper(word[0]) && word.Skip(1).All(c => char.IsLower(c) || c is '-' or '\'' or '’');

    // Capitalised words that open sentences or name days and rooms, never a person: "Next Friday", "Big Room".
    private static bool IsEverydayWord(string word)
    {
        var folded = TypedText.Fold(word);
        return EverydayWords.Contains(folded) || TypedWords.Yes.Match(folded) || TypedWords.No.Match(folded)
            || TypedDates.Day(folded, new DateOnly(2026, 1, 1)) is not null;
    }

    private static readonly HashSet<string> EverydayWords = [.. IntentRules.Fold(
        "sala", "duza", "mala", "kuchnia", "big", "small", "room", "kitchen", "hall", "next", "this", "the", "hello",
        "hi", "dzien", "dobry", "thanks", "dziekuje", "please", "prosze", "велика", "мала", "зала", "кухня", "добрий",
        "день", "дякую", "привіт", "будь", "ласка", "здравствуйте", "спасибо", "sorry", "ok", "okay", "book", "club",
        "team", "mam", "menu", "joga", "yoga", "йога")];

    [GeneratedRegex(@"\b(?:my name is|my name's|name's|name is|i am|i'm|this is|nazywam się|nazywam sie|mam na imię|mam na imie|" +
        @"z tej strony|moje imię to|moje imie to|na nazwisko|jestem|" +
        // A label, as in a form typed out: "…, name Sofia Rossi", "imię i nazwisko: Anna Nowak".
        @"name:?|full name:?|imię i nazwisko:?|imie i nazwisko:?|nazwisko:?)(?=\s)|(?:мене звати|моє ім['ʼ’]я|меня зовут|моё имя|мое имя|(?<!\w)я)(?=\s)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Introduction();
}
