namespace MamBot.Data.Residents;

/// <summary>
/// The languages residents can talk to the bot in: Polish (the default and the centre's own), Ukrainian, English.
/// Stored as two-letter codes.
/// </summary>
public static class Languages
{
    public const string Polish = "pl";
    public const string Ukrainian = "uk";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [Polish, Ukrainian, English];

    /// <summary>
    /// Russian is read, never spoken: the recognizer understands a Russian sentence, and the team answers its
    /// writer in Ukrainian. It is never in <see cref="All"/> nor a resident's chosen language.
    /// </summary>
    public const string Russian = "ru";

    /// <summary>A text the team may write in another language as well: empty or blank is none, else trimmed.</summary>
    public static string? Version(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>One of ours from a platform's or a browser's code ("uk-UA", "en-GB", "pl"); null for any other.</summary>
    public static string? Match(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var primary = code.Trim().Split('-', '_')[0].ToLowerInvariant();
        return All.FirstOrDefault(l => l == primary);
    }
}
