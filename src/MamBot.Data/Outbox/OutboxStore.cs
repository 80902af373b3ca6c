using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Outbox;

public sealed class OutboxStore(MamDbContext db, TimeProvider time, DeliveryProcess process)
{
    /// <summary>
    /// Queues a message to the centre's staff chat, when it has one (the admin panel lists everything anyway).
    /// Staff are not residents: it goes as a reply, with no opt-outs or nudge rules.
    /// </summary>
    public async Task EnqueueForStaffAsync(Centres.Centre centre, string idempotencyKey, string body, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(centre.StaffChannel) || string.IsNullOrEmpty(centre.StaffChatId)) return;
        await EnqueueAsync(new OutboxMessage
        {
            IdempotencyKey = idempotencyKey,
            Kind = OutboxKind.Reply,
            Channel = centre.StaffChannel,
            ChatId = centre.StaffChatId,
            Body = body,
        }, ct);
    }

    /// <summary>
    /// Queues a message once: a second call with the same key returns the first row untouched. The insert comes
    /// first and the unique key decides, so the usual case (a new message) is one statement.
    /// </summary>
    public async Task<OutboxMessage> EnqueueAsync(OutboxMessage message, CancellationToken ct)
    {
        if (db.OutboxMessages.Local.FirstOrDefault(m => m.IdempotencyKey == message.IdempotencyKey) is { } known) return known;

        message.Status = OutboxStatus.Queued;
        message.CreatedUtc = time.GetUtcNow().UtcDateTime;
        if (message.DueUtc == default) message.DueUtc = message.CreatedUtc;
        db.OutboxMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(ct);
            return message;
        }
        catch (DbUpdateException ex) when (!StorageFault.Is(ex))
        {
            // Queued before, by us or another writer: the first one stands (SQLite undid only our insert).
            db.Entry(message).State = EntityState.Detached;
            return await db.OutboxMessages.FirstAsync(m => m.IdempotencyKey == message.IdempotencyKey, ct);
        }
    }

    /// <summary>
    /// Queues a turn's replies and saves them with the rest of the turn: the resident's last message, where the
    /// conversation stands. Their keys are new (the turn has just recorded its update as handled), so no earlier
    /// row can hold them. A chat that fetches its replies gets them in its mailbox at once, written as sent:
    /// nothing is left for a dispatcher to claim.
    /// </summary>
    public async Task<IReadOnlyList<long>> QueueTurnRepliesAsync(
        string channel, string chatId, string keyPrefix, IReadOnlyList<string> bodies, bool toMailbox, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = bodies.Select((body, i) => new OutboxMessage
        {
            IdempotencyKey = keyPrefix + i,
            Kind = OutboxKind.Reply,
            Channel = channel,
            ChatId = chatId,
            Body = body,
            Status = OutboxStatus.Queued,
            CreatedUtc = now,
            DueUtc = now,
        }).ToList();
        if (toMailbox) rows.ForEach(row => Complete(row, OutboxStatus.Sent));
        db.OutboxMessages.AddRange(rows);
        await db.SaveOrFailTransactionAsync(ct);
        if (toMailbox)
        {
            rows.ForEach(row => AddToMailbox(row, channel, chatId));
            await SaveAsync(wholeTransaction: true, ct);
        }
        return [.. rows.Select(r => r.Id)];
    }

    /// <summary>What is due now, oldest first, with what a delivery lane needs to know about each.</summary>
    public async Task<IReadOnlyList<DueMessage>> DueAsync(int limit, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Queued && m.DueUtc <= now)
            .OrderBy(m => m.DueUtc).ThenBy(m => m.Id)
            .Select(m => new DueMessage(m.Id, m.Kind, m.Channel, m.ChatId, m.ResidentId))
            .Take(limit)
            .ToListAsync(ct);
    }

    /// <summary>The replies a turn queued, in order (a repeated request gets the same answer again).</summary>
    public async Task<IReadOnlyList<long>> ReplyIdsOfTurnAsync(string channel, string chatId, string turnKey, CancellationToken ct)
    {
        var prefix = ReplyKeyPrefix(channel, chatId, turnKey);
        return await db.OutboxMessages.Where(m => m.Kind == OutboxKind.Reply && m.IdempotencyKey.StartsWith(prefix))
            .OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
    }

    public static string ReplyKeyPrefix(string channel, string chatId, string turnKey) => $"reply:{channel}:{chatId}:{turnKey}:";

    /// <summary>
    /// Replies to a turn that erased the person (the last "your data is gone"): their keys name no chat, and the
    /// chat id is dropped once the message is delivered or given up, so nothing links the row to the person.
    /// </summary>
    public static string ForgetfulReplyKeyPrefix() => $"{ForgetfulReplies}{Guid.NewGuid():N}:";

    private const string ForgetfulReplies = "reply-forget:";

    /// <summary>Takes a queued message for delivery; only one caller can win it.</summary>
    public async Task<OutboxMessage?> ClaimAsync(long id, CancellationToken ct)
    {
        if (!await TryClaimAsync(id, time.GetUtcNow().UtcDateTime, ct)) return null;
        // A row this context already tracks (queued by the same turn) is read again; any other is read fresh.
        if (db.OutboxMessages.Local.FirstOrDefault(m => m.Id == id) is { } tracked)
        {
            await db.Entry(tracked).ReloadAsync(ct);
            return tracked;
        }
        return await db.OutboxMessages.FirstAsync(m => m.Id == id, ct);
    }

    private async Task<bool> TryClaimAsync(long id, DateTime now, CancellationToken ct) =>
        await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.ClaimedUtc, now)
                .SetProperty(m => m.ClaimedBy, process.Name)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct) == 1;

    /// <summary>
    /// Takes several queued messages for delivery in one write transaction; only one caller can win each. The
    /// won rows come back untracked, as they now stand.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, OutboxMessage?>> ClaimAllAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.BeginWriteAsync(ct);
        var won = new List<long>(ids.Count);
        foreach (var id in ids) // one statement each: the affected count says who won, on any database
            if (await TryClaimAsync(id, now, ct)) won.Add(id);
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => won.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        await transaction.CommitAsync(ct);
        return ids.ToDictionary(id => id, id => rows.GetValueOrDefault(id));
    }

    /// <summary>Records several messages as sent, in one statement.</summary>
    public async Task MarkAllSentAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.BeginWriteAsync(ct);
        await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Sending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.StatusReason, (string?)null)
                .SetProperty(m => m.DoneUtc, now), ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>A reply to a turn that erased its person: its outcome also forgets the chat.</summary>
    public static bool IsForgetful(OutboxMessage message) =>
        message.IdempotencyKey.StartsWith(ForgetfulReplies, StringComparison.Ordinal);

    /// <summary>Records the outcome. Saved by the caller together with whatever delivery wrote (e.g. the mailbox row).</summary>
    public void Complete(OutboxMessage message, OutboxStatus status, string? reason = null)
    {
        message.Status = status;
        message.StatusReason = reason;
        message.DoneUtc = time.GetUtcNow().UtcDateTime;
        if (!IsForgetful(message)) return;
        message.ChatId = null;
        _forgetBytesOnSave = true;
    }

    private bool _forgetBytesOnSave;

    /// <summary>Back to the queue after a passing failure, to be tried again at <paramref name="retryAtUtc"/>.</summary>
    public static void Requeue(OutboxMessage message, DateTime retryAtUtc, string reason)
    {
        message.Status = OutboxStatus.Queued;
        message.StatusReason = reason;
        message.DueUtc = retryAtUtc;
    }

    /// <summary>
    /// A message left "sending" by a crash may or may not have reached the resident. A reply is sent once more
    /// (a resident must not lose the answer to their own message; a repeat is the lesser harm), but only once;
    /// a proactive message is never repeated: its fate is recorded as unknown, for staff to see as such.
    /// </summary>
    /// <param name="claimedBeforeUtc">Claims older than this belong to no running delivery.</param>
    public Task<(int Resent, int Unknown)> ResolveInterruptedAsync(DateTime claimedBeforeUtc, CancellationToken ct) =>
        ResolveAsync(m => m.ClaimedUtc < claimedBeforeUtc, ct);

    /// <summary>
    /// For a host that has just begun a tenure as the one delivering (<see cref="DeliveryProcess.BeginTenure"/>):
    /// every claim not of this tenure was left by a host that died or stepped down, or by this host's own earlier
    /// tenure, so it is resolved as after a crash; except the sends this process still has in hand, which record
    /// their own outcome.
    /// </summary>
    public Task<(int Resent, int Unknown)> ResolveOthersClaimsAsync(
        IReadOnlyCollection<long> inHand, CancellationToken ct)
    {
        var tenure = process.Name;
        return ResolveAsync(m => (m.ClaimedBy == null || m.ClaimedBy != tenure) && !inHand.Contains(m.Id), ct);
    }

    /// <summary>
    /// Writes outcomes a host knew but could not write at the time (the database was away). A claim resolved
    /// meanwhile as interrupted (queued again, or of unknown fate) takes the known outcome instead.
    /// </summary>
    public async Task WriteOutcomesAsync(IReadOnlyList<OutboxOutcome> outcomes, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        foreach (var o in outcomes)
        {
            var done = o.Status != OutboxStatus.Queued;
            await db.OutboxMessages
                .Where(m => m.Id == o.Id && (m.Status == OutboxStatus.Sending
                    || (m.Status == OutboxStatus.Queued && m.StatusReason == OutboxReasons.ResentAfterCrash)
                    || (m.Status == OutboxStatus.Unknown && m.StatusReason == OutboxReasons.Interrupted)))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, o.Status)
                    .SetProperty(m => m.StatusReason, o.Reason)
                    .SetProperty(m => m.DueUtc, m => o.RetryAtUtc ?? m.DueUtc)
                    .SetProperty(m => m.DoneUtc, done ? o.AtUtc : null)
                    .SetProperty(m => m.ChatId, m =>
                        done && m.IdempotencyKey.StartsWith(ForgetfulReplies) ? null : m.ChatId), ct);
        }
        await transaction.CommitAsync(ct);
    }

    private async Task<(int Resent, int Unknown)> ResolveAsync(Expression<Func<OutboxMessage, bool>> claims, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.BeginWriteAsync(ct); // at the gate: a write outside it meets a turn's lock
        var interrupted = db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sending).Where(claims);
        var resent = await interrupted
            .Where(m => OutboxMessage.AnswerKinds.Contains(m.Kind) && m.StatusReason != OutboxReasons.ResentAfterCrash)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Queued)
                .SetProperty(m => m.StatusReason, OutboxReasons.ResentAfterCrash)
                .SetProperty(m => m.DueUtc, now), ct);
        var unknown = await interrupted.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Unknown)
            .SetProperty(m => m.StatusReason, OutboxReasons.Interrupted)
            .SetProperty(m => m.DoneUtc, now), ct);
        await transaction.CommitAsync(ct);
        return (resent, unknown);
    }

    /// <summary>How many nudges of the given kinds the resident was sent since <paramref name="sinceUtc"/>.</summary>
    public async Task<int> CountSentAsync(Guid residentId, DateTime sinceUtc, Func<OutboxKind, bool> kinds, CancellationToken ct)
    {
        var sent = await db.OutboxMessages
            .Where(m => m.ResidentId == residentId && m.Status == OutboxStatus.Sent && m.DoneUtc >= sinceUtc)
            .Select(m => m.Kind)
            .ToListAsync(ct);
        return sent.Count(kinds);
    }

    /// <summary>Queued messages whose keys start with the prefix will not go out (a cancelled booking's reminders).</summary>
    public async Task<int> SkipQueuedAsync(string keyPrefix, string reason, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.BeginWriteAsync(ct); // joins the desk's, when there is one
        var skipped = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Queued && m.IdempotencyKey.StartsWith(keyPrefix))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Skipped)
                .SetProperty(m => m.StatusReason, reason)
                .SetProperty(m => m.DoneUtc, now), ct);
        await transaction.CommitAsync(ct);
        return skipped;
    }

    /// <summary>Replies are kept only as long as a conversation needs them (data minimisation).</summary>
    public async Task<int> PruneRepliesAsync(TimeSpan keep, CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - keep;
        await using var transaction = await db.BeginWriteAsync(ct);
        var pruned = await db.OutboxMessages
            .Where(m => OutboxMessage.AnswerKinds.Contains(m.Kind) && m.Status != OutboxStatus.Queued && m.Status != OutboxStatus.Sending && m.CreatedUtc < cutoff)
            .ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return pruned;
    }

    public void AddToMailbox(OutboxMessage message, string channel, string chatId) =>
        db.MailboxMessages.Add(new MailboxMessage
        {
            Channel = channel,
            ChatId = chatId,
            OutboxMessageId = message.Id,
            Body = message.Body,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        });

    public async Task SaveAsync(CancellationToken ct) => await SaveAsync(wholeTransaction: false, ct);

    private async Task SaveAsync(bool wholeTransaction, CancellationToken ct)
    {
        if (wholeTransaction) await db.SaveOrFailTransactionAsync(ct);
        else await db.SaveChangesAsync(ct);
        if (!_forgetBytesOnSave) return;
        _forgetBytesOnSave = false;
        await db.ForgetDeletedBytesAsync(ct); // the chat id of an erased person leaves the files too
    }

    public async Task<IReadOnlyList<MailboxMessage>> MailboxAfterAsync(string channel, string chatId, long afterId, CancellationToken ct) =>
        await db.MailboxMessages.AsNoTracking()
            .Where(m => m.Channel == channel && m.ChatId == chatId && m.Id > afterId)
            .OrderBy(m => m.Id)
            .Take(100)
            .ToListAsync(ct);

    public Task<bool> HasMailboxAsync(string channel, string chatId, CancellationToken ct) =>
        db.MailboxMessages.AnyAsync(m => m.Channel == channel && m.ChatId == chatId, ct);

    /// <summary>The mailbox rows of these messages; those this context just wrote (the turn's replies) need no query.</summary>
    public async Task<IReadOnlyList<MailboxMessage>> MailboxForAsync(IReadOnlyCollection<long> outboxIds, CancellationToken ct)
    {
        var written = db.MailboxMessages.Local.Where(m => m.Id > 0 && outboxIds.Contains(m.OutboxMessageId)).OrderBy(m => m.Id).ToList();
        if (written.Count == outboxIds.Count) return written;
        return await db.MailboxMessages.AsNoTracking()
            .Where(m => outboxIds.Contains(m.OutboxMessageId))
            .OrderBy(m => m.Id)
            .ToListAsync(ct);
    }

    public Task<MailboxMessage?> MailboxMessageAsync(string channel, string chatId, long id, CancellationToken ct) =>
        db.MailboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Channel == channel && m.ChatId == chatId && m.Id == id, ct);
}

/// <summary>What became of a claimed message: a final status, or queued again until <see cref="RetryAtUtc"/>.</summary>
public sealed record OutboxOutcome(
    long Id, OutboxStatus Status, string? Reason, DateTime AtUtc, DateTime? RetryAtUtc = null);

/// <summary>A due message as a delivery lane sees it.</summary>
public sealed record DueMessage(long Id, OutboxKind Kind, string? Channel, string? ChatId, Guid? ResidentId);

/// <summary>Why a message was skipped or failed: codes that the admin panel puts into words.</summary>
public static class OutboxReasons
{
    public const string ResidentErased = "resident-erased";
    public const string NoConsent = "no-consent";
    public const string OptedOut = "opted-out";
    public const string Unreachable = "unreachable";
    public const string NoChannel = "channel-not-configured";
    public const string Interrupted = "interrupted";
    public const string ResentAfterCrash = "resent-after-crash";
    public const string OutsideWindow = "outside-24h-window";
    public const string BookingCancelled = "booking-cancelled";
    public const string Postponed = "postponed-quiet-hours-or-daily-cap";
    public const string BookingMoved = "booking-moved";
    public const string Expired = "expired";
    public const string EventCancelled = "event-cancelled";
    public const string EventMoved = "event-moved";
    public const string SignupWithdrawn = "signup-withdrawn";
    public const string SurveyAnswered = "survey-answered";
    public const string SurveyClosed = "survey-closed";
    public const string BroadcastCancelled = "broadcast-cancelled";

    /// <summary>A message composed when sent found nothing to say (its event or booking is gone).</summary>
    public const string NothingToSay = "nothing-to-say";
}
