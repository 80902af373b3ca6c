using MamBot.Host.Security;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Turns;

public enum FloodVerdict
{
    Allow,
    /// <summary>The first message over the limit: the chat is told once to slow down.</summary>
    SlowDown,
    /// <summary>Further messages while the chat cools down: ignored.</summary>
    Ignore,
}

/// <summary>
/// A token bucket per chat: a resident may write a burst, then about one message every two seconds. A chat that
/// goes over is told once and then ignored until half its bucket has refilled, so one flooding chat costs the
/// others nothing: it never reaches the engine or the platform's budget. The buckets are shared by all hosts.
/// </summary>
public sealed class ChatFloodGuard(IOptions<FloodOptions> options, SharedThrottles throttles)
{
    public async Task<FloodVerdict> CheckAsync(string channel, string chatId, CancellationToken ct)
    {
        var o = options.Value;
        if (o.Burst <= 0 || o.PerMinute <= 0) return FloodVerdict.Allow;
        return await throttles.ChangeAsync($"flood:{channel}:{chatId}", (bucket, now) => Take(bucket, now, o), ct);
    }

    private static (ThrottleState Next, FloodVerdict Verdict) Take(ThrottleState? bucket, DateTime now, FloodOptions o)
    {
        var tokens = bucket is null ? o.Burst : Math.Min(o.Burst, bucket.Amount + Math.Max(0, (now - bucket.LastUtc).TotalMinutes) * o.PerMinute);
        if (bucket is { Flag: true } && tokens < o.Burst / 2.0) return (Bucket(tokens, muted: true), FloodVerdict.Ignore);
        if (tokens >= 1) return (Bucket(tokens - 1, muted: false), FloodVerdict.Allow);
        return (Bucket(tokens, muted: true), FloodVerdict.SlowDown);

        // Forgotten once full again: a full bucket is what a new chat gets anyway.
        ThrottleState Bucket(double left, bool muted) =>
            new(left, now, now, muted, now + TimeSpan.FromMinutes((o.Burst - left) / o.PerMinute) + TimeSpan.FromSeconds(1));
    }
}

/// <summary>Config section "Flood": how much one chat may write. Zero switches the guard off.</summary>
public sealed class FloodOptions
{
    public const string Section = "Flood";

    /// <summary>Messages a chat may send in one go.</summary>
    public int Burst { get; set; } = 10;

    /// <summary>How fast the allowance comes back.</summary>
    public double PerMinute { get; set; } = 30;

    /// <summary>New web chat conversations one network address may start in an hour.</summary>
    public int NewWebChatsPerHour { get; set; } = 30;
}
