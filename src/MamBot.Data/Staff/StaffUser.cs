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

    /// <summary>"Dostępna" in the panel: someone can answer residents who ask for a person now.</summary>
    public bool IsAvailable { get; set; }
}
