using System.Globalization;
using MamBot.Data.Centres;
using MamBot.Data.Residents;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Bookings;

/// <summary>Reading the booking form's answers: rooms by name or alias in any case ending, and the values' formats.</summary>
public static class BookingSlots
{
    public const string DayFormat = "yyyy-MM-dd";
    public const string TimeFormat = "HH:mm";

    /// <summary>"małą salę", "w sali małej", "salka", "kuchnię" → the room; several or none → null.</summary>
    public static Room? FindRoom(IEnumerable<Room> rooms, string text)
    {
        var words = TypedText.Fold(text).Split(' ').Select(w => RussianBig.Contains(w) ? "велика" : w).ToList();
        // Ukrainian in Latin letters ("kuhnyu", "velyku zalu") meets the Cyrillic names in the loose spelling.
        var latin = words.Where(w => w.Length >= 3 && !TypedText.HasCyrillic(w))
            .Select(Transliteration.LooseCyrillic).ToList();
        var all = rooms.ToList();
        var found = all.Where(room => Names(room, all).Any(name => Named(name, words, latin))).ToList();
        // "Jak duża jest kuchnia?": there "duża" says how big the kitchen is. With two rooms heard, a size word
        // names a room only beside a room's noun ("duża sala", "big room").
        if (found.Count > 1)
            found = [.. found.Where(room => Names(room, all).Any(name => Named(name, words, latin) && !SizeAlone(name, words)))];
        return found.Count == 1 ? found[0] : null;
    }

    private static readonly string[] SizeStems = ["duz", "mal", "male", "велик", "мал", "big", "small", "large", "little"];
    private static readonly string[] RoomNouns = ["sal", "salk", "zal", "зал", "кімнат", "комнат", "room", "hall"];

    private static bool SizeAlone(string name, List<string> words)
    {
        if (!SizeStems.Any(s => name.StartsWith(s, StringComparison.Ordinal))) return false;
        var stem = Stem(name);
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Length < 3 || !words[i].StartsWith(stem, StringComparison.Ordinal)) continue;
            var beside = new[] { i > 0 ? words[i - 1] : "", i + 1 < words.Count ? words[i + 1] : "" };
            if (beside.Any(w => RoomNouns.Any(n => w.StartsWith(n, StringComparison.Ordinal)))) return false;
        }
        return true;
    }

    /// <summary>A word starts with the name's stem; a Cyrillic name also meets Latin-letter words, loosely.</summary>
    private static bool Named(string name, List<string> words, List<string> latin)
    {
        var stem = Stem(name); // once per name, not once per word
        if (words.Any(w => w.Length >= 3 && w.StartsWith(stem, StringComparison.Ordinal))) return true;
        if (!TypedText.HasCyrillic(name)) return false;
        var loose = Transliteration.Loose(stem);
        return latin.Any(w => w.StartsWith(loose, StringComparison.Ordinal));
    }

    // Russian is read, not spoken, so the team names no room in it: "большой зал" is their Ukrainian "велика".
    private static readonly HashSet<string> RussianBig =
        ["большой", "большого", "большом", "большая", "большую", "большому"];

    private static IEnumerable<string> Names(Room room, IReadOnlyList<Room> rooms) =>
        room.Aliases.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Append(room.Name.Split(' ')[^1]) // "Sala mała" is known as "mała"
            .Concat(VersionWords(room).Where(w => !rooms.Any(other => other != room && VersionWords(other).Contains(w))))
            .Select(TypedText.Fold)
            .Where(n => n.Length >= 3 && n != "sala");

    // The team's Ukrainian and English names ("Small room", "Мала зала"), word by word; a word every room shares
    // ("room") says nothing, so only the others count.
    private static IReadOnlySet<string> VersionWords(Room room) =>
        VersionWordsOf[string.Join(' ', room.NameUk, room.NameEn)];

    // Each sentence compares every room's versions with every other's: each naming is split once (a shared set,
    // never changed).
    private static readonly TextMemo<IReadOnlySet<string>> VersionWordsOf = new(names =>
        new HashSet<string>(TypedText.Fold(names).Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    // Polish endings change the last letters: mała → małą, małej; kuchnia → kuchni, kuchnię.
    private static string Stem(string name) => name.Length > 3 ? name[..^1] : name;

    public static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);
    public static DateOnly Day(string value) => DateOnly.ParseExact(value, DayFormat, CultureInfo.InvariantCulture);
    public static string Time(TimeOnly time) => time.ToString(TimeFormat, CultureInfo.InvariantCulture);
    public static TimeOnly Time(string value) => TimeOnly.ParseExact(value, TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>"jutro (czwartek 26.11)", short enough for a button.</summary>
    public static string DayButton(DateOnly day, DateOnly today)
    {
        var name = day == today ? T.BookToday : day == today.AddDays(1) ? T.BookTomorrow : Wording.DayName(day.DayOfWeek);
        return $"{name} {day.Day:00}.{day.Month:00}";
    }

    /// <summary>"1 godz.", "1,5 godz." for length buttons ("1.5 h" in English, which writes a decimal point).</summary>
    public static string LengthButton(int minutes)
    {
        var hours = (minutes / 60.0).ToString("0.#", CultureInfo.InvariantCulture);
        return Wording.Format(T.BookLengthButton, Language.Current == Languages.English ? hours : hours.Replace('.', ','));
    }

    public static string Minutes(int minutes) => minutes % 60 == 0
        ? Wording.Count(minutes / 60, T.HoursForms)
        : Wording.Count(minutes, T.MinutesForms);
}
