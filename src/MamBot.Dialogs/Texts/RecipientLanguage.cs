using MamBot.Data;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Texts;

/// <summary>
/// The language of the resident a message is for. A message queued for a resident is written in it, not in the
/// language of whoever caused it: a team member in the panel, or another resident's turn.
/// </summary>
public sealed class RecipientLanguage(MamDbContext db)
{
    private readonly Dictionary<Guid, string> _known = [];

    public async Task<string> OfAsync(Guid? residentId, CancellationToken ct)
    {
        if (residentId is not { } id) return Data.Residents.Languages.Polish;
        if (_known.TryGetValue(id, out var language)) return language;
        language = await db.Residents.Where(r => r.Id == id).Select(r => r.Language).FirstOrDefaultAsync(ct) ?? Data.Residents.Languages.Polish;
        return _known[id] = language;
    }
}
