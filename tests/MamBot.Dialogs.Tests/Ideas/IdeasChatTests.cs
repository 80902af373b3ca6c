using MamBot.Data.Ideas;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Ideas;
using MamBot.Dialogs.Tests.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MamBot.Dialogs.Tests.Events.EventsFixture;

namespace MamBot.Dialogs.Tests.Ideas;

/// <summary>"Mam pomysł" in chat, and what follows the staff's decisions.</summary>
public class IdeasChatTests
{
    private static async Task<Idea> ProposeAsync(TestChat chat, string title = "Wspólne sadzenie kwiatów")
    {
        await chat.PressPayloadAsync("ideas:propose");
        await chat.SendAsync(title);
        await chat.SendAsync("Posadźmy wiosną kwiaty przy bloku 5, razem z dziećmi.");
        await chat.PressAsync("Dla wszystkich");
        await chat.SendAsync("łopaty, sadzonki, sobota rano");
        await chat.SendAsync("mam doniczki i umiem sadzić");
        await chat.PressAsync("Tak, przez czat");
        await chat.PressAsync("Wyślij pomysł");
        return await chat.QueryAsync(db => db.Ideas.OrderBy(i => i.Id).LastAsync());
    }

    private static async Task PublishAsync(TestChat chat, int ideaId) =>
        await chat.UseAsync<IdeaDesk, Idea?>(d => d.PublishAsync(ideaId, default));

    [Fact]
    public async Task Proposing_an_idea_walks_through_the_form_shows_a_summary_and_stores_it_only_when_sent()
    {
        await using var chat = await ConsentedAsync();
        await chat.PressPayloadAsync("menu:ideas");
        Assert.StartsWith("Masz pomysł na coś dla sąsiadów?", chat.Text);
        await chat.PressAsync("Zgłoś pomysł");
        Assert.StartsWith("Jak nazwiesz swój pomysł?", chat.Text);
        await chat.SendAsync("Wspólne sadzenie kwiatów");
        await chat.SendAsync("Posadźmy wiosną kwiaty przy bloku 5.");
        await chat.PressAsync("Dla wszystkich");
        await chat.PressAsync("Nie wiem jeszcze");
        Assert.StartsWith("Co możesz wnieść?", chat.Text);
        await chat.SendAsync("mam doniczki");
        await chat.SendAsync("zadzwon do mnie");
        Assert.StartsWith("Nie rozpoznaję numeru ani adresu e-mail.", chat.Text);
        await chat.SendAsync("600 123 456");

        Assert.StartsWith("Sprawdź, proszę:\n\n💡 „Wspólne sadzenie kwiatów”\nPosadźmy wiosną kwiaty przy bloku 5.\n\n👥 Dla kogo? Dla wszystkich\n🧰 Czego potrzeba? Nie wiem jeszcze\n🤝 Co wnosisz? mam doniczki\n📞 Kontakt: 600 123 456", chat.Text);
        Assert.Empty(await chat.QueryAsync(db => db.Ideas.ToListAsync()));

        await chat.PressAsync("Wyślij pomysł");
        Assert.StartsWith("Dziękujemy! Pomysł „Wspólne sadzenie kwiatów” trafił do zespołu MAM.", chat.Text);
        var idea = await chat.QueryAsync(db => db.Ideas.SingleAsync());
        Assert.Equal((IdeaStatus.New, "600 123 456", "Nie wiem jeszcze"), (idea.Status, idea.Contact, idea.Needs));

        await chat.PressPayloadAsync("ideas:mine");
        Assert.Contains("• „Wspólne sadzenie kwiatów” – nowy, czeka na przejrzenie", chat.Text);
    }

    [Fact]
    public async Task Typing_just_that_I_have_an_idea_asks_for_its_name()
    {
        await using var chat = await ConsentedAsync();
        await chat.SendAsync("mam pomysl!");
        Assert.StartsWith("Jak nazwiesz swój pomysł?", chat.Text);
    }

    [Fact]
    public async Task Typing_that_I_want_to_organise_something_opens_the_form_and_no_sends_nothing()
    {
        await using var chat = await ConsentedAsync();
        await chat.SendAsync("mam pomysł na warsztaty szycia");
        Assert.StartsWith("Opisz go w kilku zdaniach", chat.Text); // the sentence named the idea
        await chat.SendAsync("Uczymy się szyć na maszynie.");
        await chat.PressAsync("Dla seniorów");
        await chat.PressAsync("Nie wiem jeszcze");
        await chat.PressAsync("Na razie pomysł");
        await chat.PressAsync("Nie");
        Assert.Contains("💡 „Warsztaty szycia”\nUczymy się szyć na maszynie.", chat.Text);
        Assert.Contains("📞 Kontakt: bez kontaktu", chat.Text);
        await chat.PressAsync("Anuluj");

        Assert.StartsWith("W porządku, pomysł nie został wysłany.", chat.Text);
        Assert.Empty(await chat.QueryAsync(db => db.Ideas.ToListAsync()));
    }

    [Fact]
    public async Task Asking_for_neighbours_ideas_lists_them_and_only_having_an_idea_opens_the_form()
    {
        await using var chat = await ConsentedAsync();
        var idea = await ProposeAsync(chat);
        await PublishAsync(chat, idea.Id);

        await chat.SendAsync("pomysły sąsiadów");
        Assert.Contains("1. „Wspólne sadzenie kwiatów” – poparcie: 0 (opublikowany)", chat.Text);
        Assert.False(await chat.InProgressAsync());
        await chat.SendAsync("jakie sa pomysly na osiedlu?");
        Assert.Contains("„Wspólne sadzenie kwiatów”", chat.Text);

        await chat.SendAsync("mam pomysł na kiermasz");
        Assert.True(await chat.InProgressAsync());
    }

    [Fact]
    public async Task Only_published_ideas_can_be_seen_and_supported_once_and_the_author_hears_of_every_step()
    {
        await using var chat = await ConsentedAsync();
        var idea = await ProposeAsync(chat);
        await chat.ConsentAsAsync("chat-bogdan");

        await chat.AsAsync("chat-bogdan", null, "ideas:list:0");
        Assert.Contains("Na razie nie ma opublikowanych pomysłów.", chat.Text);
        await chat.AsAsync("chat-bogdan", null, $"ideas:show:{idea.Id}");
        Assert.Contains("Tego pomysłu nie ma na liście", chat.Text);

        await chat.UseAsync<IdeaDesk, Idea?>(d => d.PublishAsync(idea.Id, default, "Zapraszamy w czwartek, ustalimy miejsce."));
        await chat.AsAsync("chat-bogdan", null, "ideas:list:0");
        Assert.Contains("1. „Wspólne sadzenie kwiatów” – poparcie: 0 (opublikowany)", chat.Text);
        await chat.AsAsync("chat-bogdan", null, $"ideas:show:{idea.Id}");
        Assert.Contains("🤝 Co wnosi autor? mam doniczki i umiem sadzić", chat.Text);
        await chat.AsAsync("chat-bogdan", null, chat.ButtonPayload("Popieram"));
        Assert.Equal("Dziękujemy za poparcie pomysłu „Wspólne sadzenie kwiatów”! Poparcie: 1 osoba.", chat.Text);
        await chat.AsAsync("chat-bogdan", null, $"ideas:support:{idea.Id}");
        Assert.Equal("Już popierasz pomysł „Wspólne sadzenie kwiatów”, Twój głos liczy się raz. Poparcie: 1 osoba.", chat.Text);

        await chat.UseAsync<IdeaDesk, Idea?>(d => d.ChangeStatusAsync(idea.Id, IdeaStatus.Shelved, "brak miejsca na rabaty", default));
        var news = (await chat.NudgesAsync()).Where(m => m.Kind == OutboxKind.AccountUpdate).Select(m => m.Text()).ToList();
        Assert.Equal(
        [
            "Wieści o Twoim pomyśle „Wspólne sadzenie kwiatów”: jest już widoczny dla sąsiadów. Mogą go poprzeć i zaoferować pomoc.\n"
                + "Zespół MAM dodaje: Zapraszamy w czwartek, ustalimy miejsce.",
            "Wieści o Twoim pomyśle „Wspólne sadzenie kwiatów”: na razie odkładamy go na później. Powód: brak miejsca na rabaty",
        ], news);
    }

    [Fact]
    public async Task Offering_help_asks_how_and_tells_the_author()
    {
        await using var chat = await ConsentedAsync();
        var idea = await ProposeAsync(chat);
        await PublishAsync(chat, idea.Id);
        await chat.ConsentAsAsync("chat-bogdan");

        await chat.AsAsync("chat-bogdan", null, $"ideas:help:{idea.Id}");
        Assert.StartsWith("Jak chcesz pomóc przy pomyśle „Wspólne sadzenie kwiatów”?", chat.Text);
        await chat.AsAsync("chat-bogdan", "mogę przynieść sadzonki");
        Assert.StartsWith("Dziękujemy! Przekażemy to autorowi", chat.Text);

        var toAuthor = Assert.Single(await chat.NudgesAsync(), m => m.Kind == OutboxKind.IdeaUpdate);
        Assert.Equal("Ktoś chce pomóc przy Twoim pomyśle „Wspólne sadzenie kwiatów”: „mogę przynieść sadzonki”. Zespół MAM pomoże Wam się skontaktować.", toAuthor.Text());
        Assert.Equal(idea.AuthorId, toAuthor.ResidentId);
    }

    [Fact]
    public async Task When_an_idea_becomes_an_event_its_supporters_get_the_event()
    {
        await using var chat = await ConsentedAsync();
        var idea = await ProposeAsync(chat);
        await PublishAsync(chat, idea.Id);
        await chat.ConsentAsAsync("chat-bogdan");
        await chat.AsAsync("chat-bogdan", null, $"ideas:support:{idea.Id}");
        var planting = await chat.CreateAsync("Sadzimy kwiaty", At(28, 11), category: Data.Events.EventCategory.Neighbours);

        await chat.UseAsync<IdeaDesk, Idea?>(d => d.LinkEventAsync(idea.Id, planting.Id, default));

        var toSupporter = Assert.Single(await chat.NudgesAsync(), m => m.Kind == OutboxKind.IdeaUpdate);
        Assert.StartsWith("Pomysł „Wspólne sadzenie kwiatów”, który wspierasz, staje się wydarzeniem: „Sadzimy kwiaty”, sobota, 28 listopada, 11:00.", toSupporter.Text());
        Assert.Contains(await chat.NudgesAsync(), m => m.Kind == OutboxKind.AccountUpdate && m.Text().EndsWith("ruszamy z realizacją!", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_hear_about_new_ideas_with_the_word_filter_note_and_when_support_reaches_the_threshold()
    {
        await using var chat = await TestChat.StartAsync(extra: s => s.Configure<IdeaOptions>(o => o.SupportThreshold = 2));
        await chat.QueryAsync(db => db.Centres.ExecuteUpdateAsync(c => c.SetProperty(x => x.StaffChannel, "telegram").SetProperty(x => x.StaffChatId, "-100200")));
        await chat.PressPayloadAsync("consent:yes");
        var idea = await ProposeAsync(chat, "Sprzątanie tego syfu, kurwa");
        await PublishAsync(chat, idea.Id);
        foreach (var neighbour in new[] { "chat-b", "chat-c", "chat-d" })
        {
            await chat.ConsentAsAsync(neighbour);
            await chat.AsAsync(neighbour, null, $"ideas:support:{idea.Id}");
        }

        var toStaff = await chat.QueryAsync(db => db.OutboxMessages.Where(m => m.ChatId == "-100200").OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(
        [
            "💡 Nowy pomysł do przejrzenia: „Sprzątanie tego syfu, kurwa”. ⚠️ Filtr słów prosi o uwagę: kurwa.",
            "👏 Pomysł „Sprzątanie tego syfu, kurwa” popierają już 2 osoby. Warto się nim zająć.",
        ], toStaff.Select(m => m.Text()));
    }
}
