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
    public static SendPriority Of(OutboxMessage message, bool firstOfTurn = false) =>
        message.Kind != OutboxKind.Reply ? SendPriority.Proactive
        : firstOfTurn ? SendPriority.FirstReply : SendPriority.Reply;
}
