using MamBot.Data.Centres;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Events;

/// <summary>
/// One person on an event's list: going or waiting, the name and phone the team can reach them by (null once
/// they erased their data, or never gave one), and the team's mark on the day.
/// </summary>
public sealed record Attendee(int SignupId, Guid? ResidentId, SignupStatus Status, string? Name, string? Phone, DateTime SignedUpUtc, bool? Came);

public enum MarkOutcome { Marked, NotFound, NotGoing, NotYet, Cancelled }

/// <summary>Who is coming to an event (the waiting list in its order) and the attendance the team marks on the day.</summary>
public sealed class EventAttendees(MamDbContext db, CentreDirectory centres, TimeProvider time)
{
    /// <summary>Those going, first come first listed, then the waiting list in the order it moves up.</summary>
    public async Task<IReadOnlyList<Attendee>> ListAsync(int eventId, CancellationToken ct)
    {
        var signups = await db.EventSignups.AsNoTracking()
            .Where(s => s.EventId == eventId && s.Status != SignupStatus.Withdrawn)
            .OrderBy(s => s.CreatedUtc).ThenBy(s => s.Id).ToListAsync(ct);
        var ids = signups.Select(s => s.ResidentId).OfType<Guid>().Distinct().ToList();
        var names = await db.Residents.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.DisplayName, ct);
        // Web chat residents have no name from their channel: the one they gave when booking a room, and its phone.
        var contacts = (await db.Bookings.AsNoTracking().Where(b => b.ResidentId != null && ids.Contains(b.ResidentId.Value))
                .Select(b => new { ResidentId = b.ResidentId!.Value, b.ContactName, b.Phone, b.CreatedUtc }).ToListAsync(ct))
            .OrderByDescending(b => b.CreatedUtc).ToLookup(b => b.ResidentId);
        Attendee Of(EventSignup s)
        {
            if (s.ResidentId is not { } id) return new(s.Id, null, s.Status, null, null, s.CreatedUtc, s.Came);
            var name = names.GetValueOrDefault(id) is { Length: > 0 } own ? own
                : contacts[id].Select(b => b.ContactName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
            var phone = contacts[id].Select(b => b.Phone).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p));
            return new(s.Id, id, s.Status, name, phone, s.CreatedUtc, s.Came);
        }
        return [.. signups.Where(s => s.Status == SignupStatus.Going).Select(Of),
            .. signups.Where(s => s.Status == SignupStatus.Waiting).Select(Of)];
    }

    /// <summary>Came or not, for someone going; from the event's day on (the centre's calendar), never for a cancelled one.</summary>
    public async Task<MarkOutcome> MarkAsync(int eventId, int signupId, bool came, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        var theEvent = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        var signup = await db.EventSignups.FirstOrDefaultAsync(s => s.Id == signupId && s.EventId == eventId, ct);
        if (theEvent is null || signup is null) return MarkOutcome.NotFound;
        if (!theEvent.IsOn) return MarkOutcome.Cancelled;
        if (signup.Status != SignupStatus.Going) return MarkOutcome.NotGoing;
        var zone = (await centres.GetAsync(theEvent.CentreId, ct)).TimeZone;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(theEvent.StartUtc, zone));
        if (LocalCalendar.Today(time.GetUtcNow().UtcDateTime, zone) < day) return MarkOutcome.NotYet;
        signup.Came = came;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return MarkOutcome.Marked;
    }
}
