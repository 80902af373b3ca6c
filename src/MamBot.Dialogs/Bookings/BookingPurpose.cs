using System.Text.RegularExpressions;
using MamBot.Data.Centres;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Bookings;

/// <summary>
/// What a booking is for, when the resident says it on the way: a clause of its own ("…, 15 osób, urodziny syna",
/// "Jadwiga Kowalczyk, spotkanie klubu seniora") or a "na/for/на/для" phrase ("for a board game night", "на
/// прощальну вечерю"). Anything that reads as a day, a time, a length, a head count, a room, a name, a request or
/// a question is not a purpose. The form shows it back with the last question, so a wrong guess costs one word.
/// </summary>
public static partial class BookingPurpose
{
    public static string? In(string text, IReadOnlyList<Room> rooms)
    {
        var clauses = text.Split([',', '.', ';', '!', '?', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // A clause of its own, the last one first: what comes after the facts is usually why.
        foreach (var clause in clauses.Skip(1).Reverse())
        {
            if (IsPurpose(clause, rooms)) return clause;
        }
        foreach (var clause in clauses)
        {
            if (Phrase().Match(clause) is { Success: true } phrase && IsPurpose(phrase.Groups["what"].Value, rooms))
                return phrase.Groups["what"].Value.Trim();
        }
        return null;
    }

    private static bool IsPurpose(string said, IReadOnlyList<Room> rooms)
    {
        var words = said.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 8 || said.Any(char.IsDigit) || said.Count(char.IsLetter) < 4) return false;
        var today = new DateOnly(2026, 1, 1); // only whether a day is named matters, not which
        return TypedDates.Day(said, today) is null && TypedDates.Times(said) is null && TypedDates.Length(said) is null
            && TypedDates.People(said, bareNumber: false) is null && BookingSlots.FindRoom(rooms, said) is null
            && !PersonNames.IsCapitalisedName(said) && PersonNames.Introduced(said) is null
            && !TypedRepair.AsksToAct(said) && !TypedRepair.IsQuestion(said) && !TypedRepair.IsLeaving(said)
            && !TypedWords.Yes.Opens(said) && !TypedWords.No.Opens(said)
            && Welcome.TypedConsent.Read(said) is null && !Filler.Contains(TypedText.Fold(said));
    }

    // Clauses that only press or soften: "pilne", "please", "dziękuję".
    private static readonly HashSet<string> Filler = [.. IntentRules.Fold(
        "pilne", "pilnie", "szybko", "prosze", "dziekuje", "z gory dziekuje", "pozdrawiam", "urgent", "asap", "please",
        "thanks", "thank you", "терміново", "дякую", "будь ласка", "срочно", "спасибо", "пожалуйста")];

    // "na urodziny syna", "for a board game night", "на прощальну вечерю", "для занять з дітьми": to the clause's end.
    [GeneratedRegex(@"(?:^|\s)(?:na|for|на|для)\s+(?!\d)(?<what>[\p{L}'’ -]{4,})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Phrase();
}
