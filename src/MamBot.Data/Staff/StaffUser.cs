namespace MamBot.Data.Staff;

public static class StaffRoles
{
    public const string Admin = "admin";
    public const string Animator = "animator";
}

/// <summary>A member of staff who signs in to the admin panel. The password is only ever stored hashed.</summary>
public sealed class StaffUser
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public string DisplayName { get; set; } = "";
    public required string PasswordHash { get; set; }
    public string Role { get; set; } = StaffRoles.Animator;
    public int FailedLogins { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? LastLoginUtc { get; set; }

    /// <summary>
    /// "Jestem przy czacie" holds until then: moved on by the person's own work in the panel, ended by signing out.
    /// Null or past: not at the chat, whatever the page last showed.
    /// </summary>
    public DateTime? AvailableUntilUtc { get; set; }

    /// <summary>The secret in the link of this person's private calendar feed; null: no link (or revoked).</summary>
    public string? CalendarFeedSecret { get; set; }
}
