using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Welcome;

/// <summary>
/// Consent typed instead of pressed: "zgadzam się", "tak, zgadzam się", "ok", "так", "погоджуюся", "yes, I agree",
/// "согласна"; "nie zgadzam się", "ні", "no". A message is consent when every word in it is a word of agreeing
/// (in any of the languages, as the language may not be chosen yet), and a refusal when one of them negates.
/// </summary>
public static class TypedConsent
{
    private static readonly HashSet<string> Agreeing = Words(
        "tak", "zgadzam", "zgadzam sie", "zgoda", "wyrazam", "zgode", "akceptuje", "ok", "okej", "oki", "dobrze",
        "dobra", "jasne",
        "pewnie", "oczywiscie", "potwierdzam", "no", "to", "prosze", "chetnie", "niech", "bedzie", "moze", "byc", "w",
        "porzadku",
        "spoko",
        "так", "згоден", "згодна", "згодні", "погоджуюся", "погоджуюсь", "даю", "згоду", "добре",
        "гаразд", "звісно",
        "звичайно", "ок", "приймаю", "підтверджую", "tak", "zghoden", "zghodna", "pogodzhuiusia", "pohodzhuiusia",
        "dobre",
        "yes", "yeah", "yep", "sure", "ok", "okay", "i", "do", "agree", "accept", "consent", "fine", "of", "course",
        "alright",
        "да", "согласен", "согласна", "соглашаюсь", "хорошо", "конечно", "принимаю", "ладно");

    private static readonly HashSet<string> Negating = Words(
        "nie", "не", "ні", "нi", "нет", "no", "not", "dont", "ni", "nope", "disagree", "odmawiam", "відмовляюся",
        "отказываюсь");

    // Words of politeness that change nothing: "tak, proszę", "так, будь ласка", "yes please".
    private static readonly HashSet<string> Courtesy = Words(
        "prosze", "bardzo", "dziekuje", "будь", "ласка", "дякую", "пожалуйста", "спасибо", "please", "thanks", "thank",
        "you");

    // What is agreed to, said again ("I agree to that", "zgadzam się na to", "згоден з цим"), and who it suits
    // ("sure, that's fine by me", "dla mnie ok"): words that change nothing in a yes, but are no courtesy.
    private static readonly HashSet<string> Referring = Words(
        "that", "this", "it", "with", "na", "z", "tym", "з", "цим", "це", "на", "с", "этим", "это",
        "thats", "by", "me", "good", "great", "perfect", "dla", "mnie", "мене", "мені", "меня", "мне", "для");

    // Every word a yes may carry besides its words of agreeing.
    private static readonly HashSet<string> Neutral = [.. Courtesy, .. Referring];

    /// <summary>True for agreeing, false for refusing, null when the text says something else.</summary>
    public static bool? Read(string? text) =>
        ReadWords(TypedText.Fold(text)) is { } read ? read
        // Ukrainian in Latin letters: "tak, pogodzhuyus" is "так, погоджуюсь".
        // Every word must still be one of agreeing or politeness (compared in the loose spelling, where "юсь" and
        // "юс" are one), so Polish read this way says nothing.
        : !TypedText.HasCyrillic(text) ? ReadLoose(TypedText.Fold(text)) : null;

    private static bool? ReadLoose(string foldedLatin)
    {
        var words = foldedLatin.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Understanding.Transliteration.LooseCyrillic).ToList();
        if (words.Count is 0 or > 6 || words.Any(w => !LooseAgreeing.Contains(w) && !LooseNeutral.Contains(w))) return null;
        return words.Any(LooseAgreeing.Contains) ? true : null;
    }

    private static readonly HashSet<string> LooseAgreeing = [.. Agreeing.Where(TypedText.HasCyrillic).Select(Understanding.Transliteration.Loose)];
    private static readonly HashSet<string> LooseNeutral = [.. Neutral.Where(TypedText.HasCyrillic).Select(Understanding.Transliteration.Loose)];

    private static bool? ReadWords(string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 6) return null;
        var negated = words.Any(w => Negating.Contains(w) && w != "no") || words is ["no"] || words is ["no", "thanks" or "thank"];
        if (words.Any(w => !Agreeing.Contains(w) && !Negating.Contains(w) && !Neutral.Contains(w))) return null;
        // "no" alone is English for no; "no dobra" and "no to tak" are Polish for yes.
        if (words is ["no"]) return false;
        return negated ? false : words.Any(w => Agreeing.Contains(w) && w is not ("no" or "to" or "i" or "do" or "of" or "w" or "prosze" or "moze" or "byc")) ? true : null;
    }

    // Words that agree to the notice itself, not only say yes: "zgadzam się", "погоджуюся", "I agree".
    private static readonly HashSet<string> Consenting = Words(
        "zgadzam", "zgoda", "zgode", "wyrazam", "akceptuje", "згоден", "згодна", "згодні", "погоджуюся", "погоджуюсь",
        "згоду", "приймаю", "agree", "accept", "consent", "согласен", "согласна", "соглашаюсь", "принимаю");

    private static readonly HashSet<string> LooseConsenting =
        [.. Consenting.Where(TypedText.HasCyrillic).Select(Understanding.Transliteration.Loose)];

    /// <summary>Agreeing said with a word of consenting ("tak, zgadzam się"), not a plain "ok" or "tak".</summary>
    public static bool SaysConsent(string? text) => Read(text) == true
        && TypedText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(w => Consenting.Contains(w) || LooseConsenting.Contains(Understanding.Transliteration.LooseCyrillic(w)));

    /// <summary>
    /// With the consent question on screen, a yes may say more: "Yes, that's fine, I'm okay with that", "та
    /// согласна я, пишіть уже", "Tak, chcę, żeby ktoś się tym zajął". It agrees when it opens with a yes or has a
    /// word of consenting anywhere, and nothing in it negates.
    /// </summary>
    public static bool? ReadAtQuestion(string? text)
    {
        if (Read(text) is { } read) return read;
        var words = TypedText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 40 || words.Any(w => Negating.Contains(w) && w != "no")) return null;
        var opensWithYes = OpeningYes.Contains(words[0]) || words is ["no", "to" or "dobra" or "dobrze", ..];
        var consenting = words.Any(w => Consenting.Contains(w) || LooseConsenting.Contains(Understanding.Transliteration.LooseCyrillic(w)));
        // "ok. stop messaging me pls" opens with a yes but asks for something else.
        if (!consenting && AsksSomethingElse(WithoutAgreeing(text))) return null;
        return opensWithYes || consenting ? true : null;
    }

    private static bool AsksSomethingElse(string folded) =>
        MenuIntents.Match(folded) != MenuIntent.None || MenuIntents.SaysErase(folded)
        || IntentRecognizer.RulesInEachLanguage(folded).Any(i => i is not (IntentRecognizer.None or "thanks" or "greeting" or "talk_to_staff"));

    // A first word that is a yes of its own (not "to", "w", "moze" which open other sentences as well).
    private static readonly HashSet<string> OpeningYes = Words(
        "tak", "ok", "okej", "oki", "dobrze", "dobra", "jasne", "pewnie", "oczywiscie", "zgoda", "spoko",
        "так", "добре", "гаразд", "звісно", "звичайно", "ок", "yes", "yeah", "yep", "sure", "okay", "alright",
        "да", "хорошо", "конечно", "ладно");

    /// <summary>The text after its leading words of agreeing and politeness: "да, запишите меня" → "запишите меня".</summary>
    public static string WithoutAgreeing(string? text) => string.Join(' ', TypedText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .SkipWhile(w => Agreeing.Contains(w) || Neutral.Contains(w)));

    private static HashSet<string> Words(params string[] words) =>
        [.. words.SelectMany(w => TypedText.Fold(w).Split(' '))];
}
