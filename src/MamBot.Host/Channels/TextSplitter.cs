namespace MamBot.Host.Channels;

/// <summary>Cuts a long message for a platform's limit: between paragraphs if it can, then lines, then words.</summary>
public static class TextSplitter
{
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > limit)
        {
            var cut = LastBreak(rest, limit, "\n\n") ?? LastBreak(rest, limit, "\n") ?? LastBreak(rest, limit, " ") ?? limit;
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0) parts.Add(rest);
        return parts;
    }

    private static int? LastBreak(string text, int limit, string separator)
    {
        var at = text.LastIndexOf(separator, limit, StringComparison.Ordinal);
        // A break in the first quarter would leave a tiny first part: look for a smaller separator instead.
        return at > limit / 4 ? at : null;
    }
}
