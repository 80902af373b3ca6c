using System.Globalization;
using MamBot.Data;
using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Events;

/// <summary>
/// The weekly digest: the events of the current week (from now to Sunday night) to every resident who wants
/// digests. One outbox row per resident and week, so a second run the same week queues nothing new.
/// </summary>
public sealed class WeeklyDigest(MamDbContext db, EventService events, OutboxStore outbox, TimeProvider time)
{
    public const int MaxLines = 15;

    /// <summary>Queues the digest for every centre; returns how many residents it was queued for.</summary>
    public async Task<int> QueueAsync(CancellationToken ct)
    {
        var queued = 0;
        var centres = await db.Centres.AsNoTracking().Include(c => c.Rooms).ToListAsync(ct);
        foreach (var centre in centres) queued += await QueueAsync(centre, ct);
        return queued;
    }

    private async Task<int> QueueAsync(Centre centre, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var monday = LocalCalendar.MondayOf(LocalCalendar.Today(now, centre.TimeZone));
        var weekEndUtc = LocalCalendar.StartUtc(monday.AddDays(7), centre.TimeZone);
        var week = await events.ListAsync(centre.Id, now, weekEndUtc, category: null, ct);
        if (week.Count == 0) return 0; // no news is not worth a message

        // Each resident's digest in their language; the same words for all who share it.
        var bodies = new Dictionary<string, string>();
        string BodyIn(string language)
        {
            using var speaking = Language.Use(language);
            return bodies.TryGetValue(language, out var body) ? body : bodies[language] = Render(week, centre.TimeZone).ToJson();
        }
        var readers = await db.Residents.AsNoTracking()
            .Where(r => r.CentreId == centre.Id)
            .Include(r => r.Consents).Include(r => r.Preferences)
            .ToListAsync(ct);
        var queued = 0;
        foreach (var resident in readers.Where(r => r.HasConsented && r.Wants(NudgeKind.Digest)))
        {
            await outbox.EnqueueAsync(new OutboxMessage
            {
                IdempotencyKey = $"digest:{centre.Id}:{monday.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}:{resident.Id}",
                Kind = OutboxKind.Digest,
                ResidentId = resident.Id,
                ExpiresUtc = weekEndUtc,
                Body = BodyIn(resident.Language),
            }, ct);
            queued++;
        }
        return queued;
    }

    public static Reply Render(IReadOnlyList<EventSummary> week, TimeZoneInfo zone)
    {
        var intro = Wording.Format(Wording.Plural(week.Count, T.DigestIntroForms), week.Count);
        var lines = week.Take(MaxLines).Select(s => "• " + EventTexts.Line(s, zone));
        return Reply.WithRow(Wording.Format(T.Digest, intro, string.Join("\n", lines)),
            new(T.ButtonSeeEvents, "events:list:w0:0"), new(T.MenuSettings, "settings:"));
    }
}
