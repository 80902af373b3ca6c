using MamBot.Data;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Texts;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Conversation;

/// <summary>
/// What a confirmation may promise: exactly the reminders that are queued for it (a booking made at 22:40 for
/// tomorrow 18:00 has no "day before"), and none at all when the resident switched reminders off.
/// </summary>
public static class ReminderPromise
{
    /// <summary>"Przypomnę Ci dzień wcześniej i 2 godziny przed.", one of the two, the opt-out note, or "".</summary>
    public static async Task<string> ForAsync(MamDbContext db, string keyPrefix, Resident? resident, CancellationToken ct)
    {
        if (resident is null || !resident.HasConsented) return "";
        if (!resident.Wants(NudgeKind.Reminders)) return T.SignedUpRemindersOff;
        var keys = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == OutboxKind.Reminder && m.Status == OutboxStatus.Queued && m.IdempotencyKey.StartsWith(keyPrefix))
            .Select(m => m.IdempotencyKey).ToListAsync(ct);
        var dayBefore = keys.Any(k => k.StartsWith(keyPrefix + "day:", StringComparison.Ordinal));
        var soon = keys.Any(k => k.StartsWith(keyPrefix + "soon:", StringComparison.Ordinal));
        return (dayBefore, soon) switch
        {
            (true, true) => T.RemindDayBeforeAndSoon,
            (true, false) => T.RemindDayBefore,
            (false, true) => T.RemindSoon,
            _ => "",
        };
    }
}
