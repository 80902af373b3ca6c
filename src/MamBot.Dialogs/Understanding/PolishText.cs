using System.Globalization;
using System.Text;

namespace MamBot.Dialogs.Understanding;

/// <summary>Folds Polish input so that "Salę", "sale" and "SALE!" compare equal: residents often type without diacritics.</summary>
public static class PolishText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            // ł has no combining mark to drop, so it needs its own line.
            builder.Append(c == 'ł' ? 'l' : c);
        }
        var words = builder.ToString()
            .Split((char[])[' ', '\t', '\n', '\r', ',', '.', '!', '?', ';', ':', '"', '\'', '„', '”', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words);
    }
}
