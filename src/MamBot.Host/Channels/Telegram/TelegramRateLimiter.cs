using System.Diagnostics;
using MamBot.Host.Outbox;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Channels.Telegram;

/// <summary>
/// Paces sends to Telegram's limits in two steps. First a chat waits for its own slot (about one message a
/// second): only that chat's lane waits, nobody else. Then it takes a slot of the bot-wide budget (about 30 a
/// second), which is handed out best priority first, so a resident's reply overtakes a running broadcast. The
/// chat's slot is checked again once the budget is granted: the chat's spacing counts from when a send really
/// leaves, so a reply and a broadcast copy to one resident (two lanes) never go within a second. A send counts as
/// in flight from its HTTP call (<see cref="LeaveAsync"/>), not from its turn: the claim between the two may be
/// slow, and must not hold places of the budget's window meanwhile.
/// Wall-clock time on purpose: the limits are Telegram's, not the app's (tests fake the app's clock).
/// </summary>
/// <remarks>
/// Telegram counts arrivals, which happen somewhere between our start and our finish of a request. So besides
/// even spacing, a send starts only a full second after the finish of the send N places back (N = the global
/// rate): any N+1 arrivals are then more than a second apart however the latencies vary.
/// </remarks>
public sealed class TelegramRateLimiter(IOptions<TelegramOptions> options)
{
    // Telegram's second is measured on Telegram's clock: a small margin covers clock drift and jitter.
    private static readonly long OneSecond = Stopwatch.Frequency + Stopwatch.Frequency / 100;
    private static readonly TimeSpan LongestPumpSleep = TimeSpan.FromMilliseconds(50);
    private const int ForgetChatsAbove = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ChatPace> _chats = [];
    private readonly Queue<long> _recentFinishes = new();
    private readonly PriorityQueue<TaskCompletionSource, (SendPriority, long)> _waiting = new();
    private long _arrivals;
    private long _nextGlobal;
    private long _pausedUntil;
    private int _inFlight;
    private bool _pumping;

    /// <summary>Waits until a send to the chat may leave now; the caller uses the turn or gives it back.</summary>
    public async Task<SendTurn> WaitTurnAsync(string chatId, SendPriority priority, CancellationToken ct)
    {
        while (true)
        {
            await WaitForChatAsync(chatId, ct);
            await WaitForBudgetAsync(priority, ct);
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                var chat = Chat(chatId);
                // Another lane's send to this chat may have left while this one waited for the budget.
                if (ChatOpensAt(chat) <= now)
                {
                    var turn = new SendTurn(chatId, now, chat.LastStart);
                    chat.LastStart = now;
                    return turn;
                }
                GiveBackBudget(now);
            }
        }
    }

    /// <summary>A turn not used after all (the message was postponed, skipped or taken by someone else).</summary>
    public void Return(SendTurn turn)
    {
        lock (_gate)
        {
            GiveBackBudget(Stopwatch.GetTimestamp());
            var chat = Chat(turn.ChatId);
            if (chat.LastStart == turn.Started) chat.LastStart = turn.PreviousStart;
        }
    }

    private void GiveBackBudget(long now)
    {
        _nextGlobal = Math.Max(now, _nextGlobal - Interval(options.Value.MessagesPerSecond));
    }

    /// <summary>
    /// The send's HTTP call starts now: from here it counts as in flight. Telegram counts arrivals, so the window
    /// (a full second after the finish of the send N places back) and any pause are checked once more here: the
    /// claim after the turn may have taken a while, and other sends may have left meanwhile.
    /// </summary>
    public async Task LeaveAsync(SendTurn turn, CancellationToken ct)
    {
        while (true)
        {
            long now, opens;
            lock (_gate)
            {
                now = Stopwatch.GetTimestamp();
                var chat = Chat(turn.ChatId);
                opens = Math.Max(Math.Max(WindowOpensAt(), _pausedUntil), chat.PausedUntil);
                if (opens <= now)
                {
                    _inFlight++;
                    chat.LastStart = Math.Max(chat.LastStart, now);
                    return;
                }
            }
            await DelayUntilAsync(now, opens, ct);
        }
    }

    /// <summary>A send to the chat has finished (or failed): its next message waits a full per-chat interval from now.</summary>
    public void Done(string chatId)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            var chat = Chat(chatId);
            chat.Next = Math.Max(chat.Next, now + Interval(options.Value.ChatMessagesPerSecond));
            chat.LastFinish = now;
            _inFlight = Math.Max(0, _inFlight - 1);
            _recentFinishes.Enqueue(now);
            while (_recentFinishes.Count > Window) _recentFinishes.Dequeue();
        }
    }

    /// <summary>
    /// Telegram said "retry after". Its answer does not say which limit was hit: a chat that was just written to
    /// hit its own limit and waits alone; otherwise the bot-wide limit was hit and everyone waits.
    /// </summary>
    /// <returns>True when every chat waits.</returns>
    public bool TooManyRequests(string chatId, TimeSpan retryAfter)
    {
        var now = Stopwatch.GetTimestamp();
        var until = now + (long)(retryAfter.TotalSeconds * Stopwatch.Frequency);
        lock (_gate)
        {
            var chat = Chat(chatId);
            var chatWasBusy = chat.LastFinish > 0 && now - chat.LastFinish < 2 * OneSecond;
            chat.PausedUntil = Math.Max(chat.PausedUntil, until);
            if (chatWasBusy) return false;
            _pausedUntil = Math.Max(_pausedUntil, until);
            return true;
        }
    }

    /// <summary>Waits for the chat's slot without booking it: the booking is made when the send leaves.</summary>
    private async Task WaitForChatAsync(string chatId, CancellationToken ct)
    {
        var now = Stopwatch.GetTimestamp();
        long start;
        lock (_gate)
        {
            start = Math.Max(now, ChatOpensAt(Chat(chatId)));
            if (_chats.Count > ForgetChatsAbove) ForgetIdleChats(now);
        }
        await DelayUntilAsync(now, start, ct);
    }

    /// <summary>A per-chat interval after the chat's last send left, and after its last one finished.</summary>
    private long ChatOpensAt(ChatPace chat)
    {
        var sinceStart = chat.LastStart == 0 ? 0 : chat.LastStart + Interval(options.Value.ChatMessagesPerSecond);
        return Math.Max(sinceStart, Math.Max(chat.Next, chat.PausedUntil));
    }

    private async Task WaitForBudgetAsync(SendPriority priority, CancellationToken ct)
    {
        var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            if (_waiting.Count == 0 && OpensAt() is var opens && opens <= now)
            {
                Reserve(now, opens);
                return;
            }
            _waiting.Enqueue(turn, (priority, _arrivals++));
            if (!_pumping)
            {
                _pumping = true;
                _ = Task.Run(PumpAsync, CancellationToken.None);
            }
        }
        await using (ct.Register(() => turn.TrySetCanceled(ct)))
            await turn.Task;
    }

    /// <summary>Hands out the budget's slots to the waiting sends, best priority first, as they open.</summary>
    private async Task PumpAsync()
    {
        while (true)
        {
            TimeSpan sleep;
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                while (_waiting.TryPeek(out var first, out _) && first.Task.IsCompleted) _waiting.Dequeue(); // cancelled
                if (_waiting.Count == 0)
                {
                    _pumping = false;
                    return;
                }
                var opens = OpensAt();
                if (opens <= now)
                {
                    // A send cancelled between the check and here takes no slot.
                    if (_waiting.Dequeue().TrySetResult()) Reserve(now, opens);
                    continue;
                }
                // A finish can open the window earlier than computed now: look again soon.
                sleep = TimeSpan.FromTicks(Math.Min(Stopwatch.GetElapsedTime(now, opens).Ticks, LongestPumpSleep.Ticks));
            }
            await Task.Delay(RoundUp(sleep));
        }
    }

    /// <summary>Spacing counts from when the slot opened, not when a timer got round to it: late wake-ups do not add up.</summary>
    private void Reserve(long now, long opened)
    {
        var interval = Interval(options.Value.MessagesPerSecond);
        _nextGlobal = (now - opened < interval ? opened : now) + interval;
    }

    private long OpensAt() => Math.Max(Math.Max(_nextGlobal, _pausedUntil), WindowOpensAt());

    private int Window => Math.Max(1, (int)Math.Floor(options.Value.MessagesPerSecond));

    /// <summary>One second after the finish of the send N places back (sends still in flight take places too).</summary>
    private long WindowOpensAt()
    {
        var back = Window - _inFlight;
        if (back <= 0) return _recentFinishes.Count > 0 ? _recentFinishes.Max() + OneSecond : 0;
        return _recentFinishes.Count >= back ? _recentFinishes.ElementAt(_recentFinishes.Count - back) + OneSecond : 0;
    }

    private ChatPace Chat(string chatId)
    {
        if (!_chats.TryGetValue(chatId, out var chat)) _chats[chatId] = chat = new ChatPace();
        return chat;
    }

    private void ForgetIdleChats(long now)
    {
        var idle = _chats.Where(e => ChatOpensAt(e.Value) < now && now - e.Value.LastFinish > 2 * OneSecond);
        foreach (var chat in idle.Select(e => e.Key).ToList()) _chats.Remove(chat);
    }

    private static async Task DelayUntilAsync(long now, long start, CancellationToken ct)
    {
        var wait = Stopwatch.GetElapsedTime(now, start);
        if (wait > TimeSpan.Zero) await Task.Delay(RoundUp(wait), ct);
    }

    // Task.Delay counts whole milliseconds, truncated: round up so a turn never starts early.
    private static TimeSpan RoundUp(TimeSpan wait) => TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds));

    private static long Interval(double perSecond) => perSecond <= 0 ? 0 : (long)(Stopwatch.Frequency / perSecond);

    private sealed class ChatPace
    {
        public long LastStart;
        public long Next;
        public long PausedUntil;
        public long LastFinish;
    }
}

/// <summary>A send's place in Telegram's limits, granted at <see cref="Started"/> (a Stopwatch timestamp).</summary>
public sealed record SendTurn(string ChatId, long Started, long PreviousStart);
