using MamBot.Data.Residents;

namespace MamBot.Dialogs.Understanding;

/// <summary>
/// Requests that a verb and its object decide, wherever they stand in the sentence and whatever synonym the
/// resident picks: a cancelling verb with a booking is cancel_booking ("scrap my reservation"), with a sign-up it
/// is leave_event ("cancel my sign-up"); supporting or voting for an idea is browse_ideas, never proposing one;
/// asking to be put through to a person is talk_to_staff. They overrule the classifier, which hears "my booking"
/// in "scrap my booking". Tried in order; a phrase with no objects decides alone. Stems start a word.
/// </summary>
internal static class IntentPairs
{
    private sealed record Pair(string Intent, string[] Verbs, string[] Objects);

    /// <summary>The intent a verb and its object decide, or none; Latin Ukrainian meets Cyrillic stems loosely.</summary>
    public static string Match(string folded, string language, bool latin)
    {
        var key = latin ? Transliteration.Loose : (Func<string, string>)(s => s);
        var padded = " " + key(latin ? Transliteration.ToCyrillic(folded) : folded) + " ";
        foreach (var pair in For(language))
        {
            if (pair.Verbs.Any(v => padded.Contains(" " + key(v), StringComparison.Ordinal))
                && (pair.Objects.Length == 0 || pair.Objects.Any(o => padded.Contains(" " + key(o),
                    StringComparison.Ordinal))))
                return pair.Intent;
        }
        return IntentRecognizer.None;
    }

    private static Pair[] For(string language) => language switch
    {
        Languages.Ukrainian => Ukrainian,
        Languages.English => English,
        Languages.Russian => Russian,
        _ => Polish,
    };

    private static Pair P(string intent, string[] verbs, params string[] objects) =>
        new(intent, IntentRules.Fold(verbs), IntentRules.Fold(objects));

    private static readonly Pair[] Polish =
    [
        P("leave_event", ["nie biore udzial", "nie wezme udzial", "nie wchodze", "nie przyjde",
            "nie dam rady przyjsc"]),
        P("cancel_booking", ["odwol", "anul", "usun", "skasuj", "skasowac", "wycofaj", "wycofac", "rezygnuj",
            "zrezygn", "kasuj"],
            "rezerw", "sale ", "sali", "kuchni", "kuchnie"),
        P("leave_event", ["odwol", "anul", "usun", "skasuj", "wycofaj", "wycofac", "rezygnuj", "zrezygn", "skresl",
            "wykresl"],
            "zapis", "udzial", "miejsc", "z listy", "liste"),
        P("register_event", ["biore udzial", "wezme udzial", "wchodze w to", "wchodze", "dolaczam", "dolacze",
            "pisze sie",
            "licz na mnie", "liczcie na mnie", "dopiszcie mnie", "dopisz mnie"]),
        P("browse_ideas", ["poprzec", "poprzyj", "popieram", "popiera", "poparc", "poprzeme", "poprzemy"]),
        P("browse_ideas", ["glosowac na", "zaglosowac na", "zaglosuj na", "glosuje na", "polubic", "polub", "wesprzec",
            "wesprzyj",
            "wspierac", "wspieram"], "pomysl", "inicjatyw", "propozycj"),
        P("talk_to_staff", ["polacz mnie", "polaczcie mnie", "przelacz mnie", "przelaczcie mnie", "polaczyc z",
            "porozmawiac z",
            "rozmawiac z", "pogadac z", "mowic z"], "koordynator", "kims", "kogos", "czlowiek", "osoba", "pracownik",
                "animator",
            "konsultant", "zespol", "obslug", "kierownik", "recepcj"),
    ];

    private static readonly Pair[] English =
    [
        P("leave_event", ["take me off", "cross me off", "strike me off", "scratch me off", "take my name off",
            "remove me from",
            "count me out", "im out", "i m out", "wont be there", "won t be there"]),
        P("cancel_booking", ["cancel", "scrap", "call off", "calling off", "drop", "delete", "remove", "undo",
            "revoke", "ditch",
            "get rid of", "axe", "nix", "withdraw"], "booking", "reservation", "room", "hall", "kitchen"),
        P("leave_event", ["cancel", "scrap", "call off", "drop", "delete", "remove", "undo", "withdraw", "give up",
            "pull out of"],
            "sign up", "sign-up", "signup", "registration", "place", "spot", "seat", "attendance", "enrol", "rsvp"),
        P("register_event", ["count me in", "im in", "i m in", "sign me up", "put me down for", "put my name down",
            "book me in",
            "save me a", "ill be there", "i ll be there", "i will be there", "register me", "enrol me", "enroll me",
                "add me to",
            "include me"]),
        // Never "like": "I'd like to suggest an idea" proposes one.
        P("browse_ideas", ["support", "back a", "back the", "back this", "back my", "vote for", "vote on", "upvote",
            "endorse"],
            "idea", "initiative", "proposal", "suggestion"),
        P("talk_to_staff", ["put me through", "connect me", "transfer me", "get me the coordinator", "speak to someone",
            "speak with someone", "talk to someone", "talk with someone", "speak to a ", "talk to a ", "speak with a ",
            "talk with a ", "speak to the", "talk to the", "can i speak", "could i speak", "may i speak"]),
    ];

    private static readonly Pair[] Ukrainian =
    [
        P("leave_event", ["не прийду", "не зможу прийти", "не беру участ", "не візьму участ"]),
        // Never "зняти": "зняти зал" is renting it.
        P("cancel_booking", ["скасу", "скасов", "відмін", "видал", "анулю"], "брон", "резерв", "зал", "кімнат",
            "кухн"),
        P("leave_event", ["скасу", "скасов", "відмін", "видал", "анулю", "випиш", "відпиш", "викресл"], "запис",
            "участ", "місце",
            "списку"),
        P("register_event", ["запишіть мене", "запиши мене", "беру участь", "візьму участь", "я в ділі", "долучаюсь",
            "долучаюся",
            "приєднуюсь", "приєднуюся", "рахуйте мене", "зареєструйте мене"]),
        P("browse_ideas", ["підтримати", "підтримую", "підтримай", "підтримайте", "підтримаю"]),
        P("browse_ideas", ["проголос", "голосува", "вподоба", "лайкн"], "іде", "ініціатив", "пропозиц"),
        P("talk_to_staff", ["зєднайте", "зєднай", "зєднати", "переключіть", "покличте", "поговорити з", "звязатися з",
            "звязати з",
            "з координатор", "з адміністратор", "з оператор"]),
    ];

    private static readonly Pair[] Russian =
    [
        P("leave_event", ["не приду", "не смогу прийти", "не смогу быть"]),
        P("cancel_booking", ["отмен", "удали", "удалит", "аннулир"], "брон", "резерв", "зал", "комнат", "кухн"),
        P("leave_event", ["отмен", "удали", "удалит", "выпиш", "отпиш", "вычеркн"], "запис", "участ", "место",
            "списка"),
        P("register_event", ["запишите меня", "запиши меня", "участвую", "я в деле", "буду участвовать",
            "присоединяюсь",
            "зарегистрируйте меня"]),
        P("browse_ideas", ["поддержать", "поддерживаю", "поддержи", "поддержу"]),
        P("browse_ideas", ["проголос", "голосова"], "иде", "инициатив", "предложени"),
        P("talk_to_staff", ["соедините", "соедини", "переключите", "позовите", "поговорить с", "связаться с",
            "с человеком",
            "с координатор", "с администратор", "с оператор", "живой человек"]),
    ];
}
