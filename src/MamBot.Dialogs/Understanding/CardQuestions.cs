namespace MamBot.Dialogs.Understanding;

/// <summary>
/// Questions an event's card already answers: places left, when, where ("ile jest miejsc?", "о котрій?",
/// "where is it?"). Asked at the card, the card shown again is the answer.
/// </summary>
public static class CardQuestions
{
    private static readonly string[] AboutTheCard = IntentRules.Fold(
        "miejsc", "wolne", "wolnych", "zapisanych", "kiedy", "o ktorej", "ktora godzin", "gdzie", "w ktorej sali",
        "jak dlugo", "do ktorej", "ile trwa",
        "місц", "вільн", "коли", "о котрій", "котра година", "де ", "в якій залі", "скільки триває", "до котрої", "до скільк",
        "мест", "свободн", "когда", "во сколько", "где ", "до скольки",
        "places", "place left", "spots", "spot", "seats", "space", "full", "when", "what time", "where", "which room",
        "how long", "until when", "in total", "how many people");

    // About the centre, not the event: "до котрої ви сьогодні працюєте?", "do której jesteście otwarci?".
    private static readonly string[] AboutTheCentre = IntentRules.Fold(
        "otwar", "czynn", "pracujec", "jestescie", "працюєте", "працює", "відчин", "відкрит", "работает", "работаете",
        "открыт", "open", "close", "you guys");

    public static bool AnsweredByTheCard(string? text)
    {
        var padded = IntentRules.Padded(text);
        return Conversation.TypedRepair.IsQuestion(text) && IntentRules.StartsAWord(padded, AboutTheCard)
            && !IntentRules.StartsAWord(padded, AboutTheCentre);
    }
}
