using System.Globalization;
using System.Text;

namespace MamBot.Data.Ideas;

/// <summary>
/// Flags ideas with words staff should look at before publishing (vulgarities, insults). It only flags:
/// people write about real problems in plain words, and a person, not a list, decides.
/// </summary>
public static class IdeaWordFilter
{
    // Folded stems (no diacritics, lower case); matched at the start of words.
    private static readonly string[] Stems =
    [
        "kurw", "chuj", "huj", "pierdol", "jeb", "pizd", "skurwy", "spierd", "wypierd", "zajeb", "dziwk",
        "debil", "idiot", "kretyn", "ciota", "cwel", "szmat", "gowno", "zabij", "nienawidz",
    ];

    /// <summary>The words that made it flag the text, or an empty list.</summary>
    public static IReadOnlyList<string> Check(params string?[] texts) =>
        [.. texts.SelectMany(Words).Where(w => Stems.Any(s => w.StartsWith(Fold(s), StringComparison.Ordinal))).Distinct()];

    private static IEnumerable<string> Words(string? text) =>
        Fold(text ?? "").Split((char[])[' ', ',', '.', '!', '?', ';', ':', '"', '\'', '(', ')', '-', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c == 'ł' ? 'l' : c);
        }
        return builder.ToString();
    }
}
