using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Residents;

/// <summary>Erasure on request (RODO art. 17): the resident and everything that points at them or their chats.</summary>
public sealed class ResidentErasure(MamDbContext db, IEnumerable<IErasureStep> steps)
{
    /// <summary>Messages (and their copies in web chat mailboxes) whose key starts so: they carried the person's words.</summary>
    private async Task DeleteMessagesAsync(string keyPrefix, CancellationToken ct)
    {
        var messages = db.OutboxMessages.Where(m => m.IdempotencyKey.StartsWith(keyPrefix));
        await db.MailboxMessages.Where(x => messages.Any(m => m.Id == x.OutboxMessageId)).ExecuteDeleteAsync(ct);
        await messages.ExecuteDeleteAsync(ct);
    }

    /// <summary>What an erased author's idea is called: it stays counted, its words go.</summary>
    public const string ErasedIdeaTitle = "(pomysł bez danych autora)";

    /// <summary>All of it or nothing, under the write gate (its statements are bulk ones, past SaveChanges).</summary>
    public Task<bool> EraseAsync(Guid residentId, CancellationToken ct) => db.InOneWriteAsync(ct => EraseNowAsync(residentId, ct), ct);

    private async Task<bool> EraseNowAsync(Guid residentId, CancellationToken ct)
    {
        var identities = await db.ChannelIdentities.Where(i => i.ResidentId == residentId)
            .Select(i => new { i.Channel, i.ExternalId })
            .ToListAsync(ct);

        foreach (var chat in identities)
        {
            await db.OutboxMessages.Where(m => m.Channel == chat.Channel && m.ChatId == chat.ExternalId).ExecuteDeleteAsync(ct);
            await db.MailboxMessages.Where(m => m.Channel == chat.Channel && m.ChatId == chat.ExternalId).ExecuteDeleteAsync(ct);
            await db.ConversationStates.Where(s => s.Channel == chat.Channel && s.ChatId == chat.ExternalId).ExecuteDeleteAsync(ct);
            await db.FailedUpdates.Where(f => f.Channel == chat.Channel && f.ChatId == chat.ExternalId).ExecuteDeleteAsync(ct);
            await db.InboundEvents.Where(e => e.Channel == chat.Channel && e.ChatId == chat.ExternalId).ExecuteDeleteAsync(ct);
        }
        await db.OutboxMessages.Where(m => m.ResidentId == residentId).ExecuteDeleteAsync(ct);
        foreach (var step in steps) await step.EraseAsync(db, [.. identities.Select(i => (i.Channel, i.ExternalId))], ct);
        // Conversations with the team: their words go, the conversation stays a count for the report.
        var talks = db.Handoffs.Where(h => h.ResidentId == residentId);
        foreach (var handoffId in await talks.Select(h => h.Id).ToListAsync(ct))
            await DeleteMessagesAsync($"handoff:{handoffId}:", ct); // the team's replies and the staff chat's notice
        await Handoffs.HandoffService.ForgetAsync(db, talks, ct);
        // Staff notices about the person's bookings name them; help offers they made carry their words to the author.
        foreach (var bookingId in await db.Bookings.Where(b => b.ResidentId == residentId).Select(b => b.Id).ToListAsync(ct))
            await DeleteMessagesAsync($"booking:{bookingId}:", ct);
        foreach (var offer in await db.IdeaSupports.Where(x => x.ResidentId == residentId).Select(x => new { x.IdeaId, x.Id }).ToListAsync(ct))
            await DeleteMessagesAsync($"idea:{offer.IdeaId}:help:{offer.Id}:", ct);
        // Bookings stay in the centre's figures, without anything that points at the person.
        await db.Bookings.Where(b => b.ResidentId == residentId).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.ResidentId, (Guid?)null)
            .SetProperty(b => b.ContactName, "")
            .SetProperty(b => b.Phone, (string?)null)
            .SetProperty(b => b.Purpose, ""), ct);
        // Event places stay counted, anonymous; the withdrawal of upcoming places happens before (it tells the waiting list).
        await db.EventSignups.Where(x => x.ResidentId == residentId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ResidentId, (Guid?)null), ct);
        await db.EventFeedback.Where(f => f.ResidentId == residentId).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.ResidentId, (Guid?)null).SetProperty(f => f.Comment, (string?)null), ct);
        // Ideas stay counted for the estate, without their author and without the words they wrote.
        foreach (var ideaId in await db.Ideas.Where(i => i.AuthorId == residentId).Select(i => i.Id).ToListAsync(ct))
            await DeleteMessagesAsync($"idea:{ideaId}:", ct); // the staff's notices and the news that quoted it
        await db.Ideas.Where(i => i.AuthorId == residentId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.AuthorId, (Guid?)null).SetProperty(i => i.Contact, (string?)null)
            .SetProperty(i => i.Title, ErasedIdeaTitle).SetProperty(i => i.Description, "").SetProperty(i => i.ForWhom, "")
            .SetProperty(i => i.Needs, "").SetProperty(i => i.AuthorBrings, "").SetProperty(i => i.FlaggedWords, (string?)null)
            .SetProperty(i => i.StatusReason, (string?)null), ct);
        await db.IdeaSupports.Where(x => x.ResidentId == residentId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ResidentId, (Guid?)null).SetProperty(x => x.HowToHelp, (string?)null), ct);
        // Named survey answers lose their author and their typed words (choices and scales stay counted); who-answered
        // rows go (anonymous answers never had one). Drafts cascade.
        await db.SurveyAnswers.Where(a => db.SurveyResponses.Any(r => r.Id == a.ResponseId && r.ResidentId == residentId))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, (string?)null), ct);
        await db.SurveyResponses.Where(r => r.ResidentId == residentId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ResidentId, (Guid?)null).SetProperty(r => r.SubmittedUtc, (DateTime?)null), ct);
        await db.SurveyParticipations.Where(p => p.ResidentId == residentId).ExecuteDeleteAsync(ct);
        // The report's monthly counts stay; a fresh random id links them to nobody.
        var stranger = Guid.NewGuid();
        await db.MonthlyActivities.Where(a => a.ResidentId == residentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ResidentId, stranger), ct);
        var deleted = await db.Residents.Where(r => r.Id == residentId).ExecuteDeleteAsync(ct); // identities, consents, preferences, category choices cascade
        db.ChangeTracker.Clear();
        await db.ForgetDeletedBytesAsync(ct);
        return deleted > 0;
    }
}
