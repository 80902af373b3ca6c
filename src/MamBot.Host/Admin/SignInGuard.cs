using MamBot.Host.Security;

namespace MamBot.Host.Admin;

/// <summary>
/// Slows down password guessing without locking anyone out. Failures count per address and e-mail typed, and
/// per address: past <see cref="FreeFailures"/> that address waits, longer after each further failure (1, 2, 4 …
/// up to 60 minutes). An account is never locked: its owner still signs in from an address that has not failed,
/// so five wrong guesses from elsewhere keep nobody out. An unknown e-mail counts like a known one. The counts
/// are shared by all hosts, so spreading guesses over them gains nothing.
/// </summary>
public sealed class SignInGuard(SharedThrottles throttles)
{
    public const int FreeFailures = 5;
    private const int FreeFailuresPerAddress = 20;
    private static readonly TimeSpan Forget = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(60);

    /// <summary>Null when this address may try this e-mail now; otherwise how long it must wait.</summary>
    public async Task<TimeSpan?> WaitForAsync(string email, string address, CancellationToken ct)
    {
        var wait = Max(await WaitAsync(Pair(email, address), FreeFailures, ct), await WaitAsync(Address(address), FreeFailuresPerAddress, ct));
        return wait > TimeSpan.Zero ? wait : null;
    }

    public async Task FailedAsync(string email, string address, CancellationToken ct)
    {
        await CountAsync(Pair(email, address), ct);
        await CountAsync(Address(address), ct);
    }

    /// <summary>A right password forgets this address's failures for this e-mail.</summary>
    public async Task SucceededAsync(string email, string address, CancellationToken ct) =>
        await throttles.ChangeAsync<bool>(Pair(email, address), (_, _) => (null, true), ct);

    private Task<TimeSpan> WaitAsync(string key, int free, CancellationToken ct) =>
        throttles.ChangeAsync(key, (failures, now) =>
        {
            if (failures is null || failures.Amount < free) return (failures, TimeSpan.Zero);
            var minutes = Math.Min(Math.Pow(2, failures.Amount - free), LongestWait.TotalMinutes);
            return (failures, failures.LastUtc + TimeSpan.FromMinutes(minutes) - now);
        }, ct);

    /// <summary>A failure more; after half an hour without one the count starts again (the wait it set still runs out).</summary>
    private async Task CountAsync(string key, CancellationToken ct) =>
        await throttles.ChangeAsync<bool>(key, (failures, now) =>
        {
            var count = failures is not null && now - failures.LastUtc <= Forget ? failures.Amount : 0;
            return (new ThrottleState(count + 1, failures?.StartUtc ?? now, now, false, now + LongestWait), true);
        }, ct);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Pair(string email, string address) => "sign-in:" + email + "\n" + address;

    private static string Address(string address) => "sign-in-address:" + address;
}
