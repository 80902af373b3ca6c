using MamBot.Data.Centres;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Handoffs;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.About;

/// <summary>
/// The team's "where to turn" list: a question about something MAM does not handle ("winda znowu nie działa")
/// names the contact whose topic words it uses, with its details, in the resident's language; a person is still
/// offered. Topic words match on folded text (no diacritics) and by the start of a word, so "winda" finds "windzie".
/// </summary>
public static class WhereToTurn
{
    /// <summary>The contact most of whose topic words the text uses; the first such on a tie; null when none.</summary>
    public static LocalContact? Find(string? text, IReadOnlyList<LocalContact> contacts)
    {
        var words = TypedText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        return contacts.OrderBy(c => c.Id)
            .Select(c => (Contact: c, Score: TopicStems[c.Topics ?? ""].Count(stems => Mentions(words, stems))))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .Select(s => s.Contact)
            .FirstOrDefault();
    }

    /// <summary>"Tym MAM się nie zajmuje, ale…: Spółdzielnia…", its phone, e-mail, address and hours, and a person.</summary>
    public static Reply Render(LocalContact contact)
    {
        var name = new TeamText(contact.Name, contact.NameUk, contact.NameEn).Text;
        var lines = new List<string> { Wording.Format(T.WhereToTurnContact, name) };
        AddLine(lines, T.WhereToTurnPhone, contact.Phone);
        AddLine(lines, T.WhereToTurnEmail, contact.Email);
        AddLine(lines, T.WhereToTurnAddress, contact.Address);
        AddLine(lines, T.WhereToTurnHours, contact.Hours);
        if (contact.Note.Length > 0) lines.Add(new TeamText(contact.Note, contact.NoteUk, contact.NoteEn).Shown);
        lines.Add(T.WhereToTurnPerson);
        return Reply.WithRow(string.Join("\n", lines), HandoffDesk.TalkButton);
    }

    /// <summary>The contact's answer when the text names one of its topics.</summary>
    public static Reply? Answer(DialogContext dc, string? text) =>
        Find(text, dc.Centre.Contacts) is { } contact ? Render(contact) : null;

    private static void AddLine(List<string> lines, string format, string value)
    {
        if (!string.IsNullOrWhiteSpace(value)) lines.Add(Wording.Format(format, value.Trim()));
    }

    // Each contact's topics (LocalContact.TopicWords) as the stems of their words: every typed question is held
    // against every contact, so each wording of the topics is split and stemmed once.
    private static readonly TextMemo<string[][]> TopicStems = new(topics =>
    [
        .. LocalContactRules.Words(topics).Select(topic =>
            TypedText.Fold(topic).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Stem).ToArray()),
    ]);

    // The words of a topic ("straż miejska") start words of the text in a row, their endings free ("straży miejskiej").
    private static bool Mentions(string[] words, string[] stems)
    {
        if (stems.Length == 0) return false;
        for (var i = 0; i + stems.Length <= words.Length; i++)
        {
            var all = true;
            for (var k = 0; k < stems.Length && all; k++)
                all = words[i + k].StartsWith(stems[k], StringComparison.Ordinal);
            if (all) return true;
        }
        return false;
    }

    // Polish and Ukrainian change a word's last vowel ("winda", "windy", "windzie"): a long word matches without it.
    private static string Stem(string word) =>
        word.Length >= 5 && "aeiouyаеиіоуюяєїь".Contains(word[^1], StringComparison.Ordinal) ? word[..^1] : word;
}
