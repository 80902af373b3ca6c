using MamBot.Data.Residents;

namespace MamBot.Dialogs.Understanding;

/// <summary>
/// The hand-written rules of <see cref="IntentRecognizer"/>, one list per language: phrases that start a word,
/// tried in order so the more specific one wins ("odwołaj rezerwację" before "rezerwacja"). Ukrainian also as
/// residents type it in Latin letters ("zavtra", "dyakuyu"). Written as typed; folded once here.
/// </summary>
internal static partial class IntentRules
{
    public static IReadOnlyList<(string Intent, string[] Phrases)> For(string language) => language switch
    {
        Languages.Ukrainian => Ukrainian,
        Languages.English => English,
        Languages.Russian => Russian,
        _ => Polish,
    };

    /// <summary>Words that make a "stop" about one thing ("nie piszcie mi o rezerwacjach"), never everything.</summary>
    public static readonly string[] StopNeverAbout = Fold(
        "rezerw", "pomysl", "wydarzen", "zajec", "zapis", "ankiet",
        "брон", "ідеї", "ідей", "заход", "подій", "запис", "опитуван",
        "booking", "reservation", "idea", "event", "class", "survey",
        "иде", "мероприят", "опрос", "занят");

    private static readonly (string, string[])[] Polish = Folded(
    [
        ("stop", ["stop", "nie pisz", "wylacz powiadomienia", "wypisz mnie ze wszystk", "wypisz mnie z powiadom", "wypisz mnie z wiadomosc",
            "przestan pisac", "koniec wiadomosci"]),
        ("cancel_booking", ["odwolaj moja", "odwolac moja", "anuluj moja", "odwolaj rezerw", "odwolac rezerw", "anuluj rezerw", "anulowac rezerw",
            "rezygnuje z rezerw", "rezygnuje z sali", "odwolaj sale", "odwolac sale"]),
        // Giving up one place; "wypisz mnie" alone, or "ze wszystkiego", is the stop below.
        ("leave_event", ["wypisz mnie z", "wypisz mnie na", "wypiszcie mnie", "wypisac sie", "sie wypisac", "sie wypisuje", "wypisuje sie", "skresl mnie", "wykresl mnie",
            "nie przyjde", "nie bede mogl", "nie bede mogla", "nie moge przyjsc", "nie dam rady przyjsc", "nie dam rady na", "rezygnuje z udzialu",
            "rezygnuje z zajec", "rezygnuje z wydarzen", "odwolaj moj zapis", "anuluj moj zapis", "anuluj zapis", "wycofuje sie", "wycofaj mnie"]),
        ("stop", ["wypisz mnie"]),
        ("my_bookings", ["moje rezerw", "moja rezerw", "moich rezerw", "mam rezerw", "co mam zarezerw", "kiedy mam sale", "czy moja rezerw"]),
        ("register_event", ["zapisz mnie", "zapisac sie", "zapisuje sie", "chce sie zapisac", "chcialabym sie zapisac", "chcialbym sie zapisac",
            "sie zapisac", "zapisy na", "zapis na"]),
        ("book_room", ["rezerw", "zarezerw", "zaklep", "wynajac", "wynajem", "potrzebuje sali", "potrzebuje sale", "potrzebuje kuchni", "wolna sala",
            "wolna sale", "wolne sale", "wolnej sali", "wolny termin"]),
        ("talk_to_staff", ["z czlowiekiem", "z kims z zespolu", "z pracownik", "z animator", "z osoba", "prawdziwa osob", "zywy czlowiek", "konsultant",
            "zadzwonic do was", "kontakt z zespol"]),
        ("opening_hours", ["godzin", "otwar", "otwie", "czynne", "czynny", "zamyka", "do ktorej", "od ktorej"]),
        ("address_contact", ["adres", "gdzie jest", "gdzie jestesc", "gdzie dokladnie", "gdzie was", "gdzie sie znajd", "jak dojech", "jak dojsc", "trafic", "kontakt", "telefon",
            "numer do", "e-mail", "email", "mail"]),
        ("house_rules", ["klucz", "kluczy", "bez opieki", "bez rodzic", "bez doroslych", "zasad", "regulamin", "czy mozna", "czy wolno", "zakaz", "alkohol", "zwierz", "psem"]),
        // Reading what neighbours proposed; only proposing one's own ("mam pomysł") opens the form.
        ("browse_ideas", ["pomysly sasiadow", "pomysly innych", "pomyslow sasiadow", "pomyslow innych", "jakie sa pomysly", "jakie pomysly",
            "co proponuja", "zobaczyc pomysly", "pokaz pomysly", "przejrzec pomysly", "lista pomyslow", "inicjatywy sasiadow", "czyje pomysly",
            "pomysly mieszkancow", "pomysly na osiedl"]),
        ("propose_idea", ["pomysl", "inicjatyw", "propozycj", "zaproponowac", "zaproponuj", "chce zorganizowac", "chcialabym zorganizowac",
            "chcialbym zorganizowac", "zorganizuj"]),
        ("list_events", ["wydarzen", "co sie dzieje", "impreza", "imprez", "zajecia", "warsztat", "koncert", "spotkania w tym", "kalendarz", "co bedzie",
            "co jest w", "co jest dla", "co jest dzis", "co jest jutro", "co dzis", "co jutro", "co w ", "co slychac", "co nowego",
            "tym tygodniu", "przyszlym tygodniu", "nastepnym tygodniu", "w weekend", "dla dzieci", "dla seniorow", "dla seniora"]),
        ("surveys", ["ankiet", "sonda", "glosowan", "kwestionariusz"]),
        ("help", ["pomoc", "pomocy", "pomoz", "jak to dziala", "co umiesz", "co potrafisz", "jak z toba", "nie wiem jak", "instrukcj"]),
        ("thanks", ["pomogl", "pomoglas", "pomogles", "dziekuje", "dzieki", "dziekujemy", "thx", "super dzieki", "fajnie dzieki"]),
        ("greeting", ["czesc", "dzien dobry", "hej", "witam", "witaj", "siema", "dobry wieczor", "halo"]),
    ]);

    private static readonly (string, string[])[] Ukrainian = Folded(
    [
        ("stop", ["стоп", "не пишіть", "не пиши мені", "вимкни сповіщення", "вимкніть сповіщення", "відпишіть мене від усього",
            "відпиши мене від усього", "відпишіть мене від всього", "більше не пишіть", "припиніть писати", "не надсилайте",
            "stop", "ne pyshit", "ne pishit"]),
        ("cancel_booking", ["скасувати брон", "скасуйте брон", "скасуй брон", "скасую брон", "скасувати мою брон", "скасуйте мою брон",
            "скасувати моє брон", "скасуйте моє брон", "скасуй моє брон", "відмінити брон", "відмініть брон", "відміни брон",
            "скасувати резерв", "скасуйте резерв", "відмовляюся від брон", "відмовляюсь від брон", "відмовляюся від зал", "більше не потрібн",
            "skasuvaty bron", "skasuite bron", "skasuyte bron", "skasuy bron", "vidminyty bron"]),
        ("leave_event", ["випишіть мене", "випиши мене", "виписатися", "виписатись", "відписатися від", "відпишіть мене з", "відпишіть мене від",
            "відпиши мене з", "не прийду", "не зможу прийти", "не зможу бути", "не вийде прийти", "скасувати участь", "скасуйте участь",
            "скасуйте мою участь", "скасувати мою участь", "скасувати запис", "скасуйте запис", "скасуйте мій запис", "скасуй мій запис",
            "викресліть мене", "відмовляюся від участі", "відмовляюсь від участі", "ne pryidu", "ne zmozhu pryity", "vypyshit mene", "vidpyshit mene z"]),
        ("stop", ["відпишіть мене від розсилк", "від розсилки", "розсилк", "vid rozsylky", "rozsylk", "відпишіть мене", "відпиши мене"]),
        ("my_bookings", ["мої брон", "моє брон", "моя брон", "мої резерв", "що я забронював", "що я забронювала", "коли в мене зал",
            "чи є в мене брон", "чи моє брон", "в мене брон", "у мене брон", "які в мене", "які у мене", "moi bron",
            "moie bron", "moye bron"]),
        ("register_event", ["запишіть мене", "запиши мене", "записатися", "записатись", "хочу записатися", "запис на", "зареєструйте мене",
            "зареєструватися", "хочу піти на", "хочу прийти на", "zapyshit mene", "zapyshy mene", "zapysatysia", "zapysatysya", "zapysatys"]),
        ("book_room", ["заброн", "бронюв", "броню", "бронь", "резерв", "орендувати", "оренд", "потрібна зала", "потрібен зал", "потрібна кімнат",
            "потрібне приміщення", "потрібна кухня", "вільна зала", "вільний зал", "вільна кімната", "вільні зали", "вільний час", "вільні години",
            "zabron", "bronyuv", "broniuv", "orenduv", "potribna zala", "potriben zal"]),
        ("talk_to_staff", ["з людиною", "з живою людиною", "з кимось із команди", "з кимось з команди", "з працівник", "з аніматор",
            "з оператор", "з адміністратор", "з координатор", "покличте", "працівник", "справжньою людиною", "справжня людина", "жива людина", "поговорити з",
            "зателефонувати вам", "звʼязатися з команд", "z liudynoiu", "z lyudynoyu", "z zhyvoyu", "z animator"]),
        ("opening_hours", ["години роботи", "годин робот", "графік", "розклад робот", "коли відкрит", "відкрито", "відчинен", "працюєте",
            "працює центр", "до котрої", "з котрої", "о котрій відкрива", "о котрій зачиня", "зачиня", "відкриваєте",
            "відчиняєте", "коли ви працю", "hodyny roboty",
            "koly vidkryt", "do kotroi", "pratsiuiete", "pracyuyete"]),
        ("address_contact", ["адрес", "де ви", "де саме", "де вас", "де знаход", "де розташ", "як дійти", "як доїхати", "як добратися",
            "як вас знайти",
            "контакт", "телефон", "номер", "пошт", "email", "e-mail", "імейл", "adres", "de vy", "yak doikhaty", "yak diity", "kontakt", "telefon"]),
        ("house_rules", ["ключ", "klyuch", "без батьків", "без дорослих", "правил", "регламент", "чи можна", "чи дозволен", "заборон", "алкогол", "тварин", "собак", "pravyl", "chy mozhna"]),
        ("browse_ideas", ["ідеї сусідів", "ідеї інших", "ідей сусідів", "ідей інших", "які є ідеї", "які ідеї", "що пропонують",
            "подивитися ідеї", "подивитись ідеї", "покажіть ідеї", "покажи ідеї", "список ідей", "ініціативи сусідів", "ідеї мешканців",
            "idei susidiv", "yaki idei"]),
        ("propose_idea", ["ідея", "ідею", "ідеї", "ініціатив", "пропоную", "пропозиці", "запропонувати", "запропоную", "хочу організувати",
            "хотіла б організувати", "хотів би організувати", "організуймо", "організувати", "ideia", "ideya", "ideyu", "ideiu", "proponuiu",
            "proponuyu", "zaproponuvaty"]),
        ("list_events", ["шо там", "що там у вас", "що там сьогодні", "що там завтра", "відбувається", "що у вас в ", "що у вас у ", "що у вас на ", "що у вас сьогодні", "що у вас завтра",
            "шо у вас", "шо буде", "sho bude", "заход", "події", "подій", "подія", "що відбувається", "що буде", "що цікавого", "що нового", "заняття", "занять",
            "майстер-клас", "майстер клас", "концерт", "зустріч", "календар", "розклад", "цього тижня", "наступного тижня", "на вихідних",
            "для дітей", "для сеньйор", "для літніх", "для пенсіонер", "що сьогодні", "що завтра", "zakhod", "zahod", "podii", "podiyi"]),
        ("surveys", ["ankiet", "опитуван", "анкет", "голосува", "проголосу", "opytuvan", "anket", "holosuvan", "proholosu"]),
        ("help", ["допомог", "допоможіть", "допоможи", "як це працює", "що ти вмієш", "що ти можеш", "що вмієш", "не знаю як", "інструкці",
            "dopomoh", "dopomog", "dopomozh"]),
        ("thanks", ["допомогли", "допомогла", "допоміг", "дякую", "дякуємо", "дяка", "вдячн", "спасибі", "спасиб", "dyakuyu", "diakuiu", "dyakuiu", "dyakuju", "spasybi"]),
        ("greeting", ["привіт", "вітаю", "добрий день", "доброго дня", "добрий вечір", "доброго вечора", "доброго ранку", "добридень", "здрастуйте",
            "здравствуйте", "pryvit", "privit", "dobryi den", "dobryj den", "dobrogo dnya", "vitaiu", "vitayu"]),
    ]);

    private static readonly (string, string[])[] English = Folded(
    [
        ("stop", ["stop", "unsubscribe me from everything", "unsubscribe from everything", "no more messages", "turn off notifications",
            "switch off notifications", "turn off the notifications", "dont message", "do not message", "dont write", "dont send", "leave me alone"]),
        ("cancel_booking", ["cancel my booking", "cancel my reservation", "cancel the booking", "cancel the reservation", "cancel booking",
            "cancel reservation", "cancel my room", "cancel the room", "call off my booking", "drop my booking", "dont need the room",
            "no longer need the room", "cancel our booking", "cancel that booking"]),
        ("leave_event", ["sign me out", "sign me off", "take me off", "cross me off", "remove me from", "unsubscribe me from", "unregister",
            "cant come", "cannot come", "cant make it", "cannot make it", "wont come", "wont be able", "wont make it", "cancel my place",
            "cancel my spot", "cancel my sign", "cancel my registration", "drop out", "withdraw", "not coming", "no longer coming"]),
        ("stop", ["unsubscribe"]),
        ("my_bookings", ["my booking", "my reservation", "what have i booked", "what did i book", "when is my room", "do i have a booking",
            "have i booked", "our booking", "is my booking", "did my booking"]),
        ("register_event", ["sign me up", "sign up", "register me", "register for", "want to join", "like to join", "can i join", "put me down",
            "put my name down", "book me a place", "book me a spot", "book me in", "save me a place", "save me a seat", "count me in",
            "like to come to", "want to come to", "enrol", "enroll", "join the"]),
        ("book_room", ["book", "reserv", "rent", "hire", "need a room", "need the room", "need a space", "need the kitchen", "need the hall",
            "need a hall", "free room", "room free", "room available", "rooms available", "available room", "hall free", "kitchen free",
            "free slot", "a room for", "a space for", "use the kitchen", "use the room", "use the hall"]),
        ("talk_to_staff", ["a human", "real person", "a person", "talk to staff", "speak to staff", "speak to someone", "talk to someone",
            "someone from the team", "someone from staff", "an animator", "a coordinator", "an operator", "member of staff", "staff member",
            "call you", "phone you", "human"]),
        ("opening_hours", ["opening hours", "open", "close", "closing", "hours", "what time", "until when", "how late", "how early"]),
        ("address_contact", ["address", "where are you", "where exactly", "where is", "wheres", "how do i get", "how to get", "how can i get", "find you",
            "contact", "phone number", "telephone", "email", "e-mail", "directions", "location", "located"]),
        ("house_rules", ["the key", "keys", "get the key", "can we bring", "beer", "wine", "on their own", "without an adult", "without parents", "rules", "rule", "regulations", "can i bring", "can i come with", "can we come with", "allowed", "may i bring", "forbidden", "prohibited", "alcohol", "smok",
            "pets", "dog", "animal"]),
        ("browse_ideas", ["neighbours ideas", "neighbors ideas", "ideas from neighbours", "ideas from neighbors", "ideas of others", "others ideas",
            "other peoples ideas", "what ideas", "which ideas", "show ideas", "show me the ideas", "show me ideas", "see the ideas", "list of ideas",
            "ideas board", "people proposing", "others propose", "residents ideas", "ideas people have"]),
        ("propose_idea", ["idea", "initiative", "propose", "proposal", "suggest", "suggestion", "want to organise", "want to organize",
            "like to organise", "like to organize", "organise", "organize", "start a club", "start a group"]),
        ("list_events", ["event", "whats on", "what is on", "whats happening", "happening", "activit", "workshop", "class", "concert", "meeting",
            "calendar", "programme", "program", "schedule", "this week", "next week", "weekend", "for kids", "for children", "for seniors",
            "for older", "anything on", "going on", "on today", "on tomorrow", "whats new"]),
        ("surveys", ["survey", "poll", "questionnaire", "vote", "voting"]),
        ("help", ["help", "how does this work", "how does it work", "what can you do", "what do you do", "how do i use", "how to use",
            "instructions", "dont know how", "confused"]),
        ("thanks", ["that helped", "you helped", "very helpful", "thanks", "thank you", "thank u", "thx", "cheers", "much appreciated", "appreciate it", "grateful"]),
        ("greeting", ["hello", "hi ", "hey ", "good morning", "good afternoon", "good evening", "hiya", "greetings", "howdy"]),
    ]);

    // The Cyrillic rules in the loose spelling, for Ukrainian typed in Latin letters; after Ukrainian, which it reads.
    private static readonly (string Intent, string[] Phrases)[] UkrainianLoose =
        [.. Ukrainian.Select(r => (r.Item1, r.Item2.Select(Transliteration.Loose).ToArray()))];

    /// <summary>
    /// Ukrainian typed in Latin letters ("zapyshit mene na yogu"), in Cyrillic, against the Cyrillic rules in the
    /// loose spelling of <see cref="Transliteration"/>; a phrase starts a word, as in every rule. Returns where in
    /// the Ukrainian rules the first one met stands, so the recognizer keeps their order; past the end when none.
    /// </summary>
    public static int TransliteratedAt(string latinFolded)
    {
        var padded = " " + Transliteration.Loose(Transliteration.ToCyrillic(latinFolded)) + " ";
        for (var i = 0; i < UkrainianLoose.Length; i++)
        {
            if (StartsAWord(padded, UkrainianLoose[i].Phrases)) return i;
        }
        return int.MaxValue;
    }

    /// <summary>
    /// What follows a greeting that opens a message, as typed: "Dzień dobry, czy jest dziś joga?" → "czy jest dziś
    /// joga?", "dobryi den, shcho bude v subotu?" → "shcho bude v subotu?"; "" for a greeting alone; null when the
    /// message does not open with one.
    /// </summary>
    public static string? AfterGreeting(string? text)
    {
        var folded = TypedText.Fold(text) + " ";
        var greeting = new[] { Polish, Ukrainian, English, Russian }.SelectMany(rules => rules)
            .Where(r => r.Item1 == "greeting").SelectMany(r => r.Item2).Select(p => p.TrimEnd())
            .Where(p => folded.StartsWith(p, StringComparison.Ordinal)).MaxBy(p => p.Length);
        if (greeting is null) return null;
        // The greeting's words and the word it starts ("witamy" for "witam"), counted in the text as typed.
        var skip = greeting.Split(' ').Length;
        var tokens = (text ?? "").Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var taken = 0;
        while (taken < tokens.Length && skip > 0) skip -= TypedText.Fold(tokens[taken++]).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return string.Join(' ', tokens[taken..]).TrimStart(',', '!', '.', ' ', '-');
    }

    private static (string, string[])[] Folded((string Intent, string[] Phrases)[] rules) =>
        [.. rules.Select(r => (r.Intent, Fold(r.Phrases)))];

    /// <summary>Typed text folded and padded with spaces, so that a phrase can be required to start a word.</summary>
    internal static string Padded(string? text) => " " + TypedText.Fold(text) + " ";

    /// <summary>Whether any phrase starts a word of the padded text ("sala" in "salę", never in "kasala").</summary>
    internal static bool StartsAWord(string padded, IEnumerable<string> phrases)
    {
        foreach (var phrase in phrases)
            if (StartsAWord(padded, phrase)) return true;
        return false;
    }

    /// <summary>
    /// Whether the phrase starts a word of the padded text: <c>padded.Contains(" " + phrase)</c> without building
    /// that string for each of the hundreds of phrases a typed message is tried against.
    /// </summary>
    internal static bool StartsAWord(string padded, string phrase)
    {
        if (phrase.Length == 0) return padded.Contains(' ', StringComparison.Ordinal);
        for (var at = padded.IndexOf(phrase, StringComparison.Ordinal); at >= 0;
             at = padded.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            if (at > 0 && padded[at - 1] == ' ') return true;
        return false;
    }

    /// <summary>Phrases as typed, folded for matching; a trailing space ("co w ") marks where a word must end.</summary>
    internal static string[] Fold(params string[] phrases) =>
        [.. phrases.Select(p => TypedText.Fold(p) + (p.EndsWith(' ') ? " " : ""))];
}
