using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MamBot.Data.Outbox;

/// <summary>
/// One of Meta's utility-message templates on the centre's Page, as Meta last told us (the answer to creating it,
/// the template list, the message_template_status_update webhook). Shared by every host through the database.
/// </summary>
public sealed class UtilityTemplate
{
    public int Id { get; set; }

    /// <summary>Meta's name for it: ours, with a stamp of its text, so a changed text is a new template.</summary>
    public required string Name { get; set; }
    public required string Language { get; set; }
    public string? MetaId { get; set; }

    /// <summary>Meta's word: APPROVED, PENDING, REJECTED, PAUSED, DISABLED…; only APPROVED may be sent.</summary>
    public required string Status { get; set; }
    public string? Reason { get; set; }
    public DateTime UpdatedUtc { get; set; }

    public const string Approved = "APPROVED";
}

/// <summary>The switch for utility messages, in the "Messenger" config section.</summary>
public sealed class UtilityTemplateOptions
{
    public const string Section = "Messenger";

    /// <summary>
    /// Send reminders outside the 24-hour window as Meta's utility messages (open beta; Meta offers them only in some
    /// countries). Off: such reminders are skipped and the resident is told so when signing up.
    /// </summary>
    public bool UtilityTemplates { get; set; }
}

/// <summary>Which utility templates may be used now: the switch is on and Meta approved that very template.</summary>
public sealed class UtilityTemplateStore(MamDbContext db, IOptions<UtilityTemplateOptions> options, TimeProvider time)
{
    public bool Enabled => options.Value.UtilityTemplates;

    public async Task<bool> UsableAsync(string name, string language, CancellationToken ct) =>
        Enabled && await db.UtilityTemplates.AnyAsync(t => t.Name == name && t.Language == language && t.Status == UtilityTemplate.Approved, ct);

    public Task<List<UtilityTemplate>> AllAsync(CancellationToken ct) =>
        db.UtilityTemplates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);

    /// <summary>Records what Meta said of a template; a status for a template we never made is ignored.</summary>
    public async Task RecordAsync(string name, string language, string? metaId, string status, string? reason, bool create, CancellationToken ct)
    {
        var row = await db.UtilityTemplates.FirstOrDefaultAsync(t => t.Name == name && t.Language == language, ct);
        if (row is null)
        {
            if (!create) return;
            row = new UtilityTemplate { Name = name, Language = language, Status = status };
            db.UtilityTemplates.Add(row);
        }
        row.MetaId = metaId ?? row.MetaId;
        row.Status = status.ToUpperInvariant();
        row.Reason = string.IsNullOrWhiteSpace(reason) || reason == "NONE" ? null : reason[..Math.Min(reason.Length, 500)];
        row.UpdatedUtc = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (create) // another host recorded it first: theirs is as good
        {
            db.ChangeTracker.Clear();
        }
    }
}
