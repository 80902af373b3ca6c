namespace MamBot.Dialogs.Understanding;

public enum MenuIntent { None, EraseData, MyData, Settings, About }

/// <summary>
/// The words for the resident's own data and settings, checked before anything else so that "usuń moje dane"
/// can never be read as another request; everything else is the <see cref="IntentRecognizer"/>'s.
/// </summary>
public static class MenuIntents
{
    // Order matters: the more specific phrase wins ("usuń moje dane" before "moje dane"). Every language at
    // once: erasing one's data must be understood whatever language the resident chose.
    private static readonly (MenuIntent Intent, string[] Stems)[] Rules =
    [
        (MenuIntent.EraseData, IntentRules.Fold("usun moje dane", "usun dane", "skasuj dane", "zapomnij mnie",
            "видаліть мої дані", "видали мої дані", "видалити мої дані", "видаліть дані", "забудь мене",
            "забудьте мене",
            "delete my data", "erase my data", "remove my data", "delete my details", "forget me")),
        (MenuIntent.MyData, IntentRules.Fold("moje dane", "swoje dane", "свої дані", "свои данные", "moich danych", "jakie dane", "co o mnie wiesz", "co o mnie macie",
            "co o mnie przechow", "co o mnie zapis", "co o mnie wiecie", "co wiecie o mnie", "co wiesz o mnie", "мої дані", "моїх даних", "які дані", "що ти про мене знаєш", "що ви про мене знаєте",
            "що ви про мене зберіга", "що ви знаєте про мене", "що знаєте про мене", "мои данные", "моих данных", "какие данные", "что вы обо мне знаете",
            "my data", "my details", "what data", "what do you know about me", "what you know about me", "have about me", "what info", "what do you have on me", "what do you store", "what do you keep",
            "personal info", "personal data", "store about me", "keep about me", "info about me")),
        (MenuIntent.Settings, IntentRules.Fold("ustawien", "powiadomienia wlacz", "wlacz powiadomienia",
            "налаштуван", "увімкни сповіщення", "увімкніть сповіщення", "settings", "turn on notifications")),
        (MenuIntent.About, IntentRules.Fold("o mam", "czym jest mam", "co to jest mam", "informacj",
            "про mam", "що таке mam", "інформаці", "about mam", "what is mam", "information")),
    ];

    // Erasing in any phrasing: a verb of deleting or forgetting with the resident's data (or the resident) as its
    // object, in Polish, Ukrainian, English and Russian. "usuń moją rezerwację" has no such object and stays a booking.
    private static readonly string[] EraseVerbs = IntentRules.Fold(
        "usun", "usuwa", "skasuj", "skasowa", "wykasuj", "wykasow", "wymaz", "wyczysc", "zapomnij", "zapomniec", "zapomnijcie",
        "видал", "стер", "зітр", "знищ", "забуд", "удал", "сотр", "стеріть", "delete", "erase", "remove", "wipe",
        "purge", "forget");

    private static readonly string[] DataObjects = IntentRules.Fold(
        "dane", "danych", "konto", "konta", "profil", "wszystko o mnie", "informacje o mnie", "moje informacje",
        "z bazy", "z systemu",
        "дані", "даних", "акаунт", "профіль", "все про мене", "усе про мене", "інформацію про мене", "з бази",
        "данные", "данных", "аккаунт", "профиль", "все обо мне", "всё обо мне", "информацию обо мне", "из базы",
        "data", "details", "account", "profile", "everything about me", "info about me", "information about me",
        "personal", "my info", "my number", "moj numer", "мій номер", "мой номер",
        // "wykasujcie wszystko", "видаліть усе": with a verb of erasing, everything is the resident's data.
        "wszystko ", "все ", "усе ", "всё ", "everything ", "all of it", "all of that", "all of my");

    // Forgetting the resident: "zapomnij o mnie", "забудьте мене", "forget me".
    private static readonly string[] ForgetVerbs = IntentRules.Fold("zapomn", "забуд", "forget");
    private static readonly string[] Self = IntentRules.Fold("mnie ", "me ", "мене ", "меня ", "о мне ", "about me ");

    // "usuńcie mnie", "delete me": the resident as the whole object, nothing after ("usuń mnie z listy" is leaving).
    private static readonly string[] SelfLast = IntentRules.Fold("mnie", "me", "мене", "меня", "mnie calkowicie");

    // "chcę tylko zobaczyć, nic nie usuwajcie", "нічого не видаляти", "don't delete": a verb taken back erases nothing.
    private static readonly System.Text.RegularExpressions.Regex Negated = new(
        @" (?:nie|не|ні|ни|dont|not|never|bez|без|without|ніколи) \S+", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>A verb of erasing or cancelling, whatever its object: "так, видалити", "yes, delete".</summary>
    public static bool SaysErase(string? text) =>
        IntentRules.StartsAWord(IntentRules.Padded(text), EraseVerbs) || Conversation.TypedRepair.SaysCancel(text);

    private static bool AsksToErase(string said, Func<string, string> key)
    {
        var padded = Negated.Replace(said, " ");
        bool Has(string[] stems) => stems.Any(s => IntentRules.StartsAWord(padded, key(s)));
        // "can't make pottery on Saturday, please remove me" leaves the event; "delete me" alone erases.
        return Has(EraseVerbs) && (Has(DataObjects) || (Has(ForgetVerbs) && Has(Self))
            || SelfLast.Any(s => padded.EndsWith(" " + key(s) + " ", StringComparison.Ordinal)) && !IntentPairs.NamesAnActivity(padded));
    }

    public static MenuIntent Match(string? text)
    {
        var padded = IntentRules.Padded(text);
        if (padded.Trim().Length == 0) return MenuIntent.None;
        if (AsksToErase(padded, s => s)) return MenuIntent.EraseData;
        foreach (var (intent, stems) in Rules)
        {
            // A stem must start a word.
            if (IntentRules.StartsAWord(padded, stems)) return intent;
        }
        // Ukrainian in Latin letters ("vydalit moi dani") against the Cyrillic stems, in the loose spelling.
        var folded = padded.Trim();
        if (!Transliteration.LooksUkrainian(folded)) return MenuIntent.None;
        var loose = " " + Transliteration.Loose(Transliteration.ToCyrillic(folded)) + " ";
        if (AsksToErase(loose, Transliteration.Loose)) return MenuIntent.EraseData;
        foreach (var (intent, stems) in Rules)
        {
            if (stems.Any(s => IntentRules.StartsAWord(loose, Transliteration.Loose(s)))) return intent;
        }
        return MenuIntent.None;
    }
}
