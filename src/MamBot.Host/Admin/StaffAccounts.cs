using System.Security.Cryptography;
using MamBot.Data;
using MamBot.Data.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Admin;

public enum SignInOutcome { SignedIn, WrongEmailOrPassword, TooManyFailures }

public sealed record SignInResult(SignInOutcome Outcome, StaffUser? User = null, TimeSpan? Wait = null);

public enum StaffChange { Changed, LastAdmin }

/// <summary>
/// Staff accounts: hashed passwords (ASP.NET Core Identity's PasswordHasher). Guessing is slowed per address by
/// <see cref="SignInGuard"/>; no account is ever locked, and every failure reads and takes the same.
/// </summary>
public sealed class StaffAccounts(MamDbContext db, TimeProvider time, SignInGuard guard)
{
    public const int MinPasswordLength = 12;
    private static readonly PasswordHasher<StaffUser> Hasher = new();

    // An unknown e-mail is checked against this hash too, so it takes as long as a wrong password.
    private static readonly StaffUser Nobody = new() { Email = "", DisplayName = "", Role = "", PasswordHash = "" };
    private static readonly string NobodysHash = Hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    /// <summary>Creates an account; without a password one is generated (returned once, never stored in clear).</summary>
    public async Task<(StaffUser User, string Password)> CreateAsync(string email, string role, string? displayName, string? password, CancellationToken ct)
    {
        var normalized = Normalize(email);
        if (!normalized.Contains('@', StringComparison.Ordinal)) throw new ArgumentException($"'{email}' is not an e-mail address.", nameof(email));
        if (role is not (StaffRoles.Admin or StaffRoles.Animator)) throw new ArgumentException($"Role must be {StaffRoles.Admin} or {StaffRoles.Animator}.", nameof(role));
        if (await db.StaffUsers.AnyAsync(u => u.Email == normalized, ct)) throw new InvalidOperationException($"An account for {normalized} exists already.");
        password ??= Generate();
        if (password.Length < MinPasswordLength) throw new ArgumentException($"A password needs at least {MinPasswordLength} characters.", nameof(password));

        var user = new StaffUser { Email = normalized, DisplayName = displayName ?? "", Role = role, PasswordHash = "", CreatedUtc = time.GetUtcNow().UtcDateTime };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.StaffUsers.Add(user);
        await db.SaveChangesAsync(ct);
        return (user, password);
    }

    /// <summary>
    /// Checks a sign-in from an address. An address that failed too often for this e-mail (or for many) waits; the
    /// owner elsewhere does not. Unknown e-mail and wrong password are one outcome, with one hash check each.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string email, string password, string address, CancellationToken ct)
    {
        var normalized = Normalize(email);
        if (await guard.WaitForAsync(normalized, address, ct) is { } wait) return new(SignInOutcome.TooManyFailures, Wait: wait);

        var user = await db.StaffUsers.FirstOrDefaultAsync(u => u.Email == normalized, ct);
        var verdict = Hasher.VerifyHashedPassword(user ?? Nobody, user?.PasswordHash ?? NobodysHash, password ?? "");
        if (user is null || verdict == PasswordVerificationResult.Failed)
        {
            await guard.FailedAsync(normalized, address, ct);
            return new(SignInOutcome.WrongEmailOrPassword);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = Hasher.HashPassword(user, password!);
        user.FailedLogins = 0;
        user.LockedUntilUtc = null;
        user.LastLoginUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await guard.SucceededAsync(normalized, address, ct);
        return new(SignInOutcome.SignedIn, user);
    }

    public async Task<IReadOnlyList<StaffUser>> ListAsync(CancellationToken ct) =>
        await db.StaffUsers.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);

    public Task<StaffUser?> FindByEmailAsync(string email, CancellationToken ct) =>
        db.StaffUsers.AsNoTracking().FirstOrDefaultAsync(u => u.Email == Normalize(email), ct);

    public Task<StaffUser?> FindAsync(int id, CancellationToken ct) => db.StaffUsers.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);

    /// <summary>A new generated password (shown once), which also lifts a lockout; null for an unknown account.</summary>
    /// <remarks>With <paramref name="chosen"/> the admin sets that password (at least 12 characters) instead.</remarks>
    public async Task<string?> ResetPasswordAsync(int id, CancellationToken ct, string? chosen = null)
    {
        var user = await db.StaffUsers.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return null;
        if (chosen is { Length: < MinPasswordLength }) throw new ArgumentException($"A password needs at least {MinPasswordLength} characters.", nameof(chosen));
        var password = chosen ?? Generate();
        user.PasswordHash = Hasher.HashPassword(user, password);
        user.FailedLogins = 0;
        user.LockedUntilUtc = null;
        await db.SaveChangesAsync(ct);
        return password;
    }

    /// <summary>Their own new password, given the one they have now; false when that is wrong (or the account is gone).</summary>
    public async Task<bool> ChangeOwnPasswordAsync(int id, string current, string chosen, CancellationToken ct)
    {
        if (chosen.Length < MinPasswordLength) throw new ArgumentException($"A password needs at least {MinPasswordLength} characters.", nameof(chosen));
        var user = await db.StaffUsers.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null || Hasher.VerifyHashedPassword(user, user.PasswordHash, current) == PasswordVerificationResult.Failed) return false;
        user.PasswordHash = Hasher.HashPassword(user, chosen);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// A member's name and role; never the last admin made an animator (someone must be able to manage the team).
    /// Null for an unknown account.
    /// </summary>
    public async Task<StaffChange?> ChangeAsync(int id, string displayName, string role, CancellationToken ct)
    {
        if (role is not (StaffRoles.Admin or StaffRoles.Animator)) throw new ArgumentException($"Role must be {StaffRoles.Admin} or {StaffRoles.Animator}.", nameof(role));
        var user = await db.StaffUsers.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return null;
        if (user.Role == StaffRoles.Admin && role != StaffRoles.Admin
            && await db.StaffUsers.CountAsync(u => u.Role == StaffRoles.Admin, ct) == 1) return StaffChange.LastAdmin;
        user.DisplayName = displayName.Trim();
        user.Role = role;
        await db.SaveChangesAsync(ct);
        return StaffChange.Changed;
    }

    /// <summary>
    /// What a signed-in session carries of the password it was opened with: a new password (a reset, or their own
    /// change) ends every session opened before it, at its next request. Derived from the hash, never the hash itself.
    /// </summary>
    public static string Stamp(StaffUser user) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("mam-session:" + user.PasswordHash)))[..32];

    /// <summary>Removes an account, but never one's own nor the last admin (someone must be able to manage the team).</summary>
    public async Task<bool> RemoveAsync(int id, int byId, CancellationToken ct)
    {
        var user = await db.StaffUsers.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null || id == byId) return false;
        if (user.Role == StaffRoles.Admin && await db.StaffUsers.CountAsync(u => u.Role == StaffRoles.Admin, ct) == 1) return false;
        db.StaffUsers.Remove(user);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>20 characters from an alphabet without look-alikes (no 0/O, 1/l/I), easy to type from a printout.</summary>
    private static string Generate() => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
}
