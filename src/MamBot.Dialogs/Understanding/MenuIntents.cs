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
            "видаліть мої дані", "видали мої дані", "видалити мої дані", "видаліть дані", "забудь мене", "забудьте мене",
            "delete my data", "erase my data", "remove my data", "delete my details", "forget me")),
        (MenuIntent.MyData, IntentRules.Fold("moje dane", "jakie dane", "co o mnie wiesz",
            "мої дані", "які дані", "що ти про мене знаєш", "що ви про мене знаєте", "my data", "what data", "what do you know about me")),
        (MenuIntent.Settings, IntentRules.Fold("ustawien", "powiadomienia wlacz", "wlacz powiadomienia",
            "налаштуван", "увімкни сповіщення", "увімкніть сповіщення", "settings", "turn on notifications")),
        (MenuIntent.About, IntentRules.Fold("o mam", "czym jest mam", "co to jest mam", "informacj",
            "про mam", "що таке mam", "інформаці", "about mam", "what is mam", "information")),
    ];

    public static MenuIntent Match(string? text)
    {
        var folded = " " + TypedText.Fold(text) + " ";
        if (folded.Trim().Length == 0) return MenuIntent.None;
        foreach (var (intent, stems) in Rules)
        {
            // A stem must start a word.
            if (stems.Any(s => folded.Contains(" " + s, StringComparison.Ordinal))) return intent;
        }
        return MenuIntent.None;
    }
}
