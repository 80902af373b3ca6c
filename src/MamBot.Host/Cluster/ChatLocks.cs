using MamBot.Data;
using MamBot.Host.Setup;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MamBot.Host.Cluster;

/// <summary>
/// One chat at a time, across all hosts: with PostgreSQL a session advisory lock on the chat (released when the
/// holder is done, or when its host dies with its connection), with SQLite a lock in this one process.
/// </summary>
public sealed class ChatLocks(ClusterDatabase cluster, IOptions<StorageOptions> storage)
{
    private const int LockSpace = 0x4D4143; // "MAC": a key space of its own for pg_advisory_lock(int, int)
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> _local = [];

    public async Task<IAsyncDisposable> TakeAsync(string chat, CancellationToken ct)
    {
        if (storage.Value.Provider != StorageProvider.Postgres) return await TakeLocalAsync(chat, ct);
        var connection = await cluster.Source.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1, hashtext($2))", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = LockSpace });
            command.Parameters.Add(new NpgsqlParameter { Value = chat });
            await command.ExecuteNonQueryAsync(ct);
            return new Held(async () =>
            {
                await using (connection)
                {
                    await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
                    await unlock.ExecuteNonQueryAsync(CancellationToken.None);
                }
            });
        }
        catch
        {
            await connection.DisposeAsync(); // a lock half-taken goes with its session
            throw;
        }
    }

    private async Task<IAsyncDisposable> TakeLocalAsync(string chat, CancellationToken ct)
    {
        SemaphoreSlim gate;
        lock (_gate)
        {
            var (known, users) = _local.TryGetValue(chat, out var entry) ? entry : (new SemaphoreSlim(1, 1), 0);
            _local[chat] = (known, users + 1);
            gate = known;
        }
        try { await gate.WaitAsync(ct); }
        catch
        {
            Leave(chat);
            throw;
        }
        return new Held(() =>
        {
            gate.Release();
            Leave(chat);
            return ValueTask.CompletedTask;
        });
    }

    private void Leave(string chat)
    {
        lock (_gate)
        {
            var (gate, users) = _local[chat];
            if (users == 1)
            {
                _local.Remove(chat);
                gate.Dispose();
            }
            else _local[chat] = (gate, users - 1);
        }
    }

    private sealed class Held(Func<ValueTask> release) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => release();
    }
}
