using Hangfire;
using MamBot.Host.Outbox;

namespace MamBot.Host.Jobs;

/// <summary>
/// Every minute: deliver what is due in the outbox (nudges, and replies a crash left behind). A run keeps
/// draining until nothing is due, so a big batch goes out at the channel's pace instead of one batch a minute.
/// </summary>
public sealed class OutboxDispatchJob(IServiceScopeFactory scopes, OutboxDispatchJob.Gate gate)
{
    public const string Id = "outbox-dispatch";

    /// <summary>A bound on one run (rounds of up to 200), in case something keeps becoming due again.</summary>
    private const int MaxRounds = 500;

    [AutomaticRetry(Attempts = 0)] // the next run a minute later is the retry
    public async Task<int> RunAsync(CancellationToken ct)
    {
        // A run still draining a batch makes the next minute's run a no-op instead of a second sender.
        if (!await gate.Semaphore.WaitAsync(0, ct)) return 0;
        try
        {
            var total = 0;
            for (var round = 0; round < MaxRounds && !ct.IsCancellationRequested; round++)
            {
                // A fresh scope per round: one DbContext tracking thousands of sent rows slows every save.
                await using var scope = scopes.CreateAsyncScope();
                var delivered = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(ct);
                total += delivered;
                if (delivered == 0) break;
            }
            return total;
        }
        finally
        {
            gate.Semaphore.Release();
        }
    }

    /// <summary>One drain at a time in this process (claims keep it safe anyway; this keeps it calm).</summary>
    public sealed class Gate : IDisposable
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public void Dispose() => Semaphore.Dispose();
    }
}
