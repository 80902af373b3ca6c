using MamBot.Data.Outbox;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Residents;

/// <summary>Everything held about one resident (RODO art. 15 and 20): the same data as a file and as a message.</summary>
public sealed record ResidentExport(
    Guid ResidentId,
    string? DisplayName,
    DateTime CreatedUtc,
    string Language,
    IReadOnlyList<ExportedIdentity> Channels,
    IReadOnlyList<ExportedConsent> Consents,
    IReadOnlyDictionary<string, bool> Notifications,
    IReadOnlyList<ExportedMessage> MessagesToYou,
    IReadOnlyList<ExportedBooking> Bookings,
    IReadOnlyList<ExportedSignup> EventSignups,
    IReadOnlyList<ExportedFeedback> EventFeedback,
    IReadOnlyList<string> EventCategories,
    IReadOnlyList<ExportedIdea> Ideas,
    IReadOnlyList<ExportedSupport> IdeasSupported,
    IReadOnlyList<ExportedSurvey> Surveys,
    string? ConversationState,
    IReadOnlyList<string> MonthsActive,
    IReadOnlyList<ExportedDraft> SurveyDrafts,
    IReadOnlyList<ExportedRawMessage> MessagesFromYou,
    IReadOnlyList<ExportedMessage> TeamNotices,
    IReadOnlyList<ExportedTalk> TalksWithTeam);

/// <summary>One message of a conversation with the team; <c>From</c> is the staff member's name, null for the resident.</summary>
public sealed record ExportedTalk(DateTime AtUtc, string? From, string Text);

/// <summary>A survey begun and not sent: the answers so far, as stored.</summary>
public sealed record ExportedDraft(string Survey, string AnswersJson, DateTime UpdatedUtc);

/// <summary>A message from the resident as the platform sent it, kept while it is handled or because it could not be.</summary>
public sealed record ExportedRawMessage(string Channel, DateTime AtUtc, string RawJson);

public sealed record ExportedIdentity(string Channel, string ChatId, DateTime LastMessageUtc, DateTime? UnreachableSinceUtc);
public sealed record ExportedConsent(string Purpose, bool Granted, string TextVersion, string Channel, DateTime AtUtc);
public sealed record ExportedMessage(string Kind, string Status, DateTime CreatedUtc, DateTime? DoneUtc, string Body);
public sealed record ExportedBooking(string Room, DateTime StartUtc, DateTime EndUtc, string Status, string Purpose, int People, string ContactName, string? Phone);

public sealed record ExportedSignup(string Event, DateTime StartUtc, string Status, DateTime CreatedUtc);
public sealed record ExportedFeedback(string Event, int? Rating, bool Missed, string? Comment, DateTime AtUtc);

public sealed record ExportedIdea(string Title, string Description, string ForWhom, string Needs, string AuthorBrings, string? Contact, string Status, DateTime CreatedUtc);
public sealed record ExportedSupport(string Idea, string Kind, string? HowToHelp, DateTime AtUtc);

/// <summary>A survey taken part in; the answers only when it was not anonymous (anonymous ones are not linked to anyone).</summary>
public sealed record ExportedSurvey(string Survey, bool Anonymous, IReadOnlyList<ExportedSurveyAnswer> Answers);
public sealed record ExportedSurveyAnswer(string Question, string? Choices, int? Number, string? Text);

public sealed class ResidentDataExport(MamDbContext db, ResidentService residents)
{
    public async Task<ResidentExport?> ExportAsync(Guid residentId, CancellationToken ct)
    {
        var resident = await residents.FindAsync(residentId, ct);
        if (resident is null) return null;

        var chats = resident.Identities.Select(i => i.Channel + "\n" + i.ExternalId).ToList();
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ResidentId == residentId || chats.Contains(m.Channel + "\n" + m.ChatId))
            .OrderBy(m => m.Id)
            .ToListAsync(ct);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.ResidentId == residentId)
            .OrderBy(b => b.StartUtc)
            .Join(db.Rooms, b => b.RoomId, r => r.Id, (b, r) => new ExportedBooking(r.Name, b.StartUtc, b.EndUtc, b.Status.ToString(), b.Purpose, b.People, b.ContactName, b.Phone))
            .ToListAsync(ct);
        var signups = await db.EventSignups.AsNoTracking()
            .Where(x => x.ResidentId == residentId)
            .Join(db.Events, x => x.EventId, e => e.Id, (x, e) => new { x, e })
            .OrderBy(j => j.x.CreatedUtc)
            .Select(j => new ExportedSignup(j.e.Title, j.e.StartUtc, j.x.Status.ToString(), j.x.CreatedUtc))
            .ToListAsync(ct);
        var feedback = await db.EventFeedback.AsNoTracking()
            .Where(f => f.ResidentId == residentId)
            .Join(db.Events, f => f.EventId, e => e.Id, (f, e) => new ExportedFeedback(e.Title, f.Rating, f.Missed, f.Comment, f.AtUtc))
            .ToListAsync(ct);
        var categories = await db.CategorySubscriptions.AsNoTracking()
            .Where(c => c.ResidentId == residentId).Select(c => c.Category.ToString()).ToListAsync(ct);
        var ideas = await db.Ideas.AsNoTracking().Where(i => i.AuthorId == residentId).OrderBy(i => i.CreatedUtc)
            .Select(i => new ExportedIdea(i.Title, i.Description, i.ForWhom, i.Needs, i.AuthorBrings, i.Contact, i.Status.ToString(), i.CreatedUtc))
            .ToListAsync(ct);
        var supported = await db.IdeaSupports.AsNoTracking().Where(x => x.ResidentId == residentId)
            .Join(db.Ideas, x => x.IdeaId, i => i.Id, (x, i) => new ExportedSupport(i.Title, x.Kind.ToString(), x.HowToHelp, x.AtUtc))
            .ToListAsync(ct);
        var surveys = new List<ExportedSurvey>();
        var taken = await db.SurveyParticipations.AsNoTracking().Where(p => p.ResidentId == residentId)
            .Join(db.Surveys, p => p.SurveyId, x => x.Id, (p, x) => x).ToListAsync(ct);
        foreach (var survey in taken)
        {
            var answers = survey.IsAnonymous ? [] : await db.SurveyResponses.AsNoTracking()
                .Where(r => r.SurveyId == survey.Id && r.ResidentId == residentId)
                .SelectMany(r => r.Answers)
                .Join(db.SurveyQuestions, a => a.QuestionId, q => q.Id, (a, q) => new ExportedSurveyAnswer(q.Text, a.Choices, a.Number, a.Text))
                .ToListAsync(ct);
            surveys.Add(new ExportedSurvey(survey.Title, survey.IsAnonymous, answers));
        }
        var drafts = await db.SurveyDrafts.AsNoTracking().Where(d => d.ResidentId == residentId)
            .Join(db.Surveys, d => d.SurveyId, x => x.Id, (d, x) => new ExportedDraft(x.Title, d.AnswersJson, d.UpdatedUtc))
            .ToListAsync(ct);
        var raw = new List<ExportedRawMessage>();
        foreach (var identity in resident.Identities)
        {
            raw.AddRange(await db.InboundEvents.AsNoTracking().Where(e => e.Channel == identity.Channel && e.ChatId == identity.ExternalId)
                .Select(e => new ExportedRawMessage(e.Channel, e.ReceivedUtc, e.RawJson)).ToListAsync(ct));
            raw.AddRange(await db.FailedUpdates.AsNoTracking().Where(f => f.Channel == identity.Channel && f.ChatId == identity.ExternalId)
                .Select(f => new ExportedRawMessage(f.Channel, f.FirstFailedUtc, f.RawJson)).ToListAsync(ct));
        }
        // What the team was told about the person's bookings, ideas and requests for a person: erasure deletes these too.
        var notices = new List<ExportedMessage>();
        var keys = (await db.Bookings.AsNoTracking().Where(b => b.ResidentId == residentId).Select(b => b.Id).ToListAsync(ct)).Select(id => $"booking:{id}:")
            .Concat((await db.Ideas.AsNoTracking().Where(i => i.AuthorId == residentId).Select(i => i.Id).ToListAsync(ct)).Select(id => $"idea:{id}:staff:"))
            .Concat((await db.Handoffs.AsNoTracking().Where(h => h.ResidentId == residentId).Select(h => h.Id).ToListAsync(ct)).Select(id => $"handoff:{id}:staff"));
        foreach (var key in keys)
            notices.AddRange((await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith(key) && m.ResidentId == null).ToListAsync(ct))
                .Where(m => !chats.Contains(m.Channel + "\n" + m.ChatId))
                .Select(m => new ExportedMessage(m.Kind.ToString(), m.Status.ToString(), m.CreatedUtc, m.DoneUtc, m.Body)));

        var states = await db.ConversationStates.AsNoTracking()
            .Where(s => chats.Contains(s.Channel + "\n" + s.ChatId))
            .Select(s => s.StateJson)
            .ToListAsync(ct);

        return new ResidentExport(
            resident.Id,
            resident.DisplayName,
            resident.CreatedUtc,
            resident.Language,
            [.. resident.Identities.Select(i => new ExportedIdentity(i.Channel, i.ExternalId, i.LastInboundUtc, i.UnreachableSinceUtc))],
            [.. resident.Consents.OrderBy(c => c.AtUtc).Select(c => new ExportedConsent(c.Purpose, c.Granted, c.TextVersion, c.Channel, c.AtUtc))],
            Enum.GetValues<NudgeKind>().ToDictionary(k => k.ToString(), resident.Wants),
            [.. messages.Select(m => new ExportedMessage(m.Kind.ToString(), m.Status.ToString(), m.CreatedUtc, m.DoneUtc, m.Body))],
            bookings,
            signups,
            feedback,
            categories,
            ideas,
            supported,
            surveys,
            states.Count == 0 ? null : string.Join("\n", states),
            [.. (await db.MonthlyActivities.AsNoTracking().Where(a => a.ResidentId == residentId).ToListAsync(ct))
                .OrderBy(a => a.Month).Select(a => $"{a.Month:yyyy-MM} {a.Channel}")],
            drafts,
            [.. raw.OrderBy(r => r.AtUtc)],
            notices,
            await db.HandoffMessages.AsNoTracking()
                .Where(m => db.Handoffs.Any(h => h.Id == m.HandoffId && h.ResidentId == residentId))
                .OrderBy(m => m.Id).Select(m => new ExportedTalk(m.CreatedUtc, m.StaffName, m.Text)).ToListAsync(ct));
    }
}
