using MamBot.Data.Residents;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Centres;

/// <summary>The result of saving a contact: the row, or why it was not saved (no row and no problems: not found).</summary>
public sealed record ContactSave(LocalContact? Contact, IReadOnlyList<ContactProblem> Problems)
{
    public bool Saved => Contact is not null && Problems.Count == 0;
}

/// <summary>
/// The centre's "where to turn" list that staff keep in the panel: list, add, change, remove. Each change is one
/// SaveChanges (one transaction); residents read the list through <see cref="CentreDirectory"/> at once.
/// </summary>
public sealed class LocalContactService(MamDbContext db)
{
    public async Task<IReadOnlyList<LocalContact>> ListAsync(int centreId, CancellationToken ct) =>
        await db.LocalContacts.AsNoTracking().Where(c => c.CentreId == centreId).OrderBy(c => c.Name).ThenBy(c => c.Id)
            .ToListAsync(ct);

    /// <summary>Adds a contact (no id) or changes one of this centre's.</summary>
    public async Task<ContactSave> SaveAsync(int centreId, int? contactId, LocalContactDetails details, CancellationToken ct)
    {
        var problems = LocalContactRules.Check(details);
        if (problems.Count > 0) return new(null, problems);
        var contact = contactId is { } id
            ? await db.LocalContacts.FirstOrDefaultAsync(c => c.Id == id && c.CentreId == centreId, ct)
            : new LocalContact { CentreId = centreId, Name = "", Topics = "" };
        if (contact is null) return new(null, []);
        contact.Name = details.Name.Trim();
        contact.Topics = LocalContactRules.Normalized(details.Topics);
        contact.Phone = details.Phone.Trim();
        contact.Email = details.Email.Trim();
        contact.Address = details.Address.Trim();
        contact.Hours = details.Hours.Trim();
        contact.Note = details.Note.Trim();
        contact.NameUk = Languages.Version(details.NameUk);
        contact.NameEn = Languages.Version(details.NameEn);
        contact.NoteUk = Languages.Version(details.NoteUk);
        contact.NoteEn = Languages.Version(details.NoteEn);
        if (contact.Id == 0) db.LocalContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return new(contact, []);
    }

    /// <summary>False when the contact was already gone (or belongs to another centre).</summary>
    public async Task<bool> RemoveAsync(int centreId, int contactId, CancellationToken ct) =>
        await db.BulkWriteAsync(ct => db.LocalContacts.Where(c => c.Id == contactId && c.CentreId == centreId).ExecuteDeleteAsync(ct), ct) == 1;
}
