using MamBot.Data;
using MamBot.Data.Centres;
using MamBot.Data.Outbox;
using Microsoft.Extensions.Options;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Outbox;

/// <summary>
/// Takes queued outbox messages one by one, checks the nudge rules at the moment of sending, and hands each
/// to its channel. A message is claimed before it is sent, so two dispatchers never send the same one; and
/// only once its chat's turn on the platform has come, so a claim means its request leaves at once.
/// </summary>
public sealed partial class OutboxDispatcher(
    MamDbContext db,
    OutboxStore outbox,
    ResidentService residents,
    CentreDirectory centres,
    IEnumerable<IChannelSender> senders,
    SharedOutboxWrites shared,
    DeliveryLedger ledger,
    LaterMessageComposer composer,
    TimeProvider time,
    IOptions<NudgeTimingOptions> timing,
    ILogger<OutboxDispatcher> logger)
{
    private const int MaxAttempts = 5;
    private readonly List<long> _inHand = [];

    /// <summary>Delivers these messages now, one after another, if they are still queued and due (a web chat turn's replies).</summary>
    public async Task DeliverAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            await DeliverOneAsync(ids[i], SendPriorities.OfReply(i), ct);
        }
    }

    /// <summary>
    /// Claims and checks the message in one write transaction. A channel that delivers into our own database (the
    /// web chat's mailbox) delivers and records in that same transaction, so it is never half-sent; any other
    /// channel first waits for the chat's turn, then claims, and sends after the claim is committed: a crash in
    /// between leaves a row recovery can resolve, and only one whose request was leaving.
    /// </summary>
    /// <param name="channel">The chat's channel when the caller knows it (a chat's lane).</param>
    /// <param name="chatId">The chat, when the caller knows it.</param>
    public async Task DeliverOneAsync(
        long id, SendPriority priority, CancellationToken ct, string? channel = null, string? chatId = null)
    {
        try
        {
            var answering = senders.FirstOrDefault(s => s.Channel == channel);
            if (priority != SendPriority.Proactive && answering is { DeliversInDatabase: false })
                await DeliverAnswerAsync(id, answering, chatId, priority, ct);
            else await DeliverClaimedAsync(id, priority, ct);
        }
        finally
        {
            foreach (var sender in senders) sender.ReturnTurn(); // taken for a message that did not go after all
            foreach (var held in _inHand) ledger.Finished(held);
            _inHand.Clear();
        }
    }

    private async Task DeliverClaimedAsync(long id, SendPriority priority, CancellationToken ct)
    {
        if (await TargetAsync(id, ct) is { } target && !target.Sender.DeliversInDatabase)
            await target.Sender.TakeTurnAsync(target.ChatId, priority, ct);
        await using var transaction = await db.BeginWriteAsync(ct);
        var message = await outbox.ClaimAsync(id, ct);
        if (message is null) return; // someone else has it, or it is done
        InHand(id);

        var sender = await PrepareAsync(message, ct);
        if (sender is null)
        {
            await transaction.CommitAsync(ct);
            return;
        }
        if (sender.DeliversInDatabase)
        {
            await RecordAsync(message, await SendAsync(sender, message, priority, ct), ct);
            await transaction.CommitAsync(ct);
            return;
        }
        await transaction.CommitAsync(ct);
        var delivery = await SendAsync(sender, message, priority, ct);
        message.PlatformMessageId = delivery.PlatformMessageId ?? message.PlatformMessageId;
        await RecordOrKeepAsync(message, delivery, () => RecordAsync(message, delivery, ct));
    }

    /// <summary>The sender and chat a queued message will go to, as far as can be told before it is claimed.</summary>
    private async Task<(IChannelSender Sender, string ChatId)?> TargetAsync(long id, CancellationToken ct)
    {
        var row = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id && m.Status == OutboxStatus.Queued)
            .Select(m => new { m.Kind, m.Channel, m.ChatId, m.ResidentId }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var (channel, chat) = (row.Channel, row.ChatId);
        if (!OutboxMessage.IsAnswer(row.Kind))
        {
            var resident = row.ResidentId is { } residentId ? await residents.FindAsync(residentId, ct) : null;
            var identity = resident is null ? null : NudgePolicy.ReachableIdentity(resident);
            (channel, chat) = (identity?.Channel, identity?.ExternalId);
        }
        var sender = senders.FirstOrDefault(s => s.Channel == channel);
        return sender is not null && chat is not null ? (sender, chat) : null;
    }

    /// <summary>
    /// An answer over the network: no nudge rules to apply, so its claim and its "sent" are written together with
    /// other lanes' (<see cref="SharedOutboxWrites"/>). Anything but a plain "sent" is recorded here, as usual.
    /// </summary>
    private async Task DeliverAnswerAsync(
        long id, IChannelSender sender, string? chatId, SendPriority priority, CancellationToken ct)
    {
        if (chatId is not null) await sender.TakeTurnAsync(chatId, priority, ct);
        var message = await shared.ClaimAsync(id);
        if (message is null) return;
        InHand(id);
        db.OutboxMessages.Attach(message);
        var prepared = await PrepareAsync(message, ct);
        if (prepared is null) return;
        var delivery = await SendAsync(prepared, message, priority, ct);
        await RecordOrKeepAsync(message, delivery, async () =>
        {
            if (delivery.Outcome == DeliveryOutcome.Sent && !OutboxStore.IsForgetful(message))
            {
                // A group's message (the staff chat's notices) is matched later by its id: kept before "sent".
                if (delivery.PlatformMessageId is { } platformId) await outbox.RecordPlatformMessageIdAsync(message.Id, platformId, ct);
                await shared.MarkSentAsync(message.Id);
            }
            else
            {
                message.PlatformMessageId = delivery.PlatformMessageId ?? message.PlatformMessageId;
                await RecordAsync(message, delivery, ct);
            }
        });
    }

    private void InHand(long id)
    {
        ledger.Claimed(id);
        _inHand.Add(id);
    }

    /// <summary>Records what became of a send; while the database is away, keeps it in memory instead.</summary>
    private async Task RecordOrKeepAsync(OutboxMessage message, Delivery delivery, Func<Task> record)
    {
        try
        {
            await record();
        }
        catch (Exception ex) when (StorageFault.Is(ex))
        {
            ledger.Keep(OutcomeOf(message, delivery));
        }
    }

    /// <summary>What <see cref="RecordAsync"/> writes, as one row's outcome.</summary>
    /// <remarks>A chat found unreachable during an outage is marked so at its next 403.</remarks>
    private OutboxOutcome OutcomeOf(OutboxMessage message, Delivery delivery)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return delivery.Outcome switch
        {
            DeliveryOutcome.Sent => new(message.Id, OutboxStatus.Sent, null, now),
            DeliveryOutcome.Skipped => new(message.Id, OutboxStatus.Skipped, delivery.Reason, now),
            DeliveryOutcome.Unreachable => new(message.Id, OutboxStatus.Failed, OutboxReasons.Unreachable, now),
            DeliveryOutcome.RetryLater when message.Attempts < MaxAttempts =>
                new(message.Id, OutboxStatus.Queued, delivery.Reason ?? "retry", now, now + RetryWait(message, delivery)),
            _ => new(message.Id, OutboxStatus.Failed, delivery.Reason, now),
        };
    }

    /// <summary>Back off 1, 2, 4, 8 minutes unless the platform said how long to wait.</summary>
    private static TimeSpan RetryWait(OutboxMessage message, Delivery delivery) =>
        delivery.RetryAfter ?? TimeSpan.FromMinutes(Math.Pow(2, message.Attempts - 1));

    /// <summary>Applies the nudge rules and picks the channel; null when the message was finished or postponed instead.</summary>
    private async Task<IChannelSender?> PrepareAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.ExpiresUtc is { } expires && time.GetUtcNow().UtcDateTime >= expires)
        {
            await FinishAsync(message, OutboxStatus.Skipped, OutboxReasons.Expired, ct);
            return null;
        }

        if (message.IsNudge)
        {
            var resident = message.ResidentId is { } residentId ? await residents.FindAsync(residentId, ct) : null;
            if (NudgePolicy.SkipReason(message, resident) is { } reason)
            {
                await FinishAsync(message, OutboxStatus.Skipped, reason, ct);
                return null;
            }
            // Quiet hours and the daily cap postpone, never drop.
            var now = time.GetUtcNow().UtcDateTime;
            var zone = (await centres.GetAsync(resident!.CentreId, ct)).TimeZone;
            var sentToday = await outbox.CountSentAsync(resident.Id, NudgeTiming.StartOfLocalDay(now, zone), NudgeTiming.IsUnsolicited, ct);
            if (NudgeTiming.PostponeUntil(message.Kind, now, zone, sentToday, timing.Value) is { } later)
            {
                if (later >= message.ExpiresUtc)
                {
                    await FinishAsync(message, OutboxStatus.Skipped, OutboxReasons.Expired, ct);
                    return null;
                }
                OutboxStore.Requeue(message, later, OutboxReasons.Postponed);
                message.Attempts--; // waiting for the morning is not a failed attempt
                await outbox.SaveAsync(ct);
                return null;
            }
            // A message queued as a recipe is composed now: in the language the resident speaks today, from the
            // event or booking as it stands. The words are kept in the row: what went out is on record.
            if (await composer.ComposeAsync(Reply.FromJson(message.Body), resident, ct) is not { } composed)
            {
                await FinishAsync(message, OutboxStatus.Skipped, OutboxReasons.NothingToSay, ct);
                return null;
            }
            message.Body = composed.ToJson();
            var identity = NudgePolicy.ReachableIdentity(resident)!;
            message.Channel = identity.Channel;
            message.ChatId = identity.ExternalId;
            await outbox.SaveAsync(ct); // where it goes is part of the claim: recovery needs to know
        }

        var sender = senders.FirstOrDefault(s => s.Channel == message.Channel);
        if (sender is null || message.ChatId is null)
        {
            await FinishAsync(message, OutboxStatus.Failed, OutboxReasons.NoChannel, ct);
            return null;
        }
        return sender;
    }

    private async Task<Delivery> SendAsync(IChannelSender sender, OutboxMessage message, SendPriority priority, CancellationToken ct)
    {
        try
        {
            return await sender.SendAsync(message, Reply.FromJson(message.Body), message.ChatId!, priority, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDeliveryFailed(ex, message.Id, message.Channel);
            return new Delivery(DeliveryOutcome.RetryLater, ex.GetType().Name);
        }
    }

    private async Task RecordAsync(OutboxMessage message, Delivery delivery, CancellationToken ct)
    {
        switch (delivery.Outcome)
        {
            case DeliveryOutcome.Sent:
                await FinishAsync(message, OutboxStatus.Sent, null, ct);
                break;
            case DeliveryOutcome.Skipped:
                await FinishAsync(message, OutboxStatus.Skipped, delivery.Reason, ct);
                break;
            case DeliveryOutcome.Unreachable:
                await MarkUnreachableAsync(message, delivery.Reason, ct);
                await FinishAsync(message, OutboxStatus.Failed, OutboxReasons.Unreachable, ct);
                break;
            case DeliveryOutcome.RetryLater when message.Attempts < MaxAttempts:
                var retryAt = time.GetUtcNow().UtcDateTime + RetryWait(message, delivery);
                OutboxStore.Requeue(message, retryAt, delivery.Reason ?? "retry");
                await outbox.SaveAsync(ct);
                break;
            default:
                await FinishAsync(message, OutboxStatus.Failed, delivery.Reason, ct);
                break;
        }
    }

    private async Task FinishAsync(OutboxMessage message, OutboxStatus status, string? reason, CancellationToken ct)
    {
        outbox.Complete(message, status, reason);
        await outbox.SaveAsync(ct);
    }

    private async Task MarkUnreachableAsync(OutboxMessage message, string? reason, CancellationToken ct)
    {
        var resident = message.ResidentId is { } id
            ? await residents.FindAsync(id, ct)
            : await residents.FindByChatAsync(message.Channel!, message.ChatId!, ct);
        var identity = resident?.Identities.FirstOrDefault(i => i.Channel == message.Channel && i.ExternalId == message.ChatId);
        if (identity is null) return;
        identity.UnreachableSinceUtc = time.GetUtcNow().UtcDateTime;
        identity.UnreachableReason = reason;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of outbox message {Id} on {Channel} failed")]
    private partial void LogDeliveryFailed(Exception ex, long id, string? channel);
}
