using MamBot.Data.Events;

namespace MamBot.Dialogs.Understanding;

/// <summary>
/// What a resident asked about events: one event by its title, a category, a week ("w0", "w1") or a day
/// ("d20261204"), all optional.
/// </summary>
public sealed record EventQuery(int? EventId, string? Scope)
{
    // Stems in Polish, Ukrainian and English (and Russian, read but not spoken), folded.
    private static readonly (EventCategory Category, string[] Stems)[] CategoryWords =
    [
        (EventCategory.Seniors, ["senior", "emeryt", "сеньйор", "пенсіонер", "літніх", "elderly", "older", "пенсионер", "пожил"]),
        (EventCategory.Kids, ["dzieci", "dzieck", "dziecia", "maluch", "rodzin", "діт", "дитин", "малюк", "сімей", "сімя", "родин", "kid", "child", "famil",
            "дет", "ребен", "малыш", "семей", "семьи", "семья"]),
        (EventCategory.Neighbours, ["sasiedz", "sasiad", "сусід", "neighbo"]),
        (EventCategory.Workshops, ["warsztat", "майстер", "workshop"]),
        (EventCategory.Culture, ["kultur", "koncert", "film", "kino", "teatr", "wystaw", "muzyk", "культур", "концерт", "фільм", "кіно", "театр",
            "вистав", "музик", "cultur", "concert", "movie", "cinema", "theat", "exhibit", "music"]),
    ];

    private static readonly string[] NextWeek =
        ["przyszlym tygodniu", "nastepnym tygodniu", "наступного тижня", "наступний тиждень", "наступному тижні", "next week",
            "следующей неделе", "следующая неделя", "следующую неделю"];

    private static readonly string[] ThisWeek =
        ["tym tygodniu", "ten tydzien", "цього тижня", "цей тиждень", "цьому тижні", "this week",
            "этой неделе", "эта неделя", "эту неделю"];

    private static readonly string[] Weekend = ["weekend", "вихідн", "выходн"];

    /// <summary>
    /// A title wins when its distinctive words (not category words) appear in the sentence, for one title only
    /// ("zapisz mnie na gimnastyke"); else a category word gives that category; else "przyszły tydzień" the next
    /// week, "ten tydzień" or "weekend" this one; else a day ("co jest jutro?", "co będzie w piątek").
    /// </summary>
    public static EventQuery Parse(string? sentence, IReadOnlyList<CommunityEvent> upcoming, DateOnly today)
    {
        var words = Kin(TypedText.Fold(sentence).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        // Ukrainian in Latin letters ("snidanok") and Russian ("гимнастика") meet the Cyrillic titles in the loose
        // spelling all three share.
        var latin = words.Where(w => w.Length >= 4)
            .Select(w => TypedText.HasCyrillic(w) ? Transliteration.Loose(w) : Transliteration.LooseCyrillic(w)).ToArray();
        // Every version the team wrote: "pottery" or "гончарна" finds "Warsztaty ceramiki" when its versions say so.
        var byTitle = upcoming
            .GroupBy(e => TypedText.Fold(e.Title))
            .Select(g => g.OrderBy(e => e.StartUtc).First())
            .Select(first => (First: first, Score: Versions(first).Max(title => Math.Max(Matched(title, words),
                TypedText.HasCyrillic(title) ? Matched(Transliteration.Loose(title), latin) : 0))))
            .Where(t => t.Score > 0)
            .ToList();
        var best = byTitle.Count == 0 ? 0 : byTitle.Max(t => t.Score);
        var winners = byTitle.Where(t => t.Score == best).ToList();
        if (winners.Count == 1) return new(winners[0].First.Id, null);

        var category = CategoryWords.FirstOrDefault(c => c.Stems.Any(stem => words.Any(w => w.StartsWith(stem, StringComparison.Ordinal))));
        if (category.Stems is not null) return new(null, category.Category.ToString());

        var folded = string.Join(' ', words);
        if ((folded.Contains("przyszl", StringComparison.Ordinal) || folded.Contains("nastepn", StringComparison.Ordinal)) && folded.Contains("tydz", StringComparison.Ordinal)
            || NextWeek.Any(p => folded.Contains(p, StringComparison.Ordinal)))
            return new(null, "w1");
        if (Weekend.Any(p => folded.Contains(p, StringComparison.Ordinal)) && !folded.Contains("przyszl", StringComparison.Ordinal)
            && !folded.Contains("next", StringComparison.Ordinal) && !folded.Contains("наступн", StringComparison.Ordinal))
            return new(null, "we");
        if (ThisWeek.Any(p => folded.Contains(p, StringComparison.Ordinal))) return new(null, "w0");
        if (TypedDates.Day(sentence ?? "", today) is { } day) return new(null, DayScope(day));
        return new(null, null);
    }

    // Russian and everyday words for the words the team's titles use: the team writes no Russian title, and
    // "настолки" is what parents call board games.
    private static readonly (string Stem, string Word)[] KinWords =
    [
        ("завтрак", "сніданок"), ("соседск", "сусідський"), ("настольн", "настільні"), ("настолк", "настільні"),
        ("игр", "ігри"), ("творческ", "творчі"), ("кофе", "кава"), ("керамик", "гончарна"), ("гончарн", "гончарна"),
        ("planszowk", "planszowki"), ("sniadank", "sniadanie"),
    ];

    private static string[] Kin(string[] words) =>
        [.. words, .. words.SelectMany(w => KinWords.Where(k => w.StartsWith(k.Stem, StringComparison.Ordinal)).Select(k => k.Word))];

    public static string DayScope(DateOnly day) => "d" + day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The day of a "d20261204" scope; a forged one far outside the calendar we use (d99991231) is none.</summary>
    public static DateOnly? DayOfScope(string scope) =>
        scope.Length == 9 && scope[0] == 'd' && DateOnly.TryParseExact(scope[1..], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var day) && TypedDates.IsPlausibleYear(day.Year) ? day : null;

    private static IEnumerable<string> Versions(CommunityEvent e) =>
        new[] { e.Title, e.TitleUk, e.TitleEn }.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => TypedText.Fold(t));

    private static int Matched(string foldedTitle, string[] words) =>
        Distinctive(foldedTitle).Count(stem => words.Any(w => w.StartsWith(stem, StringComparison.Ordinal)));

    // Words any activity is called: "які є заняття для дітей?" asks for all of them, not "Творчі заняття".
    private static readonly string[] Generic = IntentRules.Fold(
        "zajec", "zajecia", "spotkani", "zajęć", "заняття", "занять", "зустріч", "занятия", "занятий", "встреч", "class",
        "activit", "session", "meeting");

    /// <summary>Stems of a title's words that say which event it is (short, category and generic words say nothing).</summary>
    private static IEnumerable<string> Distinctive(string foldedTitle) => foldedTitle
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Where(w => w.Length >= 4 && !CategoryWords.Any(c => c.Stems.Any(s => w.StartsWith(s, StringComparison.Ordinal)))
            && !Generic.Any(g => w.StartsWith(g, StringComparison.Ordinal)))
        .Select(w => w[..Math.Max(3, w.Length <= 5 ? w.Length - 1 : w.Length - 2)]);
}
