using MamBot.Data;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Texts;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Conversation;

/// <summary>
/// What a confirmation may promise: exactly the reminders that are queued for it (a booking made at 22:40 for
/// tomorrow 18:00 has no "day before"), and none at all when the resident switched reminders off. On Messenger
/// only those due inside the window the resident's last message opened: Meta lets no tag carry a reminder later,
/// so the resident is told to let the calendar file remind them instead.
/// </summary>
public static class ReminderPromise
{
    /// <summary>"Przypomnę Ci dzień wcześniej i 2 godziny przed.", one of the two, the opt-out note, or "".</summary>
    public static async Task<string> ForAsync(MamDbContext db, string keyPrefix, Resident? resident, CancellationToken ct)
    {
        if (resident is null || !resident.HasConsented) return "";
        if (!resident.Wants(NudgeKind.Reminders)) return T.SignedUpRemindersOff;
        var queued = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == OutboxKind.Reminder && m.Status == OutboxStatus.Queued && m.IdempotencyKey.StartsWith(keyPrefix))
            .Select(m => new { m.IdempotencyKey, m.DueUtc }).ToListAsync(ct);
        var chat = NudgePolicy.ReachableIdentity(resident);
        var windowEnds = chat?.Channel == ChannelNames.Messenger ? chat.LastInboundUtc + NudgePolicy.MessengerWindow : DateTime.MaxValue;
        var keys = queued.Where(q => q.DueUtc < windowEnds).Select(q => q.IdempotencyKey).ToList();
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
}
