using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Channels.Telegram;

/// <summary>
/// Paces sends to Telegram's limits: a global rate and a per-chat rate, plus a pause for everyone after a 429.
/// Each caller reserves the next free slot, so waiting is fair and nobody spins. Wall-clock time on purpose:
/// the limits are Telegram's, not the app's (tests fake the app's clock).
/// </summary>
public sealed class TelegramRateLimiter(IOptions<TelegramOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _nextForChat = [];
    private long _nextGlobal;
    private long _pausedUntil;

    public Task WaitTurnAsync(string chatId, CancellationToken ct)
    {
        var now = Stopwatch.GetTimestamp();
        long start;
        lock (_gate)
        {
            start = Math.Max(Math.Max(now, _nextGlobal), Math.Max(_pausedUntil, _nextForChat.GetValueOrDefault(chatId)));
            _nextGlobal = start + Interval(options.Value.MessagesPerSecond);
            _nextForChat[chatId] = start + Interval(options.Value.ChatMessagesPerSecond);
            if (_nextForChat.Count > 10_000) Forget(now);
        }
        var wait = Stopwatch.GetElapsedTime(now, start);
        return wait > TimeSpan.Zero ? Task.Delay(wait, ct) : Task.CompletedTask;
    }

    /// <summary>
    /// A send to the chat has finished: its next message waits a full interval from now. Telegram counts
    /// arrivals, so spacing from the end of a send holds even when one request was slower than the next.
    /// </summary>
    public void Done(string chatId)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate) _nextForChat[chatId] = Math.Max(_nextForChat.GetValueOrDefault(chatId), now + Interval(options.Value.ChatMessagesPerSecond));
    }

    /// <summary>Telegram said "retry after": nobody sends until then (flood limits are per bot).</summary>
    public void PauseAll(TimeSpan retryAfter)
    {
        lock (_gate) _pausedUntil = Math.Max(_pausedUntil, Stopwatch.GetTimestamp() + (long)(retryAfter.TotalSeconds * Stopwatch.Frequency));
    }

    private static long Interval(double perSecond) => perSecond <= 0 ? 0 : (long)(Stopwatch.Frequency / perSecond);

    private void Forget(long now)
    {
        foreach (var chat in _nextForChat.Where(e => e.Value < now).Select(e => e.Key).ToList()) _nextForChat.Remove(chat);
    }
}
