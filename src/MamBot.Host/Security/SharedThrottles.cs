using MamBot.Data;
using MamBot.Data.Residents;
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
public sealed class SharedThrottles(IServiceScopeFactory scopes, IOptions<StorageOptions> storage, KeyedHash hash, TimeProvider time)
    : IErasureStep
{
    /// <summary>How often a host deletes the rows whose allowance ran out (not only the nightly housekeeping).</summary>
    public static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(5);
    private DateTime _nextSweepUtc;
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
        await SweepAsync(db, now, ct);
        var hashed = Hash(key);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockSpace}, hashtext({hashed}))", ct);
        var row = await db.Throttles.FindAsync([hashed], ct);
        var current = row is null || row.ExpiresUtc <= now ? null : new ThrottleState(row.Amount, row.StartUtc, row.LastUtc, row.Flag, row.ExpiresUtc);
        var (next, result) = change(current, now);
        if (next is null || (row is null && next.ExpiresUtc <= now))
        {
            if (row is not null) db.Throttles.Remove(row);
        }
        else if (current is not null && next == current)
        {
            // A refusal that changes nothing writes nothing.
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

    /// <summary>Chat ids and addresses are personal data: only their keyed hash is kept (64 hex characters).</summary>
    private string Hash(string key) => hash.Of("throttle:" + key);

    /// <summary>Expired rows go every few minutes, on whichever host notices first; one statement on an index.</summary>
    private async Task SweepAsync(MamDbContext db, DateTime now, CancellationToken ct)
    {
        if (now < _nextSweepUtc) return;
        _nextSweepUtc = now + SweepEvery;
        await db.Throttles.Where(t => t.ExpiresUtc <= now).ExecuteDeleteAsync(ct);
    }

    /// <summary>The keys that name a chat: forgotten with the resident.</summary>
    public static IEnumerable<string> KeysOf(string channel, string chatId) => [$"flood:{channel}:{chatId}"];

    public async Task EraseAsync(MamDbContext db, IReadOnlyList<(string Channel, string ChatId)> chats, CancellationToken ct)
    {
        var hashed = chats.SelectMany(c => KeysOf(c.Channel, c.ChatId)).Select(Hash).ToList();
        lock (_gate)
        {
            foreach (var key in hashed) _memory.Remove(key);
        }
        await db.Throttles.Where(t => hashed.Contains(t.Key)).ExecuteDeleteAsync(ct);
    }
}
