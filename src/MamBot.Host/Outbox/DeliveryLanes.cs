using MamBot.Data.Outbox;
using MamBot.Host.Cluster;
using MamBot.Host.Jobs;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Outbox;

/// <summary>
/// One lane per chat: a chat's messages leave in order, one at a time, while every other chat's lane runs
/// beside it, so a chat that waits (its per-chat pace, a 429, a slow platform) never holds up another resident.
/// In a lane, replies go before proactive messages. Losing the lanes in a crash loses nothing: every item is
/// an outbox row that stays queued until it is claimed, and the next tenure's recovery takes up what was left.
/// Only the host holding the <see cref="PlatformLease"/> delivers; its lanes take the other hosts' replies too.
/// </summary>
public sealed partial class DeliveryLanes : BackgroundService
{
    private readonly IServiceScopeFactory scopes;
    private readonly IOptions<DeliveryOptions> options;
    private readonly PlatformLease lease;
    private readonly ILogger<DeliveryLanes> logger;

    public DeliveryLanes(IServiceScopeFactory scopes, IOptions<DeliveryOptions> options, PlatformLease lease, ILogger<DeliveryLanes> logger)
    {
        (this.scopes, this.options, this.lease, this.logger) = (scopes, options, lease, logger);
        lease.Signalled += OnSignal;
    }

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedSet<LaneItem>> _lanes = [];
    private readonly Dictionary<long, TaskCompletionSource> _pending = [];
    private readonly CancellationTokenSource _shutdown = new(); // no timer: nothing to dispose
    private SemaphoreSlim? _proactiveSlots;
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

    /// <summary>True while any lane has messages waiting or being sent (tests and shutdown use it).</summary>
    public bool IsBusy
    {
        get { lock (_gate) return _pending.Count > 0; }
    }

    /// <summary>A turn's replies, in order: the first one goes ahead of everything else on the platform's budget.</summary>
    public void EnqueueReplies(string channel, string chatId, IReadOnlyList<long> outboxIds)
    {
        for (var i = 0; i < outboxIds.Count; i++)
        {
            var lane = LaneItem.ChatLane(channel, chatId);
            Add(new LaneItem(outboxIds[i], lane, SendPriorities.OfReply(i)) { Channel = channel, ChatId = chatId });
        }
    }

    /// <summary>
    /// Hands a due message to its lane. Proactive messages wait here for one of a bounded number of places, so a
    /// broadcast of thousands never has thousands of sends waiting on the budget at once.
    /// </summary>
    public async Task<Task> EnqueueAsync(LaneItem item, CancellationToken ct)
    {
        if (item.Priority != SendPriority.Proactive) return Add(item);
        var slots = ProactiveSlots;
        await slots.WaitAsync(ct);
        return Add(item, slots);
    }

    /// <summary>
    /// Whenever this host begins to hold the lease (at start, with SQLite), whatever is due goes out now rather
    /// than at the next minute's dispatch: replies handed over while nobody held it, what a crash left behind.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var tenure = await lease.WaitHeldAsync(stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDispatchJob>().RunAfterAnyRunningAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFirstSweepFailed(ex);
            }
            using var held = CancellationTokenSource.CreateLinkedTokenSource(tenure, stoppingToken);
            try { await Task.Delay(Timeout.Infinite, held.Token); }
            catch (OperationCanceledException) { /* the lease moved on, or the host stops */ }
        }
    }

    private void OnSignal(HostSignal signal)
    {
        switch (signal)
        {
            case HostSignal.Replies replies:
                EnqueueReplies(replies.Channel, replies.ChatId, replies.Ids);
                break;
            case HostSignal.DispatchDue:
                _ = Task.Run(DispatchNowAsync, CancellationToken.None);
                break;
        }
    }

    private async Task DispatchNowAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxDispatchJob>().RunAsync(_shutdown.Token);
        }
        catch (Exception ex) when (!_shutdown.IsCancellationRequested)
        {
            LogFirstSweepFailed(ex);
        }
    }

    /// <summary>Sends under way get a few seconds to finish, so a planned restart leaves nothing in doubt.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ShutdownGrace;
        while (IsBusy && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            await Task.Delay(50, CancellationToken.None);
        await _shutdown.CancelAsync();
        await base.StopAsync(cancellationToken);
    }

    private SemaphoreSlim ProactiveSlots
    {
        get
        {
            lock (_gate) return _proactiveSlots ??= new SemaphoreSlim(Math.Max(1, options.Value.ProactiveInFlight));
        }
    }

    private Task Add(LaneItem item, SemaphoreSlim? slot = null)
    {
        lock (_gate)
        {
            if (_pending.TryGetValue(item.Id, out var already))
            {
                slot?.Release(); // already on its way: nothing more to hold a place for
                return already.Task;
            }
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[item.Id] = done;
            if (slot is not null) item = item with { Slot = slot };
            if (_lanes.TryGetValue(item.Lane, out var lane))
            {
                lane.Add(item);
                return done.Task;
            }
            _lanes[item.Lane] = new SortedSet<LaneItem>(LaneItem.InLaneOrder) { item };
            _ = Task.Run(() => RunLaneAsync(item.Lane), CancellationToken.None);
            return done.Task;
        }
    }

    private async Task RunLaneAsync(string laneKey)
    {
        while (true)
        {
            LaneItem item;
            lock (_gate)
            {
                var lane = _lanes[laneKey];
                if (lane.Count == 0)
                {
                    _lanes.Remove(laneKey);
                    return;
                }
                item = lane.Min!;
                lane.Remove(item);
            }
            try
            {
                // Lost the lease meanwhile: the row stays queued for the host that holds it now.
                if (!lease.IsHeld) continue;
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>()
                    .DeliverOneAsync(item.Id, item.Priority, _shutdown.Token, item.Channel, item.ChatId);
            }
            catch (Exception ex) when (!_shutdown.IsCancellationRequested)
            {
                // The row stays queued (or is resolved by recovery): the dispatch job comes back to it.
                LogLaneFailed(ex, item.Id);
            }
            catch (OperationCanceledException)
            {
                // Shutting down: what is left stays queued for the next start.
            }
            finally
            {
                TaskCompletionSource? done;
                lock (_gate) _pending.Remove(item.Id, out done);
                item.Slot?.Release();
                done?.TrySetResult();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending what is due failed; the dispatch job will retry within a minute")]
    private partial void LogFirstSweepFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery of outbox message {Id} failed in its lane; the dispatch job will come back to it")]
    private partial void LogLaneFailed(Exception ex, long id);
}

/// <summary>One outbox message in a lane. Replies sort before proactive messages, then by row id (queue order).</summary>
public sealed record LaneItem(long Id, string Lane, SendPriority Priority)
{
    internal SemaphoreSlim? Slot { get; init; }

    /// <summary>The chat's channel, for a chat's lane.</summary>
    public string? Channel { get; init; }

    /// <summary>The chat, when known before sending (not for a nudge, whose chat is chosen when it goes).</summary>
    public string? ChatId { get; init; }

    public static string ChatLane(string channel, string chatId) => channel + ":" + chatId;

    public static LaneItem For(DueMessage due)
    {
        var lane = due.Channel is { } channel && due.ChatId is { } chat ? ChatLane(channel, chat)
            : due.ResidentId is { } resident ? ResidentLane(resident)
            : "outbox:" + due.Id;
        return new LaneItem(due.Id, lane, SendPriorities.Of(due.Kind))
        {
            Channel = due.ChatId is null ? null : due.Channel,
            ChatId = due.ChatId,
        };
    }

    /// <summary>A nudge's chat is chosen when it is sent; until then it queues in its resident's lane.</summary>
    public static string ResidentLane(Guid residentId) => "resident:" + residentId.ToString("N");

    public static readonly IComparer<LaneItem> InLaneOrder = Comparer<LaneItem>.Create((a, b) =>
    {
        var byKind = (a.Priority == SendPriority.Proactive).CompareTo(b.Priority == SendPriority.Proactive);
        return byKind != 0 ? byKind : a.Id.CompareTo(b.Id);
    });
}

/// <summary>Config section "Delivery".</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>How many proactive messages may be on their way at once (replies are never held back by this).</summary>
    public int ProactiveInFlight { get; set; } = 8;
}
