namespace MamBot.Dialogs.Understanding;

/// <summary>What a message is, when it is none of MAM's own business or not a request at all.</summary>
public enum Concern { None, AreYouBot, Complaint, OffTopic }

/// <summary>
/// Messages a form or the menu must not take for a request: "czy jesteś człowiekiem?", a complaint ("chcę złożyć
/// skargę na hałas", "ogrzewanie nie działa"), and matters MAM does not handle (parking, the housing cooperative,
/// a lost cat, a lift). Stems start a word and are matched on folded text in every language at once, since
/// neighbours mix them; Russian is read too.
/// </summary>
public static class Concerns
{
    private static readonly string[] AreYouBot = IntentRules.Fold(
        "czy jestes czlowiek", "jestes czlowiek", "czy jestes robot", "jestes robot", "czy jestes bot", "jestes bot",
        "czy to bot", "czy to automat", "czy rozmawiam z czlowiek", "czy rozmawiam z botem", "czy pisze z czlowiek",
        "czy jestes prawdziw", "jestes prawdziw", "z kim rozmawiam", "z kim pisze", "czy to program",
        "ти людина", "ти бот", "ти робот", "це бот", "я говорю з ботом", "я розмовляю з ботом", "з ким я говорю",
        "з ким я розмовляю",
        "ти справжн", "це людина", "це програма", "ty liudyna", "ty bot", "ty robot", "ty ljudyna", "robot chy", "ви бот", "ви робот", "ви людина", "вы бот",
        "вы робот", "вы человек", "czy to jest automat", "to jest automat", "czy to jest bot", "czy to automat",
        "actual person", "person typing", "human typing",
        "ты человек", "ты бот", "ты робот", "это бот", "с кем я говорю", "ты настоящ", "это человек",
        "are you a bot", "are you human", "are you a human", "are you a real", "are you real", "are you a person",
        "is this a bot",
        "am i talking to a", "am i chatting with a", "r u human", "r u a bot", "r u real", "r u a robot", "rozmawiam z robotem",
        "rozmawiam z botem", "pisze z robotem", "z robotem czy", "z botem czy", "з роботом", "з ботом чи",
        "с роботом", "с ботом или", "to a robot or", "to a bot or", "with a robot or", "with a bot or", "pisze z botem", "is this a real person", "is this automated", "are you a robot",
        "are you ai", "r u a real", "are u a", "are u real", "are u human", "r u a person", "говорю с ботом",
        "разговариваю с ботом", "пишу с ботом", "переписываюсь с ботом", "розмовляю з ботом", "пишу з ботом",
        "переписуюся з ботом", "rozmawiam z automatem", "pisze z automatem", "a nie do automatu", "a nie z automatem");

    // A complaint or a problem reported: a person answers it, with the resident's own words.
    private static readonly string[] Complaint = IntentRules.Fold(
        "skarg", "zazalen", "reklamac", "chce zglosic problem", "zglaszam problem", "zgloszenie problemu",
        "chce sie poskarzyc", "poskarz", "zglosic ze", "zglaszam ze", "zglaszam", "zgłosić usterk", "usterk",
        "скарг", "поскарж", "жалоб", "пожалов", "повідомити про проблем",
        "complain", "complaint", "report a problem", "reporting", "i want to report", "id like to report");

    // The bot itself failing: "nie rozumie" (never "nie rozumiem", which asks for help), asking the same again;
    // never a language someone does not understand ("mama nie rozumie po polsku").
    private static readonly string[] BotFailing = IntentRules.Fold(
        "nie rozumie ", "nie rozumiesz", "nie rozumiecie", "ciagle pyta", "w kolko", "ciagle to samo", "to samo pyta",
        "не розуміє", "не розумієш", "весь час пита", "одне й те саме", "одне і те саме", "те саме пита",
        "не понимает", "не понимаешь", "одно и то же", "все время спрашива", "постоянно спрашива",
        "doesnt understand", "does not understand", "you dont understand", "keeps asking", "same question",
        "same thing over");

    // What goes wrong, said without asking anything: a complaint at the menu, part of the story inside an idea.
    private static readonly string[] Trouble = IntentRules.Fold(
        "halas", "halasuj", "nie dziala", "nie dzialaj", "nie wlacza", "nie wlaczy", "nie wlaczaj",
        "не вмика", "не включа", "не вмикаєт", "doesnt turn on", "wont turn on", "won t turn on", "not working", "zepsul", "zepsut", "przecieka", "awari",
        "niegrzeczn",
        "nieuprzejm", "niemil", "chamsk", "brud", "balagan", "zimno w sali", "nie ma ogrzewania",
        "шум", "галас", "не працює", "не працюють", "зламал", "зламан", "протіка", "аварі", "брудн",
        "грубі",
        "не работает", "сломал", "сломан", "протека", "грубо",
        "noise", "noisy", "not working", "isnt working", "is not working", "arent working", "wasnt working",
        "nie grzeje", "не гріє", "не греет", "doesnt work", "does not work", "broken", "leaking",
        "leak",
        "dirty", "rude", "a problem with",
        // What goes wrong in a room: "kept cutting out", "było zimno".
        "there is a problem", "there was a problem", "cutting out",
        "cuts out", "stopped working", "too cold", "freezing", "was cold", "too hot",
        "problem z ", "przerywa", "ciekn", "cieknie", "kapie", "skandal", "nikt nic", "smierdz", "brudno", "syf",
        "filthy", "grease", "smell", "stink", "mess ", "messy", "needs to look at", "someone needs to",
        "тече", "течёт", "капає", "смердить", "воняє", "безлад", "течет", "капает", "воняет", "грязно",
        "zimno bylo", "bylo zimno", "bylo bardzo zimno", "za zimno", "za goraco",
        "проблема з", "проблеми з", "холодно", "занадто спекотно", "перестав працювати",
        "проблема с", "проблемы с", "было холодно", "перестал работать",
        // Broken, missing or blocked: "зламався стілець", "nie ma wody", "the toilet's blocked".
        "зламав", "зламалась", "зламалося", "зламались", "сломался", "сломалась", "сломалось",
        "nie ma wody", "нема води", "немає води", "нет воды", "no water", "blocked", "clogged", "zatkan", "zapchan",
        "забит", "засмічен", "засорен", "nie ma papieru", "нема паперу", "немає паперу", "нет бумаги",
        "no toilet paper", "out of toilet paper", "nie ma mydla", "нема мила", "немає мила", "нет мыла", "no soap",
        // Indignation says it is a complaint: "це неприпустимо", "to niedopuszczalne".
        "niedopuszczaln", "неприпустим", "недопустим", "unacceptable", "outrageous", "oburzaj", "обурлив", "возмутительн");

    // What MAM does not handle; the team may list where to turn for it.
    private static readonly string[] OffTopic = IntentRules.Fold(
        "spoldzielni", "administracj", "zarzadc", "czynsz", "winda", "windy", "winde", "parking", "parkow",
        "miejsce postojowe",
        "zaginal", "zaginel", "zaginela", "zginal", "zginela", "zginal mi", "widzial ktos", "ktos widzial", "ran off",
        "ran away", "has anyone seen", "anyone seen", "хтось бачив", "кто-то видел", "кто видел", "zgubil sie", "zgubila sie", "kot sie", "pies sie", "smieci", "wywoz",
        "straz miejsk", "міська варта", "міську варту", "міської варти", "муніципальн", "городская стража",
        "policj", "dach", "pogod", "wybory", "polityk", "lekarz", "przychodni", "recepty", "recepte",
        "кооператив", "управлін", "жек", "осбб", "ліфт", "паркув", "стоянк", "загубив", "загубила", "загубився",
        "загубилася",
        "зник кіт", "сміття", "поліці", "погод", "лікар", "поліклін", "квартплат",
        "лифт", "парков", "потерял", "пропал", "мусор", "полици", "врач", "управляющ",
        "cooperative", "housing association", "city guard", "pharmacy", "аптек", "aptek", "landlord", "rent for my flat", "lift", "elevator", "parking",
        "park my car",
        "lost cat", "lost dog", "lost my cat", "lost my dog", "missing cat", "missing dog", "rubbish", "garbage",
        "bins",
        "police", "weather", "election", "politic", "doctor", "prescription",
        // Parking in every form ("zaparkować", "припаркувати"), bins, and papers other offices issue.
        "zaparkow", "припарк", "запаркув", "parked", "parks on", "fire lane", "car park", "can i park", "where to park", "to park", "park my", "park the", "park a ",
        "bin collection", "bin day", "recycling", "karta pobytu", "karty pobytu", "karte pobytu", "pesel", "urzad ",
        "urzedu", "urzedzie",
        "карта побиту", "карти побиту", "карту побиту", "карта побыту", "вид на жительство", "песель", "residence card",
        "residence permit", "visa", "віза", "візу", "візи ", "визу", "визы");

    // "Am I talking to a real person?": a question about whom one writes with, not a wish to (that is a handoff).
    private static readonly string[] Person = IntentRules.Fold(
        "czlowiek", "prawdziw", "zyw", "osob", "людин", "живою", "справжн", "человек", "живым", "настоящ", "person",
        "human", "real");
    private static readonly string[] Talking = IntentRules.Fold(
        "pisze z", "rozmawiam z", "pisze do", "говорю з", "пишу з", "розмовляю з", "говорю с", "пишу с",
        "разговариваю с",
        "talking to", "talking with", "chatting with", "speaking to", "speaking with", "writing to");
    private static readonly string[] Wanting = IntentRules.Fold(
        "chce", "chcial", "prosze", "wolal", "хочу", "хотів", "хотіл", "хотел", "можна", "можно", "want", "like to",
        "can i", "could i");

    public static Concern Find(string? text)
    {
        var padded = IntentRules.Padded(text);
        if (padded.Trim().Length == 0) return Concern.None;
        if (IntentRules.StartsAWord(padded, AreYouBot)) return Concern.AreYouBot;
        if (Conversation.TypedRepair.IsQuestion(text) && IntentRules.StartsAWord(padded, Talking) && IntentRules.StartsAWord(padded, Person) && !IntentRules.StartsAWord(padded, Wanting))
            return Concern.AreYouBot;
        // A complaint said as one is the team's, whatever it is about ("хочу пожаловаться… оставили мусор").
        var complaint = IntentRules.StartsAWord(padded, Complaint)
            || IntentRules.StartsAWord(padded, BotFailing) && !IntentRules.StartsAWord(padded, LanguageWords);
        if (complaint && !IntentRules.StartsAWord(padded, IdeaWords)) return Concern.Complaint;
        // Trouble in one of MAM's rooms is MAM's, whatever else it names: "the kitchen was filthy, bins overflowing".
        var trouble = IntentRules.StartsAWord(padded, Trouble);
        if (trouble && IntentRules.StartsAWord(padded, CentreRooms) && !IntentRules.StartsAWord(padded, IdeaWords))
            return Concern.Complaint;
        // The building, the cooperative, the police: not MAM's, even when it is a problem ("zgłosić przeciekający dach").
        // A pet gone and one's own flat are the resident's own matters too: "my cat got out", "заливают ванную".
        if (IntentRules.StartsAWord(padded, OffTopic) || IntentRules.StartsAWord(padded, Pets) && IntentRules.StartsAWord(padded, Gone)
            || IntentRules.StartsAWord(padded, OwnHome))
            return Concern.OffTopic;
        // "zgłaszam pomysł: półka z książkami" reports an idea, not a problem.
        if (IntentRules.StartsAWord(padded, IdeaWords)) return Concern.None;
        return complaint || trouble ? Concern.Complaint : Concern.None;
    }

    private static readonly string[] CentreRooms = IntentRules.Fold(
        "kuchni", "kuchnia", "sali", "sala", "sale", "salce", "kitchen", "big room", "small room", "hall", "кухн", "зал",
        "кімнат", "комнат");

    private static readonly string[] Pets = IntentRules.Fold(
        "kot", "kota", "kotek", "kotka", "pies", "psa", "piesek", "pieska", "papug", "кіт", "кота", "кішк", "собак",
        "пес", "песик", "кот", "кошк", "cat", "kitten", "dog", "puppy", "parrot");

    private static readonly string[] LanguageWords = IntentRules.Fold(
        "po polsku", "polskiego", "po ukrainsku", "po angielsku", "по-польськ", "по польськ", "польськ", "по-польск",
        "польск", "українськ", "украинск", "англійськ", "английск", "polish", "english", "ukrainian");

    // Gone, or found: "znaleźliśmy psa", "знайшли собаку біля 8 корпусу".
    private static readonly string[] Gone = IntentRules.Fold(
        "znalazl", "znalezl", "znaleziony", "znaleziona", "знайшл", "знайден", "нашли", "нашел", "нашёл", "found",
        "uciekl", "uciekla", "zginal", "zginela", "zaginal", "zgubil", "zgubila", "nie wrocil", "nie wrocila",
        "втік", "втекла", "зник", "зникла", "загуби", "пропав", "пропала", "убежал", "убежала", "сбежал", "потерял",
        "got out", "escaped", "ran off", "ran away", "missing", "lost", "hasnt come back", "has not come back");

    // One's own flat and neighbours: "sąsiedzi z góry zalewają mi łazienkę", "my flat's ceiling is leaking".
    private static readonly string[] OwnHome = IntentRules.Fold(
        "moje mieszkanie", "mojego mieszkania", "moim mieszkaniu", "sasiad z gory", "sasiedzi z gory", "sasiadka z gory",
        "zalewa mi", "zalali mi", "zalewaja mi",
        "моя квартира", "мою квартиру", "моїй квартирі", "у мене в квартирі", "сусіди зверху", "сусід зверху", "заливають мені",
        "залили мені", "моей квартире", "у меня в квартире", "соседи сверху", "сосед сверху", "заливают мне", "залили мне",
        "my flat ", "my apartment", "upstairs neighbo", "neighbours upstairs", "neighbors upstairs", "flooding my");

    private static readonly string[] IdeaWords = IntentRules.Fold("pomysl", "ідея", "ідею", "идея", "идею", "idea");

    /// <summary>A complaint said as one ("chcę złożyć skargę", "I want to report…"), not only a thing gone wrong.</summary>
    public static bool SaysComplaint(string? text) => IntentRules.StartsAWord(IntentRules.Padded(text), Complaint);

}
