using System.Threading.Channels;
using MamBot.Data;
using MamBot.Data.Conversations;
using MamBot.Dialogs.Conversation;
using MamBot.Host.Cluster;
using MamBot.Host.Turns;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Channels.Messenger;

/// <summary>
/// Handles stored Messenger events in arrival order, after the webhook has answered Meta. Whichever host the
/// webhook reached, they are handled by the one holding the <see cref="PlatformLease"/>, so no event is handled
/// twice and a chat's events keep their order; a host that dies mid-event leaves it pending for the next.
/// Pending events are picked up at the start of each tenure and every half minute; one that keeps failing is parked.
/// </summary>
public sealed partial class MessengerInbox : BackgroundService
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(30);
    private readonly IServiceScopeFactory scopes;
    private readonly TurnIntake intake;
    private readonly PlatformLease lease;
    private readonly TimeProvider time;
    private readonly IOptions<MessengerOptions> options;
    private readonly ILogger<MessengerInbox> logger;

    public MessengerInbox(IServiceScopeFactory scopes, TurnIntake intake, PlatformLease lease, TimeProvider time,
        IOptions<MessengerOptions> options, ILogger<MessengerInbox> logger)
    {
        (this.scopes, this.intake, this.lease, this.time, this.options, this.logger) = (scopes, intake, lease, time, options, logger);
        lease.Signalled += signal =>
        {
            if (signal is HostSignal.MessengerEvents) _wake.Writer.TryWrite(true);
        };
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var tenure = await lease.WaitHeldAsync(stoppingToken);
            using var held = CancellationTokenSource.CreateLinkedTokenSource(tenure, stoppingToken);
            try { await SweepWhileHeldAsync(held.Token); }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { /* the lease moved on */ }
        }
    }

    private async Task SweepWhileHeldAsync(CancellationToken held)
    {
        while (true)
        {
            try
            {
                await HandlePendingAsync(held);
            }
            catch (Exception ex) when (!held.IsCancellationRequested)
            {
                LogSweepFailed(ex); // e.g. the storage cannot be read: the next sweep tries again
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(held);
            timeout.CancelAfter(Sweep);
            try { await _wake.Reader.ReadAsync(timeout.Token); }
            catch (OperationCanceledException) when (!held.IsCancellationRequested) { /* the periodic sweep */ }
        }
    }

    /// <summary>
    /// Handles the stored events in order. A storage fault stops the round (the events stay pending for the next
    /// sweep, never parked: the fault is not theirs); any other failure is counted and parks the event after a few.
    /// </summary>
    public async Task HandlePendingAsync(CancellationToken ct)
    {
        IReadOnlyList<InboundEvent> pending;
        await using (var scope = scopes.CreateAsyncScope())
            pending = await scope.ServiceProvider.GetRequiredService<InboundStore>().PendingAsync(ChannelNames.Messenger, 100, ct);

        foreach (var inbound in pending)
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<InboundStore>();
            try
            {
                var activity = MessengerEvents.ToActivity(inbound.EventId, inbound.RawJson, time.GetUtcNow());
                await intake.RunAsync(scope.ServiceProvider, activity, ct);
                await store.MarkDoneAsync(inbound.Id, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && !StorageFault.Is(ex))
            {
                LogEventFailed(ex, inbound.EventId);
                await using var failureScope = scopes.CreateAsyncScope();
                await failureScope.ServiceProvider.GetRequiredService<InboundStore>()
                    .RecordFailureAsync(inbound.Id, ex.GetType().Name + ": " + ex.Message, options.Value.MaxEventAttempts, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Messenger events wait: handling them failed; the next sweep tries again")]
    private partial void LogSweepFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Messenger event {EventId} failed")]
    private partial void LogEventFailed(Exception ex, string eventId);
}
