using System.Text.Json;

namespace MamBot.Dialogs.Conversation;

/// <summary>
/// What the bot says: text, optional rows of buttons, optional file (.ics, data export), and for a few nudges the
/// facts a Messenger utility template needs when the 24-hour window is closed. A queued nudge may instead say
/// what to compose when it is sent (<see cref="Later"/>; no text yet).
/// </summary>
public sealed record Reply(string Text, IReadOnlyList<IReadOnlyList<Button>> Buttons, ReplyFile? File = null, UtilityMessage? Utility = null,
    LaterMessage? Later = null)
{
    public static Reply Plain(string text) => new(text, []);

    /// <summary>A message composed when it is sent, in the resident's language then (see <see cref="LaterMessageComposer"/>).</summary>
    public static Reply ComposedLater(string recipe, params (string Name, object Value)[] inputs) =>
        new("", [], Later: new LaterMessage(recipe,
            inputs.ToDictionary(i => i.Name, i => Convert.ToString(i.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")));

    public static Reply WithButtons(string text, params IReadOnlyList<Button>[] rows) => new(text, rows);

    public static Reply WithRow(string text, params Button[] buttons) => new(text, [buttons]);

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static Reply FromJson(string json) =>
        JsonSerializer.Deserialize<Reply>(json, JsonOptions) ?? throw new JsonException("Empty reply body.");

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

/// <summary>A button: the title residents see and the short payload we get back (fits Telegram's 64 bytes).</summary>
public sealed record Button(string Title, string Payload);

public sealed record ReplyFile(string FileName, string ContentType, byte[] Content);
