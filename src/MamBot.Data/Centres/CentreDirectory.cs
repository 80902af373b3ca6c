using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Centres;

public sealed class CentreDirectory(MamDbContext db)
{
    /// <summary>The centre a new conversation belongs to. One centre for now; channels will name theirs later.</summary>
    public async Task<Centre> GetDefaultAsync(CancellationToken ct) =>
        await WithDetails().OrderBy(c => c.Id).FirstOrDefaultAsync(ct)
        ?? throw new InvalidOperationException("No centre in the database; the start-up seed did not run.");

    public async Task<Centre> GetAsync(int centreId, CancellationToken ct) =>
        await WithDetails().FirstAsync(c => c.Id == centreId, ct);

    private IQueryable<Centre> WithDetails() => db.Centres
        .Include(c => c.OpeningHours)
        .Include(c => c.HouseRules)
        .Include(c => c.Faq)
        .Include(c => c.Rooms)
        .AsSplitQuery();
}
