using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Ideas;

public sealed record NewIdea(int CentreId, Guid AuthorId, string Title, string Description, string ForWhom, string Needs, string AuthorBrings, string? Contact);

/// <summary>The outcome of a support: counted now, or counted before; and how many supporters there are.</summary>
public sealed record IdeaForStaff(Idea Idea, int Supporters, IReadOnlyList<string> HelpOffers);

public sealed record SupportResult(bool Counted, int Supporters, Idea? Idea);

/// <summary>
/// Ideas and their support. Staff review every idea before it is visible; the operations staff use (status,
/// publish, merge, link to an event) are here, so the admin panel only gives them screens.
/// </summary>
public sealed class IdeaService(MamDbContext db, TimeProvider time)
{
    /// <summary>Which status may follow which (staff move ideas along; odłożone can be taken up again).</summary>
    private static readonly Dictionary<IdeaStatus, IdeaStatus[]> Next = new()
    {
        [IdeaStatus.New] = [IdeaStatus.InTalks, IdeaStatus.Published, IdeaStatus.Shelved],
        [IdeaStatus.InTalks] = [IdeaStatus.Published, IdeaStatus.InProgress, IdeaStatus.Shelved],
        [IdeaStatus.Published] = [IdeaStatus.InProgress, IdeaStatus.Shelved],
        [IdeaStatus.InProgress] = [IdeaStatus.Done, IdeaStatus.Shelved],
        [IdeaStatus.Done] = [],
        [IdeaStatus.Shelved] = [IdeaStatus.InTalks],
    };

    public static bool CanMove(IdeaStatus from, IdeaStatus to) => Next[from].Contains(to);

    public async Task<Idea> SubmitAsync(NewIdea request, CancellationToken ct)
    {
        var now = Now;
        var flagged = IdeaWordFilter.Check(request.Title, request.Description, request.ForWhom, request.Needs, request.AuthorBrings);
        var idea = new Idea
        {
            CentreId = request.CentreId,
            AuthorId = request.AuthorId,
            Title = request.Title.Trim(),
            Description = request.Description.Trim(),
            ForWhom = request.ForWhom.Trim(),
            Needs = request.Needs.Trim(),
            AuthorBrings = request.AuthorBrings.Trim(),
            Contact = request.Contact,
            Status = IdeaStatus.New,
            FlaggedWords = flagged.Count == 0 ? null : string.Join(", ", flagged),
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        db.Ideas.Add(idea);
        await db.SaveChangesAsync(ct);
        return idea;
    }

    /// <summary>The lengths the chat's form allows, kept when staff correct a title or a description.</summary>
    public const int MaxTitle = 80, MaxDescription = 1000;

    /// <summary>
    /// Staff correct the title and description before neighbours see them (a typo, a name that should not be
    /// public); the word filter looks again. Null once the idea is published or when a field is out of bounds.
    /// </summary>
    public async Task<Idea?> EditAsync(int ideaId, string title, string description, CancellationToken ct)
    {
        var idea = await db.Ideas.FirstOrDefaultAsync(i => i.Id == ideaId, ct);
        if (idea is not { Status: IdeaStatus.New or IdeaStatus.InTalks }) return null;
        title = title.Trim();
        description = description.Trim();
        if (title.Length is < 3 or > MaxTitle || description.Length is < 10 or > MaxDescription) return null;
        idea.Title = title;
        idea.Description = description;
        var flagged = IdeaWordFilter.Check(idea.Title, idea.Description, idea.ForWhom, idea.Needs, idea.AuthorBrings);
        idea.FlaggedWords = flagged.Count == 0 ? null : string.Join(", ", flagged);
        idea.UpdatedUtc = Now;
        await db.SaveChangesAsync(ct);
        return idea;
    }

    /// <summary>Moves an idea to a status that may follow; odłożone needs a reason. Null when the move is not allowed.</summary>
    public async Task<Idea?> ChangeStatusAsync(int ideaId, IdeaStatus status, string? reason, CancellationToken ct)
    {
        var idea = await db.Ideas.FirstOrDefaultAsync(i => i.Id == ideaId, ct);
        if (idea is null || !CanMove(idea.Status, status)) return null;
        if (status == IdeaStatus.Shelved && string.IsNullOrWhiteSpace(reason)) return null;
        idea.Status = status;
        idea.StatusReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        idea.StatusVersion++;
        idea.UpdatedUtc = Now;
        await db.SaveChangesAsync(ct);
        return idea;
    }

    /// <summary>The idea became an event: it is in realisation and points at the event.</summary>
    public async Task<Idea?> LinkEventAsync(int ideaId, int eventId, CancellationToken ct)
    {
        var idea = await db.Ideas.FirstOrDefaultAsync(i => i.Id == ideaId, ct);
        if (idea is null || !await db.Events.AnyAsync(e => e.Id == eventId, ct)) return null;
        if (idea.Status != IdeaStatus.InProgress)
        {
            if (!CanMove(idea.Status, IdeaStatus.InProgress)) return null;
            idea.Status = IdeaStatus.InProgress;
            idea.StatusVersion++;
        }
        idea.EventId = eventId;
        idea.UpdatedUtc = Now;
        await db.SaveChangesAsync(ct);
        return idea;
    }

    /// <summary>
    /// Folds a duplicate into another idea: its supporters move over (each still counted once) and the duplicate
    /// is set aside, pointing at the one that stays. Returns the duplicate, or null when the merge makes no sense.
    /// </summary>
    public async Task<Idea?> MergeAsync(int duplicateId, int intoId, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        var duplicate = await db.Ideas.FirstOrDefaultAsync(i => i.Id == duplicateId, ct);
        var into = await db.Ideas.FirstOrDefaultAsync(i => i.Id == intoId, ct);
        if (duplicate is null || into is null || duplicateId == intoId || duplicate.MergedIntoId is not null) return null;

        var already = await db.IdeaSupports.Where(s => s.IdeaId == intoId).Select(s => new { s.ResidentId, s.Kind }).ToListAsync(ct);
        foreach (var support in await db.IdeaSupports.Where(s => s.IdeaId == duplicateId).ToListAsync(ct))
        {
            if (already.Any(a => a.ResidentId == support.ResidentId && a.Kind == support.Kind && support.ResidentId != null)) db.IdeaSupports.Remove(support);
            else support.IdeaId = intoId;
        }
        duplicate.MergedIntoId = intoId;
        duplicate.Status = IdeaStatus.Shelved;
        duplicate.StatusReason = into.Title;
        duplicate.StatusVersion++;
        duplicate.UpdatedUtc = Now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return duplicate;
    }

    /// <summary>"Popieram": counted once per resident, only for ideas residents can see.</summary>
    public async Task<SupportResult> SupportAsync(int ideaId, Guid residentId, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        var idea = await db.Ideas.AsNoTracking().FirstOrDefaultAsync(i => i.Id == ideaId, ct);
        if (idea is null || !idea.IsVisible) return new(false, 0, idea);
        var counted = !await db.IdeaSupports.AnyAsync(s => s.IdeaId == ideaId && s.ResidentId == residentId && s.Kind == SupportKind.Support, ct);
        if (counted)
        {
            db.IdeaSupports.Add(new IdeaSupport { IdeaId = ideaId, ResidentId = residentId, Kind = SupportKind.Support, AtUtc = Now });
            await db.SaveChangesAsync(ct);
        }
        var supporters = await SupportersAsync(ideaId, ct);
        await transaction.CommitAsync(ct);
        return new(counted, supporters, idea);
    }

    /// <summary>"Chcę pomóc": one offer per resident and idea, the latest words kept. Null when the idea is not visible.</summary>
    public async Task<IdeaSupport?> OfferHelpAsync(int ideaId, Guid residentId, string how, CancellationToken ct)
    {
        var idea = await db.Ideas.AsNoTracking().FirstOrDefaultAsync(i => i.Id == ideaId, ct);
        if (idea is null || !idea.IsVisible) return null;
        var offer = await db.IdeaSupports.FirstOrDefaultAsync(s => s.IdeaId == ideaId && s.ResidentId == residentId && s.Kind == SupportKind.Help, ct);
        if (offer is null) db.IdeaSupports.Add(offer = new IdeaSupport { IdeaId = ideaId, ResidentId = residentId, Kind = SupportKind.Help });
        offer.HowToHelp = how.Trim();
        offer.AtUtc = Now;
        await db.SaveChangesAsync(ct);
        return offer;
    }

    public Task<int> SupportersAsync(int ideaId, CancellationToken ct) =>
        db.IdeaSupports.CountAsync(s => s.IdeaId == ideaId && s.Kind == SupportKind.Support, ct);

    public Task<Idea?> FindAsync(int ideaId, CancellationToken ct) => db.Ideas.AsNoTracking().FirstOrDefaultAsync(i => i.Id == ideaId, ct);

    /// <summary>Ideas residents can browse, newest first, with their supporter counts.</summary>
    public async Task<IReadOnlyList<(Idea Idea, int Supporters)>> VisibleAsync(int centreId, CancellationToken ct)
    {
        var ideas = await db.Ideas.AsNoTracking()
            .Where(i => i.CentreId == centreId && (i.Status == IdeaStatus.Published || i.Status == IdeaStatus.InProgress || i.Status == IdeaStatus.Done))
            .Where(i => i.AuthorId != null) // its author asked to be forgotten: counted, not shown
            .OrderByDescending(i => i.UpdatedUtc).ThenByDescending(i => i.Id)
            .ToListAsync(ct);
        var ids = ideas.Select(i => i.Id).ToList();
        var counts = await db.IdeaSupports.AsNoTracking().Where(s => ids.Contains(s.IdeaId) && s.Kind == SupportKind.Support)
            .GroupBy(s => s.IdeaId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return [.. ideas.Select(i => (i, counts.GetValueOrDefault(i.Id)))];
    }

    public async Task<IReadOnlyList<Idea>> ByAuthorAsync(Guid authorId, CancellationToken ct) =>
        await db.Ideas.AsNoTracking().Where(i => i.AuthorId == authorId).OrderByDescending(i => i.CreatedUtc).ToListAsync(ct);

    /// <summary>Everyone who pressed "Popieram" or "Chcę pomóc" (each once).</summary>
    public async Task<IReadOnlyList<Guid>> FollowersAsync(int ideaId, CancellationToken ct) =>
        await db.IdeaSupports.AsNoTracking().Where(s => s.IdeaId == ideaId && s.ResidentId != null)
            .Select(s => s.ResidentId!.Value).Distinct().ToListAsync(ct);

    /// <summary>Every idea of the centre for staff, new ones first, with supporter counts and the offers of help.</summary>
    public async Task<IReadOnlyList<IdeaForStaff>> ForStaffAsync(int centreId, CancellationToken ct)
    {
        var ideas = await db.Ideas.AsNoTracking().Where(i => i.CentreId == centreId)
            .OrderBy(i => i.Status == IdeaStatus.New ? 0 : 1).ThenByDescending(i => i.UpdatedUtc).ThenByDescending(i => i.Id).ToListAsync(ct);
        var supports = await db.IdeaSupports.AsNoTracking().Where(s => db.Ideas.Any(i => i.Id == s.IdeaId && i.CentreId == centreId)).ToListAsync(ct);
        return [.. ideas.Select(i => new IdeaForStaff(i,
            supports.Count(s => s.IdeaId == i.Id && s.Kind == SupportKind.Support),
            [.. supports.Where(s => s.IdeaId == i.Id && s.Kind == SupportKind.Help).OrderBy(s => s.AtUtc).Select(s => s.HowToHelp ?? "")]))];
    }

    public async Task<IReadOnlyList<Idea>> WaitingForReviewAsync(int centreId, CancellationToken ct) =>
        await db.Ideas.AsNoTracking().Where(i => i.CentreId == centreId && i.Status == IdeaStatus.New).OrderBy(i => i.CreatedUtc).ToListAsync(ct);

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
