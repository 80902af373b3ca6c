using System.Security.Cryptography;
using System.Text;
using MamBot.Data;
using MamBot.Data.Throttles;
using MamBot.Host.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Security;

/// <summary>Where one allowance stands: a count or a level, since when, the last use, a flag, and when it is forgotten.</summary>
public sealed record ThrottleState(double Amount, DateTime StartUtc, DateTime LastUtc, bool Flag, DateTime ExpiresUtc);

/// <summary>
/// Allowances that hold for the whole deployment, whichever host a request reaches: with PostgreSQL a row per
/// key, changed under a transaction lock on that key only (one chat's flood does not slow another's); with SQLite
/// there is one host, and they live in its memory. Keys are hashed before they are stored.
/// </summary>
public sealed class SharedThrottles(IServiceScopeFactory scopes, IOptions<StorageOptions> storage, TimeProvider time)
{
    private const int LockSpace = 0x4D4154; // "MAT": a key space of its own for pg_advisory_xact_lock(int, int)
    private const int ForgetAbove = 100_000;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ThrottleState> _memory = [];

    /// <summary>
    /// Applies <paramref name="change"/> to the key's state (null when new or expired) atomically, stores what
    /// it returns (null forgets the key), and returns its result.
    /// </summary>
    public async Task<T> ChangeAsync<T>(string key, Func<ThrottleState?, DateTime, (ThrottleState? Next, T Result)> change, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (storage.Value.Provider != StorageProvider.Postgres) return ChangeInMemory(Hash(key), now, change);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MamDbContext>();
        var hashed = Hash(key);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockSpace}, hashtext({hashed}))", ct);
        var row = await db.Throttles.FindAsync([hashed], ct);
        var current = row is null || row.ExpiresUtc <= now ? null : new ThrottleState(row.Amount, row.StartUtc, row.LastUtc, row.Flag, row.ExpiresUtc);
        var (next, result) = change(current, now);
        if (next is null)
        {
            if (row is not null) db.Throttles.Remove(row);
        }
        else
        {
            row ??= db.Throttles.Add(new Throttle { Key = hashed }).Entity;
            (row.Amount, row.StartUtc, row.LastUtc, row.Flag, row.ExpiresUtc) = (next.Amount, next.StartUtc, next.LastUtc, next.Flag, next.ExpiresUtc);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    private T ChangeInMemory<T>(string key, DateTime now, Func<ThrottleState?, DateTime, (ThrottleState? Next, T Result)> change)
    {
        lock (_gate)
        {
            if (_memory.Count > ForgetAbove)
                foreach (var expired in _memory.Where(e => e.Value.ExpiresUtc <= now).Select(e => e.Key).ToList()) _memory.Remove(expired);
            var current = _memory.TryGetValue(key, out var known) && known.ExpiresUtc > now ? known : null;
            var (next, result) = change(current, now);
            if (next is null) _memory.Remove(key);
            else _memory[key] = next;
            return result;
        }
    }

    /// <summary>Chat ids and addresses are personal data: only their hash is kept (64 hex characters).</summary>
    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
