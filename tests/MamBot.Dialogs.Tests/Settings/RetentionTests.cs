using MamBot.Data.Outbox;
using MamBot.Dialogs.Settings;
using MamBot.Dialogs.Tests.Events;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Tests.Settings;

/// <summary>A resident silent for 24 months is told, and erased 14 days later unless they write; one who writes stays.</summary>
public class RetentionTests
{
    private static Task<(int Noticed, int Erased)> RunAsync(TestChat chat) =>
        chat.UseAsync<ResidentRetention, (int, int)>(r => r.RunAsync(default));

    [Fact]
    public async Task Two_silent_years_bring_a_notice_and_fourteen_days_later_erasure_unless_the_resident_writes()
    {
        await using var chat = await EventsFixture.ConsentedAsync(); // Anna, who will stay silent
        await chat.ConsentAsAsync("chat-bogdan"); // Bogdan, who answers the notice

        chat.Time.Advance(TimeSpan.FromDays(365 * 2 - 20)); // not yet
        Assert.Equal((0, 0), await RunAsync(chat));

        chat.Time.Advance(TimeSpan.FromDays(10));
        Assert.Equal((2, 0), await RunAsync(chat));
        Assert.Equal((0, 0), await RunAsync(chat)); // one notice per silence
        var notice = await chat.QueryAsync(db => db.OutboxMessages.Where(m => m.IdempotencyKey.StartsWith("retention:")).FirstAsync());
        Assert.Equal(OutboxKind.AccountUpdate, notice.Kind);
        Assert.StartsWith("Dawno nie było od Ciebie wiadomości, więc za 14 dni usuniemy Twoje dane", EventsFixture.Text(notice));

        await chat.AsAsync("chat-bogdan", "zostaję");
        chat.Time.Advance(TimeSpan.FromDays(15));
        Assert.Equal((0, 1), await RunAsync(chat));

        var left = await chat.QueryAsync(db => db.Residents.Include(r => r.Identities).ToListAsync());
        Assert.Equal("chat-bogdan", Assert.Single(left).Identities.Single().ExternalId);
    }
}
