using MamBot.Data;
using MamBot.Data.Outbox;
using MamBot.Host.Outbox;
using MamBot.Host.Setup;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MamBot.Host.Cluster;

/// <summary>
/// One host at a time talks to the messaging platforms: it delivers the outbox over the network (so Telegram's
/// limits hold for the whole deployment, not per host), polls Telegram in polling mode and handles Messenger's
/// stored events. The other hosts run turns and hand their replies over (<see cref="Handover"/>).
/// With SQLite there is one host, which holds the lease from its start. With PostgreSQL the lease is a session
/// advisory lock on a connection of its own, which also listens for the others' signals: a host that dies
/// loses it with its connection, and another takes it within about a second.
/// </summary>
public sealed partial class PlatformLease(
    IServiceScopeFactory scopes,
    IOptions<StorageOptions> storage,
    IConfiguration configuration,
    DeliveryProcess process,
    DeliveryLedger ledger,
    ILogger<PlatformLease> logger)
    : BackgroundService
{
    public const string SignalChannel = "mambot_platform";
    private const long LockKey = 0x4D414C; // "MAL"
    private static readonly TimeSpan TryEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private TaskCompletionSource<CancellationToken> _held = NewWait();
    private CancellationTokenSource? _tenure;

    /// <summary>Signals for the host holding the lease: raised here, or arriving from the other hosts.</summary>
    public event Action<HostSignal>? Signalled;

    /// <summary>False with SQLite: there is only this host, which holds the lease from its first seconds on.</summary>
    public bool IsShared => storage.Value.Provider == StorageProvider.Postgres;

    public bool IsHeld
    {
        get { lock (_gate) return _tenure is { IsCancellationRequested: false }; }
    }

    /// <summary>Waits until this host holds the lease; the token returned is cancelled when it loses it.</summary>
    public Task<CancellationToken> WaitHeldAsync(CancellationToken ct)
    {
        lock (_gate) return _held.Task.WaitAsync(ct);
    }

    /// <summary>Hands a signal to this host's own listeners (it holds the lease).</summary>
    public void Raise(HostSignal signal)
    {
        foreach (var listener in Signalled?.GetInvocationList() ?? [])
        {
            try { ((Action<HostSignal>)listener)(signal); }
            catch (Exception ex) { LogSignalFailed(ex, signal.GetType().Name); }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var postgres = storage.Value.Provider == StorageProvider.Postgres;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!postgres)
                {
                    await BeginTenureAsync(stoppingToken);
                    return; // the only host: it holds the lease until it stops
                }
                await HoldWhileConnectedAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (IsHeld) LogLost(ex);
                else LogNotTaken(ex);
            }
            finally
            {
                if (postgres || stoppingToken.IsCancellationRequested) EndTenure();
            }
            try { await Task.Delay(TryEvery, stoppingToken); }
            catch (OperationCanceledException) { /* stopping */ }
        }
    }

    /// <summary>Takes the lock when it is free, then listens and checks the connection until it breaks or the host stops.</summary>
    private async Task HoldWhileConnectedAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(LeaseConnectionString());
        await connection.OpenAsync(ct);
        while (!await TryLockAsync(connection, ct)) await Task.Delay(TryEvery, ct);
        connection.Notification += (_, e) =>
        {
            if (HostSignal.Parse(e.Payload) is { } signal) Raise(signal);
        };
        await RunSqlAsync(connection, $"LISTEN {SignalChannel}", ct);
        await BeginTenureAsync(ct);
        while (true)
        {
            // Quiet for a while: make sure the connection (and with it the lock) is still there.
            if (!await connection.WaitAsync(CheckEvery, ct)) await RunSqlAsync(connection, "SELECT 1", ct);
        }
    }

    /// <summary>
    /// Every claim made before this tenure (another host's, or this host's own from an earlier tenure) is resolved
    /// before this host claims anything, except the sends still in its hands; outcomes kept through a database
    /// outage are written first, so what went out is not sent again.
    /// </summary>
    private async Task BeginTenureAsync(CancellationToken ct)
    {
        // The host before may have used up this second's budget with Telegram: its sends leave the window first.
        // Meanwhile a host that lost the database writes the outcomes it kept (DeliveryLedger) before we resolve.
        if (IsShared) await Task.Delay(TimeSpan.FromSeconds(1), ct);
        await ledger.WriteKeptAsync(ct);
        process.BeginTenure();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxStore>();
            var (resent, unknown) = await outbox.ResolveOthersClaimsAsync(ledger.InHand, ct);
            if (resent + unknown > 0) LogRecovered(resent, unknown);
        }
        lock (_gate)
        {
            _tenure = new CancellationTokenSource();
            _held.TrySetResult(_tenure.Token);
        }
        LogTaken();
    }

    private void EndTenure()
    {
        CancellationTokenSource? ended;
        lock (_gate)
        {
            ended = _tenure;
            if (ended is null) return;
            _tenure = null;
            _held = NewWait();
        }
        ended.Cancel(); // not disposed: listeners may still be looking at its token
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", connection);
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private static async Task RunSqlAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Not pooled: closing it must end the session, and with it the lock.</summary>
    private string LeaseConnectionString() =>
        new NpgsqlConnectionStringBuilder(MamStorageSetup.PostgresConnection(configuration)) { Pooling = false, TcpKeepAlive = true }.ToString();

    private static TaskCompletionSource<CancellationToken> NewWait() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "This host now talks to the messaging platforms (delivery, Telegram polling, Messenger events)")]
    private partial void LogTaken();

    [LoggerMessage(Level = LogLevel.Warning, Message = "This host lost the platform lease; another host takes over")]
    private partial void LogLost(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The platform lease could not be checked; trying again shortly")]
    private partial void LogNotTaken(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taking delivery over: {Resent} replies queued again, {Unknown} messages of unknown fate")]
    private partial void LogRecovered(int resent, int unknown);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling the signal {Signal} failed; the periodic sweeps catch up")]
    private partial void LogSignalFailed(Exception ex, string signal);
}
