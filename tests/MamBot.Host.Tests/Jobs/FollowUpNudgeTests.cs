using Microsoft.Extensions.DependencyInjection;
using MamBot.Data.Outbox;
using MamBot.Host.Jobs;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Jobs;

public class FollowUpNudgeTests
{
    private static async Task<long[]> FollowUpsOnThePageAsync(PageChat chat) =>
        [.. PageChat.Replies(await chat.MessagesAfterAsync(0))
            .Where(r => r.GetProperty("text").GetString()!.Contains("Czy wiesz, że w MAM…", StringComparison.Ordinal))
            .Select(r => r.GetProperty("id").GetInt64())];

    [Fact]
    public async Task The_follow_up_arrives_the_next_morning_through_hangfire_exactly_once_even_after_a_restart()
    {
        using var bed = new HostTestBed();
        var app = bed.Start();
        var chat = new PageChat(app.CreateClient(), "browser-nudge-9024ca9dbbe557e412");
        await chat.SendAsync("/start");
        await chat.PressTitleAsync("Zgadzam się");

        // Same evening: the dispatcher runs, but the follow-up is not due yet.
        bed.Time.Advance(TimeSpan.FromHours(10));
        await app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        Assert.Empty(await FollowUpsOnThePageAsync(chat));

        // Next day 10:01 in Kraków.
        bed.Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 9, 1, 0, TimeSpan.Zero));
        await app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        var delivered = Assert.Single(await FollowUpsOnThePageAsync(chat));

        await app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        app.Dispose();

        var restarted = bed.Start();
        await restarted.RunRecurringJobAsync(OutboxDispatchJob.Id);
        var afterRestart = new PageChat(restarted.CreateClient(), "browser-nudge-9024ca9dbbe557e412");
        Assert.Equal([delivered], await FollowUpsOnThePageAsync(afterRestart));
        var nudge = await restarted.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == OutboxKind.FollowUp));
        Assert.Equal((OutboxStatus.Sent, 1), (nudge.Status, nudge.Attempts));
        Assert.Equal("webchat", nudge.Channel);
    }

    [Fact]
    public async Task A_resident_who_switched_tips_off_gets_no_follow_up()
    {
        using var bed = new HostTestBed();
        var app = bed.Start();
        var chat = new PageChat(app.CreateClient(), "browser-optout-9c965bfeb83cdf369");
        await chat.PressAsync("consent:yes");
        await chat.PressAsync("settings:off:Tips");

        bed.Time.Advance(TimeSpan.FromDays(1));
        await app.RunRecurringJobAsync(OutboxDispatchJob.Id);

        Assert.Empty(await FollowUpsOnThePageAsync(chat));
        var nudge = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == OutboxKind.FollowUp));
        Assert.Equal((OutboxStatus.Skipped, OutboxReasons.OptedOut), (nudge.Status, nudge.StatusReason));
    }

    [Fact]
    public async Task The_dispatch_and_housekeeping_jobs_are_registered_in_hangfire()
    {
        using var bed = new HostTestBed();
        var app = bed.Start();
        using var http = app.CreateClient(); // starts the host

        using var connection = app.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var recurring = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).ToDictionary(j => j.Id, j => j.Cron);
        Assert.Equal("* * * * *", recurring[OutboxDispatchJob.Id]);
        Assert.Equal("0 3 * * *", recurring[HousekeepingJob.Id]);
    }
}
