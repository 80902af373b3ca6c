using MamBot.Data;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Texts;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Conversation;

/// <summary>
/// What a confirmation may promise: exactly the reminders that are queued for it (a booking made at 22:40 for
/// tomorrow 18:00 has no "day before"), and none at all when the resident switched reminders off. On Messenger
/// only those due inside the window the resident's last message opened, or carried by a utility template Meta
/// approved: no tag may carry a reminder later, so otherwise the resident is told to let the calendar file remind
/// them instead.
/// </summary>
public sealed class ReminderPromise(MamDbContext db, UtilityTemplateStore templates)
{
    /// <summary>"Przypomnę Ci dzień wcześniej i 2 godziny przed.", one of the two, the opt-out note, or "".</summary>
    public async Task<string> ForAsync(string keyPrefix, Resident? resident, CancellationToken ct)
    {
        if (resident is null || !resident.HasConsented) return "";
        if (!resident.Wants(NudgeKind.Reminders)) return T.SignedUpRemindersOff;
        var queued = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == OutboxKind.Reminder && m.Status == OutboxStatus.Queued && m.IdempotencyKey.StartsWith(keyPrefix))
            .Select(m => new { m.IdempotencyKey, m.DueUtc, m.Body }).ToListAsync(ct);
        var chat = NudgePolicy.ReachableIdentity(resident);
        var windowEnds = chat?.Channel == ChannelNames.Messenger ? chat.LastInboundUtc + NudgePolicy.MessengerWindow : DateTime.MaxValue;
        var keys = new List<string>();
        foreach (var q in queued)
            if (q.DueUtc < windowEnds || await UtilityTemplates.UsableForAsync(CarriedFacts(q.Body), templates, ct) is not null)
                keys.Add(q.IdempotencyKey);

        var dayBefore = keys.Any(k => k.StartsWith(keyPrefix + "day:", StringComparison.Ordinal));
        var soon = keys.Any(k => k.StartsWith(keyPrefix + "soon:", StringComparison.Ordinal));
        var promise = (dayBefore, soon) switch
        {
            (true, true) => T.RemindDayBeforeAndSoon,
            (true, false) => T.RemindDayBefore,
            (false, true) => T.RemindSoon,
            _ => "",
        };
        return keys.Count == queued.Count ? promise : (promise + " " + T.RemindMessengerWindow).Trim();
    }

    /// <summary>The template facts a queued reminder carries; not read at all while utility messages are off.</summary>
    private UtilityMessage? CarriedFacts(string body) => templates.Enabled ? Reply.FromJson(body).Utility : null;
}
