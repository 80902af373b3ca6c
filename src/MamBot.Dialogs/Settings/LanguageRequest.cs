using MamBot.Data.Residents;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Settings;

/// <summary>
/// A message asking for a language: "po ukraińsku", "українською", "in English", "język", and in a sentence
/// ("Dzień dobry, czy mogę pisać po ukraińsku?", "можна англійською?", "do you speak Polish?"). Russian is
/// asked for in Ukrainian, which we speak.
/// </summary>
public static class LanguageRequest
{
    // Compared folded, as residents type them (no diacritics, lower case); Ukrainian also in Latin letters.
    // "In a language" is a request anywhere; a bare language name is one only outside a form, where it could be an
    // answer ("W jakim celu?" "angielski").
    private static readonly Dictionary<string, string> InLanguage = Folded(
        ("po polsku", Languages.Polish), ("in polish", Languages.Polish), ("польською", Languages.Polish),
        ("по-польськи", Languages.Polish), ("по польськи", Languages.Polish), ("po ukraińsku", Languages.Ukrainian),
        ("in ukrainian", Languages.Ukrainian), ("українською", Languages.Ukrainian),
        ("по-українськи", Languages.Ukrainian), ("по українськи", Languages.Ukrainian),
        ("ukrainskoju", Languages.Ukrainian), ("ukrainskoyu", Languages.Ukrainian),
        ("po ukrainsky", Languages.Ukrainian), ("po angielsku", Languages.English), ("in english", Languages.English),
        ("англійською", Languages.English), ("по-англійськи", Languages.English));

    private static readonly Dictionary<string, string> LanguageNames = Folded(
        ("polski", Languages.Polish), ("polish", Languages.Polish), ("польська", Languages.Polish),
        ("język polski", Languages.Polish), ("ukraiński", Languages.Ukrainian), ("ukrainian", Languages.Ukrainian),
        ("українська", Languages.Ukrainian), ("ukrainska", Languages.Ukrainian),
        ("język ukraiński", Languages.Ukrainian), ("angielski", Languages.English), ("english", Languages.English),
        ("англійська", Languages.English), ("język angielski", Languages.English), ("język", ""), ("мова", ""),
        ("language", ""), ("zmień język", ""), ("змінити мову", ""), ("change language", ""));

    // Words around the language that change nothing: "mów po ukraińsku", "please, in English".
    private static readonly HashSet<string> Fillers =
        ["mow", "pisz", "prosze", "please", "speak", "write", "talk", "будь", "ласка", "пиши", "говори", "можна"];

    /// <summary>"uk", "en", "pl"; "" for the choice itself ("język"); null when no language is asked for.</summary>
    public static string? Match(string? text, bool inForm)
    {
        // "can I talk to a person? I don't understand the Polish papers": a person, who reads it in her language.
        if (Conversation.TypedRepair.AsksForPerson(text)) return null;
        var request = string.Join(' ', TypedText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Fillers.Contains(w)));
        return InLanguage.GetValueOrDefault(request)
            ?? (inForm ? null : LanguageNames.GetValueOrDefault(request)) ?? InSentence(text, inForm)
            // "Can you answer in Ukrainian please? I'm asking for my mother, she doesn't read English well.": the
            // sentence that asks, read on its own.
            ?? Sentences(text).Select(s => InSentence(s, inForm)).FirstOrDefault(l => l is not null);
    }

    private static string[] Sentences(string? text)
    {
        var sentences = Conversation.TypedRepair.SentenceEnd.Split((text ?? "").Trim());
        return sentences.Length >= 2 ? sentences : [];
    }

    // Not understanding a language: "Я не розумію польською", "I don't speak Polish", "nie mówię po polsku".
    private static readonly string[] NotUnderstanding = IntentRules.Fold(
        "nie rozumiem", "nie mowie", "не розумію", "не розмовляю", "не говорю", "не понимаю", "dont understand",
        "do not understand", "dont speak", "do not speak");

    // Speaking only one: "Sorry, I only speak English", "mówię tylko po ukraińsku".
    private static readonly string[] SpeakingOnly = IntentRules.Fold(
        "only speak", "speak only", "i speak", "mowie tylko", "tylko po", "говорю тільки", "тільки ", "только ");

    // "In a language", which says on its own that it is about speaking: the Polish, Ukrainian (both alphabets),
    // Russian and English ways, in every spelling residents use.
    private static readonly (string Stem, string Language)[] Adverbs =
    [
        .. Stems(Languages.Polish, "po polsku", "w jezyku polskim", "польською", "по-польськ", "по польськ",
            "по-польски", "по польски", "на польском", "polskoiu", "polskoyu", "polskoju", "po polsky", "in polish"),
        .. Stems(Languages.Ukrainian, "po ukrainsku", "w jezyku ukrainskim", "po rosyjsku", "w jezyku rosyjskim",
            "українською", "по-українськ", "по українськ", "російською", "по-російськ", "по-украински",
            "по украински", "на украинском", "по-русски", "по русски", "на русском", "ukrainskoi", "ukrainskoy",
            "ukrainskoj", "po ukrainsk", "in ukrainian", "in russian"),
        .. Stems(Languages.English, "po angielsku", "w jezyku angielskim", "англійською", "по-англійськ",
            "по англійськ", "по-английски", "по английски", "на английском", "anhliiskoiu", "angliiskoiu",
            "angliyskoyu", "anhliyskoyu", "angliiskoyu", "po angliysky", "po anhliisky", "in english"),
    ];

    // A language's name in any form, which is about speaking only beside a verb that is ("do you speak English?"),
    // never in "kurs angielskiego" or "клуб польської".
    private static readonly (string Stem, string Language)[] Names =
    [
        .. Stems(Languages.Polish, "polsk", "польськ", "польск", "polish", "polskoi", "polsku"),
        .. Stems(Languages.Ukrainian, "ukrainsk", "rosyjsk", "українськ", "російськ", "украинск", "русск",
            "ukrainian", "russian"),
        .. Stems(Languages.English, "angielsk", "англійськ", "английск", "english", "anhliisk", "angliisk",
            "angliysk"),
    ];

    // Speaking, writing, answering, understanding, in each language: "pisać", "mówisz", "розмовляти", "speak".
    private static readonly string[] Speaking = IntentRules.Fold(
        "pisa", "pisz", "napisa", "napisz", "mow", "rozmawia", "porozmawia", "odpowiada", "odpisa", "odpisz",
        "rozumie", "komunik", "gada", "пиш", "писа", "напиш", "напис", "говор", "поговор", "розмовля", "відповіда",
        "спілкув", "розумі", "разговарива", "отвеча", "общать", "понима", "pysh", "pysa", "hovor", "govor", "rozmovl",
        "speak", "spoke", "write", "writing", "talk", "answer", "reply", "respond", "chat", "communicate",
        "understand", "switch");

    // Asking, not mentioning: "czy mogę", "можна", "can we", "proszę", "a może".
    private static readonly string[] Asking = IntentRules.Fold(
        "czy", "moge", "mozna", "mozemy", "mozesz", "mozecie", "moglibysmy", "moze", "prosze", "wolal", "chce",
        "chcial", "da sie", "a ", "чи", "можна", "можу", "можете", "можемо", "може", "будь ласка", "хочу", "хотів",
        "хотіла", "краще", "а ", "пишіть", "говоріть", "можно", "могу", "может", "пожалуйста", "хотел", "лучше",
        "mozhna", "mozhu", "mozhe", "chy ", "bud laska", "can", "could", "may", "please", "do you", "is it possible",
        "would", "want", "prefer", "rather", "anyone", "somebody", "someone");

    /// <summary>
    /// A short message asking for a language in its own words; null when it asks for nothing of the kind. An
    /// adverb asks with any asking word or verb of speaking; a name only beside a verb of speaking; in a form (where
    /// "nauka pisania po polsku" may be the answer) only a question does.
    /// </summary>
    private static string? InSentence(string? text, bool inForm)
    {
        var folded = IntentRules.Padded(text);
        if (folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is 0 or > 14) return null;
        var named = Found(Adverbs, folded).Concat(Found(Names, folded)).Distinct().ToList();
        if (!inForm && named.Count == 1 && IntentRules.StartsAWord(folded, SpeakingOnly)) return named[0];
        // "I don't understand Polish" asks for the language the sentence is written in; "nie mówię po polsku",
        // written in the very language, for English.
        if (!inForm && NotUnderstanding.Any(n => folded.Contains(" " + n + " ", StringComparison.Ordinal)))
            return TypedLanguage.Read(text).Language is { } written && !named.Contains(written) ? written
                : TypedText.HasCyrillic(text) ? Languages.Ukrainian
                : named.FirstOrDefault(l => l != Languages.Polish) ?? Languages.English;
        var (asking, speaking) = (IntentRules.StartsAWord(folded, Asking), IntentRules.StartsAWord(folded, Speaking));
        if (inForm && !asking) return null;
        var asked = Found(Adverbs, folded).Where(_ => asking || speaking)
            .Concat(Found(Names, folded).Where(_ => speaking)).Distinct().ToList();
        return asked.Count == 1 ? asked[0] : null;
    }

    private static IEnumerable<string> Found((string Stem, string Language)[] stems, string folded) =>
        stems.Where(s => IntentRules.StartsAWord(folded, s.Stem)).Select(s => s.Language).Distinct();

    private static IEnumerable<(string, string)> Stems(string language, params string[] stems) =>
        stems.Select(s => (TypedText.Fold(s), language));

    private static Dictionary<string, string> Folded(params (string Phrase, string Language)[] phrases) =>
        phrases.ToDictionary(p => TypedText.Fold(p.Phrase), p => p.Language);
}
