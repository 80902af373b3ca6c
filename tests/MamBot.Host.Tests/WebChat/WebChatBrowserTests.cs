using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace MamBot.Host.Tests.WebChat;

/// <summary>The web chat page in a real browser (see <see cref="BrowserTestBed"/>).</summary>
public sealed class WebChatBrowserTests : IAsyncLifetime
{
    private BrowserTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await BrowserTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_shared_event_link_opens_that_event_once_then_signing_up_asks_for_consent_first()
    {
        var coffee = await _bed.App.QueryAsync(db => db.Events.Where(e => e.Title == "Kawa sąsiedzka").OrderBy(e => e.StartUtc).Select(e => e.Id).FirstAsync());
        var page = await _bed.Browser.NewPageAsync();

        await page.GotoAsync($"{_bed.Address}/?start=e{coffee}");

        await page.GetByText("📅 czwartek, 26 listopada, 17:00–19:00").WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal(_bed.Address + "/", page.Url); // the parameter is gone, so a reload does not open it again
        await page.ReloadAsync();
        await page.GetByText("📅 czwartek, 26 listopada, 17:00–19:00").WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal(1, await page.GetByText("📅 czwartek, 26 listopada, 17:00–19:00").CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisuję się" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Zgadzam się" }).Last.WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal(0, await _bed.App.QueryAsync(db => db.EventSignups.CountAsync()));
    }

    [Fact]
    public async Task Ending_the_conversation_on_a_shared_computer_leaves_the_next_person_a_fresh_chat()
    {
        var page = await _bed.Browser.NewPageAsync();
        await page.GotoAsync(_bed.Address + "/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zgadzam się" }).Last.ClickAsync();
        await page.GetByText("Zgoda zapisana").First.WaitForAsync(new() { Timeout = 15_000 });
        var first = await page.EvaluateAsync<string>("localStorage.getItem('mambot.conversation')");
        Assert.Matches("^[0-9a-f]{32}$", first);

        await page.GetByRole(AriaRole.Button, new() { Name = "Zakończ rozmowę na tym urządzeniu" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tak, zakończ" }).ClickAsync();

        // The page reloads: the first person's conversation is gone from the screen, a new welcome asks again.
        await page.GetByText("Zgoda zapisana").First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 15_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Zgadzam się" }).WaitForAsync(new() { Timeout = 15_000 });
        var second = await page.EvaluateAsync<string>("localStorage.getItem('mambot.conversation')");
        Assert.Matches("^[0-9a-f]{32}$", second);
        Assert.NotEqual(first, second);
        Assert.Equal(1, await _bed.App.QueryAsync(db => db.Residents.CountAsync())); // the first person's data stays
    }

    [Fact]
    public async Task Choosing_ukrainian_in_the_chat_turns_the_pages_own_words_ukrainian_also_after_a_reload()
    {
        var page = await _bed.Browser.NewPageAsync();
        await page.GotoAsync(_bed.Address + "/");
        Assert.Equal("pl", await page.GetAttributeAsync("html", "lang")); // Polish until the resident chooses
        await page.GetByRole(AriaRole.Button, new() { Name = "Język/Мова/Language" }).Last.ClickAsync();
        // The welcome's own choice of language is inactive once this answer comes: press the answer's button.
        await page.GetByText("W jakim języku mam pisać?").WaitForAsync(new() { Timeout = 15_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Українська" }).Last.ClickAsync();

        await page.GetByText("Гаразд, пишу українською.").WaitForAsync(new() { Timeout = 15_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Надіслати" }).WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal("uk", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Напишіть повідомлення…", await page.GetByLabel("Ваше повідомлення").GetAttributeAsync("placeholder"));

        await page.ReloadAsync();
        Assert.Equal("Чат MAM", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Завершити розмову на цьому пристрої" }).WaitForAsync();
        Assert.Equal("MamBot – чат MAM", await page.TitleAsync());
    }
}
