using MamBot.Data.Centres;
using MamBot.Data.Residents;

namespace MamBot.Dialogs.Conversation;

/// <summary>One turn: what came in, who it is, the stack, and the replies so far.</summary>
public sealed class DialogContext(Activity activity, Centre centre, Resident? resident, ConversationData data, DialogSet dialogs)
{
    private readonly List<Reply> _replies = [];
    private readonly List<Data.Outbox.OutboxMessage> _forwarded = [];

    public Activity Activity { get; private set; } = activity;
    public Centre Centre { get; } = centre;
    public Resident? Resident { get; set; } = resident;
    public ConversationData Data { get; } = data;
    public IReadOnlyList<Reply> Replies => _replies;

    /// <summary>Messages this turn queued for another chat, to be delivered right after it (see <see cref="TurnResult"/>).</summary>
    public IReadOnlyList<Data.Outbox.OutboxMessage> Forwarded => _forwarded;

    public void Forward(Data.Outbox.OutboxMessage message) => _forwarded.Add(message);

    /// <summary>Set when the resident's data was erased in this turn: nothing about them may be saved again.</summary>
    public bool Forgotten { get; private set; }

    public DialogFrame? ActiveFrame => Data.Stack.Count == 0 ? null : Data.Stack[^1];
    public string? Text => Activity.Text;
    public string? Payload => Activity.Payload;

    public TimeZoneInfo TimeZone => Centre.TimeZone;
    public DateTimeOffset Now => Activity.Timestamp;

    public void Say(Reply reply) => _replies.Add(reply);
    public void Say(string text) => _replies.Add(Reply.Plain(text));

    /// <summary>A line that belongs before everything else the turn says (the language it is answered in).</summary>
    internal void SayFirst(Reply reply) => _replies.Insert(0, reply);

    public async Task BeginDialogAsync(string dialogId, string? argument, CancellationToken ct)
    {
        var dialog = dialogs.Find(dialogId);
        Data.Stack.Add(new DialogFrame { DialogId = dialogId });
        await dialog.BeginAsync(this, argument, ct);
    }

    /// <summary>Ends the dialog on top and hands <paramref name="result"/> to the one below, if any.</summary>
    public async Task EndDialogAsync(string? result, CancellationToken ct)
    {
        if (Data.Stack.Count > 0) Data.Stack.RemoveAt(Data.Stack.Count - 1);
        if (ActiveFrame is { } parent) await dialogs.Find(parent.DialogId).ResumeAsync(this, result, ct);
    }

    public void CancelAll() => Data.Stack.Clear();

    /// <summary>Goes on in the same turn with another thing the resident did (an action put off until consent).</summary>
    internal void Continue(Activity next) => Activity = next;

    public void Forget()
    {
        CancelAll();
        Resident = null;
        Forgotten = true;
    }

    internal Dialog? ActiveDialog => ActiveFrame is { } frame ? dialogs.TryFind(frame.DialogId) : null;
}
