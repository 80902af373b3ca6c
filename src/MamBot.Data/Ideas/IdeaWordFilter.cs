using System.Globalization;
using System.Text;

namespace MamBot.Data.Ideas;

/// <summary>
/// Flags ideas with words staff should look at before publishing (vulgarities, insults). It only flags:
/// people write about real problems in plain words, and a person, not a list, decides.
/// </summary>
public static class IdeaWordFilter
{
    // Folded roots of common vulgarities, found anywhere in a word so prefixed forms count too
    // ("pojebany", "spierdalaj", "zasrany"); insults and threats only at the start of a word.
    private static readonly string[] Roots =
    [
        "kurw", "chuj", "huj", "pierdol", "pierdal", "jeb", "pizd", "dziwk", "cipa", "cipk", "kutas", "fiut", "ciul",
        "gown", "gowien", "zasran", "wysra", "posra", "sraj", "szmat", "cwel",
    ];
    private static readonly string[] Starts = ["debil", "idiot", "kretyn", "ciota", "cioty", "zabij", "nienawidz", "spadaj", "frajer"];

    /// <summary>The words that made it flag the text, or an empty list.</summary>
    public static IReadOnlyList<string> Check(params string?[] texts) =>
        [.. texts.SelectMany(Words).Where(IsRude).Distinct()];

    /// <summary>Also when letters are hidden: "k*rwa", "ch.j" and "g0wno" are what they look like.</summary>
    private static bool IsRude(string word)
    {
        var plain = Unmasked(word);
        if (Roots.Any(r => plain.Contains(r, StringComparison.Ordinal)) || Starts.Any(s => plain.StartsWith(s, StringComparison.Ordinal))) return true;
        return word.Any(c => c is '*' or '#' or '_' or '.') && Roots.Any(r => Masked(word, r));
    }

    private static string Unmasked(string word) => new([.. word.Select(c => c switch { '0' => 'o', '@' => 'a', '1' => 'i', '3' => 'e', '$' => 's', _ => c })]);

    /// <summary>Whether the root is in the word with some (not all) of its letters replaced by '*', '#', '_' or '.'.</summary>
    private static bool Masked(string word, string root)
    {
        for (var i = 0; i + root.Length <= word.Length; i++)
        {
            var hidden = 0;
            var fits = true;
            for (var j = 0; j < root.Length && fits; j++)
            {
                var c = word[i + j];
                if (c is '*' or '#' or '_' or '.') hidden++;
                else fits = c == root[j];
            }
            if (fits && hidden < root.Length - 1) return true;
        }
        return false;
    }

    private static IEnumerable<string> Words(string? text) =>
        Fold(text ?? "").Split((char[])[' ', ',', '!', '?', ';', ':', '"', '\'', '(', ')', '-', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.')).Where(w => w.Length > 0);

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
