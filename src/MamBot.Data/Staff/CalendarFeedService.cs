using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Staff;

/// <summary>
/// A staff member's private calendar feed: a secret in the link is the only key. A new secret replaces the old
/// one, so revoking a link that leaked is making a new one (or none).
/// </summary>
public sealed class CalendarFeedService(MamDbContext db)
{
    public Task<string?> SecretAsync(int staffId, CancellationToken ct) =>
        db.StaffUsers.AsNoTracking().Where(s => s.Id == staffId).Select(s => s.CalendarFeedSecret).FirstOrDefaultAsync(ct);

    /// <summary>A new secret for the link (the old link stops working at once); null when the account is gone.</summary>
    public Task<string?> RenewAsync(int staffId, CancellationToken ct) =>
        SetAsync(staffId, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'), ct);

    /// <summary>No link any more: the old one answers 404.</summary>
    public Task RevokeAsync(int staffId, CancellationToken ct) => SetAsync(staffId, null, ct);

    /// <summary>Whose feed the secret opens; null for a secret that is not (or no longer) anyone's.</summary>
    public async Task<StaffUser?> OwnerAsync(string secret, CancellationToken ct) =>
        string.IsNullOrEmpty(secret) || secret.Length > 64 ? null
            : await db.StaffUsers.AsNoTracking().FirstOrDefaultAsync(s => s.CalendarFeedSecret == secret, ct);

    private async Task<string?> SetAsync(int staffId, string? secret, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        if (await db.StaffUsers.FirstOrDefaultAsync(s => s.Id == staffId, ct) is not { } user) return null;
        user.CalendarFeedSecret = secret;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return secret;
    }
}
