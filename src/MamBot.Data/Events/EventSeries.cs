using MamBot.Data.Residents;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Events;

/// <summary>The dates made, or every date refused and why (nothing is made then).</summary>
public sealed record SeriesChange(IReadOnlyList<CommunityEvent> Created, IReadOnlyList<EventChange> Refused);

/// <summary>Dates moved with where each was before, or the first date refused and why (nothing moves then).</summary>
public sealed record SeriesMove(IReadOnlyList<(CommunityEvent Event, DateTime FromUtc)> Moved, EventChange? Refused);

/// <summary>Weekly series: made in one go, moved "this and the following" in one go, listed for the team.</summary>
public sealed partial class EventService
{
    /// <summary>
    /// Makes one event per date, as one series when there are several. Every date is checked as a single event
    /// would be (times, opening hours, closures, the room): one refused date refuses them all, each named.
    /// </summary>
    public async Task<SeriesChange> CreateSeriesAsync(NewEvent request, IReadOnlyList<(DateTime StartUtc, DateTime EndUtc)> dates,
        CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        var centre = await CentreAsync(request.CentreId, ct);
        var refused = new List<EventChange>();
        foreach (var (start, end) in dates)
        {
            if (await CheckAsync(centre, request.RoomId, start, end, [], ct) is { } problem) refused.Add(problem);
        }
        if (refused.Count > 0 || dates.Count == 0) return new([], refused);

        var seriesId = dates.Count > 1 ? Guid.NewGuid() : (Guid?)null;
        var created = dates.Select(d => NewOf(request, d.StartUtc, d.EndUtc, seriesId)).ToList();
        db.Events.AddRange(created);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(created, []);
    }

    /// <summary>
    /// Moves this date to a new day and times, and the following dates of its series by as many days to the
    /// same times (the local clock, whatever the season). Every new time is checked; one refused moves none.
    /// </summary>
    public async Task<SeriesMove> MoveFollowingAsync(int eventId, DateOnly day, TimeOnly start, TimeOnly end, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        var first = await db.Events.FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (first is null || !first.IsOn) return new([], Problem(first is null ? EventProblem.NotFound : EventProblem.Cancelled));
        var centre = await CentreAsync(first.CentreId, ct);
        var zone = centre.TimeZone;
        DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
        var shift = day.DayNumber - LocalDay(first.StartUtc).DayNumber;
        var targets = await FollowingAsync(first, tracked: true, ct);
        var plan = targets.Select(t => (Event: t, From: t.StartUtc,
            Start: TimeZoneInfo.ConvertTimeToUtc(LocalDay(t.StartUtc).AddDays(shift).ToDateTime(start), zone),
            End: TimeZoneInfo.ConvertTimeToUtc(LocalDay(t.StartUtc).AddDays(shift).ToDateTime(end), zone))).ToList();
        var moving = plan.Select(p => p.Event.Id).ToList();
        foreach (var p in plan)
        {
            if (await CheckAsync(centre, p.Event.RoomId, p.Start, p.End, moving, ct) is { } problem) return new([], problem);
        }
        foreach (var p in plan)
        {
            (p.Event.StartUtc, p.Event.EndUtc) = (p.Start, p.End);
            p.Event.CalendarSequence++;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new([.. plan.Select(p => (p.Event, p.From))], null);
    }

    /// <summary>The dates of the event's series still ahead and on, soonest first (just the event when it has no series).</summary>
    public async Task<IReadOnlyList<EventSummary>> UpcomingInSeriesAsync(int eventId, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return [];
        var now = Now;
        var dates = e.SeriesId is { } series
            ? await db.Events.AsNoTracking().Where(x => x.SeriesId == series && x.Status == EventStatus.Scheduled && x.StartUtc > now)
                .OrderBy(x => x.StartUtc).ToListAsync(ct)
            : e.IsOn && e.StartUtc > now ? [e] : [];
        return await SummariesAsync(dates, ct);
    }

    /// <summary>Every date of the event's series, cancelled and past ones too, for the team.</summary>
    public async Task<IReadOnlyList<EventSummary>> SeriesOfAsync(CommunityEvent e, CancellationToken ct) =>
        e.SeriesId is not { } series ? []
            : await SummariesAsync(
                await db.Events.AsNoTracking().Where(x => x.SeriesId == series).OrderBy(x => x.StartUtc).ToListAsync(ct), ct);

    /// <summary>
    /// The team's list: any distance back or ahead, cancelled ones too. A search looks through every title of
    /// the centre (a few hundred a year), with or without Polish letters, and ignores the window.
    /// </summary>
    public async Task<IReadOnlyList<EventSummary>> TeamListAsync(int centreId, DateTime fromUtc, DateTime toUtc, string? search,
        CancellationToken ct)
    {
        var query = db.Events.AsNoTracking().Where(e => e.CentreId == centreId);
        if (string.IsNullOrWhiteSpace(search)) query = query.Where(e => e.StartUtc < toUtc && e.EndUtc > fromUtc);
        var found = await query.OrderBy(e => e.StartUtc).ThenBy(e => e.Id).ToListAsync(ct);
        return await SummariesAsync([.. found.Where(e => string.IsNullOrWhiteSpace(search) || EventRules.Matches(e, search))], ct);
    }

    /// <summary>Marks the dates as announced to the category's subscribers.</summary>
    public async Task MarkAnnouncedAsync(IReadOnlyCollection<int> eventIds, CancellationToken ct)
    {
        var now = Now;
        foreach (var e in await db.Events.Where(e => eventIds.Contains(e.Id) && e.AnnouncedUtc == null).ToListAsync(ct))
            e.AnnouncedUtc = now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>This date and the later ones of its series that are still on and ahead.</summary>
    private async Task<List<CommunityEvent>> FollowingAsync(CommunityEvent e, bool tracked, CancellationToken ct)
    {
        if (e.SeriesId is not { } series) return [e];
        var now = Now;
        var query = db.Events.Where(x => x.SeriesId == series && x.Status == EventStatus.Scheduled && x.EndUtc > now
            && (x.StartUtc > e.StartUtc || x.Id == e.Id));
        return await (tracked ? query : query.AsNoTracking()).OrderBy(x => x.StartUtc).ToListAsync(ct);
    }

    private CommunityEvent NewOf(NewEvent request, DateTime startUtc, DateTime endUtc, Guid? seriesId)
    {
        var created = new CommunityEvent
        {
            CentreId = request.CentreId,
            Title = request.Title.Trim(),
            Description = request.Description.Trim(),
            DescriptionUk = Languages.Version(request.DescriptionUk),
            DescriptionEn = Languages.Version(request.DescriptionEn),
            StartUtc = startUtc,
            EndUtc = endUtc,
            RoomId = request.RoomId,
            Category = request.Category,
            Capacity = request.Capacity,
            Organiser = request.Organiser.Trim(),
            Status = EventStatus.Scheduled,
            CreatedUtc = Now,
            SeriesId = seriesId,
        };
        Name(created, request.Names);
        return created;
    }
}
