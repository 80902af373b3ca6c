namespace MamBot.Dialogs.Understanding;

public enum MenuIntent { None, Greeting, Book, MyBookings, Events, Ideas, Surveys, About, Hours, Contact, Rules, Settings, MyData, EraseData }

/// <summary>
/// The few words that lead to a menu item, matched on folded text (no diacritics, any case).
/// Deliberately small: the full Polish understanding is its own piece of work.
/// </summary>
public static class MenuIntents
{
    // Order matters: the more specific phrase wins ("usuń moje dane" before "moje dane").
    private static readonly (MenuIntent Intent, string[] Stems)[] Rules =
    [
        (MenuIntent.EraseData, ["usun moje dane", "usun dane", "skasuj dane", "zapomnij mnie"]),
        (MenuIntent.MyData, ["moje dane", "jakie dane", "co o mnie wiesz"]),
        (MenuIntent.MyBookings, ["moje rezerwacje", "moja rezerwacja", "moich rezerwacji", "odwolaj", "odwolac"]),
        (MenuIntent.Book, ["rezerw", "zarezerw", "zaklep"]), // "zarezerwuj … na 2 godziny" is a booking, not opening hours
        (MenuIntent.Hours, ["godzin", "otwar", "otwie", "czynne", "zamyka"]),
        (MenuIntent.Contact, ["adres", "gdzie jest", "gdzie jestescie", "kontakt", "telefon", "e-mail", "email", "dojechac", "dojsc"]),
        (MenuIntent.Rules, ["zasad", "regulamin"]),
        (MenuIntent.Book, ["sala", "sale", "sali", "kuchni"]),
        (MenuIntent.Events, ["wydarzen", "co sie dzieje", "impreza", "imprezy", "zajecia", "warsztat"]),
        (MenuIntent.Ideas, ["pomysl", "inicjatyw"]),
        (MenuIntent.Surveys, ["ankiet"]),
        (MenuIntent.Settings, ["ustawien", "powiadomien"]),
        (MenuIntent.About, ["o mam", "czym jest mam", "co to jest mam", "informacj"]),
        (MenuIntent.Greeting, ["czesc", "dzien dobry", "hej", "witam", "witaj", "siema", "dobry wieczor", "halo"]),
    ];

    public static MenuIntent Match(string? text)
    {
        var folded = " " + PolishText.Fold(text) + " ";
        if (folded.Trim().Length == 0) return MenuIntent.None;
        foreach (var (intent, stems) in Rules)
        {
            // A stem must start a word: "sala" in "sala" or "salę", never inside "kasala".
            if (stems.Any(s => folded.Contains(" " + s, StringComparison.Ordinal))) return intent;
        }
        return MenuIntent.None;
    }
}
