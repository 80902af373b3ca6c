using MamBot.Data;
using MamBot.Data.Outbox;

namespace MamBot.Host.Outbox;

/// <summary>
/// What this process knows about its claims that the database may not: which sends are in its hands right now,
/// and outcomes it could not write because the database was away. Those outcomes are written as soon as the
/// database is back, and before this host resolves any claim, so a message that went out is never sent again
/// (another host taking the lease first waits a second before it resolves, which this loop's pace beats).
/// </summary>
public sealed partial class DeliveryLedger(IServiceScopeFactory scopes, ILogger<DeliveryLedger> logger)
    : BackgroundService
{
    private static readonly TimeSpan TryEvery = TimeSpan.FromMilliseconds(250);
    private readonly Lock _gate = new();
    private readonly HashSet<long> _inHand = [];
    private readonly Dictionary<long, OutboxOutcome> _unwritten = [];

    /// <summary>Claimed by this process and not yet finished: its outcome is coming from here.</summary>
    public void Claimed(long id)
    {
        lock (_gate) _inHand.Add(id);
    }

    public void Finished(long id)
    {
        lock (_gate) _inHand.Remove(id);
    }

    public IReadOnlyList<long> InHand
    {
        get { lock (_gate) return [.. _inHand]; }
    }

    /// <summary>An outcome the database did not take: kept until it does.</summary>
    public void Keep(OutboxOutcome outcome)
    {
        lock (_gate) _unwritten[outcome.Id] = outcome;
        LogKept(outcome.Id, outcome.Status);
    }

    public int Unwritten
    {
        get { lock (_gate) return _unwritten.Count; }
    }

    /// <summary>Writes the kept outcomes; throws (keeping them) while the database is still away.</summary>
    public async Task WriteKeptAsync(CancellationToken ct)
    {
        List<OutboxOutcome> kept;
        lock (_gate) kept = [.. _unwritten.Values];
        if (kept.Count == 0) return;
        await using (var scope = scopes.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OutboxStore>().WriteOutcomesAsync(kept, ct);
        lock (_gate)
        {
            foreach (var outcome in kept)
                if (_unwritten.GetValueOrDefault(outcome.Id) == outcome) _unwritten.Remove(outcome.Id);
        }
        LogWritten(kept.Count);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TryEvery, stoppingToken);
                await WriteKeptAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database still away: kept, tried again shortly. Anything else is worth a line.
                if (!StorageFault.Is(ex)) LogWriteFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The outcome of outbox message {Id} ({Status}) could not be written; kept until it can be")]
    private partial void LogKept(long id, OutboxStatus status);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Writing outcomes kept through a database outage failed; trying again shortly")]
    private partial void LogWriteFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} outcomes kept through a database outage are written")]
    private partial void LogWritten(int count);
}
