using System.Globalization;
using System.Text;

namespace MamBot.Dialogs.Understanding;

/// <summary>Folds Polish input so that "Salę", "sale" and "SALE!" compare equal: residents often type without diacritics.</summary>
public static class PolishText
{
    public static string Fold(string? text) =>
        string.Join(' ', Simplify(text).Split((char[])[' ', ',', '.', '!', '?', ';', ':', '"', '\'', '„', '”', '(', ')'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Lower case, no diacritics, single spaces; punctuation kept (times and dates need "18:30", "12.12").</summary>
    public static string Simplify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            // ł has no combining mark to drop, so it needs its own line.
            builder.Append(c == 'ł' ? 'l' : char.IsWhiteSpace(c) ? ' ' : c);
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
