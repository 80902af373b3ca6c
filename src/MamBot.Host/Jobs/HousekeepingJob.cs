using MamBot.Data;
using MamBot.Data.Conversations;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Settings;
using MamBot.Host.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Jobs;

/// <summary>
/// Nightly: forget what we no longer need (old replies, web chat history, update ids, abandoned conversations,
/// residents silent for too long after a notice, the flood guards' spent allowances).
/// </summary>
public sealed class HousekeepingJob(OutboxStore outbox, InboundStore inbound, MamDbContext db, ResidentRetention retention, TimeProvider time, IOptions<JobsOptions> options)
{
    public const string Id = "housekeeping";

    /// <summary>A run commits once; the write-ahead log is emptied right after that commit.</summary>
    public Task RunAsync(CancellationToken ct) => db.InOneWriteAsync(async ct =>
    {
        await ForgetAsync(ct);
        return true;
    }, ct);

    private async Task ForgetAsync(CancellationToken ct)
    {
        var keep = TimeSpan.FromDays(options.Value.KeepRepliesDays);
        await outbox.PruneRepliesAsync(keep, ct);
        await inbound.PruneHandledAsync(keep, ct);
        var cutoff = time.GetUtcNow().UtcDateTime - keep;
        // Inside the run's one write transaction (RunAsync): at the gate, as every write.
        await db.ProcessedUpdates.Where(u => u.ProcessedUtc < cutoff).ExecuteDeleteAsync(ct);
        await db.MailboxMessages.Where(m => m.CreatedUtc < cutoff).ExecuteDeleteAsync(ct);
        // A conversation left half-way for a month starts afresh; its answers so far need not be kept.
        await db.ConversationStates.Where(s => s.UpdatedUtc < cutoff).ExecuteDeleteAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        await db.Throttles.Where(t => t.ExpiresUtc <= now).ExecuteDeleteAsync(ct); // spent allowances of the flood guards
        await retention.RunAsync(ct);
        await db.ForgetDeletedBytesAsync(ct); // also for erasures asked in a chat turn, whose transaction could not
    }
}
