using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Centres;

/// <summary>The centres with everything residents see about them, from <see cref="CentreCache"/> (read-only copies).</summary>
public sealed class CentreDirectory(MamDbContext db)
{
    /// <summary>The centre a new conversation belongs to. One centre for now; channels will name theirs later.</summary>
    public async Task<Centre> GetDefaultAsync(CancellationToken ct) =>
        await CentreCache.GetAsync(db, 0, () => WithDetails().OrderBy(c => c.Id).FirstOrDefaultAsync(ct))
        ?? throw new InvalidOperationException("No centre in the database; the start-up seed did not run.");

    public async Task<Centre> GetAsync(int centreId, CancellationToken ct) =>
        await CentreCache.GetAsync(db, centreId, async () => await WithDetails().FirstAsync(c => c.Id == centreId, ct)) ?? throw new InvalidOperationException();

    private IQueryable<Centre> WithDetails() => db.Centres.AsNoTracking()
        .Include(c => c.OpeningHours)
        .Include(c => c.HouseRules)
        .Include(c => c.Faq)
        .Include(c => c.Rooms)
        .Include(c => c.Contacts)
        .AsSplitQuery();
}
