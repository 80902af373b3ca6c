namespace MamBot.Dialogs.Understanding;

/// <summary>
/// Words of a question about a room rather than a request for it: what it costs, how many it holds, what is in
/// it. With a room named they make the sentence about rooms ("is there a projector in the big hall"), and they
/// keep "rent" or "wynajem" in a price question from reading as a request to act.
/// </summary>
internal static partial class IntentRules
{
    // How many a room holds or how big it is: a question in any words, with or without a question mark.
    private static readonly string[] HowBig = Fold(
        "ile osob", "miesci", "pomiesci", "вміщ", "скільки людей", "помещает", "вмещает", "сколько человек",
        "how many people", "capacity", "how many can", "jak duz", "jak wielk", "наскільки велик", "how big", "how large",
        "на скільки людей", "на сколько человек", "на ile osob");

    /// <summary>Whether folded text asks how many a room holds or how big it is.</summary>
    public static bool AsksHowBig(string folded) => StartsAWord($" {folded} ", HowBig);

    /// <summary>What a room holds and has, not what it costs: "is there a projector?", "ile osób się zmieści?".</summary>
    private static readonly string[] RoomContents = [.. HowBig, .. Fold(
        "fit ",
        // what is in it
        "rzutnik", "projektor", "wifi", "wi-fi", "internet", "czajnik", "naczyn", "piekarnik", "lodowk", "krzes",
        "stolow", "glosnik", "naglosn", "ekran", "telewizor", "pianin", "toalet", "wyposaz", "sprzet",
        "проектор", "чайник", "посуд", "плит", "духовк", "холодильник", "стільц", "стулья", "стол", "колонк", "звук", "озвуч",
        "екран", "экран", "телевізор", "телевизор", "туалет", "інтернет", "интернет", "обладнан", "оборудован",
        "projector", "kettle", "dishes", "oven", "fridge", "chairs", "tables", "speaker", "screen", "tv ", "piano",
        "toilet", "equipment", "equipped", "sound system",
        // what is there, whatever the thing: "what's in the small room?", "czy jest tam tablica?"
        "whats in", "what is in", "whats there", "is there a", "is there an", "are there", "does it have",
        "co jest w", "co jest na", "co ma ", "czy jest tam", "czy sa tam", "що є в", "що є у", "чи є там", "что есть в",
        "есть ли там")];

    // What a room costs, and what it holds and has (declared after RoomContents, which it takes).
    public static readonly string[] RoomFacts = [.. Fold(
        // the price
        "ile kosztuj", "koszt", "cena", "cennik", "platn", "odplatn", "bezplatn", "darmow",
        "скільки коштує", "коштує", "вартіст", "ціна", "платн", "безкоштовн", "koshtu",
        "сколько стоит", "стоит", "стоимост", "цена", "бесплатн",
        "how much", "cost", "price", "fee", "charge"), .. RoomContents];

    /// <summary>Every form of "wolny" and "zajęty", never "wolno" (allowed) or "zajęcia" (classes).</summary>
    public static readonly string[] FreePolish =
        ["wolna", "wolne", "wolny", "wolnej", "wolnych", "wolnym", "wolnego", "zajeta", "zajete", "zajety", "zajetej"];

    /// <summary>Free or taken, of a room or a time: "wolna", "вільний", "свободен", "available".</summary>
    public static readonly string[] Free =
        Fold([.. FreePolish, "вільн", "зайнят", "свобод", "free", "available", "taken", "viln"]);

    /// <summary>Whether folded text asks what a room holds or has ("czy tam jest rzutnik?"), not its price.</summary>
    public static bool AsksWhatRoomHas(string folded) => StartsAWord($" {folded} ", RoomContents);

    /// <summary>Whether folded text asks what a room costs, holds or has.</summary>
    public static bool AsksAboutRoom(string folded) => StartsAWord($" {folded} ", RoomFacts);
}
