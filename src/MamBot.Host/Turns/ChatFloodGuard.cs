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
/// others nothing: it never reaches the engine or the platform's budget.
/// </summary>
public sealed class ChatFloodGuard(IOptions<FloodOptions> options, TimeProvider time)
{
    private const int ForgetChatsAbove = 10_000;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Bucket> _chats = [];

    public FloodVerdict Check(string channel, string chatId)
    {
        var o = options.Value;
        if (o.Burst <= 0 || o.PerMinute <= 0) return FloodVerdict.Allow;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_chats.Count > ForgetChatsAbove) ForgetFullBuckets(now, o);
            var key = channel + ":" + chatId;
            if (!_chats.TryGetValue(key, out var bucket)) _chats[key] = bucket = new Bucket { Tokens = o.Burst, At = now };
            Refill(bucket, now, o);

            if (bucket.Muted && bucket.Tokens < o.Burst / 2.0) return FloodVerdict.Ignore;
            bucket.Muted = false;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return FloodVerdict.Allow;
            }
            bucket.Muted = true;
            return FloodVerdict.SlowDown;
        }
    }

    private static void Refill(Bucket bucket, DateTimeOffset now, FloodOptions o)
    {
        var minutes = Math.Max(0, (now - bucket.At).TotalMinutes);
        bucket.Tokens = Math.Min(o.Burst, bucket.Tokens + minutes * o.PerMinute);
        bucket.At = now;
    }

    private void ForgetFullBuckets(DateTimeOffset now, FloodOptions o)
    {
        foreach (var (key, bucket) in _chats.ToList())
        {
            Refill(bucket, now, o);
            if (bucket.Tokens >= o.Burst) _chats.Remove(key);
        }
    }

    private sealed class Bucket
    {
        public double Tokens;
        public DateTimeOffset At;
        public bool Muted;
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
