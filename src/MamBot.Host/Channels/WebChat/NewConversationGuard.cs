using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using MamBot.Host.Turns;

namespace MamBot.Host.Channels.WebChat;

/// <summary>
/// Limits how many new web chat conversations one network address may start in an hour, so a script cannot make
/// hundreds of fake residents. A conversation is new when this process has not admitted it and it has no replies
/// in its mailbox. The limit is generous: a family, the centre's computer or a phone network share one address.
/// </summary>
public sealed class NewConversationGuard(IOptions<FloodOptions> options, TimeProvider time)
{
    private const int ForgetAbove = 50_000;
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, byte> _admitted = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _addresses = [];

    public async Task<bool> AdmitAsync(string conversationId, string address, OutboxStore outbox, CancellationToken ct)
    {
        var limit = options.Value.NewWebChatsPerHour;
        if (limit <= 0 || _admitted.ContainsKey(conversationId)) return true;
        if (await outbox.HasMailboxAsync(ChannelNames.WebChat, conversationId, ct)) return Remember(conversationId);
        return TakeFrom(address, limit) && Remember(conversationId);
    }

    private bool Remember(string conversationId)
    {
        // Known conversations are looked up again after a clear: one query, not a refusal.
        if (_admitted.Count > ForgetAbove) _admitted.Clear();
        _admitted.TryAdd(conversationId, 0);
        return true;
    }

    private bool TakeFrom(string address, int limit)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_addresses.Count > ForgetAbove) ForgetEndedWindows(now);
            var (start, count) = _addresses.GetValueOrDefault(address, (now, 0));
            if (now - start >= Window) (start, count) = (now, 0);
            if (count >= limit) return false;
            _addresses[address] = (start, count + 1);
            return true;
        }
    }

    private void ForgetEndedWindows(DateTimeOffset now)
    {
        foreach (var (address, window) in _addresses.ToList())
            if (now - window.Start >= Window) _addresses.Remove(address);
    }
}
