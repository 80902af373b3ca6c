namespace MamBot.Host.Admin;

/// <summary>
/// Slows down password guessing without locking anyone out. Failures count per address and e-mail typed, and
/// per address: past <see cref="FreeFailures"/> that address waits, longer after each further failure (1, 2, 4 …
/// up to 60 minutes). An account is never locked: its owner still signs in from an address that has not failed,
/// so five wrong guesses from elsewhere keep nobody out. An unknown e-mail counts like a known one.
/// </summary>
/// <remarks>Kept in this process's memory; with several hosts each counts its own (see issue 19).</remarks>
public sealed class SignInGuard(TimeProvider time)
{
    public const int FreeFailures = 5;
    private const int FreeFailuresPerAddress = 20;
    private static readonly TimeSpan Forget = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(60);

    private readonly Dictionary<string, (int Count, DateTime Last)> _failures = [];
    private readonly Lock _lock = new();

    /// <summary>Null when this address may try this e-mail now; otherwise how long it must wait.</summary>
    public TimeSpan? WaitFor(string email, string address)
    {
        var now = time.GetUtcNow().UtcDateTime;
        lock (_lock)
        {
            var wait = new[] { Wait(Pair(email, address), FreeFailures, now), Wait(address, FreeFailuresPerAddress, now) }.Max();
            return wait > TimeSpan.Zero ? wait : null;
        }
    }

    public void Failed(string email, string address)
    {
        var now = time.GetUtcNow().UtcDateTime;
        lock (_lock)
        {
            Count(Pair(email, address), now);
            Count(address, now);
        }
    }

    /// <summary>A right password forgets this address's failures for this e-mail.</summary>
    public void Succeeded(string email, string address)
    {
        lock (_lock) _failures.Remove(Pair(email, address));
    }

    private TimeSpan Wait(string key, int free, DateTime now)
    {
        if (!_failures.TryGetValue(key, out var f) || f.Count < free) return TimeSpan.Zero;
        var minutes = Math.Min(Math.Pow(2, f.Count - free), LongestWait.TotalMinutes);
        return f.Last + TimeSpan.FromMinutes(minutes) - now;
    }

    private void Count(string key, DateTime now)
    {
        var count = _failures.TryGetValue(key, out var known) && now - known.Last <= Forget ? known.Count : 0;
        _failures[key] = (count + 1, now);
        if (_failures.Count > 100_000) _failures.Clear(); // a flood of made-up addresses must not grow memory without end
    }

    private static string Pair(string email, string address) => email + "\n" + address;
}
