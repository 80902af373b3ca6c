using MamBot.Host.Jobs;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Jobs;

public class HousekeepingTests
{
    [Fact]
    public async Task The_nightly_job_forgets_replies_history_and_update_ids_after_thirty_days_but_keeps_queued_nudges()
    {
        using var bed = new HostTestBed();
        var app = bed.Start();
        var chat = new PageChat(app.CreateClient(), "browser-old-e66fe06d61fdd0a7fe2d");
        await chat.SendAsync("/start", clientMessageId: "first");
        await chat.PressAsync("consent:yes");
        await chat.PressAsync("settings:off:Tips"); // the follow-up will be skipped, not sent
        await chat.PressAsync("settings:erase"); // a question left unanswered for a month

        bed.Time.Advance(TimeSpan.FromDays(29));
        await app.RunRecurringJobAsync(HousekeepingJob.Id);
        Assert.NotEmpty(PageChat.Replies(await chat.MessagesAfterAsync(0)));
        Assert.Equal(1, await app.QueryAsync(db => db.ConversationStates.CountAsync(s => s.ChatId == "browser-old-e66fe06d61fdd0a7fe2d")));

        bed.Time.Advance(TimeSpan.FromDays(2));
        var late = new PageChat(app.CreateClient(), "browser-new-0e8921741dc892b4022c");
        await late.SendAsync("/start");
        await app.RunRecurringJobAsync(HousekeepingJob.Id);

        Assert.Empty(PageChat.Replies(await chat.MessagesAfterAsync(0)));
        Assert.NotEmpty(PageChat.Replies(await late.MessagesAfterAsync(0)));
        Assert.Equal(0, await app.QueryAsync(db => db.ProcessedUpdates.CountAsync(u => u.UpdateId == "first")));
        Assert.Equal(0, await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.ChatId == "browser-old-e66fe06d61fdd0a7fe2d")));
        Assert.Equal(1, await app.QueryAsync(db => db.Residents.CountAsync())); // residents stay until they ask
        Assert.Equal(0, await app.QueryAsync(db => db.ConversationStates.CountAsync(s => s.ChatId == "browser-old-e66fe06d61fdd0a7fe2d")));
    }
}
