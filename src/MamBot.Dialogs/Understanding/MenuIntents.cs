namespace MamBot.Dialogs.Understanding;

public enum MenuIntent { None, EraseData, MyData, Settings, About }

/// <summary>
/// The words for the resident's own data and settings, checked before anything else so that "usuń moje dane"
/// can never be read as another request; everything else is the <see cref="IntentRecognizer"/>'s.
/// </summary>
public static class MenuIntents
{
    // Order matters: the more specific phrase wins ("usuń moje dane" before "moje dane").
    private static readonly (MenuIntent Intent, string[] Stems)[] Rules =
    [
        (MenuIntent.EraseData, ["usun moje dane", "usun dane", "skasuj dane", "zapomnij mnie"]),
        (MenuIntent.MyData, ["moje dane", "jakie dane", "co o mnie wiesz"]),
        (MenuIntent.Settings, ["ustawien", "powiadomienia wlacz", "wlacz powiadomienia"]),
        (MenuIntent.About, ["o mam", "czym jest mam", "co to jest mam", "informacj"]),
    ];

    public static MenuIntent Match(string? text)
    {
        var folded = " " + PolishText.Fold(text) + " ";
        if (folded.Trim().Length == 0) return MenuIntent.None;
        foreach (var (intent, stems) in Rules)
        {
            // A stem must start a word.
            if (stems.Any(s => folded.Contains(" " + s, StringComparison.Ordinal))) return intent;
        }
        return MenuIntent.None;
    }
}
