using MamBot.Data;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MamBot.Dialogs.Settings;

/// <summary>Config section "Privacy": how long a resident who stopped writing is kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Privacy";

    /// <summary>Months without any message after which a resident is erased (after a notice); 0 keeps them.</summary>
    public int ForgetInactiveMonths { get; set; } = 24;

    /// <summary>How long before the erasure the notice goes out; writing anything keeps the data.</summary>
    public int NoticeDays { get; set; } = 14;
}

/// <summary>
/// Residents do not stay forever: one who has not written for <see cref="RetentionOptions.ForgetInactiveMonths"/>
/// months gets a notice, and is erased (counts kept, anonymous) once the notice is <see cref="RetentionOptions.NoticeDays"/>
/// days old and they still have not written. Run nightly by the housekeeping job.
/// </summary>
public sealed class ResidentRetention(MamDbContext db, OutboxStore outbox, PrivacyDesk privacy, RecipientLanguage recipients, TimeProvider time,
    IOptions<RetentionOptions> options)
{
    public async Task<(int Noticed, int Erased)> RunAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (o.ForgetInactiveMonths <= 0) return (0, 0);
        var now = time.GetUtcNow().UtcDateTime;
        var forgetBefore = now.AddMonths(-o.ForgetInactiveMonths);
        var warnBefore = forgetBefore.AddDays(o.NoticeDays);

        var quiet = (await db.Residents.AsNoTracking()
                .Select(r => new { r.Id, r.CreatedUtc, Last = r.Identities.Max(i => (DateTime?)i.LastInboundUtc) })
                .ToListAsync(ct))
            .Select(r => (r.Id, Last: r.Last ?? r.CreatedUtc))
            .Where(r => r.Last < warnBefore)
            .ToList();

        int noticed = 0, erased = 0;
        foreach (var (id, last) in quiet)
        {
            // One notice per silence: writing again starts a new one, with a new key.
            var key = $"retention:{id}:{last:yyyyMMddHHmm}";
            var notice = await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.IdempotencyKey == key, ct);
            if (notice is null)
            {
                using var speaking = Language.Use(await recipients.OfAsync(id, ct));
                await outbox.EnqueueAsync(new OutboxMessage
                {
                    IdempotencyKey = key,
                    Kind = OutboxKind.AccountUpdate, // about the resident's own data: not an opt-out-able nudge
                    ResidentId = id,
                    Body = Reply.Plain(Wording.Format(T.RetentionNotice, Wording.Count(o.NoticeDays, T.DaysForms))).ToJson(),
                }, ct);
                noticed++;
            }
            else if (last < forgetBefore && notice.CreatedUtc <= now.AddDays(-o.NoticeDays) && await privacy.EraseAsync(id, ct))
            {
                erased++;
            }
        }
        return (noticed, erased);
    }
}
