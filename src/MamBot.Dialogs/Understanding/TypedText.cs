using System.Globalization;
using System.Text;

namespace MamBot.Dialogs.Understanding;

/// <summary>
/// Folds typed input so that "Salę", "sale" and "SALE!" compare equal: residents often type without diacritics.
/// Ukrainian keeps its own letters (й, ї and є have their own keys), and an apostrophe inside a word is dropped,
/// so "пʼятниця", "п'ятниця" and "пятниця" are one word.
/// </summary>
public static class TypedText
{
    public static string Fold(string? text) => string.IsNullOrWhiteSpace(text) ? "" : Folded[text];

    /// <summary>Lower case, no diacritics, single spaces; punctuation kept (times and dates need "18:30", "12.12").</summary>
    public static string Simplify(string? text) => string.IsNullOrWhiteSpace(text) ? "" : Simplified[text];

    // A turn folds the same sentence and the same room names, aliases and topics many times: each once.
    private static readonly TextMemo<string> Folded = new(text => string.Join(' ', Simplify(text)
        .Split((char[])[' ', ',', '.', '!', '?', ';', ':', '"', '\'', '„', '”', '«', '»', '(', ')'], StringSplitOptions.RemoveEmptyEntries)));

    private static readonly TextMemo<string> Simplified = new(SimplifyNow);

    private static string SimplifyNow(string text)
    {
        var builder = new StringBuilder(text.Length);
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        for (var i = 0; i < decomposed.Length; i++)
        {
            var c = decomposed[i];
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                if (i > 0 && IsCyrillic(decomposed[i - 1])) builder.Append(c); // й stays й
                continue;
            }
            if (IsApostrophe(c) && i > 0 && i + 1 < decomposed.Length && char.IsLetter(decomposed[i - 1]) && char.IsLetter(decomposed[i + 1])) continue;
            // ł has no combining mark to drop, so it needs its own line.
            builder.Append(c == 'ł' ? 'l' : char.IsWhiteSpace(c) ? ' ' : c);
        }
        return string.Join(' ', builder.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Any Cyrillic letter: Ukrainian or Russian (<see cref="LooksRussian"/> tells which).</summary>
    public static bool HasCyrillic(string? text) => text is not null && text.Any(IsCyrillic);

    // Everyday Russian words that Ukrainian spells otherwise; with no letter only Ukrainian has, one is enough.
    private static readonly HashSet<string> RussianWords =
    [
        "да", "нет", "что", "чтобы", "как", "где", "когда", "сегодня", "пожалуйста", "спасибо", "здравствуйте",
        "привет",
        "можно", "нужно", "нужен", "нужна", "мне", "меня", "вы", "мы", "есть", "и", "или", "хотим", "хотел", "хотела",
        "комнату", "мероприятия", "занятия", "запишите", "отмените", "помогите", "пропустить", "часа",
        "часов", "человек", "будет", "пятницу", "субботу", "воскресенье", "вечера", "утра", "работаете", "находитесь",
        // Verbs, question words and room words whose Ukrainian differs: "могу" (можу), "сколько" (скільки).
        "могу", "можете", "сделать", "предлагаю", "сколько", "какие", "какой", "какая", "свободен", "свободна",
        "свободно", "большой", "большого", "малый", "малом", "после", "обеда", "стоит", "помещается", "отменить",
        "записаться", "открываетесь", "работает", "аренда", "аренду", "аренды", "бронирование", "понимает",
        "спрашивает", "кухне", "зале",
    ];

    /// <summary>
    /// Russian rather than Ukrainian: Cyrillic with no і, ї, є or ґ, and a letter only Russian has (ы, э, ъ, ё) or
    /// an everyday Russian word. Russian is read (the team answers its writer in Ukrainian), never spoken.
    /// </summary>
    public static bool LooksRussian(string? text)
    {
        if (!HasCyrillic(text)) return false;
        var lower = text!.ToLowerInvariant();
        if (lower.Any(c => c is 'і' or 'ї' or 'є' or 'ґ')) return false;
        return lower.Any(c => c is 'ы' or 'э' or 'ъ' or 'ё') || Fold(lower).Split(' ').Any(RussianWords.Contains);
    }

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    private static bool IsApostrophe(char c) => c is '\'' or '\u02BC' or '\u2019' or '`' or '\u02BB';

    /// <summary>Letters to change, add or drop to turn one word into the other (a typo is one).</summary>
    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
