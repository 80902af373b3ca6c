using MamBot.Data.Bookings;
using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Data.Ideas;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Report;

public sealed record RoomFigures(string Room, int Bookings, double Hours);

/// <summary>Held: events of the period that have begun by now; Planned: those still ahead (a period in progress has both).</summary>
public sealed record EventFigures(int Held, int Planned, int Going, int Waiting, int Came, int Missed, double? AverageRating);

public sealed record SurveyFigures(string Title, int Responses);

/// <summary>Visits through a poster's QR code: the centre's ("c") or an event's (with its title), by the place it hangs.</summary>
public sealed record PosterFigures(string Code, string? EventTitle, string Place, int Visits);

/// <summary>Residents who asked for a person, how many a person answered, and the median wait for that first answer.</summary>
public sealed record HandoffFigures(int Asked, int Answered, double? MedianMinutesToAnswer);

/// <summary>
/// A period of the pilot in figures (months are local to the centre). ActiveByLanguage: by the language each
/// resident talks in now; "" for those who have since erased their data.
/// </summary>
public sealed record PeriodFigures(
    ReportPeriod Period,
    IReadOnlyDictionary<string, int> ActiveByChannel,
    int Active,
    IReadOnlyDictionary<string, int> ActiveByLanguage,
    IReadOnlyDictionary<string, int> NewByChannel,
    int New,
    IReadOnlyList<RoomFigures> Rooms,
    EventFigures Events,
    IReadOnlyDictionary<IdeaStatus, int> IdeasByStatus,
    IReadOnlyList<SurveyFigures> Surveys,
    HandoffFigures Handoffs,
    IReadOnlyList<PosterFigures> Posters);

/// <summary>
/// The evidence the centre reports at the end of its pilot, for a month, a quarter or the whole pilot: who used
/// the bot and where, rooms booked, events attended, ideas and their fate, survey answers, requests to talk to a
/// person. Counts only, never people.
/// </summary>
public sealed class PilotReport(MamDbContext db, CentreDirectory centres, TimeProvider time)
{
    /// <summary>How many poster-and-place lines a period lists at most, the most visited first.</summary>
    public const int MaxPosterLines = 40;

    public Task<PeriodFigures> ForMonthAsync(int centreId, DateOnly month, CancellationToken ct) =>
        ForPeriodAsync(centreId, ReportPeriod.Month(month), ct);

    public async Task<PeriodFigures> ForPeriodAsync(int centreId, ReportPeriod period, CancellationToken ct)
    {
        var zone = (await centres.GetAsync(centreId, ct)).TimeZone;
        var from = LocalCalendar.StartUtc(period.First, zone);
        var to = LocalCalendar.StartUtc(period.Last.AddMonths(1), zone);

        var activity = await db.MonthlyActivities.AsNoTracking().Where(a => a.CentreId == centreId && a.Month <= period.Last).ToListAsync(ct);
        var inPeriod = activity.Where(a => a.Month >= period.First).ToList();
        // New: the resident's first month with us falls in the period; the channel they first wrote on.
        var firsts = activity.GroupBy(a => a.ResidentId)
            .Select(g => g.OrderBy(a => a.Month).ThenBy(a => a.Id).First())
            .Where(a => a.Month >= period.First).ToList();

        var activeIds = inPeriod.Select(a => a.ResidentId).Distinct().ToList();
        var languages = await db.Residents.AsNoTracking().Where(r => activeIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Language, ct);

        var rooms = await db.Rooms.AsNoTracking().Where(r => r.CentreId == centreId).OrderBy(r => r.Id).ToListAsync(ct);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Confirmed && b.StartUtc >= from && b.StartUtc < to).ToListAsync(ct);

        var events = await db.Events.AsNoTracking()
            .Where(e => e.CentreId == centreId && e.Status == EventStatus.Scheduled && e.StartUtc >= from && e.StartUtc < to)
            .Select(e => new { e.Id, e.StartUtc }).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var held = events.Count(e => e.StartUtc <= now);
        var eventIds = events.Select(e => e.Id).ToList();
        var signups = await db.EventSignups.AsNoTracking().Where(s => eventIds.Contains(s.EventId)).GroupBy(s => s.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var feedback = await db.EventFeedback.AsNoTracking().Where(f => eventIds.Contains(f.EventId)).ToListAsync(ct);
        var ratings = feedback.Where(f => f.Rating is not null).Select(f => (double)f.Rating!.Value).ToList();
        var (came, missed) = await AttendanceAsync(eventIds, feedback, ct);

        var ideas = await db.Ideas.AsNoTracking().Where(i => i.CentreId == centreId && i.CreatedUtc >= from && i.CreatedUtc < to)
            .GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var surveys = await db.Surveys.AsNoTracking().Where(s => s.CentreId == centreId && s.OpensUtc >= from && s.OpensUtc < to)
            .OrderBy(s => s.OpensUtc)
            .Select(s => new SurveyFigures(s.Title, db.SurveyParticipations.Count(p => p.SurveyId == s.Id))).ToListAsync(ct);

        var handoffs = await db.Handoffs.AsNoTracking().Where(h => h.CentreId == centreId && h.StartedUtc >= from && h.StartedUtc < to)
            .Select(h => new { h.StartedUtc, h.FirstStaffReplyUtc }).ToListAsync(ct);
        var waits = handoffs.Where(h => h.FirstStaffReplyUtc is not null)
            .Select(h => (h.FirstStaffReplyUtc!.Value - h.StartedUtc).TotalMinutes).Order().ToList();

        var months = period.Months().Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // The most visited places only (a poster's places are the ones staff printed, but the list stays short anyway).
        var posterVisits = (await db.PosterVisits.AsNoTracking().Where(v => months.Contains(v.Month) && v.Count > 0)
                .GroupBy(v => new { v.Code, v.Place }).Select(g => new { g.Key.Code, g.Key.Place, Count = g.Sum(v => v.Count) })
                .OrderByDescending(v => v.Count).Take(MaxPosterLines).ToListAsync(ct))
            .Select(v => (v.Code, v.Place, v.Count))
            .OrderBy(v => v.Code, StringComparer.Ordinal).ThenBy(v => v.Place, StringComparer.Ordinal).ToList();
        var posterEvents = posterVisits.Select(v => Posters.PosterCodes.EventId(v.Code)).OfType<int>().ToList();
        var titles = await db.Events.AsNoTracking().Where(e => posterEvents.Contains(e.Id)).ToDictionaryAsync(e => Posters.PosterCodes.ForEvent(e.Id), e => e.Title, ct);

        return new PeriodFigures(period,
            inPeriod.GroupBy(a => a.Channel).ToDictionary(g => g.Key, g => g.Select(a => a.ResidentId).Distinct().Count()),
            activeIds.Count,
            activeIds.GroupBy(id => languages.GetValueOrDefault(id, "")).ToDictionary(g => g.Key, g => g.Count()),
            firsts.GroupBy(a => a.Channel).ToDictionary(g => g.Key, g => g.Count()),
            firsts.Count,
            [.. rooms.Select(r => new RoomFigures(r.Name, bookings.Count(b => b.RoomId == r.Id),
                bookings.Where(b => b.RoomId == r.Id).Sum(b => (b.EndUtc - b.StartUtc).TotalHours)))],
            new EventFigures(held, events.Count - held, signups.GetValueOrDefault(SignupStatus.Going), signups.GetValueOrDefault(SignupStatus.Waiting),
                came, missed, ratings.Count == 0 ? null : ratings.Average()),
            ideas,
            surveys,
            new HandoffFigures(handoffs.Count, waits.Count, Median(waits)),
            [.. posterVisits.Select(v => new PosterFigures(v.Code, titles.GetValueOrDefault(v.Code), v.Place, v.Count))]);
    }

    /// <summary>
    /// Who came and who did not: where the team took attendance on the day, its marks (anyone going and not
    /// ticked did not come); elsewhere the residents' own "Jak było?" (a rating means they came).
    /// </summary>
    private async Task<(int Came, int Missed)> AttendanceAsync(List<int> eventIds, List<EventFeedback> feedback, CancellationToken ct)
    {
        var going = await db.EventSignups.AsNoTracking()
            .Where(s => eventIds.Contains(s.EventId) && (s.Status == SignupStatus.Going || s.Came != null))
            .Select(s => new { s.EventId, s.Came }).ToListAsync(ct);
        var marked = going.Where(s => s.Came is not null).Select(s => s.EventId).ToHashSet();
        var unmarked = feedback.Where(f => !marked.Contains(f.EventId)).ToList();
        return (going.Count(s => s.Came == true) + unmarked.Count(f => f.Rating is not null),
            going.Count(s => marked.Contains(s.EventId) && s.Came != true) + unmarked.Count(f => f.Missed));
    }

    private static double? Median(List<double> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>Months from the first one with any resident activity (or this one) up to the given one.</summary>
    public async Task<IReadOnlyList<DateOnly>> MonthsAsync(int centreId, DateOnly until, CancellationToken ct)
    {
        until = new DateOnly(until.Year, until.Month, 1);
        var first = await db.MonthlyActivities.Where(a => a.CentreId == centreId).OrderBy(a => a.Month).Select(a => (DateOnly?)a.Month).FirstOrDefaultAsync(ct) ?? until;
        var months = new List<DateOnly>();
        for (var m = first; m <= until; m = m.AddMonths(1)) months.Add(m);
        return months;
    }
}
