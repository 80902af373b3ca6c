using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Conversations;

/// <summary>Platform events kept from arrival until they have been handled.</summary>
public sealed class InboundStore(MamDbContext db, TimeProvider time)
{
    /// <summary>Stores the event once; false when this event id was stored before (a redelivery).</summary>
    public async Task<bool> TryStoreAsync(string channel, string eventId, string chatId, string rawJson, CancellationToken ct)
    {
        if (await db.InboundEvents.AnyAsync(e => e.Channel == channel && e.EventId == eventId, ct)) return false;
        var row = new InboundEvent { Channel = channel, EventId = eventId, ChatId = chatId, RawJson = rawJson, ReceivedUtc = time.GetUtcNow().UtcDateTime };
        db.InboundEvents.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (!StorageFault.Is(ex)) // a full disk must not pass for a duplicate
        {
            db.Entry(row).State = EntityState.Detached; // the same event arrived twice at once: the other one stands
            return false;
        }
    }

    public async Task<IReadOnlyList<InboundEvent>> PendingAsync(string channel, int limit, CancellationToken ct) =>
        await db.InboundEvents.Where(e => e.Channel == channel && e.Status == InboundStatus.Pending)
            .OrderBy(e => e.Id).Take(limit).ToListAsync(ct);

    /// <summary>A chat's stored events not handled yet, in the platform's order (numeric ids, as Telegram's update ids are).</summary>
    public async Task<IReadOnlyList<InboundEvent>> PendingForChatAsync(string channel, string chatId, CancellationToken ct)
    {
        var pending = await db.InboundEvents.AsNoTracking()
            .Where(e => e.Channel == channel && e.ChatId == chatId && e.Status == InboundStatus.Pending).ToListAsync(ct);
        return [.. pending.OrderBy(e => long.TryParse(e.EventId, out var number) ? number : long.MaxValue).ThenBy(e => e.Id)];
    }

    public Task<bool> IsPendingAsync(string channel, string eventId, CancellationToken ct) =>
        db.InboundEvents.AnyAsync(e => e.Channel == channel && e.EventId == eventId && e.Status == InboundStatus.Pending, ct);

    /// <summary>Handled, and nothing more to keep it for: the turn itself remembers the update was handled.</summary>
    /// <remarks>Every write here takes the write gate: one outside it meets a gated writer's lock and waits.</remarks>
    public Task ForgetAsync(long id, CancellationToken ct) =>
        db.BulkWriteAsync(ct => db.InboundEvents.Where(e => e.Id == id).ExecuteDeleteAsync(ct), ct);

    private long? _handledByTurn;

    /// <summary>The stored event this scope's turn handles: it is forgotten in the turn's own commit.</summary>
    public void HandledByTurn(long id) => _handledByTurn = id;

    /// <summary>Inside the turn's transaction: the event goes with the turn, in the same commit, or not at all.</summary>
    public async Task ForgetWithTurnAsync(CancellationToken ct)
    {
        if (_handledByTurn is not { } id) return;
        await db.InboundEvents.Where(e => e.Id == id).ExecuteDeleteAsync(ct);
    }

    /// <summary>Still stored: its turn did not forget it (a repeat, a flood ignored, a failure given up on).</summary>
    public Task<bool> IsStoredAsync(long id, CancellationToken ct) => db.InboundEvents.AnyAsync(e => e.Id == id, ct);

    /// <summary>The chats with stored events not handled yet, oldest first: what a crash or a failure left behind.</summary>
    public async Task<IReadOnlyList<string>> ChatsWithPendingAsync(string channel, CancellationToken ct) =>
        await db.InboundEvents.AsNoTracking().Where(e => e.Channel == channel && e.Status == InboundStatus.Pending)
            .GroupBy(e => e.ChatId).Select(g => new { Chat = g.Key, First = g.Min(e => e.Id) })
            .OrderBy(c => c.First).Select(c => c.Chat).ToListAsync(ct);

    public Task MarkDoneAsync(long id, CancellationToken ct) =>
        db.BulkWriteAsync(ct => db.InboundEvents.Where(e => e.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, InboundStatus.Done), ct), ct);

    /// <summary>Counts a failed attempt; after <paramref name="maxAttempts"/> the event is parked for staff.</summary>
    public Task RecordFailureAsync(long id, string error, int maxAttempts, CancellationToken ct) =>
        db.BulkWriteAsync(ct => db.InboundEvents.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Attempts, e => e.Attempts + 1)
            .SetProperty(e => e.LastError, error)
            .SetProperty(e => e.Status, e => e.Attempts + 1 >= maxAttempts ? InboundStatus.Parked : InboundStatus.Pending), ct), ct);

    /// <summary>Handled events are kept only briefly (they hold what residents wrote).</summary>
    public Task<int> PruneHandledAsync(TimeSpan keep, CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - keep;
        return db.BulkWriteAsync(ct => db.InboundEvents.Where(e => e.Status == InboundStatus.Done && e.ReceivedUtc < cutoff).ExecuteDeleteAsync(ct), ct);
    }
}
