using Hangfire;
using MamBot.Host.Outbox;

namespace MamBot.Host.Jobs;

/// <summary>Every minute: deliver what is due in the outbox (nudges, and replies a crash left behind).</summary>
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher)
{
    public const string Id = "outbox-dispatch";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)] // the next run a minute later is the retry
    public Task RunAsync(CancellationToken ct) => dispatcher.DispatchDueAsync(ct);
}
