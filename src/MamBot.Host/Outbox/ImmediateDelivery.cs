using System.Threading.Channels;

namespace MamBot.Host.Outbox;

/// <summary>
/// Delivers a turn's replies right after the turn, in the background, one batch after another so each chat
/// hears them in order. Losing this queue in a crash loses nothing: the rows stay queued for the dispatch job.
/// </summary>
public sealed class ImmediateDelivery(IServiceScopeFactory scopes, ILogger<ImmediateDelivery> logger) : BackgroundService
{
    private readonly Channel<IReadOnlyList<long>> _batches = Channel.CreateUnbounded<IReadOnlyList<long>>();
    private int _pending;

    public void Enqueue(IReadOnlyList<long> outboxIds)
    {
        if (outboxIds.Count == 0) return;
        Interlocked.Increment(ref _pending);
        _batches.Writer.TryWrite(outboxIds);
    }

    /// <summary>True while batches wait or are being sent (tests and shutdown use it).</summary>
    public bool IsBusy => Volatile.Read(ref _pending) > 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var batch in _batches.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverAsync(batch, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    private static readonly Action<ILogger, Exception?> LogFailedMessage =
        LoggerMessage.Define(LogLevel.Error, new EventId(1, "ImmediateDeliveryFailed"), "Immediate delivery failed; the dispatch job will retry");

    private static void LogFailed(ILogger logger, Exception ex) => LogFailedMessage(logger, ex);
}
