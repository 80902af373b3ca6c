using MamBot.Data.Centres;
using MamBot.Data.Residents;
using MamBot.Dialogs.Bookings;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Understanding;

/// <summary>What a sentence means: an intent and the slots it carries (absent slots are null).</summary>
public sealed record Understood(
    string Intent,
    string? Room = null,
    DateOnly? Date = null,
    TimeOnly? Start = null,
    TimeOnly? End = null,
    int? DurationMinutes = null,
    int? People = null,
    string? Event = null);

/// <summary>
/// The offline recognizer (no network), in Polish, Ukrainian and English. The intent comes from the language's
/// trained <see cref="IntentClassifier"/> when it is sure; otherwise from hand-written <see cref="IntentRules"/>
/// matched on folded text, forgiving one typo. Rules also keep the overrides (a "stop" never about one thing; a
/// room or a day and time is a booking). Slots come from <see cref="TypedDates"/> and the centre's room names.
/// A sentence the resident's language does not understand is tried in the others: neighbours mix languages.
/// </summary>
public static partial class IntentRecognizer
{
    public const string None = "none";

    /// <summary>How sure the classifier must be to overrule the rules; below <see cref="Plausible"/> it is not heard.</summary>
    private const double Confident = 0.6, Plausible = 0.4;

    /// <summary>What a sentence means, read first in the given language (the one spoken now when null).</summary>
    /// <summary>What follows a greeting ("dzień dobry, czy…" → "czy…"), or null when the text opens with none.</summary>
    public static string? AfterGreeting(string? text) => IntentRules.AfterGreeting(text);

    public static Understood Recognize(string? text, DateOnly today, IReadOnlyList<Room> rooms, string? language = null)
    {
        // "the class I signed up for" names the event; only the rest says what to do with it.
        var folded = SignedUpFor().Replace(TypedText.Fold(text), " ");
        var (intent, heardIn) = Decide(folded, Candidates(Languages.Match(language) ?? Language.Current, text));
        var room = BookingSlots.FindRoom(rooms, text ?? "");
        var times = TypedDates.Times(text ?? "");
        var length = TypedDates.Length(text ?? "");
        var day = TypedDates.Day(text ?? "", today);
        // "wieczorem" is a part of the day, no start: the booking form offers that day's free times instead.
        var (start, end) = (times?.Start, times?.End);
        if (length is null && start is { } s && end is { } e) length = e - s;
        if (end is null && start is { } s2 && length is { } l) end = s2.Add(l);

        // Switching everything off never answers a sentence about one thing ("nie piszcie mi o rezerwacjach").
        if (intent == "stop" && IntentRules.StopNeverAbout.Any(stem => folded.Contains(stem, StringComparison.Ordinal))) intent = None;

        // Signing up for a room is booking it: "zapiszcie nas na dużą salę", "put me down for the small room".
        if (intent == "register_event" && room is not null && EventName(text ?? "", heardIn) is { } name
            && BookingSlots.FindRoom(rooms, name) is not null) intent = "book_room";

        // A thing on one room's list, in any version, names that room and asks about it, like the words below ("is
        // there a whiteboard?", "чи є проектор?"), unless the sentence is about one's bookings or events.
        // An idea may well need a projector: "mam pomysł: wieczory filmowe… na rzutniku w dużej sali".
        if (room is null && intent is not ("cancel_booking" or "my_bookings" or "register_event" or "leave_event" or "stop"
                or "propose_idea")
            && EquipmentQuery.FindRoom(rooms, text) is { } equipped) (room, intent) = (equipped, "book_room");

        // A named room's price, size or equipment is a question about rooms, whatever else the classifier heard.
        if (room is not null && (IntentRules.AsksAboutRoom(folded) || EquipmentQuery.FindRoom(rooms, text) is not null)
            && intent is not ("cancel_booking" or "my_bookings" or "propose_idea"))
            intent = "book_room";

        // A free stretch of time asked for is about rooms: "anything free on Friday between 2 and 4?"
        if (intent is None or "list_events" && end is not null && IntentRules.StartsAWord($" {folded} ", IntentRules.Free))
            intent = "book_room";

        // What using a room costs, no room named: the centre's prices, in its rules ("ile kosztuje wynajem sali?").
        if (intent is "book_room" or None && room is null && day is null && start is null && FaqMatcher.AsksPrice(text))
            intent = "house_rules";

        // "pottery sat?? when": the time of an activity named, not the centre's hours.
        if (intent == "opening_hours" && IntentPairs.NamesAnActivity($" {folded} ")) intent = "list_events";

        // A room or a day with a time, with no other intent, is a booking ("mała sala w piątek o 18").
        if (intent == None && (room is not null || (start is not null && day is not null))) intent = "book_room";

        return new Understood(
            intent,
            intent is "book_room" or "my_bookings" or "cancel_booking" or "house_rules" ? room?.Name : null, // "спасибі велике" names no room
            day,
            start,
            end,
            length is { } d ? (int)d.TotalMinutes : null,
            TypedDates.People(text ?? "", bareNumber: false),
            intent is "register_event" or "leave_event" ? EventName(text ?? "", heardIn) : null);
    }

    /// <summary>
    /// Russian (<see cref="TypedText.LooksRussian"/>) with Russian rules, then Ukrainian; other Cyrillic as
    /// Ukrainian, then Russian. Latin letters in the resident's language first, then the others; Ukrainian first
    /// when the Latin sentence has an everyday Ukrainian word ("koly vy pratsyuyete").
    /// </summary>
    private static List<string> Candidates(string spoken, string? text)
    {
        if (TypedText.LooksRussian(text)) return [Languages.Russian, Languages.Ukrainian];
        if (TypedText.HasCyrillic(text)) return [Languages.Ukrainian, Languages.Russian];
        var first = Transliteration.LooksUkrainian(TypedText.Fold(text)) ? Languages.Ukrainian : spoken;
        return [.. new[] { first, spoken }.Concat(Languages.All).Distinct()];
    }

    // Everyday words one letter away from a stem above, never to be "corrected" into it ("dzieckiem" is not "dzięki").
    // Number words too: "dziesiątej" is an hour, not "dzięki".
    private static readonly string[] NeverCorrected = ["dzieck", "dzieci", "dziecio", "dziesi", "dziewi"];

    /// <summary>
    /// The first language's rules and classifier; the others' rules only, as their classifiers guess wildly at a
    /// language they never saw ("co ty umiesz" is no English sentence).
    /// </summary>
    private static (string Intent, string Language) Decide(string folded, List<string> languages)
    {
        if (Decide(folded, languages[0]) is var intent && intent != None) return (intent, languages[0]);
        foreach (var language in languages.Skip(1))
        {
            // Ukrainian in Latin letters only once an everyday Ukrainian word shows it ("ankietach" alone is Polish).
            var latin = language == Languages.Ukrainian && Transliteration.LooksUkrainian(folded);
            if (RulesOnly(folded, language, latin) is var rule && rule != None) return (rule, language);
        }
        return (None, languages[0]);
    }

    private static string Decide(string folded, string language)
    {
        if (folded.Length == 0) return None;
        if (IntentPairs.OpensWithIdea(folded)) return "propose_idea";
        var rule = RulesOnly(folded, language);
        if (IntentPairs.Match(folded, language, Latin(folded, language)) is var pair && pair != None) return pair;
        // Russian is read, never spoken, and has no classifier of its own: its rules, then Ukrainian's rules and
        // classifier, the nearest language trained.
        if (language == Languages.Russian)
        {
            if (rule != None) return rule;
            language = Languages.Ukrainian;
            rule = RulesOnly(folded, language);
        }
        // Ukrainian in Latin letters is heard by the classifier in Cyrillic, the letters it was trained on; only
        // roughly ("zaly" for "зали"), so there a rule outranks it.
        var latin = Latin(folded, language);
        if (latin && rule != None) return rule;
        // A Polish sentence in Cyrillic letters would be nonsense the classifier may still be sure of.
        var heard = latin && Transliteration.LooksUkrainian(folded) ? Transliteration.ToCyrillic(folded) : folded;
        var (guess, probability) = IntentClassifier.For(language).Predict(heard);
        if (probability >= Confident) return guess;
        if (rule != None) return rule;
        return probability >= Plausible ? guess : None;
    }

    /// <summary>
    /// The hand-written rules alone (the evaluation prints them beside the whole recognizer); Latin letters are
    /// also read as Ukrainian when it is the language tried first, unless said otherwise.
    /// </summary>
    /// <summary>What the rules alone say of folded text in each of the three languages, then Russian if asked.</summary>
    internal static IEnumerable<string> RulesInEachLanguage(string folded, bool withRussian = true) =>
        (withRussian ? Languages.All.Append(Languages.Russian) : Languages.All).Select(l => RulesOnly(folded, l));

    internal static string RulesOnly(string folded, string language = Languages.Polish, bool? transliterated = null)
    {
        if (folded.Length == 0) return None;
        var latin = transliterated ?? Latin(folded, language);
        if (IntentPairs.Match(folded, language, latin) is var pair && pair != None) return pair;
        var padded = " " + folded + " ";
        var rules = IntentRules.For(language);
        // A phrase must start a word: "sala" in "salę", never inside "kasala". Exact phrases of every intent come
        // before any forgiven typo, so a typo can never outvote a word typed right.
        // Latin Ukrainian in both spellings, the earlier intent winning: "pokazhy moyi bronyuvannya" is "мої брон"
        // (my bookings) before the Latin "bronyuv" of booking.
        var looseAt = latin ? IntentRules.TransliteratedAt(folded) : int.MaxValue;
        for (var i = 0; i < rules.Count && i < looseAt; i++)
        {
            if (IntentRules.StartsAWord(padded, rules[i].Phrases)) return rules[i].Intent;
        }
        if (looseAt < rules.Count) return rules[looseAt].Intent;
        // One typo is forgiven in a longer single-word stem ("rezrwacja", "wydarznia").
        var words = folded.Split(' ').Where(w => !NeverCorrected.Any(known => w.StartsWith(known, StringComparison.Ordinal))).ToList();
        foreach (var (intent, phrases) in rules)
        {
            if (phrases.Any(phrase => !phrase.Contains(' ', StringComparison.Ordinal) && words.Any(w => NearlyStartsWith(w, phrase)))) return intent;
        }
        return None;
    }

    /// <summary>Ukrainian typed in Latin letters, read through <see cref="Transliteration"/>.</summary>
    private static bool Latin(string folded, string language) =>
        language == Languages.Ukrainian && !TypedText.HasCyrillic(folded);

    private static bool NearlyStartsWith(string word, string stem)
    {
        if (stem.Length < 6 || word.Length < stem.Length - 1) return false;
        for (var length = stem.Length - 1; length <= Math.Min(word.Length, stem.Length + 1); length++)
        {
            if (TypedText.Distance(word[..length], stem) <= 1) return true;
        }
        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:\bna\s+)?\b(?:ktore|ktora|ktory|ktorych)\s+(?:sie\s+)?zapisal\w*(?:\s+sie)?"
        + @"|(?:на\s+)?(?:який|яку|які|яке|що|который|которую|которое|которые|что)\s+(?:я\s+)?(?:записал\w*|зареєструвал\w*|зарегистрировал\w*)"
        + @"|\b(?:that\s+|which\s+)?i(?:ve|\s+have)?\s+(?:signed up|registered|enrolled)\s+(?:for|in|to)\b")]
    private static partial System.Text.RegularExpressions.Regex SignedUpFor();

    /// <summary>"rano", "wieczorem" ("ввечері", "in the evening"): roughly when, with no clock time given.</summary>
    public static TimeOnly? PartOfDay(string text) =>
        (" " + TypedText.Fold(DateWords.ToPolish(TypedText.Simplify(text))) + " ") switch
        {
            var t when t.Contains(" rano ", StringComparison.Ordinal) => new TimeOnly(9, 0),
            var t when t.Contains(" przed poludniem ", StringComparison.Ordinal) => new TimeOnly(10, 0),
            var t when t.Contains(" po poludniu ", StringComparison.Ordinal) => new TimeOnly(14, 0),
            var t when t.Contains(" wieczorem ", StringComparison.Ordinal) || t.Contains(" wieczor ", StringComparison.Ordinal) => new TimeOnly(18, 0),
            _ => null,
        };

    /// <summary>Where an event's name starts and what never belongs to it, per language.</summary>
    private sealed record NameWords(string[] Follows, string[] Ends, string[] NotAName, string[] NeverFirst);

    private static readonly NameWords PolishName = new(
        [" na ", " z ", " ze "], ["w", "we", "o", "na", "dla", "jutro", "dzis", "prosze", "listy", "juz"],
        ["udzialu", "zapisu", "listy", "wszystkiego"], []);

    private static readonly NameWords UkrainianName = new(
        [" на ", " з ", " із ", " зі ", " від ", " na ", " z "],
        ["в", "у", "о", "об", "на", "для", "завтра", "сьогодні", "будь", "цього", "наступного", "списку", "вже",
            "v", "u", "o", "zavtra", "bud"],
        ["участі", "запису", "списку", "усього", "всього", "uchasti"], []);

    private static readonly NameWords RussianName = new(
        [" на ", " с ", " со ", " от "],
        ["в", "во", "на", "для", "завтра", "сегодня", "пожалуйста", "этот", "эту", "следующ", "списка", "больше"],
        ["участия", "записи", "списка", "всего"], []);

    // "I want to sign up for…": a name never starts with a verb, so "to sign up" is passed over.
    private static readonly NameWords EnglishName = new(
        [" for ", " to ", " from ", " off ", " of ", " at ", " join "],
        ["on", "at", "in", "this", "next", "tomorrow", "today", "please", "pls", "for", "tonight", "list", "anymore",
            "again"],
        ["it", "everything", "list", "all"],
        ["sign", "join", "come", "go", "cancel", "be", "make", "withdraw", "attend", "register", "leave", "drop", "take", "get", "put", "have"]);

    /// <summary>
    /// "zapisz mnie na warsztaty ceramiki w sobotę" → "warsztaty ceramiki"; "запишіть мене на йогу в суботу" → "йогу";
    /// "sign me up for the pottery workshop on Friday" → "pottery workshop".
    /// </summary>
    private static string? EventName(string text, string language)
    {
        var words = language switch
        {
            Languages.Ukrainian => UkrainianName,
            Languages.Russian => RussianName,
            Languages.English => EnglishName,
            _ => PolishName,
        };
        var simple = TypedText.Simplify(text) + " ";
        // "skreślcie mnie z listy na wycieczkę": the name follows the first preposition that is not before "listy".
        foreach (var at in words.Follows.SelectMany(p => Positions(simple, p).Select(i => i + p.Length)).Order())
        {
            var name = string.Join(' ', NameWordsFrom(simple[at..], words.Ends)
                .SkipWhile(w => w is "the" or "a" or "an"));
            if (name.Length > 0 && !words.NotAName.Contains(name) && !words.NeverFirst.Contains(name.Split(' ')[0])) return name;
        }
        return null; // "rezygnuję z udziału" names nothing
    }

    /// <summary>
    /// The words of a name up to a word that ends it, a number or a comma ("сніданок, видаліть мене…"); "dla
    /// seniorów", "для дітей", "for kids" belong to it, as whom the event is for.
    /// </summary>
    private static IEnumerable<string> NameWordsFrom(string text, string[] ends)
    {
        var all = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < all.Length; i++)
        {
            var word = all[i].Trim(',', '.', '!', '?', ';', ':');
            var forWhom = word is "dla" or "для" or "for" && i + 1 < all.Length && IsAudience(all[i + 1]);
            if (word.Length == 0 || (ends.Contains(word) && !forWhom) || char.IsDigit(word[0])) yield break;
            yield return word;
            if (all[i][^1] is ',' or ';' or '!' or '?') yield break;
        }
    }

    // Whom an event is for, in the forms after "dla", "для", "for".
    private static readonly string[] Audiences =
    [
        "senior", "dzieci", "dorosl", "mlodziez", "rodzic", "mam", "emeryt", "starsz", "poczatkuj", "kobiet",
        "сеньйор", "дітей", "діток", "дорослих", "молоді", "батьк", "мам", "літніх", "пенсіонер", "початківц", "жінок",
        "детей", "взрослых", "молодежи", "родител", "пожилых", "пенсионер", "начинающ", "женщин",
        "kids", "children", "adults", "teens", "parents", "mums", "moms", "older", "beginners", "women", "families",
    ];

    private static bool IsAudience(string word) =>
        Audiences.Any(a => word.StartsWith(a, StringComparison.Ordinal));

    private static IEnumerable<int> Positions(string text, string part)
    {
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) yield return i;
    }
}
