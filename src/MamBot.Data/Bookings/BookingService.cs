using MamBot.Data.Centres;
using MamBot.Data.Events;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Bookings;

public sealed record NewBooking(int RoomId, Guid ResidentId, DateTime StartUtc, DateTime EndUtc, int People, string Purpose, string ContactName, string? Phone);

/// <summary>A booking the team makes at the desk or for the centre's own use: confirmed at once, no resident linked.</summary>
public sealed record StaffBooking(int RoomId, DateTime StartUtc, DateTime EndUtc, int People, string Purpose, string ContactName, string? Phone);

/// <summary>The outcome of asking for a time: the booking, or why not and the nearest free start times instead.</summary>
public sealed record BookingAttempt(Booking? Booking, BookingProblem Problem, IReadOnlyList<DateTime> Alternatives)
{
    public bool Succeeded => Booking is not null;
}

/// <summary>Booking operations. Each write checks and saves inside one SQLite write transaction, so two residents
/// asking for the same slot at the same moment cannot both get it.</summary>
public sealed class BookingService(MamDbContext db, CentreDirectory centres, TimeProvider time)
{
    /// <summary>The resident's latest booking, whose room, length, purpose and contact can be offered again.</summary>
    public Task<Booking?> LastOfAsync(Guid residentId, CancellationToken ct) =>
        db.Bookings.AsNoTracking().Where(b => b.ResidentId == residentId && b.ContactName != "")
            .OrderByDescending(b => b.CreatedUtc).FirstOrDefaultAsync(ct);

    public async Task<BookingAttempt> RequestAsync(NewBooking request, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        var (room, centre) = await RoomAsync(request.RoomId, ct);
        var now = time.GetUtcNow().UtcDateTime;

        var active = await db.Bookings.CountAsync(b => b.ResidentId == request.ResidentId && b.EndUtc > now
            && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed), ct);
        if (active >= centre.MaxActiveBookingsPerResident) return new(null, BookingProblem.TooManyActive, []);

        var busy = await BusyAsync(room, request.StartUtc, request.EndUtc, except: null, ct);
        var problem = BookingRules.Check(centre, room, request.StartUtc, request.EndUtc, request.People, now, busy);
        if (problem != BookingProblem.None)
            return new(null, problem, await AlternativesAsync(centre, room, request.StartUtc, request.EndUtc - request.StartUtc, now, ct));

        var booking = new Booking
        {
            RoomId = room.Id,
            ResidentId = request.ResidentId,
            StartUtc = request.StartUtc,
            EndUtc = request.EndUtc,
            People = request.People,
            Purpose = request.Purpose,
            ContactName = request.ContactName,
            Phone = request.Phone,
            Status = room.RequiresApproval ? BookingStatus.Pending : BookingStatus.Confirmed,
            CreatedUtc = now,
        };
        db.Bookings.Add(booking);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(booking, BookingProblem.None, []);
    }

    /// <summary>
    /// Staff may book outside the residents' limits (notice, length, how far ahead, opening hours: they open the
    /// door themselves), but never in the past, over the room's capacity, or over anything that holds the room.
    /// </summary>
    public async Task<BookingAttempt> BookForStaffAsync(StaffBooking request, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        var (room, _) = await RoomAsync(request.RoomId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (request.StartUtc <= now) return new(null, BookingProblem.InThePast, []);
        if (request.EndUtc <= request.StartUtc) return new(null, BookingProblem.TooShort, []);
        if (request.People > room.Capacity) return new(null, BookingProblem.OverCapacity, []);
        var clash = (await BusyAsync(room, request.StartUtc, request.EndUtc, except: null, ct))
            .Where(b => request.StartUtc < b.EndUtc && request.EndUtc > b.StartUtc).OrderByDescending(b => b.IsBlackout).ToList();
        if (clash.Count > 0) return new(null, clash[0].IsBlackout ? BookingProblem.Blackout : BookingProblem.Taken, []);

        var booking = new Booking
        {
            RoomId = room.Id,
            StartUtc = request.StartUtc,
            EndUtc = request.EndUtc,
            People = request.People,
            Purpose = request.Purpose.Trim(),
            ContactName = request.ContactName.Trim(),
            Phone = request.Phone,
            Status = BookingStatus.Confirmed,
            CreatedUtc = now,
        };
        db.Bookings.Add(booking);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(booking, BookingProblem.None, []);
    }

    /// <summary>Moves a booking to another time of the same room, under the same rules (its own old slot does not count).</summary>
    public async Task<BookingAttempt> MoveAsync(int bookingId, DateTime startUtc, DateTime endUtc, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        var booking = await db.Bookings.FirstAsync(b => b.Id == bookingId, ct);
        var (room, centre) = await RoomAsync(booking.RoomId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var busy = await BusyAsync(room, startUtc, endUtc, except: booking.Id, ct);
        var problem = booking.HoldsTheSlot ? BookingRules.Check(centre, room, startUtc, endUtc, booking.People, now, busy) : BookingProblem.Taken;
        if (problem != BookingProblem.None)
            return new(null, problem, await AlternativesAsync(centre, room, startUtc, endUtc - startUtc, now, ct));

        booking.StartUtc = startUtc;
        booking.EndUtc = endUtc;
        booking.CalendarSequence++;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(booking, BookingProblem.None, []);
    }

    public Task<Booking?> ApproveAsync(int bookingId, string? note, CancellationToken ct) =>
        DecideAsync(bookingId, BookingStatus.Confirmed, note, ct);

    public Task<Booking?> RejectAsync(int bookingId, string? note, CancellationToken ct) =>
        DecideAsync(bookingId, BookingStatus.Rejected, note, ct);

    /// <summary>Cancels an upcoming booking; a resident may cancel only their own. Null when there is nothing to cancel.</summary>
    public async Task<Booking?> CancelAsync(int bookingId, Guid? byResident, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null || !booking.HoldsTheSlot || booking.EndUtc <= now) return null;
        if (byResident is { } resident && booking.ResidentId != resident) return null;
        booking.Status = BookingStatus.Cancelled;
        booking.DecidedUtc = now;
        booking.CalendarSequence++;
        await db.SaveChangesAsync(ct);
        return booking;
    }

    /// <summary>Requests still waiting for the team's decision (the panel's count on "Dziś").</summary>
    public Task<int> WaitingForDecisionAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Bookings.CountAsync(b => b.Status == BookingStatus.Pending && b.EndUtc > now, ct);
    }

    public async Task<IReadOnlyList<Booking>> UpcomingAsync(Guid residentId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Bookings.AsNoTracking()
            .Where(b => b.ResidentId == residentId && b.EndUtc > now && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed))
            .OrderBy(b => b.StartUtc)
            .ToListAsync(ct);
    }

    /// <summary>
    /// What would stop this booking (nothing is written), and when it is stopped, the nearest starts of the same
    /// length that every rule allows: so a refusal can name its real reason and offer times that will work.
    /// </summary>
    public async Task<BookingAttempt> CheckAsync(int roomId, DateTime startUtc, TimeSpan length, int people, CancellationToken ct)
    {
        var (room, centre) = await RoomAsync(roomId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var busy = await BusyAsync(room, startUtc, startUtc + length, except: null, ct);
        var problem = BookingRules.Check(centre, room, startUtc, startUtc + length, people, now, busy);
        return problem == BookingProblem.None
            ? new(null, problem, [])
            : new(null, problem, await AlternativesAsync(centre, room, startUtc, length, now, ct));
    }

    /// <summary>
    /// Why a local day has no start for this length: the rule that stops most of its times (too little notice
    /// for tomorrow evening, closed on Sunday, all taken), or None when some time is free.
    /// </summary>
    public async Task<BookingProblem> DayProblemAsync(int roomId, DateOnly day, TimeSpan length, CancellationToken ct)
    {
        var (room, centre) = await RoomAsync(roomId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var (from, to) = DayInUtc(centre, day);
        var busy = await BusyAsync(room, from, to, except: null, ct);
        return BookingRules.DayProblem(centre, room, day, length, now, busy);
    }

    /// <summary>Free start times (UTC) on a local day for a booking of this length.</summary>
    public async Task<IReadOnlyList<DateTime>> FreeStartsAsync(int roomId, DateOnly day, TimeSpan length, CancellationToken ct) =>
        (await FreeStartsByDayAsync(roomId, day, day, length, ct))[0].Starts;

    /// <summary>Free start times for each local day from first to last, from one read of what is busy then.</summary>
    public async Task<IReadOnlyList<(DateOnly Day, IReadOnlyList<DateTime> Starts)>> FreeStartsByDayAsync(
        int roomId, DateOnly first, DateOnly last, TimeSpan length, CancellationToken ct)
    {
        var (room, centre) = await RoomAsync(roomId, ct);
        var busy = await BusyAsync(room, DayInUtc(centre, first).From, DayInUtc(centre, last).To, except: null, ct);
        var now = time.GetUtcNow().UtcDateTime;
        return [.. Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays)
            .Select(day => (day, BookingRules.FreeStarts(centre, room, day, length, now, busy)))];
    }

    private async Task<Booking?> DecideAsync(int bookingId, BookingStatus decision, string? note, CancellationToken ct)
    {
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is not { Status: BookingStatus.Pending }) return null; // decided already, or cancelled meanwhile
        booking.Status = decision;
        booking.DecisionNote = note;
        booking.CalendarSequence++;
        booking.DecidedUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return booking;
    }

    /// <summary>The room and its centre with the hours, from the centres' in-memory copy.</summary>
    private async Task<(Room Room, Centre Centre)> RoomAsync(int roomId, CancellationToken ct)
    {
        var centreId = await db.Rooms.Where(r => r.Id == roomId).Select(r => r.CentreId).FirstAsync(ct);
        var centre = await centres.GetAsync(centreId, ct);
        // A room added on another host a moment ago may not be in the copy yet.
        return (centre.Rooms.FirstOrDefault(r => r.Id == roomId) ?? await db.Rooms.AsNoTracking().FirstAsync(r => r.Id == roomId, ct), centre);
    }

    /// <summary>Bookings and events (with buffers) and blackouts of the room around the given time.</summary>
    private async Task<List<Busy>> BusyAsync(Room room, DateTime fromUtc, DateTime toUtc, int? except, CancellationToken ct)
    {
        var from = fromUtc.AddDays(-1);
        var to = toUtc.AddDays(1);
        var bookings = await db.Bookings.AsNoTracking()
            // The lower bound on the start lets the (room, start) index stop early instead of reading the room's past.
            .Where(b => b.RoomId == room.Id && b.Id != except && b.StartUtc < to && b.StartUtc > from - BookingRules.LongestBooking && b.EndUtc > from
                && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed))
            .ToListAsync(ct);
        var blackouts = await db.Blackouts.AsNoTracking()
            .Where(x => x.CentreId == room.CentreId && (x.RoomId == null || x.RoomId == room.Id) && x.StartUtc < to && x.EndUtc > from)
            .ToListAsync(ct);
        var events = await EventService.InRoom(db, room.Id, from, to, except: null).ToListAsync(ct);
        return [.. bookings.Select(b => BookingRules.Occupied(b, room)), .. blackouts.Select(x => new Busy(x.StartUtc, x.EndUtc, IsBlackout: true)),
            .. events.Select(e => new Busy(e.StartUtc.AddMinutes(-room.BufferMinutes), e.EndUtc.AddMinutes(room.BufferMinutes), IsBlackout: false))];
    }

    /// <summary>
    /// The three free starts nearest to the one asked for, within a week from that day that bookings may reach
    /// (from today, up to the room's last bookable day), closest first then in time order.
    /// </summary>
    private async Task<IReadOnlyList<DateTime>> AlternativesAsync(Centre centre, Room room, DateTime wantedUtc, TimeSpan length, DateTime now, CancellationToken ct)
    {
        if (length < TimeSpan.FromMinutes(room.MinMinutes) || length > TimeSpan.FromMinutes(room.MaxMinutes)) return [];
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, centre.TimeZone));
        var last = today.AddDays(room.MaxDaysAhead);
        var wanted = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(wantedUtc, centre.TimeZone));
        var first = wanted > last ? last.AddDays(-6) : wanted;
        if (first < today) first = today;
        var days = Enumerable.Range(0, 7).Select(first.AddDays).Where(d => d <= last).ToList();
        var (from, _) = DayInUtc(centre, days[0]);
        var (_, to) = DayInUtc(centre, days[^1]);
        var busy = await BusyAsync(room, from, to, except: null, ct);
        return [.. days
            .SelectMany(d => BookingRules.FreeStarts(centre, room, d, length, now, busy))
            .OrderBy(s => Math.Abs((s - wantedUtc).Ticks))
            .Take(3)
            .Order()];
    }

    private static (DateTime From, DateTime To) DayInUtc(Centre centre, DateOnly day) =>
        (LocalCalendar.StartUtc(day, centre.TimeZone), LocalCalendar.StartUtc(day.AddDays(1), centre.TimeZone));
}
