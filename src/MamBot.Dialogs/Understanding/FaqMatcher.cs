using MamBot.Data.Centres;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Understanding;

/// <summary>
/// Finds the centre's FAQ entry a typed question is about ("ile kosztuje sala?" → "Czy za korzystanie z MAM trzeba
/// płacić?"), offline: the question and each FAQ question are reduced to word stems, words of one meaning share a
/// stem, and the entry sharing the most wins. Staff write the FAQ, so nothing here knows its entries. The groups
/// of one meaning hold Ukrainian and English words too, so "how much does it cost?" finds the Polish entry.
/// </summary>
public static class FaqMatcher
{
    // Words that say nothing about what is asked (question words, "MAM", modal verbs).
    private static readonly HashSet<string> Ignored =
    [
        "czy", "moge", "mozna", "mozemy", "jest", "trzeba", "musze", "mam", "mamy", "macie", "jak", "jaki", "jaka", "jakie", "ile",
        "gdzie", "kiedy", "prosze", "chce", "chcialbym", "chcialabym", "bardzo", "tego", "tym", "jestem", "mnie", "sobie", "swoje",
        "przyjsc", "przyjde", "przychodzic", "korzystac", "korzystanie", "korzystania",
        "чи", "можу", "можна", "можемо", "треба", "мені", "мене", "який", "яка", "яке", "які", "скільки", "коли", "будь", "ласка", "хочу",
        "дуже", "прийти", "прийду", "приходити", "користуватися", "свого", "свою", "своїм", "свій", "для", "про",
        "can", "could", "may", "are", "the", "and", "with", "bring", "come", "what", "which", "how", "much", "many", "where", "when",
        "please", "want", "does", "there", "you", "your", "have", "need", "use", "using", "this", "that", "for", "about", "any", "allowed",
    ];

    // Words of one meaning, so a question finds an entry worded differently.
    private static readonly string[][] SameMeaning =
    [
        // "placi", not "plac": English "places" is no payment.
        ["placi", "placa", "placen", "platn", "koszt", "cena", "ceny", "cenn", "darm", "bezplat", "oplat", "pieniadz", "zlot",
            "плат", "кошт", "ціна", "ціни", "безкошт", "гроші", "pay", "paid", "cost", "price", "free", "fee", "charge", "money",
            "стои", "цена", "цены", "цену", "ценой", "ценник", "бесплат", "деньг"],
        ["dzieck", "dzieci", "dziecm", "syn", "corka", "corki", "wnuk", "malu", "дет", "ребен", "внук",
            "діт", "дитин", "син", "доньк", "онук", "малю", "kid", "child", "son", "daughter", "grandch"],
        ["zorganiz", "organiz", "poprowadz", "організ", "провест", "organis", "organiz"],
        ["zwierz", "pies", "psem", "psa", "kot", "тварин", "собак", "пес", "кіт", "кот!", "кота", "коту", "котик", "animal", "dog", "pet!", "pets", "cat!", "cats", "kitten"],
        ["wifi", "wi-fi", "internet", "siec", "інтернет", "вайфай", "вай-фай"],
        ["parking", "parkow", "samochod", "autem", "паркув", "машин", "автомоб"],
        ["cisz", "glosn", "muzyk", "halas", "тиш", "тих", "гучн", "музик", "музык", "громк", "шум", "галас", "quiet",
            "loud", "music", "noise", "party", "impre"],
        ["alkohol", "piw", "wino", "алкогол", "пиво", "пива", "вино", "alcohol", "beer", "wine", "drink"],
        ["klucz", "ключ", "key", "keys"],
        ["sprzat", "posprzat", "porzad", "прибир", "прибра", "убира", "убрат", "порядок", "clean", "tidy"],
    ];

    public static FaqEntry? Find(string? text, IReadOnlyList<FaqEntry> faq)
    {
        var asked = Stems(text);
        if (asked.Count == 0) return null;
        // Every version the team wrote: a question typed in Ukrainian finds the entry by its Ukrainian wording.
        var scored = faq.Select(f => (Entry: f, Score: Stems(f.AllVersions()).Intersect(asked).Count()))
            .Where(s => s.Score > 0).ToList();
        if (scored.Count == 0) return null;
        var best = scored.Max(s => s.Score);
        var winners = scored.Where(s => s.Score == best).ToList();
        return winners.Count == 1 ? winners[0].Entry : null; // a tie says the question is not clear enough to guess
    }

    // Stems that say a question is about the rules, not what it is about ("czy wolno…", "zasady").
    private static readonly HashSet<string> RuleWords =
        ["zasad", "regul", "wolno", "zakaz", "dozwo", "zabro", "прави", "дозво", "забор", "rule", "rules", "house", "forbi", "prohi", "allow"];

    /// <summary>What a rules question is about: "czy mogę przyjść z psem?" → the animals stem; "jakie są zasady?" → nothing.</summary>
    public static IReadOnlySet<string> Subject(string? question) => Stems(question).Where(s => !RuleWords.Contains(s)).ToHashSet();

    /// <summary>Whether a question asks what something costs ("скільки коштує гімнастика?").</summary>
    public static bool AsksPrice(string? question) => Stems(question).Contains("=" + SameMeaning[0][0] + "=");

    /// <summary>What a question is about in words of one meaning only ("музыку" → the quiet group): no guessing by spelling.</summary>
    public static IReadOnlySet<string> SubjectByMeaning(string? question) =>
        Subject(question).Where(s => s.StartsWith('=')).ToHashSet();

    /// <summary>Whether a text (a house rule) speaks of the subject.</summary>
    public static bool Mentions(string text, IReadOnlySet<string> subject) => Stems(text).Overlaps(subject);

    private static IReadOnlySet<string> Stems(string? text) => StemsOf[TypedText.Fold(text)];

    // Each FAQ entry is stemmed for every question typed: each wording once. Shared sets, never changed.
    private static readonly TextMemo<IReadOnlySet<string>> StemsOf = new(folded => new HashSet<string>(
        folded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3 && !Ignored.Contains(w))
            .Select(Stem)
            .Where(s => s.Length >= 4)));

    private static string Stem(string word)
    {
        foreach (var group in SameMeaning)
        {
            // "кот!" is that word only: "котрій" (which) and "центру" (centre) are no cat and no price.
            if (group.Any(s => s.EndsWith('!') ? word == s[..^1] : word.StartsWith(s, StringComparison.Ordinal)))
                return "=" + group[0] + "=";
        }
        return word.Length <= 5 ? word : word[..5];
    }
}
