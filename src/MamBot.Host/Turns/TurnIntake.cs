using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using MamBot.Host.Cluster;

namespace MamBot.Host.Turns;

/// <summary>
/// What the pushing channels (Telegram, Messenger) do around a resident's turn: the flood guard before it,
/// the delivering host's lane for the chat after it.
/// </summary>
public sealed class TurnIntake(ChatFloodGuard flood, Handover handover)
{
    /// <summary>
    /// Runs the turn in the caller's scope and hands its replies to the chat's lane (for a repeated update: the
    /// replies of its first handling that have not left yet). Null when the message was ignored as a flood.
    /// </summary>
    public async Task<TurnResult?> RunAsync(IServiceProvider services, Activity activity, CancellationToken ct)
    {
        var turn = await flood.CheckAsync(activity.Channel, activity.ChatId, ct) switch
        {
            FloodVerdict.Ignore => null,
            FloodVerdict.SlowDown => await SlowDownAsync(services.GetRequiredService<OutboxStore>(), activity, ct),
            _ => await services.GetRequiredService<ConversationEngine>().HandleAsync(activity, ct),
        };
        if (turn is null) return null;
        await handover.RepliesAsync(activity.Channel, activity.ChatId, turn.OutboxIds, ct);
        foreach (var message in turn.Forwarded) await handover.RepliesAsync(message.Channel!, message.ChatId!, [message.Id], ct);
        return turn;
    }

    private static async Task<TurnResult> SlowDownAsync(OutboxStore outbox, Activity activity, CancellationToken ct)
    {
        var turnKey = activity.UpdateId ?? Guid.NewGuid().ToString("N");
        var line = await outbox.EnqueueAsync(new OutboxMessage
        {
            IdempotencyKey = OutboxStore.ReplyKeyPrefix(activity.Channel, activity.ChatId, turnKey) + "flood",
            Kind = OutboxKind.Reply,
            Channel = activity.Channel,
            ChatId = activity.ChatId,
            Body = Reply.Plain(T.FloodSlowDown).ToJson(),
        }, ct);
        return new TurnResult([line.Id], IsDuplicate: false);
    }
}
