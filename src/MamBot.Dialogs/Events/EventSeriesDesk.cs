using MamBot.Data.Events;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Events;

/// <summary>What the category's subscribers would read about the dates not announced yet, and how many they are.</summary>
public sealed record AnnouncementPreview(string Message, int Recipients, IReadOnlyList<CommunityEvent> Dates);

/// <summary>Weekly series: made quietly, announced once (one message listing the dates) after the team's preview.</summary>
public sealed partial class EventDesk
{
    /// <summary>Makes the dates as one series. Nobody is told yet: the team sees the announcement first.</summary>
    public Task<SeriesChange> CreateSeriesAsync(NewEvent request, IReadOnlyList<(DateTime StartUtc, DateTime EndUtc)> dates,
        CancellationToken ct) => events.CreateSeriesAsync(request, dates, ct);

    /// <summary>The announcement of the event's upcoming dates (its series' dates) not announced yet, in Polish.</summary>
    public async Task<AnnouncementPreview> PreviewAnnouncementAsync(int eventId, CancellationToken ct)
    {
        var dates = (await events.UpcomingInSeriesAsync(eventId, ct)).Select(s => s.Event).Where(e => e.AnnouncedUtc is null).ToList();
        if (dates.Count == 0) return new("", 0, []);
        var subscribers = await events.SubscribersAsync(dates[0].CentreId, dates[0].Category, ct);
        using var polish = Language.Use(Data.Residents.Languages.Polish);
        return new(await AnnouncementTextAsync(dates, ct), subscribers.Count, dates);
    }

    /// <summary>
    /// One message per subscriber of the category for all the dates not announced yet (a single date reads as
    /// before); the dates are marked announced, so a second confirmation sends nothing.
    /// </summary>
    public Task<int> AnnounceAsync(int eventId, CancellationToken ct) => AtOnceAsync(() => AnnounceDatesAsync(eventId, ct), ct);

    private async Task<int> AnnounceDatesAsync(int eventId, CancellationToken ct)
    {
        var dates = (await events.UpcomingInSeriesAsync(eventId, ct)).Select(s => s.Event).Where(e => e.AnnouncedUtc is null).ToList();
        if (dates.Count == 0) return 0;
        if (dates.Count == 1) await AnnounceAsync(dates[0], ct);
        else
        {
            var (first, last) = (dates[0], dates[^1]);
            foreach (var residentId in await events.SubscribersAsync(first.CentreId, first.Category, ct))
            {
                using var speaking = Language.Use(await recipients.OfAsync(residentId, ct));
                await outbox.EnqueueAsync(new OutboxMessage
                {
                    IdempotencyKey = $"series:{first.SeriesId}:announce:{residentId}",
                    Kind = OutboxKind.Announcement,
                    ResidentId = residentId,
                    ExpiresUtc = last.StartUtc, // a later date is still worth hearing about
                    Body = Reply.WithRow(await AnnouncementTextAsync(dates, ct), new(T.ButtonEventDetails, $"events:show:{first.Id}"),
                        new(T.ButtonSignUpSeries, $"events:joinall:{first.Id}")).ToJson(),
                }, ct);
            }
        }
        await events.MarkAnnouncedAsync([.. dates.Select(d => d.Id)], ct);
        return dates.Count;
    }

    private async Task<string> AnnouncementTextAsync(List<CommunityEvent> dates, CancellationToken ct)
    {
        var e = dates[0];
        var centre = await centres.GetAsync(e.CentreId, ct);
        if (dates.Count == 1)
            return Wording.Format(T.Announcement, EventTexts.Category(e.Category), e.TitleNow(), EventTexts.When(e, centre.TimeZone),
                EventTexts.Place(e, centre));
        var lines = string.Join("\n", dates.Select(d => "📅 " + EventTexts.When(d, centre.TimeZone)));
        return Wording.Format(T.SeriesAnnouncement, EventTexts.Category(e.Category), e.TitleNow(), lines, EventTexts.Place(e, centre));
    }

    /// <summary>A place (or a place in the queue) at every upcoming date of the event's series.</summary>
    public Task<IReadOnlyList<SignupResult>> SignUpSeriesAsync(int eventId, Guid residentId, CancellationToken ct) =>
        AtOnceAsync(() => SignUpEachAsync(eventId, residentId, ct), ct);

    private async Task<IReadOnlyList<SignupResult>> SignUpEachAsync(int eventId, Guid residentId, CancellationToken ct)
    {
        var results = new List<SignupResult>();
        foreach (var date in await events.UpcomingInSeriesAsync(eventId, ct))
            results.Add(await SignUpAsync(date.Event.Id, residentId, ct));
        return results;
    }

    /// <summary>Moves this date and the following ones of its series; everyone signed up to each hears it.</summary>
    public Task<SeriesMove> MoveFollowingAsync(int eventId, DateOnly day, TimeOnly start, TimeOnly end, CancellationToken ct) =>
        AtOnceAsync(() => MoveEachAsync(eventId, day, start, end, ct), ct);

    private async Task<SeriesMove> MoveEachAsync(int eventId, DateOnly day, TimeOnly start, TimeOnly end, CancellationToken ct)
    {
        var move = await events.MoveFollowingAsync(eventId, day, start, end, ct);
        foreach (var (moved, fromUtc) in move.Moved) await AfterMoveAsync(moved, fromUtc, ct);
        return move;
    }

    /// <summary>
    /// One transaction for the change and every message it queues (writes inside join it): a crash leaves
    /// all of it or none. Inside a chat turn it joins the turn's.
    /// </summary>
    private async Task<T> AtOnceAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        var result = await work();
        await transaction.CommitAsync(ct);
        return result;
    }
}
