using Hangfire;
using MamBot.Data.Outbox;
using MamBot.Host.Cluster;
using MamBot.Host.Outbox;

namespace MamBot.Host.Jobs;

/// <summary>
/// Every minute: hand what is due in the outbox (nudges, and replies a crash left behind) to the chats' delivery
/// lanes, round after round until nothing is due, so a big batch goes out at the channel's pace instead of one
/// batch a minute. Claims left by a send that never finished are resolved first. Hangfire runs it on any one
/// host; when that is not the host holding the platform lease, it only passes the word on.
/// </summary>
public sealed class OutboxDispatchJob(
    IServiceScopeFactory scopes,
    DeliveryLanes lanes,
    PlatformLease lease,
    Handover handover,
    DeliveryLedger ledger,
    TimeProvider time,
    OutboxDispatchJob.Gate gate)
{
    public const string Id = "outbox-dispatch";

    /// <summary>A bound on one run (rounds of up to 200), in case something keeps becoming due again.</summary>
    private const int MaxRounds = 500;
    private const int RoundSize = 200;

    /// <summary>No send takes this long (HTTP time-outs, 429 waits): a claim this old belongs to a delivery that died.</summary>
    private static readonly TimeSpan InterruptedAfter = TimeSpan.FromMinutes(10);

    [AutomaticRetry(Attempts = 0)] // the next run a minute later is the retry
    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (await HandedOverAsync(ct)) return 0;
        // A run still draining a batch makes the next minute's run a no-op instead of a second feeder.
        if (!await gate.Semaphore.WaitAsync(0, ct)) return 0;
        return await DrainHoldingGateAsync(ct);
    }

    /// <summary>Like a run, but after the one under way (if any) instead of not at all: everything due now goes.</summary>
    public async Task<int> RunAfterAnyRunningAsync(CancellationToken ct)
    {
        if (await HandedOverAsync(ct)) return 0;
        await gate.Semaphore.WaitAsync(ct);
        return await DrainHoldingGateAsync(ct);
    }

    private async Task<bool> HandedOverAsync(CancellationToken ct)
    {
        if (lease.IsHeld) return false;
        if (!lease.IsShared)
        {
            await lease.WaitHeldAsync(ct); // the only host, in its first moments
            return false;
        }
        await handover.SendAsync(new HostSignal.DispatchDue(), ct);
        return true;
    }

    private async Task<int> DrainHoldingGateAsync(CancellationToken ct)
    {
        try
        {
            await ledger.WriteKeptAsync(ct); // what went out during an outage is no interrupted claim
            await using (var scope = scopes.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<OutboxStore>()
                    .ResolveInterruptedAsync(time.GetUtcNow().UtcDateTime - InterruptedAfter, ct);

            var total = 0;
            for (var round = 0; round < MaxRounds && !ct.IsCancellationRequested; round++)
            {
                IReadOnlyList<DueMessage> due;
                await using (var scope = scopes.CreateAsyncScope())
                    due = await scope.ServiceProvider.GetRequiredService<OutboxStore>().DueAsync(RoundSize, ct);
                if (due.Count == 0) break;

                var delivered = new List<Task>(due.Count);
                foreach (var message in due) delivered.Add(await lanes.EnqueueAsync(LaneItem.For(message), ct));
                await Task.WhenAll(delivered);
                total += due.Count;
            }
            return total;
        }
        finally
        {
            gate.Semaphore.Release();
        }
    }

    /// <summary>One feeder at a time in this process (claims keep it safe anyway; this keeps it calm).</summary>
    public sealed class Gate : IDisposable
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public void Dispose() => Semaphore.Dispose();
    }
}
