using MamBot.Data;
using MamBot.Data.Centres;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Admin.Pages.Residents;

/// <summary>"Mieszkańcy": find a resident by name, chat id or the name and phone given in a booking (with or without Polish letters).</summary>
public sealed class IndexModel(MamDbContext db, CentreDirectory centres) : PageModel
{
    public const int MaxShown = 50;

    public sealed record Row(Guid Id, string Name, string Channels, string Language, string Joined, bool Consented);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<Row> Found { get; private set; } = [];
    public int Total { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        var residents = await db.Residents.AsNoTracking().Where(r => r.CentreId == centre.Id)
            .Include(r => r.Identities).Include(r => r.Consents).OrderByDescending(r => r.CreatedUtc).ToListAsync(ct);
        Total = residents.Count;
        if (string.IsNullOrWhiteSpace(Q)) return;

        // Folded in memory: SQLite's LIKE ignores case only for ASCII, and residents type names without diacritics.
        var query = TypedText.Fold(Q.Trim());
        var bookingContacts = (await db.Bookings.AsNoTracking().Where(b => b.ResidentId != null)
                .Select(b => new { b.ResidentId, b.ContactName, b.Phone }).ToListAsync(ct))
            .ToLookup(b => b.ResidentId!.Value, b => $"{b.ContactName} {b.Phone}");
        bool Matches(string? text) => text is not null && TypedText.Fold(text).Contains(query, StringComparison.Ordinal);
        Found = [.. residents
            .Where(r => Matches(r.DisplayName) || r.Identities.Any(i => Matches(i.ExternalId)) || bookingContacts[r.Id].Any(Matches))
            .Take(MaxShown)
            .Select(r => new Row(r.Id, NameOf(r.DisplayName, bookingContacts[r.Id].FirstOrDefault()),
                string.Join(", ", r.Identities.Select(i => Wording.ChannelName(i.Channel))), AdminNames.OfLanguage(r.Language),
                Wording.DateTime(r.CreatedUtc, centre.TimeZone, DayCase.Genitive), r.HasConsented))];
    }

    private static string NameOf(string? displayName, string? bookingContact) =>
        !string.IsNullOrWhiteSpace(displayName) ? displayName
        : !string.IsNullOrWhiteSpace(bookingContact) ? bookingContact.Trim()
        : AdminText.ResidentWithoutName;
}
