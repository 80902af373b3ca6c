using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Conversation;

/// <summary>
/// Typing what a button on the screen says acts as pressing it ("moje zapisy", "wyłącz ciekawostki", "dwa" for
/// "2"); "wstecz", "cofnij" or "wróć" is the back button of a form or a survey (<see cref="FormDialog.BackPayload"/>),
/// and "zapisz mnie", "tak" or "biorę udział" the sign-up on an event's card (and the same in the language spoken,
/// <see cref="TypedWords"/>). The screen is the last message with buttons.
/// </summary>
public static class TypedButtons
{
    // Other words for a button, by its payload's start: on an event's card "zapisz mnie" is "Zapisuję się";
    // after "Wyłączyć wszystkie wiadomości?" a typed "tak" is "Tak, wyłącz".
    private static readonly (string PayloadStart, TypedWords Words)[] Aliases =
        [("events:join:", TypedWords.JoinEvent), ("settings:stop", TypedWords.Yes)];

    /// <summary>The buttons now on the screen, by the words that press them.</summary>
    public static Dictionary<string, string>? OnScreen(IReadOnlyList<Reply> replies)
    {
        var last = replies.LastOrDefault(r => r.Buttons.Count > 0);
        if (last is null) return null;
        var byWords = new Dictionary<string, string>();
        foreach (var button in last.Buttons.SelectMany(row => row))
            byWords.TryAdd(Words(button.Title), button.Payload);
        return byWords;
    }

    /// <summary>A screen with an action that needs consent: worth remembering before the resident has agreed.</summary>
    public static bool NeedsConsent(Dictionary<string, string>? screen) =>
        screen is not null && screen.Values.Any(p => ConsentFirst.Any(start => p.StartsWith(start, StringComparison.Ordinal)));

    // The consent question itself (its "no") is kept too: what a yes typed next answers depends on it being there.
    // A list of events too (event ids, nothing personal): "запишите меня на четверг" picks from it.
    private static readonly string[] ConsentFirst = ["events:join:", "events:show:", "bookat:", "handoff:start", "consent:no"];

    /// <summary>
    /// The payload of the button the resident typed, if the text is exactly one. Outside a dialog the main menu's
    /// own words are left to the recognizer: typed "mam pomysł" starts an idea, where the button shows the board.
    /// </summary>
    public static string? Pressed(string? text, ConversationData state)
    {
        var screen = state.Screen;
        if (screen is null || string.IsNullOrWhiteSpace(text) || text.Length > 60) return null;
        var words = Words(text);
        if (screen.TryGetValue(words, out var payload))
            return state.Stack.Count == 0 && payload.StartsWith("menu:", StringComparison.Ordinal) ? null : payload;
        // "wróć do tytułu", "повернутись назад" open with a back word; "wróć do menu" leaves instead (TypedRepair).
        var back = TypedWords.Back.Match(text) || TypedWords.Back.Opens(text) && !TypedRepair.IsLeaving(text);
        if (back && screen.ContainsValue(FormDialog.BackPayload)) return FormDialog.BackPayload;
        foreach (var (start, aliases) in Aliases)
        {
            var target = screen.Values.Where(p => p.StartsWith(start, StringComparison.Ordinal)).Distinct().ToList();
            // A card's single main action also takes the yes-words of agreeing: "tak, proszę", "dobrze", "ok".
            var plain = WithoutPleasing(text);
            if (target.Count == 1 && (aliases.Match(plain) || aliases.Match(Welcome.TypedConsent.WithoutAgreeing(plain))
                || Welcome.TypedConsent.Read(text) == true || YesAndMore(text))) return target[0];
        }
        if (Answering(text, screen) is { } answered) return answered;
        return TypedDates.NumberWord(words) is { } number
            && screen.TryGetValue(number.ToString(System.Globalization.CultureInfo.InvariantCulture), out var digit) ? digit : null;
    }

    /// <summary>
    /// "Tak, wypisz mnie" / "Nie, zostaję", "Так, скасувати" / "Ні, залишаюся": a question's buttons that open with a
    /// yes- or a no-word are pressed by that word typed ("tak", "ok, dobrze", "нет"), when just one opens so.
    /// </summary>
    private static string? Answering(string text, Dictionary<string, string> screen)
    {
        // "tak", "ok, dobrze", and a yes that says again what the button does: "так, видаляйте", "tak, wypisz".
        var yes = TypedWords.Yes.Match(text) || TypedWords.Yes.Match(Welcome.TypedConsent.WithoutAgreeing(text))
            || Welcome.TypedConsent.Read(text) == true || YesAndMore(text);
        var no = !yes && (TypedWords.No.Match(text) || Welcome.TypedConsent.Read(text) == false);
        if (!yes && !no) return null;
        // Consent is given only in words that read as consent (TypedConsent), never by "так, видалити".
        var opening = screen.Where(b => !b.Value.StartsWith("consent:", StringComparison.Ordinal))
            .Where(b => b.Key.Split(' ', 2)[0] is { Length: > 0 } first
            && (yes ? TypedWords.Yes : TypedWords.No).Match(first)).Select(b => b.Value).Distinct().ToList();
        if (opening.Count == 1) return opening[0];
        // "так, будь ласка" to "…someone from the team can help [Write to a person | Menu]": the yes takes the offer.
        // Only a short offer, never the main menu, where "tak" chooses nothing.
        var plain = TypedWords.Yes.Match(text) || Welcome.TypedConsent.Read(text) == true; // "ok. and the address?" is not
        var offers = plain && screen.Count <= 3 ? screen.Values.Where(p => Offers.Any(o => p.StartsWith(o, StringComparison.Ordinal))).Distinct().ToList() : [];
        return offers.Count == 1 ? offers[0] : null;
    }

    private static readonly string[] Offers = ["handoff:start", "bookat:"];

    // "да, запишите меня пожалуйста", "sign me up please": the please and the thanks change nothing.
    private static readonly HashSet<string> Pleasing = [.. IntentRules.Fold("prosze", "poprosze", "dziekuje", "dzieki",
        "please", "pls", "plz", "thanks", "thank you", "будь ласка", "дякую", "пожалуйста", "спасибо")];

    private static string WithoutPleasing(string text)
    {
        var folded = " " + TypedText.Fold(text) + " ";
        foreach (var word in Pleasing) folded = folded.Replace(" " + word + " ", " ", StringComparison.Ordinal);
        return folded.Trim();
    }

    /// <summary>A short message opening with a yes-word, no word of refusing after it: "tak, wypisz mnie".</summary>
    private static bool YesAndMore(string text)
    {
        var clauses = text.Split([',', '.', '!', ';', '–', '—'], 2, StringSplitOptions.TrimEntries);
        var words = TypedText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return clauses.Length == 2 && TypedWords.Yes.Match(clauses[0]) && words.Length <= 5
            && !words.Skip(1).Any(w => TypedWords.No.Match(w) || w is "nie" or "не" or "ні" or "not" or "dont");
    }

    /// <summary>Folded letters and digits only: "‹ Wcześniej" and "wczesniej" are the same words.</summary>
    private static string Words(string text) =>
        TypedText.Fold(new string([.. text.Select(c => char.IsLetterOrDigit(c) ? c : ' ')]));
}
