using MamBot.Data;
using MamBot.Data.Broadcasts;
using MamBot.Data.Events;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Broadcasts;

/// <summary>What the team writes; the Ukrainian and English versions are optional and go to residents in those languages.</summary>
public sealed record BroadcastDraft(int CentreId, string Text, Audience Audience, EventCategory? Category, int? EventId, DateTime? SendAtUtc,
    string? TextUk = null, string? TextEn = null);

/// <summary>What the residents will read, to how many it goes now, or why it cannot go.</summary>
public sealed record BroadcastPreview(string Message, int Recipients, string? Problem);

/// <summary>
/// A broadcast with how its copies fared so far. Unknown: copies a crash interrupted mid-send, which may well have
/// arrived (not counted as failures).
/// </summary>
public sealed record BroadcastReport(Broadcast Broadcast, int Sent, int Waiting, int Skipped, int Failed, int Unknown);

/// <summary>
/// "Ogłoszenia": the team writes to a group of residents through the outbox, so quiet hours, the daily cap,
/// opt-outs ("ciekawostki"), consent and Messenger's 24-hour window apply to every copy like to any other nudge.
/// </summary>
public sealed class BroadcastDesk(MamDbContext db, OutboxStore outbox, RecipientLanguage languages, TimeProvider time)
{
    /// <summary>Stale news is worse than none: copies held back (quiet hours, daily cap) for longer are dropped.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);

    public async Task<BroadcastPreview> PreviewAsync(BroadcastDraft draft, CancellationToken ct)
    {
        var message = Wording.Format(T.BroadcastMessage, draft.Text.Trim());
        var problem = Problem(draft);
        var recipients = problem is null || problem == T.BroadcastInThePast ? await RecipientsAsync(draft, ct) : [];
        if (problem is null && recipients.Count == 0) problem = T.BroadcastNobody;
        return new BroadcastPreview(message, recipients.Count, problem);
    }

    /// <summary>Stores the broadcast and queues one copy per recipient (due at the chosen time); null with the problem when it cannot go.</summary>
    public async Task<(Broadcast? Broadcast, string? Problem)> SendAsync(BroadcastDraft draft, string staff, CancellationToken ct)
    {
        var preview = await PreviewAsync(draft, ct);
        if (preview.Problem is { } problem) return (null, problem);
        var now = Now;
        var broadcast = new Broadcast
        {
            CentreId = draft.CentreId,
            Text = draft.Text.Trim(),
            TextUk = Languages.Version(draft.TextUk),
            TextEn = Languages.Version(draft.TextEn),
            Audience = draft.Audience,
            AudienceCategory = draft.Audience == Audience.CategorySubscribers ? draft.Category : null,
            AudienceEventId = draft.Audience == Audience.EventParticipants ? draft.EventId : null,
            SendAtUtc = draft.SendAtUtc ?? now,
            CreatedBy = staff,
            CreatedUtc = now,
        };
        db.Broadcasts.Add(broadcast);
        await db.SaveChangesAsync(ct);

        var recipients = await RecipientsAsync(draft, ct);
        foreach (var resident in recipients)
        {
            // The team's words in the resident's language when they wrote that version, else in Polish with a line
            // saying so; the frame around them ("Ogłoszenie MAM", how to opt out) in the resident's language.
            using var speaking = Language.Use(await languages.OfAsync(resident, ct));
            await outbox.EnqueueAsync(new OutboxMessage
            {
                IdempotencyKey = broadcast.KeyPrefix + resident,
                Kind = OutboxKind.Broadcast,
                ResidentId = resident,
                DueUtc = broadcast.SendAtUtc,
                ExpiresUtc = broadcast.SendAtUtc + Lifetime,
                Body = Reply.Plain(Wording.Format(T.BroadcastMessage, broadcast.Words().Shown)).ToJson(),
            }, ct);
        }
        broadcast.Recipients = recipients.Count;
        await db.SaveChangesAsync(ct);
        return (broadcast, null);
    }

    /// <summary>Stops the copies not sent yet; false when nothing was waiting.</summary>
    public async Task<bool> CancelAsync(int broadcastId, CancellationToken ct)
    {
        var broadcast = await db.Broadcasts.FirstOrDefaultAsync(b => b.Id == broadcastId && b.CancelledUtc == null, ct);
        if (broadcast is null) return false;
        var stopped = await outbox.SkipQueuedAsync(broadcast.KeyPrefix, OutboxReasons.BroadcastCancelled, ct);
        if (stopped == 0) return false;
        broadcast.CancelledUtc = Now;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<BroadcastReport>> HistoryAsync(int centreId, int count, CancellationToken ct)
    {
        var broadcasts = await db.Broadcasts.AsNoTracking().Where(b => b.CentreId == centreId)
            .OrderByDescending(b => b.SendAtUtc).ThenByDescending(b => b.Id).Take(count).ToListAsync(ct);
        var reports = new List<BroadcastReport>();
        foreach (var b in broadcasts)
        {
            var prefix = b.KeyPrefix;
            var counts = await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith(prefix))
                .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            reports.Add(new BroadcastReport(b, counts.GetValueOrDefault(OutboxStatus.Sent),
                counts.GetValueOrDefault(OutboxStatus.Queued) + counts.GetValueOrDefault(OutboxStatus.Sending),
                counts.GetValueOrDefault(OutboxStatus.Skipped), counts.GetValueOrDefault(OutboxStatus.Failed),
                counts.GetValueOrDefault(OutboxStatus.Unknown)));
        }
        return reports;
    }

    private string? Problem(BroadcastDraft draft)
    {
        var text = draft.Text.Trim();
        if (text.Length < 10) return T.BroadcastTooShort;
        if (new[] { text, draft.TextUk, draft.TextEn }.Any(t => t?.Trim().Length > Broadcast.MaxLength))
            return Wording.Format(T.BroadcastTooLong, Broadcast.MaxLength);
        if (draft.Audience == Audience.CategorySubscribers && draft.Category is null) return T.BroadcastNeedsCategory;
        if (draft.Audience == Audience.EventParticipants && draft.EventId is null) return T.BroadcastNeedsEvent;
        if (draft.SendAtUtc is { } at && at < Now.AddMinutes(-1)) return T.BroadcastInThePast;
        return null;
    }

    /// <summary>The audience without those who switched such messages off, so the count staff see is the one that can arrive.</summary>
    private async Task<IReadOnlyList<Guid>> RecipientsAsync(BroadcastDraft draft, CancellationToken ct)
    {
        var audience = await db.ResidentsInAsync(draft.CentreId, draft.Audience, draft.Category, draft.EventId, ct);
        var kind = OutboxKinds.PreferenceFor(OutboxKind.Broadcast);
        var optedOut = (await db.NotificationPreferences.Where(p => p.Kind == kind && !p.Enabled).Select(p => p.ResidentId).ToListAsync(ct)).ToHashSet();
        return [.. audience.Where(id => !optedOut.Contains(id))];
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
