using MamBot.Data.Outbox;

namespace MamBot.Host.Outbox;

/// <summary>Who goes first when a platform's shared budget is short: the resident who is waiting for an answer.</summary>
public enum SendPriority
{
    /// <summary>The first reply of a turn: what a resident is looking at the screen for.</summary>
    FirstReply = 0,

    /// <summary>The rest of a turn's replies.</summary>
    Reply = 1,

    /// <summary>Reminders, digests, broadcasts: nobody is watching the screen for them.</summary>
    Proactive = 2,
}

public static class SendPriorities
{
    /// <summary>A turn's replies, by their place in the turn.</summary>
    public static SendPriority OfReply(int index) => index == 0 ? SendPriority.FirstReply : SendPriority.Reply;

    /// <summary>A queued row whose place in its turn is not known any more (picked up by the dispatch job).</summary>
    public static SendPriority Of(OutboxKind kind) => OutboxMessage.IsAnswer(kind) ? SendPriority.Reply : SendPriority.Proactive;
}
