using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Channels.Telegram;

/// <summary>
/// Paces sends to Telegram's limits: a global rate and a per-chat rate, plus a pause for everyone after a 429.
/// Each caller reserves the next free slot, so waiting is fair and nobody spins. Wall-clock time on purpose:
/// the limits are Telegram's, not the app's (tests fake the app's clock).
/// </summary>
/// <remarks>
/// Telegram counts arrivals, which happen somewhere between our start and our finish of a request. So besides
/// even spacing, a send starts only a full second after the finish of the send N places back (N = the global
/// rate): any N+1 arrivals are then more than a second apart however the latencies vary. The load benchmark
/// drew 429s at the edge of the limit with start-to-start spacing alone.
/// </remarks>
public sealed class TelegramRateLimiter(IOptions<TelegramOptions> options)
{
    // Telegram's second is measured on Telegram's clock: a small margin covers clock drift and jitter.
    private static readonly long OneSecond = Stopwatch.Frequency + Stopwatch.Frequency / 100;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _nextForChat = [];
    private readonly Queue<long> _recentFinishes = new();
    private long _nextGlobal;
    private long _pausedUntil;
    private int _inFlight;

    public async Task WaitTurnAsync(string chatId, CancellationToken ct)
    {
        var now = Stopwatch.GetTimestamp();
        long start;
        lock (_gate)
        {
            start = Math.Max(Math.Max(now, _nextGlobal), Math.Max(_pausedUntil, _nextForChat.GetValueOrDefault(chatId)));
            start = Math.Max(start, WindowOpensAt());
            _nextGlobal = start + Interval(options.Value.MessagesPerSecond);
            _nextForChat[chatId] = start + Interval(options.Value.ChatMessagesPerSecond);
            _inFlight++;
            if (_nextForChat.Count > 10_000) Forget(now);
        }
        var wait = Stopwatch.GetElapsedTime(now, start);
        if (wait <= TimeSpan.Zero) return;
        try
        {
            // Task.Delay counts whole milliseconds, truncated: round up so a turn never starts early.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), ct);
        }
        catch (OperationCanceledException)
        {
            lock (_gate) _inFlight--; // no send follows, so no Done
            throw;
        }
    }

    /// <summary>A send to the chat has finished (or failed): its next message waits a full per-chat interval from now.</summary>
    public void Done(string chatId)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _nextForChat[chatId] = Math.Max(_nextForChat.GetValueOrDefault(chatId), now + Interval(options.Value.ChatMessagesPerSecond));
            _inFlight = Math.Max(0, _inFlight - 1);
            _recentFinishes.Enqueue(now);
            while (_recentFinishes.Count > Window) _recentFinishes.Dequeue();
        }
    }

    /// <summary>Telegram said "retry after": nobody sends until then (flood limits are per bot).</summary>
    public void PauseAll(TimeSpan retryAfter)
    {
        lock (_gate) _pausedUntil = Math.Max(_pausedUntil, Stopwatch.GetTimestamp() + (long)(retryAfter.TotalSeconds * Stopwatch.Frequency));
    }

    private int Window => Math.Max(1, (int)Math.Floor(options.Value.MessagesPerSecond));

    /// <summary>One second after the finish of the send N places back (sends still in flight take places too).</summary>
    private long WindowOpensAt()
    {
        var back = Window - _inFlight;
        if (back <= 0) return _recentFinishes.Count > 0 ? _recentFinishes.Max() + OneSecond : 0;
        return _recentFinishes.Count >= back ? _recentFinishes.ElementAt(_recentFinishes.Count - back) + OneSecond : 0;
    }

    private static long Interval(double perSecond) => perSecond <= 0 ? 0 : (long)(Stopwatch.Frequency / perSecond);

    private void Forget(long now)
    {
        foreach (var chat in _nextForChat.Where(e => e.Value < now).Select(e => e.Key).ToList()) _nextForChat.Remove(chat);
    }
}
