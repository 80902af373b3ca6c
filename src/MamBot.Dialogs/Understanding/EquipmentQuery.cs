using System.Text.RegularExpressions;
using MamBot.Data.Centres;

namespace MamBot.Dialogs.Understanding;

/// <summary>
/// A room found by what it has: "is there a whiteboard?", "чи є проектор?", "czy jest czajnik?" name a thing on one
/// room's equipment list, in any version the team wrote (Polish, Ukrainian, English).
/// </summary>
public static partial class EquipmentQuery
{
    /// <summary>The one room whose equipment the text names; null when none or several have it.</summary>
    public static Room? FindRoom(IEnumerable<Room> rooms, string? text)
    {
        var folded = Loose(TypedText.Fold(text));
        if (folded.Length == 0) return null;
        var found = rooms.Where(r => Things(r).Any(thing => Names(folded, thing))).ToList();
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>The things on a room's lists, folded: "30 krzeseł" is "krzesel".</summary>
    private static IEnumerable<string> Things(Room room) =>
        new[] { room.Equipment, room.EquipmentUk, room.EquipmentEn }
            .SelectMany(list => ThingsIn[list ?? ""])
            .Distinct();

    // Every typed question reads every room's lists: each list is split and folded once.
    private static readonly TextMemo<string[]> ThingsIn = new(list =>
    [
        .. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(thing => Loose(TypedText.Fold(Digits().Replace(thing, " "))))
            .Where(thing => thing.Length >= 3),
    ]);

    // A long word is met by its stem ("tablicę", "дошку"); a short one only whole ("hob", never "hobby"). The
    // stem must start a word (no letter before it), a short one end it too. Searched plainly: a pattern built for
    // each thing anew, some thirty a question, also pushed every other pattern out of Regex's small cache.
    private static bool Names(string folded, string thing)
    {
        var stem = thing.Length >= 5 ? thing[..^1] : thing;
        var whole = thing.Length < 5;
        for (var at = folded.IndexOf(stem, StringComparison.Ordinal); at >= 0;
             at = folded.IndexOf(stem, at + 1, StringComparison.Ordinal))
        {
            var end = at + stem.Length;
            var startsWord = at == 0 || !char.IsLetter(folded[at - 1]);
            var endsWord = end == folded.Length || !char.IsLetter(folded[end]);
            if (startsWord && (!whole || endsWord)) return true;
        }
        return false;
    }

    // Residents write "проектор" for the team's "проєктор".
    private static string Loose(string folded) => folded.Replace('є', 'е');

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
