using MamBot.Data.Events;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Events;
using MamBot.Host.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Events;

/// <summary>
/// Event nudges end to end: the real host with the sample centre's weekly events, Hangfire on SQLite firing
/// the jobs, the outbox rules, and the web chat page reading what arrived. Now is Wednesday 25 November, 10:00.
/// </summary>
public sealed class EventNudgesTests : IDisposable
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;
    private readonly PageChat _chat;

    public EventNudgesTests()
    {
        _app = _bed.Start();
        _chat = new PageChat(_app.CreateClient(), "browser-events-1edde5d8e616cb109");
    }

    public void Dispose() => _bed.Dispose();

    private static DateTime At(int month, int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, month, day, hour, minute, 0), Krakow);

    private async Task ConsentAsync()
    {
        await _chat.PressAsync("consent:yes");
        await _chat.PressAsync("settings:off:Tips"); // keep the day-after tip out of the counts
    }

    private async Task<List<string>> ArrivedAsync(string containing) =>
        [.. PageChat.Replies(await _chat.MessagesAfterAsync(0)).Select(r => r.GetProperty("text").GetString()!).Where(t => t.Contains(containing, StringComparison.Ordinal))];

    private async Task<CommunityEvent> CreateAsync(string title, DateTime start, EventCategory category = EventCategory.Seniors)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var centre = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Centres.Select(c => c.Id).FirstAsync();
        var change = await scope.ServiceProvider.GetRequiredService<EventDesk>()
            .CreateAsync(new NewEvent(centre, title, "", start, start.AddHours(1), null, category, null, "Zespół MAM"), default);
        return change.Event!;
    }

    [Fact]
    public async Task The_weekly_digest_is_registered_for_monday_ten_o_clock_krakow_time()
    {
        using var connection = _app.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var digest = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Single(j => j.Id == WeeklyDigestJob.Id);

        Assert.Equal("0 10 * * 1", digest.Cron);
        Assert.Equal("Europe/Warsaw", digest.TimeZoneId);
    }

    [Fact]
    public async Task On_monday_the_digest_job_brings_the_week_of_sample_events_once()
    {
        await ConsentAsync();
        _bed.Time.SetUtcNow(At(11, 30, 10));

        await _app.RunRecurringJobAsync(WeeklyDigestJob.Id);
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        await _app.RunRecurringJobAsync(WeeklyDigestJob.Id);
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);

        var digest = Assert.Single(await ArrivedAsync("W tym tygodniu w MAM"));
        Assert.StartsWith("Dzień dobry! W tym tygodniu w MAM są 3 wydarzenia:", digest);
        Assert.Contains("• wtorek, 1 grudnia, 10:30 – Gimnastyka dla seniorów (12 wolnych miejsc)", digest);
        Assert.Contains("• czwartek, 3 grudnia, 17:00 – Kawa sąsiedzka", digest);
    }

    [Fact]
    public async Task A_sign_up_in_chat_brings_both_reminders_at_their_time_through_the_dispatch_job()
    {
        await ConsentAsync();
        var coffee = await _app.QueryAsync(db => db.Events.Where(e => e.Title == "Kawa sąsiedzka").OrderBy(e => e.StartUtc).FirstAsync());
        await _chat.PressAsync($"events:join:{coffee.Id}");
        Assert.StartsWith("Gotowe, masz miejsce: „Kawa sąsiedzka”, czwartek, 26 listopada, 17:00.", _chat.Text);

        _bed.Time.SetUtcNow(At(11, 25, 16, 59));
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        Assert.Empty(await ArrivedAsync("⏰"));

        _bed.Time.SetUtcNow(At(11, 25, 17, 0));
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        Assert.StartsWith("⏰ Przypomnienie: jutro „Kawa sąsiedzka”", Assert.Single(await ArrivedAsync("⏰")));

        _bed.Time.SetUtcNow(At(11, 26, 15, 0));
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        Assert.StartsWith("⏰ Już za 2 godziny: „Kawa sąsiedzka”", (await ArrivedAsync("⏰"))[1]);
    }

    [Fact]
    public async Task A_reminder_queued_in_polish_goes_in_the_language_chosen_since_and_with_the_event_as_it_is_then()
    {
        await ConsentAsync();
        var coffee = await _app.QueryAsync(db => db.Events.Where(e => e.Title == "Kawa sąsiedzka").OrderBy(e => e.StartUtc).FirstAsync());
        await _chat.PressAsync($"events:join:{coffee.Id}");
        Assert.StartsWith("Gotowe, masz miejsce:", _chat.Text); // the reminders are queued now, while she speaks Polish

        await _chat.SendAsync("українською");
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<EventDesk>().EditAsync(coffee.Id,
                new EventDetails("Kawa i herbata sąsiedzka", coffee.Description, coffee.Organiser, coffee.Category, coffee.Capacity), default);
        _bed.Time.SetUtcNow(At(11, 25, 17, 0));
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);

        Assert.StartsWith("⏰ Нагадування: завтра «Kawa i herbata sąsiedzka»\n📅 четвер, 26 листопада, 17:00", Assert.Single(await ArrivedAsync("⏰")));
        // The words that went out are on record in the outbox.
        Assert.Contains(await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == OutboxKind.Reminder && m.Status == OutboxStatus.Sent)
            .Select(m => m.Body).ToListAsync()), body => Dialogs.Conversation.Reply.FromJson(body).Text.Contains("Нагадування", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Announcements_stop_at_the_daily_cap_and_the_rest_waits_for_the_next_morning()
    {
        await ConsentAsync();
        await _chat.PressAsync("events:sub:Culture");
        await CreateAsync("Koncert", At(12, 10, 18), EventCategory.Culture);
        await CreateAsync("Kino", At(12, 11, 18), EventCategory.Culture);
        await CreateAsync("Teatrzyk", At(12, 12, 16), EventCategory.Culture);

        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        Assert.Equal(2, (await ArrivedAsync("Nowe wydarzenie")).Count);
        var waiting = await _app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == OutboxKind.Announcement && m.Status == OutboxStatus.Queued));
        Assert.Equal((At(11, 26, 8), OutboxReasons.Postponed), (waiting.DueUtc, waiting.StatusReason));

        _bed.Time.SetUtcNow(At(11, 26, 8, 0));
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        Assert.Equal(3, (await ArrivedAsync("Nowe wydarzenie")).Count);
    }

    [Fact]
    public async Task An_announcement_made_late_at_night_waits_for_eight_in_the_morning()
    {
        await ConsentAsync();
        await _chat.PressAsync("events:sub:Kids");
        _bed.Time.SetUtcNow(At(11, 25, 22, 30));
        await CreateAsync("Planszówki świąteczne", At(12, 12, 11), EventCategory.Kids);

        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        Assert.Empty(await ArrivedAsync("Nowe wydarzenie"));

        _bed.Time.SetUtcNow(At(11, 26, 8, 0));
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        Assert.Single(await ArrivedAsync("Nowe wydarzenie"));
    }

    [Fact]
    public async Task An_announcement_that_could_only_go_after_the_event_began_is_skipped_not_sent_late()
    {
        await ConsentAsync();
        await _chat.PressAsync("events:sub:Neighbours");
        _bed.Time.SetUtcNow(At(11, 25, 22, 30));
        await CreateAsync("Nocne sprzątanie", At(11, 25, 23, 30), EventCategory.Neighbours);

        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);

        var announcement = await _app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == OutboxKind.Announcement));
        Assert.Equal((OutboxStatus.Skipped, OutboxReasons.Expired), (announcement.Status, announcement.StatusReason));
        Assert.Empty(await ArrivedAsync("Nowe wydarzenie"));
    }
}
