using MamBot.Data.Residents;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Understanding;

/// <summary>
/// Short answers typed instead of pressing a button ("tak", "так", "yes"; "wstecz", "назад", "back"), in the
/// language spoken now and in Polish, the centre's language everyone around uses. English "no" counts only in
/// English: in Polish it is as often "well, yes". Russian ("да", "нет", "назад") is read whatever is spoken.
/// </summary>
public sealed class TypedWords
{
    public static readonly TypedWords Yes = new(
        ["tak", "t", "jasne", "oczywiscie", "zgoda", "ok", "okej", "potwierdzam", "akceptuje"],
        ["так", "ага", "звісно", "звичайно", "добре", "гаразд", "підтверджую", "погоджуюсь", "погоджуюся", "приймаю", "ок", "tak", "dobre"],
        ["yes", "y", "yeah", "yep", "sure", "of course", "ok", "okay", "confirm", "i confirm", "agree", "i agree",
            "accept", "i accept"],
        ["да", "ага", "конечно", "хорошо", "ладно", "согласен", "согласна", "подтверждаю", "принимаю", "ок"]);

    public static readonly TypedWords No = new(
        ["nie", "n", "nie teraz", "nie dziekuje"],
        ["ні", "нє", "не треба", "не зараз", "ні дякую", "ni"],
        ["no", "n", "nope", "not now", "no thanks", "no thank you"],
        ["нет", "не надо", "не сейчас", "нет спасибо"]);

    public static readonly TypedWords Back = new(
        ["wstecz", "cofnij", "wroc", "powrot", "do tylu", "cofnij sie", "wroc sie", "poprzednie", "poprzednie pytanie"],
        ["назад", "повернутися", "повернутись", "повернись", "поверніться", "крок назад", "попереднє", "попереднє питання", "nazad"],
        ["back", "go back", "previous", "previous question", "step back", "undo"],
        ["назад", "вернуться", "вернись", "вернитесь", "шаг назад", "предыдущий вопрос"]);

    /// <summary>No phone number, no contact: "pomiń", "пропустити", "skip".</summary>
    public static readonly TypedWords Skip = new(
        ["pomin", "nie", "brak", "bez kontaktu"],
        ["пропустити", "пропусти", "ні", "немає", "нема", "без контакту"],
        ["skip", "no", "none", "no contact"],
        ["пропустить", "пропусти", "нет", "без контакта"]);

    public static readonly TypedWords Send = new(
        ["tak", "wyslij", "ok"],
        ["так", "надіслати", "надішли", "надішліть", "відправити", "ок"],
        ["yes", "send", "send it", "ok"],
        ["да", "отправить", "отправь", "отправьте", "ок"]);

    /// <summary>"Answer me here in the chat" as the way back to the resident.</summary>
    public static readonly TypedWords ByChat = new(
        ["tak", "czat", "przez czat", "tak przez czat"],
        ["так", "чат", "через чат", "в чаті"],
        ["yes", "chat", "by chat", "via chat", "here"],
        ["да", "чат", "через чат", "в чате"]);

    /// <summary>Signing up on an event's card: "zapisz mnie", "запишіть мене", "count me in".</summary>
    public static readonly TypedWords JoinEvent = new(
        ["zapisz mnie", "tak", "biore udzial", "wezme udzial", "chce sie zapisac", "zapisuje sie", "prosze mnie zapisac", "dopisz mnie",
            "zapisz", "zapiszcie", "zapiszcie mnie", "zapisujemy", "zapisz nas", "zapiszcie nas", "dopisz"],
        ["запишіть мене", "запиши мене", "так", "беру участь", "візьму участь", "хочу записатися", "записуюсь", "записуюся",
            "запишіть", "запиши", "запишіть нас", "запиши нас"],
        ["sign me up", "yes", "count me in", "ill come", "i will come", "join", "i want to join", "im in", "sign up", "sign us up",
            "book me in", "put me down", "add me"],
        ["запишите меня", "запиши меня", "да", "участвую", "хочу записаться", "записываюсь", "запишите", "запиши"]);

    /// <summary>Words a question opens with: "czy jest…", "a kiedy…", "скільки коштує…", "how much…".</summary>
    public static readonly TypedWords QuestionOpeners = new(
        // Two words where the first alone asks nothing: "w jakie dni…", "o której…"; and "tell me…" said politely.
        ["a", "czy", "ile", "kiedy", "jak", "jaki", "jaka", "jakie", "co", "dlaczego", "gdzie", "kto", "po co",
            "w jakie", "w jaki", "w ktore", "o ktorej", "od ktorej", "do ktorej", "na ile", "powiedz", "powiedzcie",
            "jest cos", "jest jakis", "jest jakas", "jest wolna", "jest wolny", "sa jakies", "sa wolne"],
        ["а", "чи", "скільки", "коли", "як", "який", "яка", "які", "що", "чому", "де", "хто", "навіщо",
            "chy", "skilky", "koly", "shcho", "chomu", "у які", "в які", "о котрій", "до котрої", "на скільки",
            "підкажіть", "скажіть", "є щось", "є вільна", "є вільний", "є вільні"],
        ["how", "what", "when", "where", "why", "who", "which", "is", "are", "do", "does", "can", "could", "will",
            "tell me"],
        ["а", "сколько", "когда", "как", "какой", "какая", "какие", "что", "почему", "где", "кто", "зачем", "есть ли",
            "можно ли", "свободен ли", "свободна ли", "в какие", "во сколько", "до скольки", "на сколько",
            "подскажите", "скажите", "есть что", "есть свободн"]);

    /// <summary>Questions that ask when: "kiedy…", "w jakie dni…", "коли…", "когда…", "when…".</summary>
    public static readonly TypedWords WhenOpeners = new(
        ["kiedy", "w jakie", "w ktore", "o ktorej"], ["коли", "у які", "в які", "о котрій", "koly"], ["when", "what time", "which days"],
        ["когда", "в какие", "во сколько"]);

    private readonly HashSet<string> _polish, _ukrainian, _english, _russian;

    /// <summary>Russian is read whatever language is spoken: its words are Cyrillic and mean the same to all.</summary>
    private TypedWords(string[] polish, string[] ukrainian, string[] english, string[] russian)
    {
        _polish = Folded(polish);
        _ukrainian = Folded(ukrainian);
        _english = Folded(english);
        _russian = Folded(russian);
    }

    /// <summary>Whether the typed text is one of these words (already folded text is fine too).</summary>
    public bool Match(string? text)
    {
        var folded = TypedText.Fold(text);
        if (folded.Length == 0) return false;
        return _polish.Contains(folded) || Spoken().Contains(folded) || _russian.Contains(folded);
    }

    /// <summary>
    /// Whether the text opens with one of these words, in the language spoken only: a word of one language may
    /// open a plain sentence in another ("a bigger room", "do końca roku").
    /// </summary>
    public bool Opens(string? text)
    {
        var folded = TypedText.Fold(text);
        var words = folded.Split(' ');
        return folded.Length > 0
            && (Spoken().Contains(words[0]) || words.Length > 1 && Spoken().Contains($"{words[0]} {words[1]}"));
    }

    /// <summary>
    /// Whether the text opens with one of these words in the language spoken or in one whose words open no plain
    /// sentence of another: "is the hall taken" asks in a Polish chat too, "скільки" and "сколько" always ask;
    /// only words shared with another language ("a", "do", "co", "to", "i") need the language spoken.
    /// </summary>
    public bool OpensInAnyLanguage(string? text)
    {
        if (Opens(text)) return true;
        var words = TypedText.Fold(text).Split(' ');
        if (words[0].Length == 0 || SharedWords.Contains(words[0])) return false;
        var two = words.Length > 1 ? $"{words[0]} {words[1]}" : "";
        return new[] { _polish, _ukrainian, _english, _russian }
            .Any(set => set.Contains(words[0]) || set.Contains(two));
    }

    private static readonly HashSet<string> SharedWords = ["a", "do", "co", "to", "i", "а", "і", "и"];

    /// <summary>The words in Polish and in the language spoken now, for a prompt that keeps them.</summary>
    public string[] Now() => [.. _polish.Union(Spoken())];

    private HashSet<string> Spoken() => Language.Current switch
    {
        Languages.Ukrainian => _ukrainian,
        Languages.English => _english,
        _ => _polish,
    };

    private static HashSet<string> Folded(string[] words) => [.. words.Select(w => TypedText.Fold(w))];
}
