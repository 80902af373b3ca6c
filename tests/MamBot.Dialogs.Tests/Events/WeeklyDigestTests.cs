using MamBot.Data.Events;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Events;
using static MamBot.Dialogs.Tests.Events.EventsFixture;

namespace MamBot.Dialogs.Tests.Events;

public class WeeklyDigestTests
{
    private static EventSummary Summary(string title, DateTime start, int? capacity = null, int going = 0) =>
        new(new CommunityEvent { Title = title, StartUtc = start, EndUtc = start.AddHours(1), Capacity = capacity }, going, 0);

    [Theory]
    [InlineData(1, "W tym tygodniu w MAM jest 1 wydarzenie:")]
    [InlineData(3, "W tym tygodniu w MAM są 3 wydarzenia:")]
    [InlineData(5, "W tym tygodniu w MAM jest 5 wydarzeń:")]
    [InlineData(12, "W tym tygodniu w MAM jest 12 wydarzeń:")]
    [InlineData(22, "W tym tygodniu w MAM są 22 wydarzenia:")]
    public void The_digest_counts_events_in_correct_Polish(int count, string intro)
    {
        var week = Enumerable.Range(0, count).Select(i => Summary($"Spotkanie {i}", At(30, 10).AddHours(i))).ToList();

        var text = WeeklyDigest.Render(week, Krakow).Text;

        Assert.StartsWith("Dzień dobry! " + intro, text);
        Assert.EndsWith("Podsumowania wyłączysz w „Ustawieniach”.", text);
    }

    [Fact]
    public void Each_line_has_the_day_the_hour_and_the_places_left_in_correct_forms()
    {
        var text = WeeklyDigest.Render(
        [
            Summary("Gimnastyka", At(30, 10, 30), capacity: 12, going: 11),
            Summary("Szachy", At(1, 17, month: 12), capacity: 10, going: 8),
            Summary("Szydełko", At(2, 17, month: 12), capacity: 10, going: 5),
            Summary("Planszówki", At(3, 17, month: 12), capacity: 10, going: 10),
            Summary("Kawa sąsiedzka", At(4, 17, month: 12)),
        ], Krakow).Text;

        Assert.Contains("• poniedziałek, 30 listopada, 10:30 – Gimnastyka (1 wolne miejsce)", text);
        Assert.Contains("• wtorek, 1 grudnia, 17:00 – Szachy (2 wolne miejsca)", text);
        Assert.Contains("• środa, 2 grudnia, 17:00 – Szydełko (5 wolnych miejsc)", text);
        Assert.Contains("• czwartek, 3 grudnia, 17:00 – Planszówki (lista rezerwowa)", text);
        Assert.Contains("• piątek, 4 grudnia, 17:00 – Kawa sąsiedzka\n", text);
    }

    [Fact]
    public async Task The_digest_goes_once_a_week_to_those_who_want_it_and_covers_only_this_week()
    {
        await using var chat = await ConsentedAsync();
        await chat.ConsentAsAsync("chat-bogdan");
        await chat.AsAsync("chat-bogdan", null, "settings:off:Digest");
        await chat.CreateAsync("Gimnastyka dla seniorów", At(1, 10, 30, month: 12), capacity: 12);
        await chat.CreateAsync("Koncert kolęd", At(8, 18, month: 12), category: EventCategory.Culture);
        chat.Time.SetUtcNow(At(30, 10)); // Monday 10:00

        Assert.Equal(1, await chat.UseAsync<WeeklyDigest, int>(d => d.QueueAsync(default)));
        await chat.UseAsync<WeeklyDigest, int>(d => d.QueueAsync(default)); // a repeated run queues nothing new

        var digest = Assert.Single(await chat.EventNudgesAsync(), m => m.Kind == OutboxKind.Digest);
        Assert.Contains("W tym tygodniu w MAM jest 1 wydarzenie:\n\n• wtorek, 1 grudnia, 10:30 – Gimnastyka dla seniorów (12 wolnych miejsc)", digest.Text());
        Assert.DoesNotContain("Koncert", digest.Text());
        Assert.Equal(At(7, 0, month: 12), digest.ExpiresUtc);
    }

    [Fact]
    public async Task A_week_without_events_sends_no_digest()
    {
        await using var chat = await ConsentedAsync();
        chat.Time.SetUtcNow(At(30, 10));
        Assert.Equal(0, await chat.UseAsync<WeeklyDigest, int>(d => d.QueueAsync(default)));
    }
}
