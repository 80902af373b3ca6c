using MamBot.Data.Residents;

namespace MamBot.Dialogs.Understanding;

/// <summary>How sure <see cref="TypedLanguage"/> is: a greeting alone is <see cref="Weak"/>.</summary>
public enum LanguageEvidence
{
    None,
    Weak,
    Clear,

    /// <summary>Enough even for an answer inside a form, where short words ("Tom Baker") say nothing.</summary>
    Strong,
}

/// <summary>
/// Which of our languages a typed message is written in. Cyrillic is Ukrainian (Russian is answered in it); Latin
/// letters are weighed word by word: the commonest short words of each language, the words the recognizer knows in
/// only one of them (its rules and training sentences; Ukrainian compared in Cyrillic through
/// <see cref="Transliteration"/>), Polish letters and spellings, English and Latin-Ukrainian word shapes.
/// A word two languages share ("na", "do", "to", "tak") counts for neither.
/// </summary>
public static partial class TypedLanguage
{
    // The commonest words, which decide before any other: a word here counts for its language(s) only.
    private static readonly Dictionary<string, string[]> FunctionWords = Group(
        (Languages.English, [
            "the", "a", "an", "is", "are", "am", "was", "were", "be", "you", "your", "youre", "i", "im", "id", "ive",
            "me", "my", "we", "our", "us", "it", "its", "this", "that", "these", "what", "whats", "when", "where",
            "wheres", "how", "who", "which", "why", "can", "could", "would", "will", "should", "do", "does", "did",
            "dont", "doesnt", "have", "has", "of", "for", "with", "from", "at", "in", "on", "and", "or", "not",
            "please", "pls", "plz", "want", "need", "like", "there", "any", "anything", "some", "about", "just",
            "get", "thanks", "thank", "hi", "hey", "hello", "hiya", "yes", "yeah", "yep", "nope", "sorry", "tomorrow",
            "today", "tonight", "morning", "evening", "if", "then", "also", "again", "all", "book", "room", "sign",
            "up", "near", "here", "still", "to", "no",
        ]),
        (Languages.Polish, [
            "i", "a", "w", "we", "na", "do", "z", "ze", "sie", "nie", "jest", "sa", "czy", "jak", "co", "dla", "po",
            "od", "mnie", "mi", "mam", "chce", "chcialam", "chcialbym", "chcialabym", "prosze", "jutro", "dzis",
            "dzisiaj", "gdzie", "kiedy", "ile", "o", "u", "tak", "ten", "ta", "to", "ale", "juz", "jeszcze", "bo",
            "moze", "mozna", "jestem", "bedzie", "ktory", "ktora", "ktore", "jaki", "jakie", "czesc", "dzien",
            "dobry", "dziekuje", "dzieki", "hej", "witam", "mozesz", "moge", "mozemy", "jakies", "cos", "tez",
            "bardzo", "przez",
        ]),
        // Ukrainian in Latin letters, written as Ukrainian and compared in the loose Cyrillic spelling.
        (Languages.Ukrainian, [
            "я", "ви", "ми", "ти", "мене", "мені", "вас", "нас", "що", "шо", "як", "де", "коли", "чи", "не", "так",
            "ні", "а", "і", "й", "в", "у", "на", "до", "з", "із", "зі", "для", "по", "від", "можна", "можу", "будь",
            "ласка", "буде", "хочу", "дякую", "привіт", "добрий", "доброго", "день", "дня", "вечір", "завтра",
            "сьогодні", "є", "це", "цей", "яка", "який", "які", "скільки", "потрібно", "треба", "будласка",
        ]));

    // Function words of each language in the form they are compared in: folded Latin, or loose Cyrillic.
    private static readonly Dictionary<string, HashSet<string>> Function = FunctionWords.ToDictionary(
        g => g.Key,
        g => new HashSet<string>(g.Value.Select(w => g.Key == Languages.Ukrainian ? Transliteration.Loose(w) : w)));

    // Every word the recognizer knows per language, from its rules and its training sentences.
    private static readonly Dictionary<string, HashSet<string>> Known = Languages.All.ToDictionary(
        l => l, l => new HashSet<string>(
            IntentRules.For(l).SelectMany(r => r.Phrases).Concat(IntentClassifier.TrainingSet(l).Select(e => e.Text))
                .SelectMany(p => TypedText.Fold(p).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(w => w.Length > 1 && !w.Any(char.IsDigit))
                .Select(w => l == Languages.Ukrainian ? Comparable(w) : w)));

    /// <summary>The language a message is written in, and how sure that is; (null, None) when it cannot tell.</summary>
    public static (string? Language, LanguageEvidence Evidence) Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, LanguageEvidence.None);
        if (TypedText.HasCyrillic(text)) return (Languages.Ukrainian, LanguageEvidence.Strong);

        var scores = Languages.All.ToDictionary(l => l, _ => 0.0);
        var lower = text.ToLowerInvariant();
        // Letters only Polish has among ours; "ó" and "ł" are typed even by those who skip the rest.
        var polishLetters = lower.Count(c => "ąćęłńóśźż".Contains(c, StringComparison.Ordinal));
        scores[Languages.Polish] += Math.Min(3, polishLetters * 1.5);
        // "I'm", "don't", "what's": the apostrophe inside a word is English.
        scores[Languages.English] += Math.Min(2, ApostropheInWord().Count(lower));
        var words = TypedText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('-', '/', '*')).Where(w => w.Length > 0 && !w.Any(char.IsDigit)).ToList();
        var functional = Languages.All.ToDictionary(l => l, _ => 0);
        foreach (var word in words)
        {
            var ukrainian = Comparable(word); // once per word, for both lists
            var speakers = Speakers(word, ukrainian, Function);
            if (speakers.Count == 1) functional[speakers[0]]++;
            if (speakers.Count == 0) speakers = Speakers(word, ukrainian, Known);
            if (speakers.Count == 1) scores[speakers[0]] += 1;
            else if (speakers.Count == 0 && Shape(word) is { } shaped) scores[shaped] += 0.5;
        }
        if (Transliteration.LooksUkrainian(TypedText.Fold(text))) scores[Languages.Ukrainian] += 1;

        var ranked = scores.OrderByDescending(s => s.Value).ToList();
        var (best, margin) = (ranked[0].Value, ranked[0].Value - ranked[1].Value);
        // Strong needs the grammar of a sentence, not only its nouns: "birthday party for my son" is a purpose.
        var evidence = best >= 3 && margin >= 3 && functional[ranked[0].Key] >= 3 ? LanguageEvidence.Strong
            : best >= 2 && margin >= 1.5 ? LanguageEvidence.Clear
            : best >= 1 && margin >= 1 ? LanguageEvidence.Weak
            : LanguageEvidence.None;
        return evidence == LanguageEvidence.None ? (null, evidence) : (ranked[0].Key, evidence);
    }

    /// <summary>The languages a word belongs to in the given lists (Ukrainian in its comparable spelling).</summary>
    private static List<string> Speakers(string word, string ukrainian, Dictionary<string, HashSet<string>> lists) =>
        [.. lists.Where(l => l.Value.Contains(l.Key == Languages.Ukrainian ? ukrainian : word)).Select(l => l.Key)];

    // Spellings only one language has, as (inside the word, at its end): "szcz", "-ać" Polish; "shch", "-yty"
    // Ukrainian in Latin letters; "th", "-ing" English. Polish first: "warsztaty" is no Ukrainian infinitive.
    private static readonly (string Language, string[] Inside, string[] Ends)[] Shapes =
    [
        (Languages.Polish, ["cz", "sz", "rz"], ["ac", "ic", "ie"]),
        (Languages.Ukrainian, ["shch", "zh", "kh"], ["yty", "uvaty", "ysia", "yi"]),
        (Languages.English, ["th", "ee", "oo"], ["ing", "tion"]),
    ];

    /// <summary>The language whose spelling a word has; null when none or several could.</summary>
    private static string? Shape(string word) => Shapes.FirstOrDefault(s =>
        s.Inside.Any(p => word.Contains(p, StringComparison.Ordinal))
        || s.Ends.Any(p => word.EndsWith(p, StringComparison.Ordinal))).Language;

    /// <summary>A Ukrainian word, in either alphabet, in the loose Cyrillic spelling it is compared in.</summary>
    private static string Comparable(string word) =>
        Transliteration.Loose(TypedText.HasCyrillic(word) ? word : Transliteration.ToCyrillic(word));

    [System.Text.RegularExpressions.GeneratedRegex(@"\p{L}['’]\p{L}")]
    private static partial System.Text.RegularExpressions.Regex ApostropheInWord();

    private static Dictionary<string, string[]> Group(params (string Language, string[] Words)[] groups) =>
        groups.ToDictionary(g => g.Language, g => g.Words);
}
