using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Staff;

/// <summary>Whether a member of staff is "przy czacie", and until when (how long is the desk's rule).</summary>
public sealed class PresenceService(MamDbContext db)
{
    public Task<DateTime?> AvailableUntilAsync(int staffId, CancellationToken ct) =>
        db.StaffUsers.Where(s => s.Id == staffId).Select(s => s.AvailableUntilUtc).FirstOrDefaultAsync(ct);

    /// <summary>At the chat until then, or with null not at all; nothing when the account is gone.</summary>
    public async Task SetAsync(int staffId, DateTime? untilUtc, CancellationToken ct)
    {
        if (await db.StaffUsers.FirstOrDefaultAsync(s => s.Id == staffId, ct) is not { } user) return;
        user.AvailableUntilUtc = untilUtc;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Moves a presence still running at <paramref name="nowUtc"/> on to <paramref name="untilUtc"/>; checked and
    /// written under the write lock, so a "Odchodzę od czatu" from another tab is never undone by it.
    /// </summary>
    public async Task ExtendAsync(int staffId, DateTime nowUtc, DateTime untilUtc, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        if (await db.StaffUsers.FirstOrDefaultAsync(s => s.Id == staffId, ct) is not { } user) return;
        if (user.AvailableUntilUtc is not { } until || until <= nowUtc || until >= untilUtc) return;
        user.AvailableUntilUtc = untilUtc;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
