using System.Text;

namespace MamBot.Dialogs.Understanding;

/// <summary>
/// Ukrainian typed in Latin letters ("shcho bude v subotu", "zapyshit mene na yogu", "de vy znakhodytes"): put back
/// into Cyrillic, then compared with the Cyrillic rules in a loose spelling where the letters residents write
/// in several ways are one (і/и/ї/й/y, е/є, х/г for "kh"/"h", no soft sign). So every common transliteration
/// (sh/ch/shch/zh/kh, y/i/yi, iu/yu, ia/ya) reaches the same words without listing each variant.
/// </summary>
internal static class Transliteration
{
    // Longest first: "shch" before "sh", "kh" before "h". Only the usual Ukrainian romanisations, never Polish
    // spellings (cz, sz, w, ja, ju), so a Polish sentence never turns into Ukrainian words ("jak" is no "як").
    private static readonly (string Latin, string Cyrillic)[] Letters =
    [
        ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"), ("ts", "ц"),
        ("yu", "ю"), ("iu", "ю"), ("ya", "я"), ("ia", "я"), ("ye", "є"), ("ie", "є"), ("yi", "ї"), ("yo", "йо"),
        ("a", "а"), ("b", "б"), ("v", "в"), ("h", "г"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("y", "и"),
        ("i", "і"), ("j", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
        ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("c", "ц"), ("x", "кс"), ("q", "к"),
    ];

    // Everyday Ukrainian words in the loose spelling; one of them marks a Latin sentence as Ukrainian. None that
    // a Polish word becomes too: "mój" and "moja" read as "мої" and "моя".
    private static readonly HashSet<string> Markers = [.. new[]
    {
        "що", "мене", "мені", "ви", "коли", "хочу", "можна", "будь", "ласка", "дякую", "привіт", "буде", "як", "чи",
            "де",
        "сьогодні", "знаходитесь", "знаходитеся", "працюєте", "запишіть", "скасувати", "потрібна",
        "яка", "який", "будласка", "підкажіть", "скажіть",
    }.Select(Loose)];

    /// <summary>Folded Latin text in Cyrillic letters: "zapyshit mene" → "запишіт мене".</summary>
    public static string ToCyrillic(string folded)
    {
        var builder = new StringBuilder(folded.Length);
        for (var i = 0; i < folded.Length;)
        {
            var letter = LetterAt(folded, i);
            if (letter.Latin is null)
            {
                builder.Append(folded[i++]);
                continue;
            }
            builder.Append(letter.Cyrillic);
            i += letter.Latin.Length;
        }
        return builder.ToString();
    }

    /// <summary>The first of <see cref="Letters"/> the text has at this position; default when none.</summary>
    private static (string Latin, string Cyrillic) LetterAt(string text, int i)
    {
        foreach (var letter in Letters)
            if (string.CompareOrdinal(text, i, letter.Latin, 0, letter.Latin.Length) == 0) return letter;
        return default;
    }

    /// <summary>Latin-letter Ukrainian in the loose Cyrillic spelling, to meet Cyrillic names: "snidanok" → "сниданок".</summary>
    public static string LooseCyrillic(string foldedLatin) => LooseCyrillicOf[foldedLatin];

    // The same Latin words are read for rooms, markers, consent and events in one turn: each put into Cyrillic once.
    private static readonly TextMemo<string> LooseCyrillicOf = new(latin => Loose(ToCyrillic(latin)));

    /// <summary>The loose spelling of folded Cyrillic text, where the letters typed in several ways are one.</summary>
    public static string Loose(string cyrillic)
    {
        var builder = new StringBuilder(cyrillic.Length);
        foreach (var c in cyrillic)
        {
            switch (c)
            {
                case 'ь' or 'ъ' or '\'': break;
                case 'і' or 'ї' or 'й' or 'ы' or 'и': builder.Append('и'); break;
                case 'є' or 'э' or 'ё' or 'е': builder.Append('е'); break;
                case 'ґ' or 'х' or 'г': builder.Append('г'); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    /// <summary>A Latin sentence with an everyday Ukrainian word in it: "koly vy pratsyuyete".</summary>
    public static bool LooksUkrainian(string folded) =>
        !TypedText.HasCyrillic(folded) && folded.Split(' ').Any(w => Markers.Contains(LooseCyrillic(w)));
}
