using MamBot.Data.Bookings;
using MamBot.Data.Events;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Calendar;

public enum CalendarKind { Booking, Event, Closure }

/// <summary>
/// One thing on the centre's calendar: a booking that holds its room (pending or confirmed), an event that is on,
/// or a closure (of a room, or of the whole centre when <see cref="RoomId"/> is null and it is no event).
/// </summary>
public sealed record CalendarItem(CalendarKind Kind, int Id, int? RoomId, DateTime StartUtc, DateTime EndUtc, string Title,
    bool Pending = false, int People = 0, int Sequence = 0, DateTime? ChangedUtc = null);

/// <summary>What happens at the centre in a span of time, bookings, events and closures together, soonest first.</summary>
public sealed class CentreCalendar(MamDbContext db)
{
    public async Task<IReadOnlyList<CalendarItem>> ItemsAsync(int centreId, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.CentreId == centreId).Select(r => r.Id).ToListAsync(ct);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => rooms.Contains(b.RoomId) && b.StartUtc < toUtc && b.EndUtc > fromUtc
                && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed))
            .ToListAsync(ct);
        var events = await db.Events.AsNoTracking()
            .Where(e => e.CentreId == centreId && e.Status == EventStatus.Scheduled && e.StartUtc < toUtc && e.EndUtc > fromUtc)
            .ToListAsync(ct);
        var closures = await db.Blackouts.AsNoTracking()
            .Where(b => b.CentreId == centreId && b.StartUtc < toUtc && b.EndUtc > fromUtc)
            .ToListAsync(ct);
        return
        [
            .. bookings.Select(b => new CalendarItem(CalendarKind.Booking, b.Id, b.RoomId, b.StartUtc, b.EndUtc, b.Purpose,
                b.Status == BookingStatus.Pending, b.People, b.CalendarSequence, b.DecidedUtc ?? b.CreatedUtc))
                .Concat(events.Select(e => new CalendarItem(CalendarKind.Event, e.Id, e.RoomId, e.StartUtc, e.EndUtc, e.Title,
                    Sequence: e.CalendarSequence, ChangedUtc: e.CreatedUtc)))
                .Concat(closures.Select(c => new CalendarItem(CalendarKind.Closure, c.Id, c.RoomId, c.StartUtc, c.EndUtc, c.Reason)))
                .OrderBy(i => i.StartUtc).ThenBy(i => i.Kind).ThenBy(i => i.Id),
        ];
    }
}
