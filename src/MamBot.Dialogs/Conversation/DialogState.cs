using System.Text.Json;

namespace MamBot.Dialogs.Conversation;

/// <summary>Where a conversation stands: the dialog stack and the buttons on the screen. Persisted as JSON after every turn.</summary>
public sealed class ConversationData
{
    public List<DialogFrame> Stack { get; set; } = [];

    /// <summary>The buttons of the last message, by the words that press them (see <see cref="TypedButtons"/>).</summary>
    public Dictionary<string, string>? Screen { get; set; }

    /// <summary>Set while the chat is handed to the team (see <see cref="Handoffs.HandoffDesk"/>): the assistant stays quiet.</summary>
    public long? HandoffId { get; set; }

    /// <summary>Typed messages in a row the assistant did not understand; the second one offers a person.</summary>
    public int NotUnderstoodInRow { get; set; }

    /// <summary>The language chosen before consent (nothing is kept about a resident until then); after it, the resident's.</summary>
    public string? Language { get; set; }

    /// <summary>
    /// The resident chose the language (a button, or asked for it in words): it is kept whatever they type. Until
    /// then the chat follows the language they write in (see <see cref="Settings.LanguageActions.Followed"/>).
    /// </summary>
    public bool LanguageChosen { get; set; }

    /// <summary>
    /// What the resident asked for when consent was needed first (a button's payload, or "text:" and the words):
    /// done right after they agree. Dropped when they decline.
    /// </summary>
    public string? AfterConsent { get; set; }

    /// <summary>
    /// The room and day the last answer was about ("Sala duża", Saturday), for the next sentence that leaves them
    /// out: "a wolna w sobotę?", "to zarezerwuj od 18". Gone after any other typed request.
    /// </summary>
    public Topic? Topic { get; set; }

    public string? ToJson() =>
        Stack.Count == 0 && Screen is null && HandoffId is null && NotUnderstoodInRow == 0 && Language is null
            && AfterConsent is null && Topic is null && !LanguageChosen
            ? null : JsonSerializer.Serialize(this);

    public static ConversationData FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? new() : JsonSerializer.Deserialize<ConversationData>(json) ?? new();
}

/// <summary>What "she", "it" and "then" point at: a room (its id) and a day talked about.</summary>
public sealed record Topic(int? RoomId, DateOnly? Day);

/// <summary>One dialog on the stack: which dialog, the step it waits at, what it has collected, which buttons it offered.</summary>
public sealed class DialogFrame
{
    public string DialogId { get; set; } = "";
    public string Step { get; set; } = "";
    public Dictionary<string, string> Values { get; set; } = [];

    /// <summary>Payloads of the buttons this dialog last showed; any other non-global payload is a stale button.</summary>
    public List<string> Expects { get; set; } = [];
}
