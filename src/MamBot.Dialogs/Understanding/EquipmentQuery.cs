using System.Text.RegularExpressions;
using MamBot.Data.Centres;

namespace MamBot.Dialogs.Understanding;

/// <summary>
/// A room found by what it has: "is there a whiteboard?", "чи є проектор?", "czy jest czajnik?" name a thing on one
/// room's equipment list, in any version the team wrote (Polish, Ukrainian, English).
/// </summary>
public static class EquipmentQuery
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
            .SelectMany(list => (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(thing => Loose(TypedText.Fold(Regex.Replace(thing, @"\d+", " "))))
            .Where(thing => thing.Length >= 3)
            .Distinct();

    // A long word is met by its stem ("tablicę", "дошку"); a short one only whole ("hob", never "hobby").
    private static bool Names(string folded, string thing)
    {
        var stem = thing.Length >= 5 ? thing[..^1] : thing;
        var tail = thing.Length >= 5 ? "" : @"(?!\p{L})";
        return Regex.IsMatch(folded, @"(?<!\p{L})" + Regex.Escape(stem) + tail);
    }

    // Residents write "проектор" for the team's "проєктор".
    private static string Loose(string folded) => folded.Replace('є', 'е');
}
