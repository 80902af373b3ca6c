using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using MamBot.Host.Security;
using MamBot.Host.Turns;

namespace MamBot.Host.Channels.WebChat;

/// <summary>
/// Limits how many new web chat conversations one network address may start in an hour, so a script cannot make
/// hundreds of fake residents. A conversation is new when this process has not admitted it and it has no replies
/// in its mailbox. The limit is generous: a family, the centre's computer or a phone network share one address.
/// The count per address is shared by all hosts.
/// </summary>
public sealed class NewConversationGuard(IOptions<FloodOptions> options, SharedThrottles throttles)
{
    private const int ForgetAbove = 50_000;
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, byte> _admitted = new();

    public async Task<bool> AdmitAsync(string conversationId, string address, OutboxStore outbox, CancellationToken ct)
    {
        var limit = options.Value.NewWebChatsPerHour;
        if (limit <= 0 || _admitted.ContainsKey(conversationId)) return true;
        if (await outbox.HasMailboxAsync(ChannelNames.WebChat, conversationId, ct)) return Remember(conversationId);
        return await TakeFromAsync(address, limit, ct) && Remember(conversationId);
    }

    private bool Remember(string conversationId)
    {
        // Known conversations are looked up again after a clear: one query, not a refusal.
        if (_admitted.Count > ForgetAbove) _admitted.Clear();
        _admitted.TryAdd(conversationId, 0);
        return true;
    }

    private Task<bool> TakeFromAsync(string address, int limit, CancellationToken ct) =>
        throttles.ChangeAsync<bool>("new-web-chats:" + address, (window, now) =>
        {
            if (window is null) return (new ThrottleState(1, now, now, false, now + Window), true);
            if (window.Amount >= limit) return (window, false);
            return (window with { Amount = window.Amount + 1, LastUtc = now }, true);
        }, ct);
}
