using MamBot.Data.Centres;
using MamBot.Dialogs.Bookings;

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
/// The offline recognizer (no network). The intent comes from the trained <see cref="IntentClassifier"/> when it is
/// sure; otherwise from hand-written rules: stems of Polish words matched on folded text, forgiving one typo,
/// tried in order so the more specific phrase wins ("odwołaj rezerwację" before "rezerwacja"). Rules also keep
/// the overrides (a "stop" never about one thing; a room or a day and time is a booking). Slots come from
/// <see cref="PolishDates"/> and the centre's room names.
/// </summary>
public static class IntentRecognizer
{
    public const string None = "none";

    /// <summary>How sure the classifier must be to overrule the rules; below <see cref="Plausible"/> it is not heard.</summary>
    private const double Confident = 0.6, Plausible = 0.4;

    private static readonly (string Intent, string[] Phrases)[] Rules =
    [
        ("stop", ["stop", "nie pisz", "wylacz powiadomienia", "wypisz mnie ze wszystk", "wypisz mnie z powiadom", "wypisz mnie z wiadomosc",
            "przestan pisac", "koniec wiadomosci"]),
        ("cancel_booking", ["odwolaj moja", "odwolac moja", "anuluj moja", "odwolaj rezerw", "odwolac rezerw", "anuluj rezerw", "anulowac rezerw", "rezygnuje z rezerw", "rezygnuje z sali", "odwolaj sale", "odwolac sale"]),
        // Giving up one place; "wypisz mnie" alone, or "ze wszystkiego", is the stop below.
        ("leave_event", ["wypisz mnie z", "wypisz mnie na", "wypiszcie mnie", "wypisac sie", "wypisuje sie", "skresl mnie", "wykresl mnie",
            "nie przyjde", "nie bede mogl", "nie bede mogla", "nie moge przyjsc", "nie dam rady przyjsc", "nie dam rady na", "rezygnuje z udzialu",
            "rezygnuje z zajec", "rezygnuje z wydarzen", "odwolaj moj zapis", "anuluj moj zapis", "anuluj zapis", "wycofuje sie", "wycofaj mnie"]),
        ("stop", ["wypisz mnie"]),
        ("my_bookings", ["moje rezerw", "moja rezerw", "moich rezerw", "mam rezerw", "co mam zarezerw", "kiedy mam sale", "czy moja rezerw"]),
        ("register_event", ["zapisz mnie", "zapisac sie", "zapisuje sie", "chce sie zapisac", "chcialabym sie zapisac", "chcialbym sie zapisac", "sie zapisac", "zapisy na", "zapis na"]),
        ("book_room", ["rezerw", "zarezerw", "zaklep", "wynajac", "wynajem", "potrzebuje sali", "potrzebuje sale", "potrzebuje kuchni", "wolna sala", "wolna sale", "wolne sale", "wolnej sali", "wolny termin"]),
        ("talk_to_staff", ["z czlowiekiem", "z kims z zespolu", "z pracownik", "z animator", "z osoba", "prawdziwa osob", "zywy czlowiek", "konsultant", "zadzwonic do was", "kontakt z zespol"]),
        ("opening_hours", ["godzin", "otwar", "otwie", "czynne", "czynny", "zamyka", "do ktorej", "od ktorej"]),
        ("address_contact", ["adres", "gdzie jest", "gdzie jestesc", "gdzie sie znajd", "jak dojech", "jak dojsc", "trafic", "kontakt", "telefon", "numer do", "e-mail", "email", "mail"]),
        ("house_rules", ["zasad", "regulamin", "czy mozna", "czy wolno", "zakaz", "alkohol", "zwierz", "psem"]),
        // Reading what neighbours proposed; only proposing one's own ("mam pomysł") opens the form.
        ("browse_ideas", ["pomysly sasiadow", "pomysly innych", "pomyslow sasiadow", "pomyslow innych", "jakie sa pomysly", "jakie pomysly", "co proponuja",
            "zobaczyc pomysly", "pokaz pomysly", "przejrzec pomysly", "lista pomyslow", "inicjatywy sasiadow", "czyje pomysly", "pomysly mieszkancow", "pomysly na osiedl"]),
        ("propose_idea", ["pomysl", "inicjatyw", "propozycj", "zaproponowac", "zaproponuj", "chce zorganizowac", "chcialabym zorganizowac", "chcialbym zorganizowac", "zorganizuj"]),
        ("list_events", ["wydarzen", "co sie dzieje", "impreza", "imprez", "zajecia", "warsztat", "koncert", "spotkania w tym", "kalendarz", "co bedzie", "co jest w", "co jest dla", "co jest dzis", "co jest jutro", "co dzis", "co jutro", "co w ", "co slychac", "co nowego",
            "tym tygodniu", "przyszlym tygodniu", "nastepnym tygodniu", "w weekend", "dla dzieci", "dla seniorow", "dla seniora"]),
        ("surveys", ["ankiet", "sonda", "glosowan", "kwestionariusz"]),
        ("help", ["pomoc", "pomocy", "pomoz", "jak to dziala", "co umiesz", "co potrafisz", "jak z toba", "nie wiem jak", "instrukcj"]),
        ("thanks", ["dziekuje", "dzieki", "dziekujemy", "thx", "super dzieki", "fajnie dzieki"]),
        ("greeting", ["czesc", "dzien dobry", "hej", "witam", "witaj", "siema", "dobry wieczor", "halo"]),
    ];

    public static Understood Recognize(string? text, DateOnly today, IReadOnlyList<Room> rooms)
    {
        var folded = PolishText.Fold(text);
        var intent = Decide(folded);
        var room = BookingSlots.FindRoom(rooms, text ?? "");
        var times = PolishDates.Times(text ?? "");
        var length = PolishDates.Length(text ?? "");
        var day = PolishDates.Day(text ?? "", today);
        // "rano" is a time only next to a day: "dobry wieczór" is a greeting.
        var (start, end) = (times?.Start ?? (day is null ? null : PartOfDay(folded)), times?.End);
        if (length is null && start is { } s && end is { } e) length = e - s;
        if (end is null && start is { } s2 && length is { } l) end = s2.Add(l);

        // Switching everything off never answers a sentence about one thing ("nie piszcie mi o rezerwacjach").
        if (intent == "stop" && StopNeverAbout.Any(stem => folded.Contains(stem, StringComparison.Ordinal))) intent = None;

        // A room or a day with a time, with no other intent, is a booking ("mała sala w piątek o 18").
        if (intent == None && (room is not null || (start is not null && day is not null))) intent = "book_room";

        return new Understood(
            intent,
            room?.Name,
            day,
            start,
            end,
            length is { } d ? (int)d.TotalMinutes : null,
            PolishDates.People(text ?? "", bareNumber: false),
            intent is "register_event" or "leave_event" ? EventName(text ?? "") : null);
    }

    private static readonly string[] NameFollows = [" na ", " z ", " ze "];
    private static readonly string[] NotAName = ["udzialu", "zapisu", "listy", "wszystkiego"];
    private static readonly string[] StopNeverAbout = ["rezerw", "pomysl", "wydarzen", "zajec", "zapis", "ankiet"];

    // Everyday words one letter away from a stem above, never to be "corrected" into it ("dzieckiem" is not "dzięki").
    private static readonly string[] NeverCorrected = ["dzieck", "dzieci", "dziecio"];

    private static string Decide(string folded)
    {
        if (folded.Length == 0) return None;
        var rule = RulesOnly(folded);
        var (guess, probability) = IntentClassifier.Default.Predict(folded);
        if (probability >= Confident) return guess;
        if (rule != None) return rule;
        return probability >= Plausible ? guess : None;
    }

    /// <summary>The hand-written rules alone (the evaluation prints them beside the whole recognizer).</summary>
    internal static string RulesOnly(string folded)
    {
        if (folded.Length == 0) return None;
        var padded = " " + folded + " ";
        // A phrase must start a word: "sala" in "salę", never inside "kasala". Exact phrases of every intent come
        // before any forgiven typo, so a typo can never outvote a word typed right.
        foreach (var (intent, phrases) in Rules)
        {
            if (phrases.Any(phrase => padded.Contains(" " + phrase, StringComparison.Ordinal))) return intent;
        }
        // One typo is forgiven in a longer single-word stem ("rezrwacja", "wydarznia").
        var words = folded.Split(' ').Where(w => !NeverCorrected.Any(known => w.StartsWith(known, StringComparison.Ordinal))).ToList();
        foreach (var (intent, phrases) in Rules)
        {
            if (phrases.Any(phrase => !phrase.Contains(' ', StringComparison.Ordinal) && words.Any(w => NearlyStartsWith(w, phrase)))) return intent;
        }
        return None;
    }

    private static bool NearlyStartsWith(string word, string stem)
    {
        if (stem.Length < 6 || word.Length < stem.Length - 1) return false;
        for (var length = stem.Length - 1; length <= Math.Min(word.Length, stem.Length + 1); length++)
        {
            if (Distance(word[..length], stem) <= 1) return true;
        }
        return false;
    }

    /// <summary>"rano", "wieczorem": a start when no clock time was given.</summary>
    private static TimeOnly? PartOfDay(string folded) =>
        (" " + folded + " ") switch
        {
            var t when t.Contains(" rano ", StringComparison.Ordinal) => new TimeOnly(9, 0),
            var t when t.Contains(" przed poludniem ", StringComparison.Ordinal) => new TimeOnly(10, 0),
            var t when t.Contains(" po poludniu ", StringComparison.Ordinal) => new TimeOnly(14, 0),
            var t when t.Contains(" wieczorem ", StringComparison.Ordinal) || t.Contains(" wieczor ", StringComparison.Ordinal) => new TimeOnly(18, 0),
            _ => null,
        };

    /// <summary>"zapisz mnie na warsztaty ceramiki w sobotę" → "warsztaty ceramiki"; "wypisz mnie z gimnastyki" → "gimnastyki".</summary>
    private static string? EventName(string text)
    {
        var simple = PolishText.Simplify(text) + " ";
        // "skreślcie mnie z listy na wycieczkę": the name follows the first preposition that is not before "listy".
        foreach (var at in NameFollows.SelectMany(p => Positions(simple, p).Select(i => i + p.Length)).Order())
        {
            var words = simple[at..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .TakeWhile(w => w is not ("w" or "we" or "o" or "na" or "dla" or "jutro" or "dzis" or "prosze") && !char.IsDigit(w[0]))
                .Select(w => w.Trim(',', '.', '!', '?'));
            var name = string.Join(' ', words);
            if (name.Length > 0 && !NotAName.Contains(name)) return name;
        }
        return null; // "rezygnuję z udziału" names nothing
    }

    private static IEnumerable<int> Positions(string text, string part)
    {
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) yield return i;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
