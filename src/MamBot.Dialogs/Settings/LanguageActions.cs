using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Menu;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;
using MamBot.Dialogs.Welcome;

namespace MamBot.Dialogs.Settings;

/// <summary>
/// "Ustawienia → Język", the language row of the welcome, and typed "po ukraińsku", "українською", "in English":
/// the bot speaks Polish, Ukrainian or English from then on. The choice is the resident's; before consent it lives
/// only in the conversation's state.
/// </summary>
public sealed class LanguageActions(ResidentService residents) : IButtonAction
{
    public const string Prefix = "lang";
    string IButtonAction.Prefix => Prefix;

    // Changing the language keeps a half-filled form: it is asked again in the new language.
    public bool LeavesActiveDialog => false;

    /// <summary>"Polski · Українська · English", each name in its own language.</summary>
    public static Reply Choice(string text) => Reply.WithRow(text, [.. Buttons(Languages.All)]);

    /// <summary>A button per language, each by its own name, that switches to it.</summary>
    public static IEnumerable<Button> Buttons(IEnumerable<string> languages) =>
        languages.Select(language => new Button(NameOf(language), $"{Prefix}:{language}"));

    /// <summary>"Українська" for "uk": each language by its own name.</summary>
    public static string NameOf(string language) =>
        T.LanguageNames.Split('|')[Math.Max(0, Languages.All.ToList().IndexOf(Languages.Match(language) ?? Languages.Polish))];

    /// <summary>
    /// A Russian-speaking resident is answered in Ukrainian, which the team writes and most such neighbours read,
    /// with one line offering Polish or English instead.
    /// </summary>
    public static Reply RussianReadInUkrainian() => Reply.WithRow(T.LanguageReadRussian,
        [.. Buttons(Languages.All.Where(l => l != Languages.Ukrainian))]);

    /// <summary>The small button that opens the choice, readable whatever the resident's language.</summary>
    public static Button OpenChoice => new(T.ButtonLanguages, Prefix + ":");

    public Task HandleAsync(DialogContext dc, string argument, CancellationToken ct) =>
        Languages.Match(argument) is { } language ? SwitchAsync(dc, language, ct) : AskAsync(dc);

    private static Task AskAsync(DialogContext dc)
    {
        dc.Say(Choice(T.LanguageChoose));
        return Task.CompletedTask;
    }

    /// <summary>Stores the choice and answers in the new language: the welcome again before consent (the privacy
    /// notice must be read in it), else the open question or the menu.</summary>
    public async Task SwitchAsync(DialogContext dc, string language, CancellationToken ct)
    {
        if (dc.Resident is { HasConsented: true } resident)
        {
            await residents.SetLanguageAsync(resident, language, ct);
            dc.Data.Language = null;
        }
        else dc.Data.Language = language;

        using var speaking = Language.Use(language);
        dc.Say(T.LanguageChanged);
        if (dc.Resident?.HasConsented != true) await WelcomeActions.StartAsync(dc, ct);
        else if (dc.ActiveDialog is { } active) await active.RepromptAsync(dc, ct);
        else dc.Say(MainMenu.Render());
    }
}

/// <summary>A whole message asking for a language: "po ukraińsku", "українською", "in English", "język".</summary>
public static class LanguageRequest
{
    // Compared folded, as residents type them (no diacritics, lower case); Ukrainian also in Latin letters.
    // "In a language" is a request anywhere; a bare language name is one only outside a form, where it could be an
    // answer ("W jakim celu?" "angielski").
    private static readonly Dictionary<string, string> InLanguage = Folded(
        ("po polsku", Languages.Polish), ("in polish", Languages.Polish), ("польською", Languages.Polish),
        ("по-польськи", Languages.Polish), ("по польськи", Languages.Polish),
        ("po ukraińsku", Languages.Ukrainian), ("in ukrainian", Languages.Ukrainian), ("українською", Languages.Ukrainian),
        ("по-українськи", Languages.Ukrainian), ("по українськи", Languages.Ukrainian), ("ukrainskoju", Languages.Ukrainian),
        ("ukrainskoyu", Languages.Ukrainian), ("po ukrainsky", Languages.Ukrainian),
        ("po angielsku", Languages.English), ("in english", Languages.English), ("англійською", Languages.English),
        ("по-англійськи", Languages.English));

    private static readonly Dictionary<string, string> LanguageNames = Folded(
        ("polski", Languages.Polish), ("polish", Languages.Polish), ("польська", Languages.Polish), ("język polski", Languages.Polish),
        ("ukraiński", Languages.Ukrainian), ("ukrainian", Languages.Ukrainian), ("українська", Languages.Ukrainian),
        ("ukrainska", Languages.Ukrainian), ("język ukraiński", Languages.Ukrainian),
        ("angielski", Languages.English), ("english", Languages.English), ("англійська", Languages.English),
        ("język angielski", Languages.English),
        ("język", ""), ("мова", ""), ("language", ""), ("zmień język", ""), ("змінити мову", ""), ("change language", ""));

    // Words around the language that change nothing: "mów po ukraińsku", "please, in English".
    private static readonly HashSet<string> Fillers =
        ["mow", "pisz", "prosze", "please", "speak", "write", "talk", "будь", "ласка", "пиши", "говори", "можна"];

    /// <summary>"uk", "en", "pl"; "" for the choice itself ("język"); null when the message asks for something else.</summary>
    public static string? Match(string? text, bool inForm)
    {
        var words = TypedText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Fillers.Contains(w));
        var request = string.Join(' ', words);
        return InLanguage.GetValueOrDefault(request) ?? (inForm ? null : LanguageNames.GetValueOrDefault(request) ?? InSentence(text));
    }

    // Not understanding, or speaking only one language: "Я не розумію польською", "Sorry, I only speak English".
    private static readonly string[] NotUnderstanding = IntentRules.Fold(
        "nie rozumiem", "nie mowie", "не розумію", "не розмовляю", "не говорю", "не понимаю", "dont understand",
        "do not understand", "dont speak", "do not speak", "only speak", "speak only", "i speak");

    // A language named in a longer sentence: "a mozhna ukrainskoiu?", "можно по-русски?" (answered in Ukrainian).
    private static readonly (string Stem, string Language)[] Named =
    [
        .. new[] { "українськ", "ukrainsk", "ukrainian", "po ukrainsku", "по-украински", "по украински", "по-русски", "по русски",
            "російськ", "русском", "po rosyjsku" }.Select(s => (TypedText.Fold(s), Languages.Ukrainian)),
        .. new[] { "english", "англійськ", "английск", "po angielsku" }.Select(s => (TypedText.Fold(s), Languages.English)),
        .. new[] { "po polsku", "польськ", "по-польски" }.Select(s => (TypedText.Fold(s), Languages.Polish)),
    ];

    /// <summary>A short message asking for a language in its own words; null when it asks for nothing of the kind.</summary>
    private static string? InSentence(string? text)
    {
        var folded = IntentRules.Padded(text);
        if (folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is 0 or > 12) return null;
        // "I don't understand Polish" asks for the language the sentence is written in.
        if (NotUnderstanding.Any(n => folded.Contains(" " + n + " ", StringComparison.Ordinal)))
            return TypedText.HasCyrillic(text) ? Languages.Ukrainian : Named.Where(n => IntentRules.StartsAWord(folded, [n.Stem]))
                .Select(n => n.Language).FirstOrDefault(l => l != Languages.Polish) ?? Languages.English;
        var asked = Named.Where(n => IntentRules.StartsAWord(folded, [n.Stem])).Select(n => n.Language).Distinct().ToList();
        return asked.Count == 1 && IsAsking(folded) ? asked[0] : null;
    }

    // Asking, not mentioning: "можна українською?", "can we speak English", "proszę po polsku".
    private static readonly string[] AskingWords = IntentRules.Fold(
        "mozna", "mozemy", "prosze", "mow", "pisz", "можна", "можемо", "будь ласка", "пишіть", "говоріть", "можно",
        "пожалуйста", "mozhna", "can", "could", "please", "speak", "talk", "write");

    private static bool IsAsking(string folded) => IntentRules.StartsAWord(folded, AskingWords);


    private static Dictionary<string, string> Folded(params (string Phrase, string Language)[] phrases) =>
        phrases.ToDictionary(p => TypedText.Fold(p.Phrase), p => p.Language);
}
