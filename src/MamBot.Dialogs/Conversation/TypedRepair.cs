using MamBot.Data.Residents;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Conversation;

/// <summary>
/// What a typed message means for the conversation itself, before it is taken as the answer to a step: leaving
/// ("nie chcę", "koniec", "ale ja nic nie rezerwuję!"), asking for a person, or asking a question instead of
/// answering. Every language at once, Russian too: a resident in trouble mixes them.
/// </summary>
public static class TypedRepair
{
    // The whole message, folded: a word that alone means "stop this".
    private static readonly HashSet<string> LeavingAlone = [.. IntentRules.Fold(
        "koniec", "wyjdz", "wyjscie", "zakoncz", "przerwij", "anuluj", "rezygnuje", "nie chce", "nie chce juz",
        "juz nie chce",
        "zostaw to", "daj spokoj", "nie wazne", "niewazne", "zapomnij o tym", "stop", "wystarczy", "dosc",
        "кінець", "вийти", "вихід", "скасуй", "скасувати", "не хочу", "вже не хочу", "забудь", "досить", "годі",
        "відміна", "відмінити", "припини",
        "отмена", "отменить", "выйти", "хватит", "не надо", "забудь об этом",
        "quit", "exit", "cancel", "stop", "forget it", "never mind", "nevermind", "nvm", "i dont want",
        "i dont want to", "enough",
        "leave it", "juz nie trzeba", "вже не треба", "уже не надо", "больше не надо", "скасувати все", "отменить все",
        "anuluj wszystko",
        "cancel everything", "zapomnij", "nie trzeba", "не треба", "не потрібно", "не нужно", "no need",
        "not needed")];

    // Inside a longer message: "ale ja nic nie rezerwuję", "I don't want to book anything".
    private static readonly string[] LeavingPhrases = IntentRules.Fold(
        "nic nie rezerwuj", "nie chce rezerwowac", "nie chce juz", "nie chcialem", "nie chcialam",
        "nie o to mi chodzi", "nie o to chodzi", "chce wyjsc", "jak stad wyjsc", "jak to przerwac", "przerwij to",
        "нічого не бронюю", "не хочу бронювати", "як вийти",
        "ничего не бронирую", "как выйти",
        "dont want to book", "not booking", "dont want anything", "not what i meant", "not what i want",
        "how do i get out",
        "stop this", "cancel this", "cancel that",
        // Changing one's mind: "jednak nie", "я передумала", "I've changed my mind".
        "rozmysl", "zmienilem zdanie", "zmienilam zdanie", "nie bede rezerwow", "передумал", "передумав",
        "changed my mind",
        // Putting it off: "muszę to uzgodnić, odezwę się", "I need to check with the others first".
        "odezwe sie", "napisze pozniej", "wroce do tego", "musze to uzgodnic", "musze sie dowiedziec",
        "напишу пізніше", "повернуся до цього", "мушу порадитися", "напишу позже", "вернусь к этому",
        "check with the others", "check with my", "get back to you", "come back to this", "come back later",
        // Back to the menu, not one step back: "wróć do menu", "в меню", "back to the menu".
        "do menu", "в меню", "to the menu", "to menu");

    private static readonly string[] Declining = IntentRules.Fold(
        "nie dziekuje", "nie dzieki", "no thanks", "no thank you", "ні дякую", "ні спасибі", "нет спасибо");

    // "and" or "but" before a question word: "a czy…", "а скільки…", "and how much…".
    private static readonly HashSet<string> Leading = [.. IntentRules.Fold("a", "ale", "i", "to", "а", "і", "та", "но", "and", "but", "so",
        "also", "btw", "oh", "ok", "okay", "plus", "jeszcze", "tez", "oraz", "ще", "також", "ну", "и", "ещё", "еще", "тоже")];

    public static bool IsLeaving(string? text)
    {
        // "actually forget it, sorry", "ой, ні, не треба": what softens a message says nothing about it.
        var folded = WithoutSofteners(TypedText.Fold(text));
        if (folded.Length == 0) return false;
        // The whole message, or its first clause: "nvm, cancel", "zapomnij, nie będę rezerwować".
        // Any clause may be the leaving one: "a nie, rezygnuję, nie chcę jednak".
        var clauses = text!.Split([',', '.', '!', ';', '–', '—'], StringSplitOptions.RemoveEmptyEntries)
            .Select(c => WithoutSofteners(TypedText.Fold(c)));
        if (LeavingAlone.Contains(folded) || clauses.Any(LeavingAlone.Contains)) return true;
        // "szkoda, to nie, dziękuję": a no with thanks declines the whole thing, whatever the step asked.
        return IntentRules.StartsAWord(" " + folded + " ", LeavingPhrases)
            || IntentRules.StartsAWord(" " + TypedText.Fold(text) + " ", Declining);
    }

    /// <summary>The last sentence when it is a question and something comes before it; null otherwise.</summary>
    public static string? LastQuestion(string? text)
    {
        var sentences = SentenceEnd.Split((text ?? "").Trim());
        return sentences.Length >= 2 && IsQuestion(sentences[^1]) ? sentences[^1] : null;
    }

    /// <summary>"a jest tam tablica? bo to na korepetycje": a question first, then why it is asked.</summary>
    public static bool OpensWithQuestion(string? text)
    {
        var sentences = SentenceEnd.Split((text ?? "").Trim());
        return sentences.Length >= 2 && sentences[0].TrimEnd().EndsWith('?');
    }

    /// <summary>The sentences of the text that end with a question mark.</summary>
    public static IEnumerable<string> Questions(string? text) =>
        SentenceEnd.Split((text ?? "").Trim()).Where(s => s.TrimEnd().EndsWith('?'));

    /// <summary>Where one sentence ends and the next begins.</summary>
    public static readonly System.Text.RegularExpressions.Regex SentenceEnd = new(@"(?<=[.!?])\s+");

    /// <summary>Drops the words that only soften a message at its start or end: "actually", "sorry", "ой", "jednak".</summary>
    private static string WithoutSofteners(string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && Softeners.Contains(words[0])) words.RemoveAt(0);
        while (words.Count > 1 && Softeners.Contains(words[^1])) words.RemoveAt(words.Count - 1);
        return string.Join(' ', words);
    }

    private static readonly HashSet<string> Softeners = [.. IntentRules.Fold(
        "actually", "sorry", "oh", "ok", "okay", "well", "hmm", "please", "pls", "then", "just", "ah", "um",
        "wlasciwie", "jednak", "przepraszam", "sorki", "sory", "och", "oj", "ach", "no", "dobra", "prosze", "to", "a",
        "ой", "ох", "ну", "вибачте", "вибач", "перепрошую", "насправді", "будь", "ласка", "тоді", "а",
        "извините", "простите", "ладно", "пожалуйста",
        // "for now" at the end: "never mind for now", "na razie nie trzeba", "поки що не треба".
        "for", "now", "na", "razie", "narazie", "поки", "що", "пока", "что", "дякую", "thanks", "dziekuje")];

    /// <summary>"chcę porozmawiać z człowiekiem", the button's title typed, in any language.</summary>
    public static bool AsksForPerson(string? text)
    {
        var folded = TypedText.Fold(text);
        if (folded.Length == 0) return false;
        if (Languages.All.Any(l => TypedText.Fold(T.ResourceManager.GetString(nameof(T.ButtonTalkToPerson), Language.CultureOf(l))) == folded))
            return true;
        return IntentRecognizer.RulesInEachLanguage(folded).Contains("talk_to_staff");
    }

    /// <summary>A question rather than an answer: it ends with "?" or starts with a question word ("co miesiąc" does not).</summary>
    public static bool IsQuestion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (text.TrimEnd().EndsWith('?')) return true;
        // Words shared by two languages need the one spoken: "do" opens an English question, a Polish answer
        // ("do pracy"); the others ask in any chat.
        var words = TypedText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(Leading.Contains).ToList();
        return words.Count >= 2 && TypedWords.QuestionOpeners.OpensInAnyLanguage(string.Join(' ', words))
            && !(words[0] == "co" && HowOften(words[1]));
    }

    // "co miesiąc", "co tydzień", "co drugi wtorek": how often, not "what".
    private static bool HowOften(string word) => OftenStems.Any(s => word.StartsWith(s, StringComparison.Ordinal));

    private static readonly string[] OftenStems = IntentRules.Fold(
        "tydzien", "tygodni", "miesiac", "miesiec", "dzien", "dzie", "rok", "drug", "weekend", "sobot", "niedziel",
        "poniedzial",
        "wtor", "srod", "czwart", "piat", "rano", "wieczor", "godzin", "pare", "kilka");

    // Asking to act, not only asking about: "czy mogę zarezerwować…", "potrzebuję sali", "can I book…".
    private static readonly string[] ActStems = IntentRules.Fold(
        "rezerw", "zarezerw", "zaklep", "wynaj", "potrzebuj", "chce ", "chcial", "prosze o", "poprosze",
        // Taking or ordering the room: "czy mogę zamówić kuchnię", "можна взяти", "can I grab the kitchen".
        "zamow", "zamaw", "wziac", "zajac", "grab", "замов", "заказ", "зарезерв", "взяти", "взять", "зайняти", "занять",
        "заброн", "бронюв", "броню", "резерв", "оренд", "потрібн", "хочу", "хотіл", "забронир", "бронир", "нужн",
        "хотел",
        "book", "reserv", "rent", "hire", "need", "want", "like to",
        // Asking for the room itself: "can I get the small room on Sunday…?", "czy mogę dostać salę".
        "can i get", "could i get", "can we get", "could we get", "can i have the", "can we have the",
        "could i have the", "moge dostac", "mozemy dostac", "можна взяти", "можно взять",
        // Ukrainian in Latin letters: "mozhna zabronjuvaty kuhnju?"
        "zabron", "bronju", "bronyu", "zarezerv", "khochu", "hochu", "potribn",
        // Signing up is acting too: "can you put me down for the small room?"
        "zapisz", "zapisac", "запиш", "записат", "put me", "put us", "sign me", "sign us", "count me");

    private static readonly string[] MayI = IntentRules.Fold("mozna", "moge", "mozemy", "можна", "можно", "можу", "могу",
        "can i", "can we", "could i", "could we", "may i", "may we");

    private static readonly string[] CancelVerbs = IntentRules.Fold(
        "odwol", "anul", "usun", "skasuj", "wycofaj", "rezygn", "скасу", "відмін", "видал", "отмен", "удал", "cancel",
        "scrap", "delete", "remove", "drop", "call off");

    /// <summary>A verb of cancelling, whatever it is said of: "odwołajcie tę w środę", "cancel the one on the 2nd".</summary>
    public static bool SaysCancel(string? text) => IntentRules.StartsAWord(IntentRules.Padded(text), CancelVerbs);

    /// <summary>Free or taken, said of a room or a time: "wolna", "вільна", "available", "free slots".</summary>
    public static bool SaysFree(string? text) => IntentRules.StartsAWord(IntentRules.Padded(text), IntentRules.Free);

    public static bool AsksToAct(string? text)
    {
        // "Czy w małej sali jest tablica? Chcę tam robić korepetycje.": with a question asked, only the question
        // says whether it asks to act.
        var asked = Questions(text).ToList();
        var padded = IntentRules.Padded(asked.Count > 0 ? string.Join(' ', asked) : text);
        // What a room costs, holds or has is asked about, never a request: "ile kosztuje wynajem sali?"; and so is
        // when it can be had: "коли можна взяти велику залу, вона вільна?", "kiedy mogę zarezerwować salę?".
        if (IntentRules.AsksAboutRoom(padded.Trim()) || TypedWords.WhenOpeners.OpensInAnyLanguage(padded.Trim())) return false;
        // "мала зала сьогодні 18:30–20:00 можна?": may I, with a time, asks for that time.
        return IntentRules.StartsAWord(padded, ActStems)
            || IntentRules.StartsAWord(padded, MayI) && TypedDates.Times(text ?? "") is not null && !SaysFree(text);
    }

    /// <summary>A request that also says what it is about: "chcę porozmawiać z człowiekiem, zgubiłem klucz".</summary>
    public static bool SaysMore(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim().TrimEnd('.', '!', '?');
        var cut = trimmed.IndexOfAny([',', '.', '!', '?', ';', ':', '–', '—']);
        var after = cut < 0 ? 0 : trimmed[(cut + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return after >= 2 || trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 7;
    }

    /// <summary>"rezerwacja", "moja rezerwacja", "бронювання", "my booking": the noun, not a verb of booking.</summary>
    public static bool NamesABooking(string? text) =>
        TypedText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => BookingNouns.Any(n => w.StartsWith(n, StringComparison.Ordinal)));

    private static readonly string[] BookingNouns =
        ["rezerwacj", "бронюванн", "бронь", "брони", "бронирован", "booking", "reservation", "rezervac", "bronjuvann", "bronyuvann"];
}
