using MamBot.Data.Bookings;
using MamBot.Data.Centres;
using MamBot.Data.Residents;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Events;

/// <summary>The team's optional Ukrainian and English versions of an event's title and organiser.</summary>
public sealed record EventNames(string? TitleUk = null, string? TitleEn = null, string? OrganiserUk = null,
    string? OrganiserEn = null);

/// <summary>A new event; the Ukrainian and English versions are the team's own, and optional.</summary>
public sealed record NewEvent(int CentreId, string Title, string Description, DateTime StartUtc, DateTime EndUtc,
    int? RoomId, EventCategory Category, int? Capacity, string Organiser, string? DescriptionUk = null,
    string? DescriptionEn = null, EventNames? Names = null);

public enum EventProblem
{
    None, NotFound, InThePast, EndBeforeStart, RoomTaken, Cancelled, FewerPlacesThanGoing,

    /// <summary>The room (or the centre) does not open that weekday.</summary>
    Closed,

    /// <summary>The times run outside that day's opening hours.</summary>
    OutsideHours,

    /// <summary>A day closure (a blackout: painting, holidays) covers the time.</summary>
    ClosedThatDay,
}

/// <summary>What staff may change about an event without moving it.</summary>
public sealed record EventDetails(string Title, string Description, string Organiser, EventCategory Category, int? Capacity,
    string? DescriptionUk = null, string? DescriptionEn = null, EventNames? Names = null);

/// <summary>The outcome of editing: the event and who moved up from the waiting list, or why not.</summary>
public sealed record EventEdit(CommunityEvent? Event, EventProblem Problem, IReadOnlyList<EventSignup> Promoted)
{
    /// <summary>Every date changed (this one and, when asked, the following ones of its series).</summary>
    public IReadOnlyList<CommunityEvent> Edited { get; init; } = Event is null ? [] : [Event];

    /// <summary>The date that stopped the change, when it was not this event's own.</summary>
    public DateTime? AtUtc { get; init; }
}

/// <summary>
/// The outcome of creating or moving an event: the event, or why not (what holds the room, the closure) and
/// at which start (a series names the date that stops it).
/// </summary>
public sealed record EventChange(CommunityEvent? Event, EventProblem Problem, IReadOnlyList<Booking> ConflictingBookings,
    IReadOnlyList<CommunityEvent> ConflictingEvents, Blackout? Closure = null, DateTime? AtUtc = null);

/// <summary>An event with how many are going and waiting.</summary>
public sealed record EventSummary(CommunityEvent Event, int Going, int Waiting)
{
    public int? FreePlaces => Event.Capacity is { } capacity ? Math.Max(0, capacity - Going) : null;
}

public enum SignupOutcome { Going, Waiting, AlreadyGoing, AlreadyWaiting, Started, Cancelled, NotFound }

public sealed record SignupResult(SignupOutcome Outcome, EventSignup? Signup, EventSummary? Summary);

/// <summary>The withdrawn place, and who moved up from the waiting list into it (if anyone).</summary>
public sealed record WithdrawResult(EventSignup? Withdrawn, EventSignup? Promoted, CommunityEvent? Event, bool HadAPlace = false);

/// <summary>
/// Events and sign-ups. Writes run in one SQLite write transaction (BEGIN IMMEDIATE), so "count the places,
/// then take one" cannot interleave and an event never has more people going than it has places.
/// </summary>
public sealed partial class EventService(MamDbContext db, TimeProvider time)
{
    public async Task<EventChange> CreateAsync(NewEvent request, CancellationToken ct)
    {
        var series = await CreateSeriesAsync(request, [(request.StartUtc, request.EndUtc)], ct);
        return series.Created is [var created] ? new(created, EventProblem.None, [], []) : series.Refused[0];
    }

    public async Task<EventChange> MoveAsync(int eventId, DateTime startUtc, DateTime endUtc, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        var moved = await db.Events.FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (moved is null) return Problem(EventProblem.NotFound);
        if (!moved.IsOn) return Problem(EventProblem.Cancelled);
        var centre = await CentreAsync(moved.CentreId, ct);
        if (await CheckAsync(centre, moved.RoomId, startUtc, endUtc, [moved.Id], ct) is { } problem) return problem;

        moved.StartUtc = startUtc;
        moved.EndUtc = endUtc;
        moved.CalendarSequence++;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(moved, EventProblem.None, [], []);
    }

    /// <summary>The team's versions of the title and organiser; blank is none.</summary>
    private static void Name(CommunityEvent e, EventNames? names)
    {
        e.TitleUk = Languages.Version(names?.TitleUk);
        e.TitleEn = Languages.Version(names?.TitleEn);
        e.OrganiserUk = Languages.Version(names?.OrganiserUk);
        e.OrganiserEn = Languages.Version(names?.OrganiserEn);
    }

    public async Task<EventEdit> EditAsync(int eventId, EventDetails details, CancellationToken ct, bool following = false)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        var edited = await db.Events.FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (edited is null) return new(null, EventProblem.NotFound, []);
        if (!edited.IsOn) return new(null, EventProblem.Cancelled, []);
        if (edited.EndUtc <= Now) return new(null, EventProblem.InThePast, []);
        var targets = following ? await FollowingAsync(edited, tracked: true, ct) : [edited];
        var promoted = new List<EventSignup>();
        foreach (var target in targets)
        {
            var going = await db.EventSignups.CountAsync(s => s.EventId == target.Id && s.Status == SignupStatus.Going, ct);
            if (details.Capacity is { } fewer && fewer < going)
                return new(null, EventProblem.FewerPlacesThanGoing, []) { AtUtc = target.Id == edited.Id ? null : target.StartUtc };
            promoted.AddRange(await ApplyAsync(target, details, going, ct));
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(edited, EventProblem.None, promoted) { Edited = targets };
    }

    /// <summary>
    /// Changes the description of an upcoming event. Places cannot drop below those already taken (nobody is
    /// pushed out); more places take people from the waiting list, first come first served.
    /// </summary>
    private async Task<List<EventSignup>> ApplyAsync(CommunityEvent edited, EventDetails details, int going, CancellationToken ct)
    {
        if (edited.Title != details.Title.Trim() || edited.Description != details.Description.Trim()) edited.CalendarSequence++;
        edited.Title = details.Title.Trim();
        edited.Description = details.Description.Trim();
        edited.DescriptionUk = Languages.Version(details.DescriptionUk);
        edited.DescriptionEn = Languages.Version(details.DescriptionEn);
        edited.Organiser = details.Organiser.Trim();
        Name(edited, details.Names);
        edited.Category = details.Category;
        edited.Capacity = details.Capacity;
        var waiting = db.EventSignups.Where(s => s.EventId == edited.Id && s.Status == SignupStatus.Waiting)
            .OrderBy(s => s.CreatedUtc).ThenBy(s => s.Id);
        var promoted = await (details.Capacity is { } capacity ? waiting.Take(capacity - going) : waiting).ToListAsync(ct);
        foreach (var signup in promoted)
        {
            signup.Status = SignupStatus.Going;
            signup.PromotedUtc = Now;
        }
        return promoted;
    }

    /// <summary>Cancels the event; null when it is unknown, over or cancelled already.</summary>
    public async Task<CommunityEvent?> CancelAsync(int eventId, CancellationToken ct)
    {
        var cancelled = await db.Events.FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (cancelled is null || !cancelled.IsOn || cancelled.EndUtc <= Now) return null;
        cancelled.Status = EventStatus.Cancelled;
        cancelled.CancelledUtc = Now;
        cancelled.CalendarSequence++;
        await db.SaveChangesAsync(ct);
        return cancelled;
    }

    /// <summary>Undoes a cancellation while the event is still ahead and its room is still free; sign-ups stand as they were.</summary>
    public async Task<EventChange> RestoreAsync(int eventId, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        var restored = await db.Events.FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (restored is null || restored.IsOn) return Problem(EventProblem.NotFound);
        if (restored.StartUtc <= Now) return Problem(EventProblem.InThePast);
        // Back on only where it could be put now: hours, closures and the room checked as for a new date.
        var centre = await CentreAsync(restored.CentreId, ct);
        if (await CheckAsync(centre, restored.RoomId, restored.StartUtc, restored.EndUtc, [restored.Id], ct) is { } problem) return problem;
        restored.Status = EventStatus.Scheduled;
        restored.CalendarSequence++;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(restored, EventProblem.None, [], []);
    }

    public async Task<SignupResult> SignUpAsync(int eventId, Guid residentId, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        var wanted = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (wanted is null) return new(SignupOutcome.NotFound, null, null);
        if (!wanted.IsOn) return new(SignupOutcome.Cancelled, null, await SummaryAsync(wanted, ct));
        if (wanted.StartUtc <= Now) return new(SignupOutcome.Started, null, await SummaryAsync(wanted, ct));

        var existing = await db.EventSignups.FirstOrDefaultAsync(s => s.EventId == eventId && s.ResidentId == residentId && s.Status != SignupStatus.Withdrawn, ct);
        if (existing is not null)
            return new(existing.Status == SignupStatus.Going ? SignupOutcome.AlreadyGoing : SignupOutcome.AlreadyWaiting, existing, await SummaryAsync(wanted, ct));

        var going = await db.EventSignups.CountAsync(s => s.EventId == eventId && s.Status == SignupStatus.Going, ct);
        var signup = new EventSignup
        {
            EventId = eventId,
            ResidentId = residentId,
            Status = wanted.Capacity is not { } capacity || going < capacity ? SignupStatus.Going : SignupStatus.Waiting,
            CreatedUtc = Now,
        };
        db.EventSignups.Add(signup);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(signup.Status == SignupStatus.Going ? SignupOutcome.Going : SignupOutcome.Waiting, signup, await SummaryAsync(wanted, ct));
    }

    /// <summary>Gives up a place (or a place in the queue); a freed place goes to the first one waiting.</summary>
    public async Task<WithdrawResult> WithdrawAsync(int eventId, Guid residentId, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        var theEvent = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        var signup = await db.EventSignups.FirstOrDefaultAsync(s => s.EventId == eventId && s.ResidentId == residentId && s.Status != SignupStatus.Withdrawn, ct);
        if (theEvent is null || signup is null || !theEvent.IsOn || theEvent.StartUtc <= Now) return new(null, null, theEvent);

        var freedAPlace = signup.Status == SignupStatus.Going;
        signup.Status = SignupStatus.Withdrawn;
        signup.WithdrawnUtc = Now;
        EventSignup? promoted = null;
        if (freedAPlace)
        {
            promoted = await db.EventSignups.Where(s => s.EventId == eventId && s.Status == SignupStatus.Waiting)
                .OrderBy(s => s.CreatedUtc).ThenBy(s => s.Id).FirstOrDefaultAsync(ct);
            if (promoted is not null)
            {
                promoted.Status = SignupStatus.Going;
                promoted.PromotedUtc = Now;
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(signup, promoted, theEvent, freedAPlace);
    }

    public async Task<EventSummary?> FindAsync(int eventId, CancellationToken ct)
    {
        var found = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        return found is null ? null : await SummaryAsync(found, ct);
    }

    /// <summary>Events of the centre that have not ended and start before <paramref name="toUtc"/>, soonest first.</summary>
    public async Task<IReadOnlyList<EventSummary>> ListAsync(int centreId, DateTime fromUtc, DateTime toUtc, EventCategory? category, CancellationToken ct)
    {
        var from = fromUtc < Now ? Now : fromUtc;
        var events = await db.Events.AsNoTracking()
            .Where(e => e.CentreId == centreId && e.Status == EventStatus.Scheduled && e.EndUtc > from && e.StartUtc < toUtc
                && (category == null || e.Category == category))
            .OrderBy(e => e.StartUtc).ThenBy(e => e.Id)
            .ToListAsync(ct);
        return await SummariesAsync(events, ct);
    }

    /// <summary>The resident's places and queue positions at events that have not ended yet.</summary>
    public async Task<IReadOnlyList<(EventSummary Summary, EventSignup Signup)>> MineAsync(Guid residentId, CancellationToken ct)
    {
        var now = Now;
        var rows = await db.EventSignups.AsNoTracking()
            .Where(s => s.ResidentId == residentId && s.Status != SignupStatus.Withdrawn)
            .Join(db.Events, s => s.EventId, e => e.Id, (s, e) => new { Signup = s, Event = e })
            .Where(x => x.Event.EndUtc > now && x.Event.Status == EventStatus.Scheduled)
            .OrderBy(x => x.Event.StartUtc)
            .ToListAsync(ct);
        var summaries = await SummariesAsync([.. rows.Select(r => r.Event)], ct);
        return [.. rows.Select((r, i) => (summaries[i], r.Signup))];
    }

    public async Task<EventSignup?> SignupOfAsync(int eventId, Guid residentId, CancellationToken ct) =>
        await db.EventSignups.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId && s.ResidentId == residentId && s.Status != SignupStatus.Withdrawn, ct);

    public async Task<IReadOnlyList<EventSignup>> ActiveSignupsAsync(int eventId, CancellationToken ct) =>
        await db.EventSignups.AsNoTracking().Where(s => s.EventId == eventId && s.Status != SignupStatus.Withdrawn && s.ResidentId != null)
            .OrderBy(s => s.Id).ToListAsync(ct);

    /// <summary>The 1-based place in the waiting list.</summary>
    public Task<int> QueuePositionAsync(EventSignup signup, CancellationToken ct) =>
        db.EventSignups.CountAsync(s => s.EventId == signup.EventId && s.Status == SignupStatus.Waiting && s.Id <= signup.Id, ct);

    /// <summary>Records "Jak było?" once per resident and event; a later answer replaces the earlier one.</summary>
    public async Task<EventFeedback> RateAsync(int eventId, Guid residentId, int? rating, CancellationToken ct)
    {
        var feedback = await db.EventFeedback.FirstOrDefaultAsync(f => f.EventId == eventId && f.ResidentId == residentId, ct);
        if (feedback is null)
        {
            feedback = new EventFeedback { EventId = eventId, ResidentId = residentId };
            db.EventFeedback.Add(feedback);
        }
        feedback.Rating = rating is >= 1 and <= 5 ? rating : null;
        feedback.Missed = rating is null;
        feedback.AtUtc = Now;
        await db.SaveChangesAsync(ct);
        return feedback;
    }

    public async Task CommentAsync(int eventId, Guid residentId, string comment, CancellationToken ct)
    {
        var feedback = await db.EventFeedback.FirstOrDefaultAsync(f => f.EventId == eventId && f.ResidentId == residentId, ct);
        if (feedback is null) return;
        feedback.Comment = comment;
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlySet<EventCategory>> SubscriptionsAsync(Guid residentId, CancellationToken ct) =>
        (await db.CategorySubscriptions.AsNoTracking().Where(s => s.ResidentId == residentId).Select(s => s.Category).ToListAsync(ct)).ToHashSet();

    public async Task SetSubscriptionAsync(Guid residentId, EventCategory category, bool subscribed, CancellationToken ct)
    {
        var existing = await db.CategorySubscriptions.FirstOrDefaultAsync(s => s.ResidentId == residentId && s.Category == category, ct);
        if (subscribed && existing is null) db.CategorySubscriptions.Add(new CategorySubscription { ResidentId = residentId, Category = category });
        if (!subscribed && existing is not null) db.CategorySubscriptions.Remove(existing);
        await db.SaveChangesAsync(ct);
    }

    public Task ClearSubscriptionsAsync(Guid residentId, CancellationToken ct) =>
        db.BulkWriteAsync(ct => db.CategorySubscriptions.Where(s => s.ResidentId == residentId).ExecuteDeleteAsync(ct), ct);

    /// <summary>Residents of the centre who asked to hear about new events in this category.</summary>
    public async Task<IReadOnlyList<Guid>> SubscribersAsync(int centreId, EventCategory category, CancellationToken ct) =>
        await db.CategorySubscriptions.AsNoTracking()
            .Where(s => s.Category == category)
            .Join(db.Residents.Where(r => r.CentreId == centreId), s => s.ResidentId, r => r.Id, (s, r) => r.Id)
            .ToListAsync(ct);

    /// <summary>Scheduled events in a room around the given time (they block the room for bookings).</summary>
    public static IQueryable<CommunityEvent> InRoom(MamDbContext db, int roomId, DateTime fromUtc, DateTime toUtc, int? except) =>
        db.Events.AsNoTracking().Where(e => e.RoomId == roomId && e.Id != except && e.Status == EventStatus.Scheduled && e.StartUtc < toUtc && e.EndUtc > fromUtc);

    /// <summary>
    /// Why an event cannot take place at that time, or null. In a room it must also fit the room's opening hours
    /// and no day closure, as a booking must; outdoors (no room) the centre's hours are not its own.
    /// </summary>
    private async Task<EventChange?> CheckAsync(Centre centre, int? roomId, DateTime startUtc, DateTime endUtc,
        IReadOnlyCollection<int> except, CancellationToken ct)
    {
        if (endUtc <= startUtc) return Problem(EventProblem.EndBeforeStart, startUtc);
        if (startUtc <= Now) return Problem(EventProblem.InThePast, startUtc);
        if (roomId is not { } id) return null;
        if (centre.Rooms.FirstOrDefault(r => r.Id == id) is not { } room) return Problem(EventProblem.NotFound, startUtc);
        if (EventRules.Hours(centre, room, startUtc, endUtc) is var hours and not EventProblem.None) return Problem(hours, startUtc);
        var closure = await db.Blackouts.AsNoTracking()
            .Where(b => b.CentreId == centre.Id && (b.RoomId == null || b.RoomId == id) && b.StartUtc < endUtc && b.EndUtc > startUtc)
            .OrderBy(b => b.StartUtc).FirstOrDefaultAsync(ct);
        if (closure is not null) return new(null, EventProblem.ClosedThatDay, [], [], closure, startUtc);

        var buffer = TimeSpan.FromMinutes(room.BufferMinutes);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.RoomId == id && b.StartUtc < endUtc + buffer && b.StartUtc > startUtc - buffer - BookingRules.LongestBooking
                && b.EndUtc > startUtc - buffer
                && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed))
            .OrderBy(b => b.StartUtc).ToListAsync(ct);
        var events = await db.Events.AsNoTracking()
            .Where(e => e.RoomId == id && !except.Contains(e.Id) && e.Status == EventStatus.Scheduled
                && e.StartUtc < endUtc && e.EndUtc > startUtc)
            .OrderBy(e => e.StartUtc).ToListAsync(ct);
        return bookings.Count == 0 && events.Count == 0 ? null : new(null, EventProblem.RoomTaken, bookings, events, AtUtc: startUtc);
    }

    private async Task<Centre> CentreAsync(int centreId, CancellationToken ct) =>
        await db.Centres.AsNoTracking().Include(c => c.OpeningHours).Include(c => c.Rooms).FirstAsync(c => c.Id == centreId, ct);

    private async Task<EventSummary> SummaryAsync(CommunityEvent e, CancellationToken ct) => (await SummariesAsync([e], ct))[0];

    private async Task<IReadOnlyList<EventSummary>> SummariesAsync(IReadOnlyList<CommunityEvent> events, CancellationToken ct)
    {
        var ids = events.Select(e => e.Id).ToList();
        var counts = await db.EventSignups.AsNoTracking()
            .Where(s => ids.Contains(s.EventId) && s.Status != SignupStatus.Withdrawn)
            .GroupBy(s => new { s.EventId, s.Status })
            .Select(g => new { g.Key.EventId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        int CountOf(int id, SignupStatus status) => counts.FirstOrDefault(c => c.EventId == id && c.Status == status)?.Count ?? 0;
        return [.. events.Select(e => new EventSummary(e, CountOf(e.Id, SignupStatus.Going), CountOf(e.Id, SignupStatus.Waiting)))];
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static EventChange Problem(EventProblem problem, DateTime? atUtc = null) => new(null, problem, [], [], AtUtc: atUtc);
}
