using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Conversations;

public sealed class ConversationStore(MamDbContext db, TimeProvider time)
{
    /// <summary>
    /// Records the update as handled; false when it was handled before (a platform redelivery or a client retry).
    /// One statement: the key decides.
    /// </summary>
    public async Task<bool> TryMarkProcessedAsync(string channel, string updateId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"ProcessedUpdates\" (\"Channel\", \"UpdateId\", \"ProcessedUtc\") VALUES ({channel}, {updateId}, {now}) ON CONFLICT DO NOTHING",
            ct) == 1;
    }

    /// <summary>The saved state; the row stays tracked, so saving it after the turn needs no second read.</summary>
    public async Task<string?> LoadAsync(string channel, string chatId, CancellationToken ct) =>
        (await RowAsync(channel, chatId, ct))?.StateJson;

    private async Task<ConversationState?> RowAsync(string channel, string chatId, CancellationToken ct) =>
        db.ConversationStates.Local.FirstOrDefault(s => s.Channel == channel && s.ChatId == chatId)
        ?? await db.ConversationStates.FirstOrDefaultAsync(s => s.Channel == channel && s.ChatId == chatId, ct);

    /// <summary>
    /// Where the conversation stands, saved with the caller's other changes; null (nothing in progress) keeps no
    /// row at all.
    /// </summary>
    public async Task KeepAsync(string channel, string chatId, string? stateJson, CancellationToken ct)
    {
        var row = await RowAsync(channel, chatId, ct);
        if (stateJson is null)
        {
            if (row is not null) db.ConversationStates.Remove(row);
        }
        else if (row is null)
        {
            db.ConversationStates.Add(new ConversationState { Channel = channel, ChatId = chatId, StateJson = stateJson, UpdatedUtc = time.GetUtcNow().UtcDateTime });
        }
        else
        {
            row.StateJson = stateJson;
            row.UpdatedUtc = time.GetUtcNow().UtcDateTime;
        }
    }

    /// <summary>Counts one more failed attempt at an update; true when it has failed often enough to give up.</summary>
    public async Task<bool> RecordFailureAsync(string channel, string updateId, string? chatId, string error, string rawJson, int maxAttempts, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var failed = await db.FailedUpdates.FirstOrDefaultAsync(f => f.Channel == channel && f.UpdateId == updateId, ct);
        if (failed is null)
        {
            failed = new FailedUpdate { Channel = channel, UpdateId = updateId, ChatId = chatId, LastError = error, RawJson = rawJson, FirstFailedUtc = now };
            db.FailedUpdates.Add(failed);
        }
        failed.Attempts++;
        failed.LastError = error;
        failed.LastFailedUtc = now;
        failed.GaveUp = failed.Attempts >= maxAttempts;
        await db.SaveChangesAsync(ct);
        return failed.GaveUp;
    }

    public Task<bool> HasGivenUpAsync(string channel, string updateId, CancellationToken ct) =>
        db.FailedUpdates.AnyAsync(f => f.Channel == channel && f.UpdateId == updateId && f.GaveUp, ct);
}
