using System.Globalization;
using MamBot.Dialogs.Conversation;

namespace MamBot.Host.Channels.Messenger;

/// <summary>One Send API message: text and, on the last part of a reply, quick replies (title, payload).</summary>
public sealed record MessengerMessage(string Text, IReadOnlyList<(string Title, string Payload)> QuickReplies);

/// <summary>Fits a reply to Messenger: text ≤ 2000 characters, at most 13 quick replies with titles ≤ 20 characters.</summary>
public static class MessengerMessages
{
    public const int MaxText = 2000;
    public const int MaxQuickReplies = 13;
    public const int MaxTitle = 20;

    public static IReadOnlyList<MessengerMessage> From(Reply reply)
    {
        var buttons = reply.Buttons.SelectMany(row => row).ToList();
        var text = reply.Text;
        List<(string, string)> quick = [];
        if (buttons.Count > 0)
        {
            var shortened = buttons.Select(b => Shorten(b.Title)).ToList();
            var fits = buttons.Count <= MaxQuickReplies && shortened.Distinct().Count() == shortened.Count;
            if (fits)
            {
                quick = [.. buttons.Select((b, i) => (shortened[i], b.Payload))];
            }
            else
            {
                // Too many, or titles that shorten to the same words: number them in the text instead.
                text += "\n\n" + string.Join("\n", buttons.Select((b, i) => $"{i + 1}. {b.Title}"));
                quick = [.. buttons.Take(MaxQuickReplies).Select((b, i) => ((i + 1).ToString(CultureInfo.InvariantCulture), b.Payload))];
            }
        }

        var parts = TextSplitter.Split(text, MaxText);
        return [.. parts.Select((p, i) => new MessengerMessage(p, i == parts.Count - 1 ? quick : []))];
    }

    /// <summary>
    /// Cuts a long title at a word and marks the cut: "Przypomnienia o rezerwacjach" → "Przypomnienia o…". When the
    /// word would take too much with it, it is cut inside: "czw. 26.11 · Gimnastyka…" → "czw. 26.11 · Gimnas…".
    /// </summary>
    public static string Shorten(string title)
    {
        if (title.Length <= MaxTitle) return title;
        var cut = title.LastIndexOf(' ', MaxTitle - 1);
        return (cut >= MaxTitle - 6 ? title[..cut] : title[..(MaxTitle - 1)]).TrimEnd() + "…";
    }
}
