using MamBot.Data;
using MamBot.Host.Setup;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MamBot.Host.Cluster;

/// <summary>
/// Passes work for the platforms to the host that holds the <see cref="PlatformLease"/>: this host, directly, or
/// another one through PostgreSQL's NOTIFY. Nothing rests on a signal arriving: what it points to is already in
/// the database, and the holder's sweeps (at the start of its tenure, then every minute) take up any it missed.
/// </summary>
public sealed partial class Handover(PlatformLease lease, ClusterDatabase cluster, IOptions<StorageOptions> storage, ILogger<Handover> logger)
{
    public Task RepliesAsync(string channel, string chatId, IReadOnlyList<long> ids, CancellationToken ct = default) =>
        ids.Count == 0 ? Task.CompletedTask : SendAsync(new HostSignal.Replies(channel, chatId, ids), ct);

    public async Task SendAsync(HostSignal signal, CancellationToken ct = default)
    {
        if (lease.IsHeld)
        {
            lease.Raise(signal);
            return;
        }
        // SQLite: the lease is this host's from its first seconds on, and its first sweep takes this up.
        if (storage.Value.Provider != StorageProvider.Postgres) return;
        try
        {
            await using var command = cluster.Source.CreateCommand("SELECT pg_notify($1, $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = PlatformLease.SignalChannel });
            command.Parameters.Add(new NpgsqlParameter { Value = signal.ToPayload() });
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
        {
            LogNotSent(ex, signal.GetType().Name); // the work waits in the database for the next sweep
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The signal {Signal} did not reach the delivering host; its next sweep takes the work up")]
    private partial void LogNotSent(Exception ex, string signal);
}
