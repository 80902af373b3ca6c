using MamBot.Data.Bookings;
using MamBot.Data.Events;
using MamBot.Data.Residents;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Search;

/// <summary>A booking found, with its room's name.</summary>
public sealed record FoundBooking(Booking Booking, string Room);

/// <summary>A resident found: their name (their own, else the one given in a booking) and their channels.</summary>
public sealed record FoundResident(Guid Id, string? Name, IReadOnlyList<string> Channels, DateTime CreatedUtc);

/// <summary>What one search found, group by group, each at most <see cref="PanelSearch.MaxPerGroup"/> long.</summary>
public sealed record SearchResults(IReadOnlyList<CommunityEvent> Events, IReadOnlyList<FoundBooking> Bookings,
    IReadOnlyList<FoundResident> Residents, int EventsTotal, int BookingsTotal, int ResidentsTotal);

/// <summary>
/// The panel's one search box: events (titles in every language, any distance back or ahead, cancelled ones too),
/// bookings (purpose, name, phone) and residents (name, chat id, the name and phone in their bookings). Every word
/// must be found, with or without Polish letters; compared in memory, as a centre has a few thousand rows.
/// </summary>
public sealed class PanelSearch(MamDbContext db, TimeProvider time)
{
    public const int MaxPerGroup = 20;

    public async Task<SearchResults> FindAsync(int centreId, string search, CancellationToken ct)
    {
        var words = EventRules.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var digits = new string([.. search.Where(char.IsDigit)]);
        bool Matches(params string?[] texts)
        {
            var folded = EventRules.Fold(string.Join(' ', texts.Where(t => t is not null)));
            // A phone matches as typed or as its digits ("600100200" finds "600 100 200").
            return words.All(folded.Contains)
                || (digits.Length >= 6 && new string([.. folded.Where(char.IsDigit)]).Contains(digits, StringComparison.Ordinal));
        }
        var now = time.GetUtcNow().UtcDateTime;

        var events = (await db.Events.AsNoTracking().Where(e => e.CentreId == centreId).ToListAsync(ct))
            .Where(e => Matches(e.Title, e.TitleUk, e.TitleEn, e.Organiser)).ToList();
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.CentreId == centreId).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var bookings = (await db.Bookings.AsNoTracking().Where(b => rooms.Keys.Contains(b.RoomId)).ToListAsync(ct))
            .Where(b => Matches(b.Purpose, b.ContactName, b.Phone)).ToList();
        var contacts = (await db.Bookings.AsNoTracking().Where(b => b.ResidentId != null)
                .Select(b => new { b.ResidentId, b.ContactName, b.Phone }).ToListAsync(ct))
            .ToLookup(b => b.ResidentId!.Value);
        var residents = (await db.Residents.AsNoTracking().Where(r => r.CentreId == centreId).Include(r => r.Identities).ToListAsync(ct))
            .Where(r => Matches(r.DisplayName) || r.Identities.Any(i => Matches(i.ExternalId))
                || contacts[r.Id].Any(c => Matches(c.ContactName, c.Phone)))
            .ToList();

        return new(
            [.. Soonest(events, e => e.StartUtc, now).Take(MaxPerGroup)],
            [.. Soonest(bookings, b => b.StartUtc, now).Take(MaxPerGroup).Select(b => new FoundBooking(b, rooms[b.RoomId]))],
            [.. residents.OrderByDescending(r => r.CreatedUtc).Take(MaxPerGroup).Select(r => new FoundResident(r.Id,
                !string.IsNullOrWhiteSpace(r.DisplayName) ? r.DisplayName : contacts[r.Id].Select(c => c.ContactName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)),
                [.. r.Identities.Select(i => i.Channel).Distinct()], r.CreatedUtc))],
            events.Count, bookings.Count, residents.Count);
    }

    /// <summary>What is still ahead first (soonest first), then what has passed (latest first).</summary>
    private static IEnumerable<T> Soonest<T>(IEnumerable<T> items, Func<T, DateTime> start, DateTime nowUtc) =>
        items.OrderBy(i => start(i) < nowUtc).ThenBy(i => start(i) < nowUtc ? nowUtc - start(i) : start(i) - nowUtc);
}
