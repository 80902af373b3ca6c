using MamBot.Data.Residents;

namespace MamBot.Dialogs.Understanding;

/// <summary>
/// Requests that a verb and its object decide, wherever they stand in the sentence and whatever synonym the
/// resident picks: a cancelling verb with a booking is cancel_booking ("scrap my reservation"), with a sign-up it
/// is leave_event ("cancel my sign-up"); supporting or voting for an idea is browse_ideas, never proposing one;
/// asking to be put through to a person is talk_to_staff. They overrule the classifier, which hears "my booking"
/// in "scrap my booking". Tried in order; a phrase with no objects decides alone. Stems start a word.
/// </summary>
internal static class IntentPairs
{
    private sealed record Pair(string Intent, string[] Verbs, string[] Objects);

    /// <summary>The intent a verb and its object decide, or none; Latin Ukrainian meets Cyrillic stems loosely.</summary>
    public static string Match(string folded, string language, bool latin)
    {
        var key = latin ? Transliteration.Loose : (Func<string, string>)(s => s);
        var padded = " " + key(latin ? Transliteration.ToCyrillic(folded) : folded) + " ";
        // Surzhyk: Ukrainian mixed with Russian verbs ("otmenite moyu bron bud laska") meets the Russian pairs too.
        var pairs = language == Languages.Ukrainian ? [.. Ukrainian, .. Russian] : For(language);
        var negated = IntentRules.StartsAWord(padded, Negations);
        foreach (var pair in pairs)
        {
            // "I can't come to yoga" is no sign-up, whatever words of coming it has; the rules read it.
            if (negated && pair.Intent == "register_event") continue;
            if (pair.Verbs.Any(v => IntentRules.StartsAWord(padded, key(v)))
                && (pair.Objects.Length == 0 || pair.Objects.Any(o => IntentRules.StartsAWord(padded, key(o)))))
                return pair.Intent;
        }
        return IntentRecognizer.None;
    }

    private static Pair[] For(string language) => language switch
    {
        Languages.Ukrainian => Ukrainian,
        Languages.English => English,
        Languages.Russian => Russian,
        _ => Polish,
    };

    // Regular activities residents ask about by name: "kiedy jest joga?", "коли йога?", "when is yoga".
    private static readonly string[] Activities =
    [
        "jog", "gimnastyk", "zumb", "pilates", "aerobik", "taniec", "tance", "tanca", "chor", "szachy", "szachow",
        "bingo", "kino", "spacer", "kawa", "kawy", "kurs", "lekcj", "warsztat", "koncert", "wycieczk", "ceramik",
        "йог", "гімнастик", "гимнастик", "зумб", "пілатес", "пилатес", "танц", "хор", "шахи", "шахмат", "бінго",
        "бинго", "кіно", "кино", "прогулян", "прогулк", "кав", "кофе", "курс", "урок", "майстер", "мастер", "концерт",
        "екскурс", "экскурс", "кераміка", "керамика",
        "yoga", "gym", "zumba", "dance", "dancing", "choir", "chess", "bingo", "movie", "film", "walk", "coffee",
        "course", "lesson", "class", "workshop", "concert", "trip", "pottery", "crafts",
        // The centre's regular meetings: breakfasts, board games, crafts, in each language.
        "sniadan", "planszow", "planszowk", "tworcz", "снідан", "настіль", "настолк", "творч", "завтрак", "настольн",
        "breakfast", "board game", "exercise",
    ];

    /// <summary>Whether padded folded text names a regular activity ("pottery", "йога").</summary>
    public static bool NamesAnActivity(string padded) => IntentRules.StartsAWord(padded, FoldedActivities);

    private static readonly string[] FoldedActivities = IntentRules.Fold(Activities);

    /// <summary>"idea – a book swap shelf", "pomysł: …", "ідея: …": a message that opens with an idea proposes it.</summary>
    public static bool OpensWithIdea(string folded) =>
        IdeaOpenings.Any(o => folded.StartsWith(o + " ", StringComparison.Ordinal));

    private static readonly string[] IdeaOpenings = IntentRules.Fold(
        "idea", "my idea", "pomysl", "moj pomysl", "zglaszam pomysl", "mam pomysl", "ідея", "моя ідея", "маю ідею", "идея",
        "моя идея", "есть идея");

    // Drinks and the key, asked about: "can we have a glass of wine there?", "skąd się odbiera klucz?".
    private static readonly string[] Drinks =
    [
        "wino", "wina", "winko", "winka", "winem", "piwo", "piwa", "szampan", "wine", "beer", "champagne", "prosecco",
        "booze", "вино", "винце", "вина", "пиво", "шампан",
    ];

    private static readonly string[] Asking =
    [
        "mozna", "wolno", "czy", "can ", "could ", "allowed", "ok ", "okay", "можна", "можно", "чи ", "ли ", "дозвол",
        "разреш",
    ];

    private static readonly string[] Keys = ["klucz", "kluczy", "kluczyk", "key", "keys", "ключ", "ключі", "ключи"];

    private static readonly string[] KeyQuestions =
    [
        "odbier", "odebrac", "wziac", "oddac", "oddaje", "zwroc", "gdzie", "skad", "kto ", "komu", "pick up", "collect",
        "get the", "give it back", "return", "where", "who ", "брати", "взяти", "віддав", "повернут", "де ", "кому",
        "забрат", "вернут", "где", "получит",
    ];

    private static readonly string[] Negations = IntentRules.Fold(
        "nie ", "не ", "ні ", "нет ", "not ", "cant", "can t", "cannot", "wont", "won t", "dont", "don t", "no longer");

    private static Pair P(string intent, string[] verbs, params string[] objects) =>
        new(intent, IntentRules.Fold(verbs), IntentRules.Fold(objects));

    // A cancelled booking first: "nie przyjdziemy, anulujcie salę" gives the room back.
    private static readonly Pair[] Polish =
    [
        P("house_rules", Drinks, Asking),
        P("house_rules", Keys, KeyQuestions),
        // "proszę skreślić naszą rezerwację": a booking given back, before any sign-up is.
        P("cancel_booking", ["skresl", "wykresl", "zrezygn", "rezygnuj"], "rezerwacj"),
        // Making a booking is booking: "chcę zrobić rezerwację".
        P("book_room", ["zrobic", "zlozyc", "zrobie", "zloze"], "rezerwacj"),
        P("register_event", ["zapisuje sie", "zapisujemy sie", "zapisze sie", "zapiszemy sie", "zapisalabym sie",
            "zapisalbym sie", "zapisalabym", "zapisalbym"]),
        P("talk_to_staff", ["do czlowieka", "do zywego czlowieka", "do kogos z zespolu", "z koordynator",
            "kontakt z koordynator", "z kierownik", "z kierownicz"]),
        P("book_room", IntentRules.FreePolish, "cos", "jakas", "jakis", "cokolwiek"),
        // Stopping what is sent, in any words: "przestańcie mi wysyłać przypomnienia".
        P("stop", ["przestan", "przestancie", "nie wysylaj", "nie wysylajcie", "nie przysylaj", "nie przysylajcie",
            "wylacz", "wylaczcie", "dosc", "koniec z", "nie chce dostawac", "nie chce juz dostawac"],
            "przypomn", "powiadom", "wiadomosc", "wiadomosci", "newslet", "smsy", "pisac", "wysylac", "przysylac"),
        P("house_rules", ["czy mozna przyniesc", "mozna przyniesc", "czy mozemy przyniesc", "czy wolno"]),
        P("leave_event", ["skresl", "wykresl", "skreslic", "wykreslic"]),
        // "czy w tę sobotę dzieje się coś, na co mogłabym przyjść?"
        P("list_events", ["dzieje sie", "odbywa sie", "odbedzie sie", "bedzie sie dzialo"], "cos", "sobot", "niedziel",
            "weekend", "dzis", "jutro", "tygodni", "u was", "u panstwa", "ciekaw"),
        // "jaki jest program na przyszły tydzień": what is on, in the words of a programme.
        P("list_events", ["program", "harmonogram", "plan zajec", "grafik zajec"], "tydzien", "tygodni", "weekend",
            "jutro", "dzis", "miesiac", "swieta", "grudni", "na ", "w "),
        P("propose_idea", ["zrobilibyscie", "moglibyscie zrobic", "moglibyscie zorganizowac", "a moze by", "fajnie by bylo",
            "przydaloby sie"]),
        P("cancel_booking", ["odwol", "anul", "usun", "skasuj", "skasowac", "wycofaj", "wycofac", "rezygnuj",
            "zrezygn", "kasuj"],
            "rezerw", "sale ", "sali", "kuchni", "kuchnie"),
        P("leave_event", ["nie biore udzial", "nie wezme udzial", "nie wchodze", "nie przyjde", "nie przyjdziemy",
            "nie dam rady przyjsc", "nie damy rady przyjsc"]),
        P("leave_event", ["odwol", "anul", "usun", "skasuj", "wycofaj", "wycofac", "rezygnuj", "zrezygn", "skresl",
            "wykresl"],
            "zapis", "udzial", "miejsc", "z listy", "liste"),
        P("register_event", ["dolaczyc do", "moge dolaczyc", "mozna dolaczyc"], Activities),
        P("register_event", ["biore udzial", "wezme udzial", "wchodze w to", "wchodze", "dolaczam", "dolacze",
            "pisze sie",
            "licz na mnie", "liczcie na mnie", "dopiszcie mnie", "dopisz mnie"]),
        // Signing up someone else: "chcę zapisać córkę na…".
        P("register_event", ["zapisac", "zapisz", "zapiszcie", "zapisze", "zapisuje"], "corke", "coreczk", "syna",
            "synka", "wnu", "dziecko", "dzieci", "zone", "meza", "mame", "tate", "nas "),
        // Asking for a booking or a free room, whatever the classifier hears in the rest of the message.
        P("book_room", ["prosic o", "prosze o", "poprosze", "poprosic o"], "rezerwacj", "sale ", "sali", "salke",
            "kuchni", "kuchnie"),
        P("book_room", IntentRules.FreePolish, "sal", "kuchn", "termin", "pomieszcz"),
        P("list_events", ["kiedy", "o ktorej", "w jakie dni", "co ile"], Activities),
        P("browse_ideas", ["poprzec", "poprzyj", "popieram", "popiera", "poparc", "poprzeme", "poprzemy"]),
        P("browse_ideas", ["glosowac na", "zaglosowac na", "zaglosuj na", "glosuje na", "polubic", "polub", "wesprzec",
            "wesprzyj",
            "wspierac", "wspieram"], "pomysl", "inicjatyw", "propozycj"),
        P("talk_to_staff", ["polacz mnie", "polaczcie mnie", "przelacz mnie", "przelaczcie mnie", "polaczyc z",
            "porozmawiac z",
            "rozmawiac z", "pogadac z", "mowic z"], "koordynator", "kims", "kogos", "czlowiek", "osoba", "pracownik",
                "animator",
            "konsultant", "zespol", "obslug", "kierownik", "recepcj"),
        // Coming to an activity, once no leaving above has spoken: "I'd like to come to yoga".
        P("register_event", ["przyjsc na", "pojsc na", "przyjde na", "pojde na", "wziac udzial w"], Activities),
    ];

    private static readonly Pair[] English =
    [
        P("house_rules", Drinks, Asking),
        P("house_rules", Keys, KeyQuestions),
        P("book_room", ["make a", "make"], "booking", "reservation"),
        P("talk_to_staff", ["put me in touch", "get in touch with", "with the coordinator", "with a coordinator",
            "the manager", "to a human", "to a real person"]),
        P("book_room", ["free", "available"], "anything", "something", "any room", "a room", "any space"),
        P("stop", ["stop", "no more", "dont send", "don t send", "quit sending", "turn off", "switch off",
            "unsubscribe", "opt out", "dont want any more", "don t want any more"],
            "reminder", "notification", "news", "messages", "texts", "sending", "texting", "updates", "spam"),
        P("house_rules", ["can we bring", "can i bring", "may we bring", "may i bring", "ok to bring", "allowed to bring",
            "are we allowed", "am i allowed"]),
        P("propose_idea", ["how about starting", "would be nice", "would be great if", "why dont you start", "you could start"]),
        P("cancel_booking", ["cancel", "scrap", "call off", "calling off", "drop", "delete", "remove", "undo",
            "revoke", "ditch",
            "get rid of", "axe", "nix", "withdraw"], "booking", "reservation", "room", "hall", "kitchen"),
        P("leave_event", ["withdraw from", "pull out of", "drop out of", "back out of"], Activities),
        P("leave_event", ["take me off", "cross me off", "strike me off", "scratch me off", "take my name off",
            "remove me from",
            "count me out", "im out", "i m out", "wont be there", "won t be there"]),
        P("leave_event", ["cancel", "scrap", "call off", "drop", "delete", "remove", "undo", "withdraw", "give up",
            "pull out of"],
            "sign up", "sign-up", "signup", "registration", "place", "spot", "seat", "attendance", "enrol", "rsvp"),
        P("register_event", ["count me in", "im in", "i m in", "sign me up", "put me down for", "put my name down",
            "book me in",
            "save me a", "ill be there", "i ll be there", "i will be there", "register me", "enrol me", "enroll me",
                "add me to",
            "include me", "add her", "add him", "add them", "add us", "add my"]),
        // Wanting to come, said warmly: "we'd love to come to the breakfast", "I'd like to go".
        P("register_event", ["love to come", "like to come", "love to join", "like to join", "like to go", "love to go",
            "want to go", "want to come", "wanna go", "wanna come"]),
        P("register_event", ["register", "sign", "enrol", "enroll", "put"], "my son", "my daughter", "my kid",
            "my child", "my grand", "my wife", "my husband", "my mum", "my mom", "my dad", "us "),
        P("book_room", ["free", "available", "taken", "occupied", "booked up"], "room", "hall", "kitchen", "space",
            "slot"),
        P("list_events", ["when is", "whens", "what time is", "which days", "what day is"], Activities),
        // Never "like": "I'd like to suggest an idea" proposes one.
        P("browse_ideas", ["support", "back a", "back the", "back this", "back my", "vote for", "vote on", "upvote",
            "endorse"],
            "idea", "initiative", "proposal", "suggestion", "suggested", "proposed", "that", "this one", "it ",
            "them", "one of"),
        // Having an idea of one's own proposes it, even after supporting a neighbour's: "also I have my own idea".
        P("propose_idea", ["have", "got", "ive got"], "an idea", "my own idea", "own idea", "an initiative"),
        // Suggesting is proposing, after any support of a neighbour's above: "I wanna suggest a chess tournament".
        P("propose_idea", ["suggest", "submit a suggestion", "make a suggestion", "propose", "how about a",
            "how about an", "what about a", "what if we"]),
        P("talk_to_staff", ["put me through", "connect me", "transfer me", "get me the coordinator", "speak to someone",
            "speak with someone", "talk to someone", "talk with someone", "speak to a ", "talk to a ", "speak with a ",
            "talk with a ", "speak to the", "talk to the", "can i speak", "could i speak", "may i speak"]),
        // Coming to an activity, once no leaving above has spoken: "I'd like to come to yoga".
        P("register_event", ["take part in", "join", "attend", "come to", "go to", "sign up for"], Activities),
    ];

    private static readonly Pair[] Ukrainian =
    [
        P("house_rules", Drinks, Asking),
        P("house_rules", Keys, KeyQuestions),
        P("book_room", ["зробити", "оформити", "зроблю"], "брон", "резерв"),
        P("talk_to_staff", ["адміністратор", "координатор", "потрібна людина", "потрібен працівник"]),
        P("book_room", ["вільн"], "щось", "якась", "якийсь", "що небудь"),
        P("stop", ["перестаньте", "перестань", "припиніть", "припини", "досить", "годі", "не надсилайте",
            "не надсилай", "вимкніть", "вимкни", "не хочу отримувати", "більше не хочу"],
            "нагадуван", "сповіщен", "новин", "повідомлен", "розсилк", "надсилати", "писати"),
        P("house_rules", ["чи можна принести", "можна принести", "чи можемо принести", "чи дозволено"]),
        P("register_event", ["хочу на", "хочу піти на", "хочемо на"], Activities),
        P("propose_idea", ["було б добре", "було б класно", "можна було б", "а може б"]),
        // "Зняти" only with a booking: "зняти зал" is renting it, "зніміть бронь" cancelling.
        P("cancel_booking", ["скасу", "скасов", "відмін", "отмін", "видал", "анулю"], "брон", "резерв", "зал", "кімнат",
            "кухн", "rezerwac", "rezerwacj"),
        P("my_bookings", ["підтверд"], "брон", "резерв"),
        P("cancel_booking", ["знім", "зняти", "зніми"], "брон", "резерв"),
        P("leave_event", ["не прийду", "не прийдемо", "не зможу прийти", "не зможемо прийти", "не беру участ",
            "не візьму участ"]),
        P("leave_event", ["відпишіть", "відпиши", "відписати", "випишіть", "випиши"], Activities),
        P("leave_event", ["відпишіть", "відпиши", "відписати", "випишіть", "випиши"], "доньку", "дочку", "сина", "онук",
            "онуч", "дитин", "мене", "нас ", "маму"),
        P("leave_event", ["скасу", "скасов", "відмін", "видал", "анулю", "випиш", "відпиш", "викресл"], "запис",
            "участ", "місце",
            "списку"),
        P("register_event", ["запишіть мене", "запиши мене", "беру участь", "візьму участь", "я в ділі", "долучаюсь",
            "долучаюся",
            "приєднуюсь", "приєднуюся", "рахуйте мене", "зареєструйте мене"]),
        P("register_event", ["записати", "запишіть", "запиши", "запишу"], "доньку", "дочку", "сина", "онук", "онуч",
            "дитин", "дітей", "дружину", "чоловіка", "маму", "тата", "нас "),
        P("book_room", ["вільн", "зайнят"], "зал", "кімнат", "кухн", "приміщ", "термін"),
        P("list_events", ["коли", "о котрій", "в які дні", "у які дні"], Activities),
        P("browse_ideas", ["підтримати", "підтримую", "підтримай", "підтримайте", "підтримаю"]),
        P("propose_idea", ["маю"], "ідею", "ідея", "свою ідею", "власну ідею"),
        P("browse_ideas", ["проголос", "голосува", "вподоба", "лайкн"], "іде", "ініціатив", "пропозиц"),
        P("talk_to_staff", ["з кимось із працівник", "з кимось з працівник", "з кимось із команд", "з кимось з команд",
            "з працівником", "з працівницею"]),
        P("talk_to_staff", ["зєднайте", "зєднай", "зєднати", "переключіть", "покличте", "поговорити з", "звязатися з",
            "звязати з",
            "з координатор", "з адміністратор", "з оператор"]),
        // Coming to an activity, once no leaving above has spoken: "I'd like to come to yoga".
        P("register_event", ["взяти участь", "візьму участь", "піти на", "прийти на", "сходити на"], Activities),
    ];

    private static readonly Pair[] Russian =
    [
        P("house_rules", Drinks, Asking),
        P("house_rules", Keys, KeyQuestions),
        P("book_room", ["сделать", "оформить", "сделаю"], "брон", "резерв"),
        P("talk_to_staff", ["администратор", "координатор", "нужен человек", "нужен сотрудник"]),
        P("book_room", ["свобод"], "что-то", "что то", "что-нибудь", "что нибудь", "какой-то", "какая-то"),
        P("stop", ["хватит", "перестаньте", "перестань", "прекратите", "прекрати", "не присылайте", "не шлите",
            "отключите", "отключи", "не хочу получать", "больше не хочу"],
            "напомина", "уведомлен", "новост", "сообщен", "рассылк", "присылать", "слать", "писать"),
        P("house_rules", ["можно ли принести", "можно принести", "можем ли мы принести", "разрешено ли"]),
        P("register_event", ["хочу на", "хочу пойти на", "хочу сходить на"], Activities),
        P("my_bookings", ["подтверд"], "брон", "резерв"),
        P("cancel_booking", ["отмен", "удали", "удалит", "аннулир"], "брон", "резерв", "зал", "комнат", "кухн"),
        P("leave_event", ["не приду", "не придем", "не придём", "не смогу прийти", "не сможем прийти",
            "не смогу быть"]),
        P("leave_event", ["отпишите", "отпиши", "выпишите", "выпиши"], Activities),
        P("leave_event", ["отмен", "удали", "удалит", "выпиш", "отпиш", "вычеркн"], "запис", "участ", "место",
            "списка"),
        P("register_event", ["запишите меня", "запиши меня", "участвую", "я в деле", "буду участвовать",
            "присоединяюсь",
            "зарегистрируйте меня"]),
        P("register_event", ["записать", "запишите", "запиши", "запишу"], "дочь", "дочку", "сына", "внук", "внуч",
            "ребенка", "ребёнка", "детей", "жену", "мужа", "маму", "папу", "нас "),
        P("book_room", ["свобод"], "зал", "комнат", "кухн", "помещ"),
        P("list_events", ["когда", "во сколько", "в какие дни"], Activities),
        P("browse_ideas", ["поддержать", "поддерживаю", "поддержи", "поддержу"]),
        P("propose_idea", ["есть"], "идея", "своя идея"),
        P("browse_ideas", ["проголос", "голосова"], "иде", "инициатив", "предложени"),
        P("talk_to_staff", ["соедините", "соедини", "переключите", "позовите", "поговорить с", "связаться с",
            "с человеком",
            "с координатор", "с администратор", "с оператор", "живой человек"]),
        // Coming to an activity, once no leaving above has spoken: "I'd like to come to yoga".
        P("register_event", ["принять участие", "пойти на", "прийти на", "сходить на"], Activities),
    ];
}
