using System.Globalization;
using System.Text.RegularExpressions;

namespace MamBot.Dialogs.Understanding;

/// <summary>
/// Reads the days, times, lengths and head counts residents type, with or without diacritics:
/// "jutro", "w piątek", "12.12", "12 grudnia"; "18", "o 18:30", "od 17 do 19", "18-20"; "2 godziny", "90 minut";
/// "dla 8 osób". Ukrainian and English words are put into these first (<see cref="DateWords"/>):
/// "у пʼятницю з 17 до 19", "tomorrow at 6 pm".
/// </summary>
public static partial class TypedDates
{
    private static readonly string[] Weekdays = ["niedziel", "poniedzial", "wtor", "srod", "czwart", "piat", "sobot"];
    // Built once: seven patterns made afresh per call would also crowd Regex's small cache of static patterns.
    private static readonly Regex[] WeekdayPatterns = [.. Weekdays.Select(day => new Regex($@"\b{day}\w*"))];
    private static readonly string[] Months = ["stycz", "lut", "marc", "kwie", "maj", "czerw", "lip", "sierp", "wrzes", "pazdzier", "listopad", "grud"];

    /// <summary>A day relative to today (the centre's local date); the next such weekday, never today, for weekday names.</summary>
    public static DateOnly? Day(string text, DateOnly today)
    {
        var t = Prepare(text);
        if (t.Contains(" pojutrze ", StringComparison.Ordinal)) return today.AddDays(2);
        if (t.Contains(" jutro ", StringComparison.Ordinal)) return today.AddDays(1);
        if (t.Contains(" dzis ", StringComparison.Ordinal) || t.Contains(" dzisiaj ", StringComparison.Ordinal)) return today;

        foreach (Match n in NumericDate().Matches(t))
        {
            if (IsDate(n) && Build(today, Int(n.Groups["d"].Value), Int(n.Groups["m"].Value), n.Groups["y"].Value) is { } date) return date;
        }
        // Every number before a word, not only the first: "for 15 people on the 5 grudnia".
        foreach (Match w in WordDate().Matches(t))
        {
            var month = Array.FindIndex(Months, m => w.Groups["month"].Value.StartsWith(m, StringComparison.Ordinal));
            if (month >= 0 && Build(today, Int(w.Groups["d"].Value), month + 1, "") is { } named)
                return named;
        }

        // "on the 5th", "5-го", "5 числа": a day of this month, or of the next once it has passed.
        if (OrdinalDay().Match(t) is { Success: true } o && Int(o.Groups["d"].Value) is var d and >= 1 and <= 31)
        {
            var month = d >= today.Day ? today.Month : today.Month % 12 + 1;
            if (Build(today, d, month, "") is { } ordinal) return ordinal;
        }

        var next = t.Contains(" przyszl", StringComparison.Ordinal) || t.Contains(" nastepn", StringComparison.Ordinal);
        // "a jednak w piątek, w czwartek nie dam rady", "nie w czwartek, tylko w piątek": the day said first,
        // unless it is taken back.
        var said = Enumerable.Range(0, Weekdays.Length)
            .Select(i => (Day: i, At: WeekdayPatterns[i].Match(t)))
            .Where(d => d.At.Success && !EveryWeek(t, d.At)).OrderBy(d => TakenBack(t, d.At) ? 1 : 0).ThenBy(d => d.At.Index).ToList();
        foreach (var (i, _) in said.Take(1))
        {
            var ahead = ((i - (int)today.DayOfWeek) + 7) % 7;
            if (ahead == 0) ahead = 7;
            if (next && ahead < 7 && today.AddDays(ahead).DayOfWeek != DayOfWeek.Sunday && WeekOf(today.AddDays(ahead)) == WeekOf(today)) ahead += 7;
            return today.AddDays(ahead);
        }
        if (t.Contains(" za tydzien ", StringComparison.Ordinal)) return today.AddDays(7);
        return null;
    }

    // "w piątki", "we wtorki", "по пʼятницях": every such day, no one date ("niedziele" is also the singular).
    private static bool EveryWeek(string text, Match day) =>
        day.Value is "poniedzialki" or "wtorki" or "srody" or "czwartki" or "piatki" or "soboty"
        || text[..day.Index].EndsWith(" co ", StringComparison.Ordinal);

    // "nie w czwartek", "w czwartek nie mogę", "не в четвер": a day named only to be refused.
    private static bool TakenBack(string text, Match day)
    {
        var before = text[..day.Index].TrimEnd().Split(' ').TakeLast(2);
        var after = text[(day.Index + day.Length)..].TrimStart().Split(' ').Take(1);
        return before.Concat(after).Any(w => w is "nie" or "не" or "ні" or "not");
    }

    /// <summary>A start time, and an end time when a range was given ("od 17 do 19", "18-20").</summary>
    public static (TimeOnly Start, TimeOnly? End)? Times(string text)
    {
        // Dates first, so that "12.12" is the twelfth of December and not 12:12.
        var t = NumericDate().Replace(Prepare(text), m => IsDate(m) ? " " : m.Value);
        t = WordDate().Replace(t, m => Array.Exists(Months, month => m.Groups["month"].Value.StartsWith(month, StringComparison.Ordinal)) ? " " : m.Value);
        t = NegatedPartOfDay().Replace(t, " "); // "nie po południu, o 10 rano": the part of the day taken back
        var evening = Evening().IsMatch(t);
        // "od 2 do 4", "o 5": a centre's single-digit hours up to 6 are the afternoon's unless said to be morning.
        var small = evening || !Morning().IsMatch(t);
        // "od 4 po południu do 8 wieczorem": once the part of the day is known, it no longer splits the range.
        t = PartOfDayInRange().Replace(t, "");
        if (Range().Match(t) is { Success: true } r && Clock(r.Groups["a"].Value, r.Groups["am"].Value, small) is { } a
            && Clock(r.Groups["b"].Value, r.Groups["bm"].Value, small) is { } b && Ordered(a, b, evening) is { } range)
            return range;
        if (At().Match(t) is { Success: true } at && Clock(at.Groups["h"].Value, at.Groups["m"].Value, small) is { } start)
            return (Afternoon(start, evening), null);
        if (BeforePartOfDay().Match(t) is { Success: true } part
            && Clock(part.Groups["h"].Value, part.Groups["m"].Value, small) is { } marked)
            return (Afternoon(marked, evening), null);
        // A clock time anywhere once dates are gone: "w piątek 18.30", "czwartek 17:30"; an hour before a part
        // of the day: "6 wieczorem".
        if (ClockTime().Match(t) is { Success: true } clock && Clock(clock.Groups["h"].Value, clock.Groups["m"].Value, small) is { } written)
            return (Afternoon(written, evening), null);
        if (Bare().Match(t) is { Success: true } bare && Clock(bare.Groups["h"].Value, bare.Groups["m"].Value, small) is { } only)
            return (Afternoon(only, evening), null);
        return null;
    }

    /// <summary>
    /// A range as meant: "od 10 do 2" ends at 14:00 (an end before the start is the afternoon's), and "od 6 do 8
    /// wieczorem" is 18:00–20:00 (the start shares the end's evening when that keeps it earlier).
    /// </summary>
    private static (TimeOnly, TimeOnly?)? Ordered(TimeOnly a, TimeOnly b, bool evening)
    {
        if (evening) b = Afternoon(b, true);
        if (b <= a && b.Hour is >= 1 and < 12 && b.AddHours(12) > a) b = b.AddHours(12);
        if (evening && a.Hour is >= 1 and < 12 && a.AddHours(12) < b) a = a.AddHours(12);
        return b > a ? (a, b) : null;
    }

    /// <summary>"o 6 wieczorem", "о шостій вечора", "six in the evening": an hour 1–11 in the evening is 13–23.</summary>
    private static TimeOnly Afternoon(TimeOnly time, bool evening) =>
        evening && time.Hour is >= 1 and < 12 ? time.AddHours(12) : time;

    private const int MaxHours = 24 * 7;

    /// <summary>A length: "2 godziny", "2h", "90 minut", "półtorej godziny", "godzinę", "dwie godziny".</summary>
    public static TimeSpan? Length(string text)
    {
        var t = Prepare(text);
        if (Minutes().Match(t) is { Success: true } m) return TimeSpan.FromMinutes(int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture));
        if (t.Contains(" poltorej ", StringComparison.Ordinal)) return TimeSpan.FromMinutes(90);
        if (Hours().Match(t) is { Success: true } h)
        {
            var amount = h.Groups["n"].Value.Replace(',', '.');
            var hours = double.TryParse(amount, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : NumberWord(amount) ?? 1;
            return hours <= MaxHours ? TimeSpan.FromMinutes(Math.Round(hours * 60)) : null; // "9999999999999 godzin" is no length
        }
        // "na godzinę" is one hour; "godziny otwarcia" and "na którą godzinę" are no length at all.
        if (OneHour().IsMatch(t)) return TimeSpan.FromHours(1);
        return null;
    }

    /// <summary>A head count: "8", "dla 8 osób", "8 os.", "pięć osób".</summary>
    public static int? People(string text, bool bareNumber)
    {
        var t = Prepare(text);
        // The first that is a number: in "dla osób, 10 osób" the word before the first "osób" is none. A sum said
        // after the parts wins: "nine kids plus me so ten people", "3 dorosłych i 4 dzieci, razem 7 osób".
        int? first = null;
        foreach (Match p in PeopleWords().Matches(t))
        {
            var n = p.Groups["n"].Value;
            if ((int.TryParse(n, out var digits) ? digits : NumberWord(n)) is not { } heads) continue;
            if (first is not null && Summing().IsMatch(t[..p.Index])) return heads;
            first ??= heads;
        }
        if (first is not null) return first;
        // "me and 2 friends", "ja i 3 koleżanki", "я і ще двоє друзів": the others and the one writing.
        if (MeAnd().Match(t) is { Success: true } me && (int.TryParse(me.Groups["n"].Value, out var others)
            ? others : NumberWord(me.Groups["n"].Value)) is { } count and < 100) return count + 1;
        if (bareNumber && int.TryParse(t.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var only)) return only;
        return bareNumber ? NumberWord(t.Trim()) : null;
    }

    /// <summary>
    /// Simplified text in the Polish words (<see cref="DateWords"/>), padded with spaces, with the punctuation
    /// that never belongs to a date or time removed.
    /// </summary>
    private static string Prepare(string text) => Prepared[text ?? ""];

    // Day, Times, Length and People each read the same sentence: prepared once.
    private static readonly TextMemo<string> Prepared = new(text =>
        " " + NotInDates().Replace(DateWords.ToPolish(TypedText.Simplify(text)), " ") + " ");

    [GeneratedRegex(@"[;!?""„”()]|,(?!\d)|\.(?=\s|$)")]
    private static partial Regex NotInDates();

    /// <summary>A folded number word in the forms residents type: "dwie", "pięciu", "дві", "двенадцать", "twenty five".</summary>
    internal static int? NumberWord(string word) => NumberWords.Number(word);

    /// <summary>
    /// "12.12" is a date, "18.30" a time: no month is 00, 15, 30 or 45, so dotted quarter hours are times
    /// and every other valid day.month is a date. Slashes and years always mean dates.
    /// </summary>
    private static bool IsDate(Match m)
    {
        var month = Int(m.Groups["m"].Value);
        if (month is < 1 or > 12 || Int(m.Groups["d"].Value) is < 1 or > 31) return false;
        var separator = m.Value[m.Groups["d"].Length];
        return separator != '-' || m.Groups["y"].Success;
    }

    private static int Int(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);

    private static TimeOnly? Clock(string hours, string minutes, bool smallIsAfternoon = false)
    {
        var h = int.Parse(hours, CultureInfo.InvariantCulture);
        if (smallIsAfternoon && hours.Length == 1 && h is >= 1 and <= 6) h += 12; // "06:00" or "6 am" stays 6
        var m = string.IsNullOrEmpty(minutes) ? 0 : int.Parse(minutes, CultureInfo.InvariantCulture);
        if (h == 24 && m == 0) return TimeOnly.MaxValue;
        return h is >= 0 and < 24 && m is >= 0 and < 60 ? new TimeOnly(h, m) : null;
    }

    /// <summary>Years a centre's calendar can mean; "1.1.0000" or a forged "d99991231" is no date at all.</summary>
    public static bool IsPlausibleYear(int year) => year is >= 2000 and <= 2999;

    private static DateOnly? Build(DateOnly today, int day, int month, string year)
    {
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(today.Year + 1, month)) return null;
        var y = year.Length == 4 ? int.Parse(year, CultureInfo.InvariantCulture) : year.Length == 2 ? 2000 + int.Parse(year, CultureInfo.InvariantCulture) : today.Year;
        if (!IsPlausibleYear(y) || day > DateTime.DaysInMonth(y, month)) return null;
        var date = new DateOnly(y, month, day);
        // "12.01" typed in December means next January.
        return year.Length == 0 && date < today ? new DateOnly(y + 1, month, Math.Min(day, DateTime.DaysInMonth(y + 1, month))) : date;
    }

    private static int WeekOf(DateOnly d) => ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue));

    // One separator throughout: "10-11.30" is a range of hours, never the 10th of November 2030.
    [GeneratedRegex(@"\b(?<d>\d{1,2})(?<s>[./-])(?<m>\d{1,2})(?:\k<s>(?<y>\d{4}|\d{2}))?\b")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<![\w:.])(?<d>\d{1,2})(?:st|nd|rd|th|-?go|-?ego|-?tego|-?го|-?ого|-?е|\s+числа|\s+dnia)(?!\w)|(?:dnia|числа)\s+(?<d>\d{1,2})(?![\w:.])")]
    private static partial Regex OrdinalDay();

    [GeneratedRegex(@"(?<=\d)\s+(?:po poludniu|wieczorem|rano|w nocy)(?=\s+(?:do|-|–)\s*\d)")]
    private static partial Regex PartOfDayInRange();

    [GeneratedRegex(@"\b(?<d>\d{1,2})\s+(?<month>[a-z]{3,})")]
    private static partial Regex WordDate();

    [GeneratedRegex(@"(?:\bod\s+)?\b(?<a>\d{1,2})(?:[:.](?<am>\d{2}))?\s*(?:-|–|do)\s*(?<b>\d{1,2})(?:[:.](?<bm>\d{2}))?\b(?!\s*(?:[./]\d|os|osob|minut|godz|h\b))")]
    private static partial Regex Range();

    // "o 6, godzinka": after "o"/"od"/"po" an hour may be followed by a length; after "na" the number is one.
    [GeneratedRegex(@"\b(?:o|od|po)\s+(?:godz(?:inie|\.)?\s+)?(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\b(?!\s*(?:os\b|osob|min|h\b|[./]\d|[.,]5|godzin[ay]?\b))"
        + @"|\bna\s+(?:godz(?:inie|\.)?\s+)?(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\b(?!\s*(?:os\b|osob|min|godz|h\b|[./]\d|[.,]5))")]
    private static partial Regex At();

    // "wieczorem" (also "вечора", "in the evening", "tonight" once in Polish words): hours 1–11 are p.m.
    [GeneratedRegex(@"\bwieczor(?:em)?\b|\bpo poludniu\b|\bpopoludniu\b")]
    private static partial Regex Evening();

    [GeneratedRegex(@"\brano\b|\bprzed poludniem\b")]
    private static partial Regex Morning();

    [GeneratedRegex(@"(?<![\w])(?:nie|не|ne|not|ни)\s+(?:wieczorem|wieczor|po poludniu|rano|przed poludniem)\b")]
    private static partial Regex NegatedPartOfDay();

    [GeneratedRegex(@"\b(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s+(?:wieczorem|wieczor|rano|po poludniu)\b")]
    private static partial Regex BeforePartOfDay();

    [GeneratedRegex(@"\b(?<h>\d{1,2})[:.](?<m>\d{2})\b(?!\s*[./]\d)")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"^\s*(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s*$")]
    private static partial Regex Bare();

    // "za godzinę" is when, not how long.
    [GeneratedRegex(@"(?<!\bktor[aey]\s+)(?<!\bza\s+)\b(?:na\s+)?godzine\b|\bjedna godzina\b")]
    private static partial Regex OneHour();

    [GeneratedRegex(@"\b(?<n>\d{2,3})\s*(?:min|minut\w*)\b")]
    private static partial Regex Minutes();

    // "do 16 godziny" ("до 16 години") is an hour of the clock, never a length.
    [GeneratedRegex(@"\b(?<!\b(?:do|od|o|po)\s)(?<n>\d+(?:[.,]5)?|jedn\w*|dwie|dwa|trzy|cztery)\s*(?:h\b|godz\w*)")]
    private static partial Regex Hours();

    [GeneratedRegex(@"\b(?:dla\s+)?(?<![-−])(?<n>\d{1,3}|[a-z]+)\s+(?:os\b|osob\w*|osoby|ludzi|dzieci\w*|uczestnik\w*)|\b(?:bedzie|przyjdzie)\s+nas\s+(?:okolo\s+)?(?<n>\d{1,3}|[a-z]+)\b|\bnas\s+(?:bedzie|jest)\s+(?:okolo\s+)?(?<n>\d{1,3}|[a-z]+)\b|\bnas\s+(?<n>\d{1,3})\b(?!\s*(?:[:./-]\d|godz|h\b|minut))"
        // "чоловік 15", "человек 20": about that many, the number after the noun.
        + @"|\bosob\s+(?<n>\d{1,3})\b(?!\s*(?:[:./-]\d|godz|h\b|minut|stycz|lut|marc|kwie|maj|czerw|lip|sierp|wrzes|pazdzier|listopad|grud))")]
    private static partial Regex PeopleWords();

    // Words that sum up what came before them, right before the total.
    [GeneratedRegex(@"\b(?:so|thats|that s|in total|total|altogether|all together|czyli|razem|lacznie|w sumie|"
        + @"тобто|разом|загалом|всього|усього|итого|всего|то есть|вместе)\s*(?:dla\s+|we re\s+|we are\s+)?$")]
    private static partial Regex Summing();

    [GeneratedRegex(@"\b(?:me|ja|я)\s+(?:and|plus|i|і|и|та|\+)\s+(?:jeszcze\s+|ще\s+|еще\s+)?(?<n>\d{1,2}|[a-zа-яії]+)\s+"
        + @"(?:friends?|others?|more|kolez\w*|znajom\w*|przyjaci\w*|osob\w*|друз\w*|подруг\w*|знайом\w*|знаком\w*)")]
    private static partial Regex MeAnd();
}
