using System.Net;
using System.Net.Http.Json;
using MamBot.Data.Bookings;
using MamBot.Data.Staff;
using MamBot.Dialogs.Bookings;
using MamBot.Host.Admin;
using MamBot.Host.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MamBot.Host.Tests.Handoffs;

/// <summary>
/// Issue 34: what residents are promised follows from who is really at the chat, and what waits for the team
/// shows on every open panel page without a reload (Chromium, see <see cref="BrowserTestBed"/>).
/// </summary>
public sealed class PresenceBrowserTests : IAsyncLifetime
{
    private const string Password = "sloneczny-Kozlowek-2026";
    private const string SomeoneSoon =
        "Przekazuję rozmowę zespołowi MAM. Ktoś odpisze tutaj, zwykle w ciągu 15 minut.";
    private const string NobodyNow =
        "Przekazuję rozmowę zespołowi MAM. W tej chwili nikt z nas nie siedzi przy czacie";
    private const string Title = "MamBot, panel zespołu";
    private static readonly LocatorWaitForOptions Soon = new() { Timeout = 15_000 };
    private BrowserTestBed _bed = null!;
    private HttpClient _http = null!;
    private int _residents;

    public async Task InitializeAsync()
    {
        _bed = await BrowserTestBed.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_bed.Address) };
        await using var scope = _bed.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
            .CreateAsync("ania@mam.example", StaffRoles.Animator, "Ania", Password, default);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bed.DisposeAsync();
    }

    [Fact]
    public async Task A_new_request_for_a_person_and_a_booking_waiting_show_on_an_open_page_without_reload()
    {
        var staff = await SignedInAsync();
        await staff.GotoAsync(_bed.Address + "/admin/conversations");
        await staff.GetByLabel("Dźwięk, gdy ktoś czeka").CheckAsync();
        await staff.EvaluateAsync("() => window.stillTheSamePage = true"); // a reload would forget it
        Assert.Equal($"Rozmowy – {Title}", await staff.TitleAsync());

        var resident = await ResidentAsync();
        await resident.SendAsync("chcę porozmawiać z człowiekiem");
        Assert.StartsWith(NobodyNow, resident.Text);

        await TitleAsync(staff, $"(1) Rozmowy – {Title}");
        Assert.Equal("Rozmowy (1)", await MenuAsync(staff, "Rozmowy"));
        Assert.Equal("Dziś", await MenuAsync(staff, "Dziś"));
        Assert.Equal("Ktoś nowy czeka – odśwież stronę", await staff.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("1", await staff.Locator("#panel-sound").GetAttributeAsync("data-rang"));

        // A booking of a room the team approves, asked for as the chat asks for it.
        await using (var scope = _bed.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.MamDbContext>();
            var big = await db.Rooms.Where(r => r.Name == "Sala duża").Select(r => r.Id).SingleAsync();
            var attempt = await scope.ServiceProvider.GetRequiredService<BookingDesk>().RequestAsync(
                new NewBooking(big, await ResidentIdAsync(resident), Friday(17), Friday(19), 12, "próba chóru",
                    "Anna", null), default);
            Assert.Equal(BookingStatus.Pending, attempt.Booking!.Status);
        }
        await TitleAsync(staff, $"(2) Rozmowy – {Title}");
        Assert.Equal("Dziś (1)", await MenuAsync(staff, "Dziś"));
        Assert.Equal("2", await staff.Locator("#panel-sound").GetAttributeAsync("data-rang"));
        Assert.True(await staff.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));

        // The sound stays switched on in this browser; the counts are served only to the signed-in team.
        await staff.ReloadAsync();
        Assert.True(await staff.GetByLabel("Dźwięk, gdy ktoś czeka").IsCheckedAsync());
        using var stranger = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(_bed.Address),
        };
        var refused = await stranger.GetAsync(AdminSetup.WaitingPath);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/admin/login", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_being_at_the_chat_and_the_next_resident_is_told_nobody_is_there()
    {
        var staff = await SignedInAsync();
        await staff.GotoAsync(_bed.Address + "/admin/conversations");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Jestem przy czacie" }).ClickAsync();
        await staff.GetByText("Jesteś przy czacie (do 10:30).", new() { Exact = false }).WaitForAsync(Soon);

        var first = await ResidentAsync();
        await first.SendAsync("chcę porozmawiać z człowiekiem");
        Assert.StartsWith(SomeoneSoon, first.Text);

        await staff.GetByRole(AriaRole.Button, new() { Name = "Wyloguj" }).ClickAsync();
        await staff.WaitForURLAsync(_bed.Address + "/admin/login", new() { WaitUntil = WaitUntilState.Commit });

        var next = await ResidentAsync();
        await next.SendAsync("chcę porozmawiać z człowiekiem");
        Assert.StartsWith(NobodyNow, next.Text);

        await SignInAsync(staff);
        await staff.GotoAsync(_bed.Address + "/admin/conversations");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Jestem przy czacie" }).WaitForAsync(Soon);
    }

    [Fact]
    public async Task Being_at_the_chat_ends_after_half_an_hour_without_work_in_the_panel_though_the_page_stays_open()
    {
        var staff = await SignedInAsync();
        await staff.GotoAsync(_bed.Address + "/admin/conversations");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Jestem przy czacie" }).ClickAsync();
        await staff.GetByText("Jesteś przy czacie (do 10:30).", new() { Exact = false }).WaitForAsync(Soon);

        // Work in the panel keeps it: twenty minutes on, another page opened moves the end on.
        _bed.Bed.Time.Advance(TimeSpan.FromMinutes(20));
        await staff.GotoAsync(_bed.Address + "/admin/conversations");
        await staff.GetByText("Jesteś przy czacie (do 10:50).", new() { Exact = false }).WaitForAsync(Soon);
        _bed.Bed.Time.Advance(TimeSpan.FromMinutes(20));
        var still = await ResidentAsync();
        await still.SendAsync("chcę porozmawiać z człowiekiem");
        Assert.StartsWith(SomeoneSoon, still.Text);

        // The open page keeps asking what waits (it saw the request above), but that is not the person working.
        await TitleAsync(staff, $"(1) Rozmowy – {Title}");
        _bed.Bed.Time.Advance(TimeSpan.FromMinutes(11));
        await PolledAsync(staff);
        var later = await ResidentAsync();
        await later.SendAsync("chcę porozmawiać z człowiekiem");
        Assert.StartsWith(NobodyNow, later.Text);
        await TitleAsync(staff, $"(2) Rozmowy – {Title}");

        await staff.ReloadAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Jestem przy czacie" }).WaitForAsync(Soon);
        Assert.Contains("Nie ma Cię przy czacie.", await staff.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task A_waiting_resident_without_a_chat_name_shows_by_the_name_of_their_booking()
    {
        var resident = await ResidentAsync();
        await using (var scope = _bed.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.MamDbContext>();
            var small = await db.Rooms.Where(r => r.Name == "Sala mała").Select(r => r.Id).SingleAsync();
            var attempt = await scope.ServiceProvider.GetRequiredService<BookingDesk>().RequestAsync(
                new NewBooking(small, await ResidentIdAsync(resident), Friday(17), Friday(18), 4, "próba zespołu",
                    "Halina Kowalska", "600 100 200"), default);
            Assert.True(attempt.Succeeded, attempt.Problem.ToString());
        }
        await resident.SendAsync("chcę porozmawiać z człowiekiem, zgubiłam klucz");

        var staff = await SignedInAsync();
        await staff.GotoAsync(_bed.Address + "/admin/conversations");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Halina Kowalska" }).ClickAsync();
        await staff.GetByRole(AriaRole.Heading, new() { Name = "Rozmowa: Halina Kowalska (czat na stronie)" })
            .WaitForAsync(Soon);
        Assert.Contains("Halina Kowalska, 10:00:", await staff.Locator("#transcript").InnerTextAsync());

        // Her phone, on the bookings page, calls with one tap.
        await staff.GotoAsync(_bed.Address + "/admin/bookings");
        var phone = staff.GetByRole(AriaRole.Link, new() { Name = "600 100 200" }).First;
        Assert.Equal("tel:600100200", await phone.GetAttributeAsync("href"));
    }

    [Fact]
    public async Task An_ended_conversation_stays_findable_by_its_words_with_or_without_polish_letters()
    {
        var keys = await ResidentAsync();
        await keys.SendAsync("chcę porozmawiać z człowiekiem");
        await keys.SendAsync("Zgubiłam klucz do szafki w małej sali");
        var other = await ResidentAsync();
        await other.SendAsync("chcę porozmawiać z człowiekiem");
        await other.SendAsync("Czy w piątek jest joga?");

        var staff = await SignedInAsync();
        var ids = await _bed.App.QueryAsync(db => db.Handoffs.OrderBy(h => h.Id).Select(h => h.Id).ToListAsync());
        foreach (var id in ids)
        {
            await staff.GotoAsync($"{_bed.Address}/admin/conversations/{id}");
            await staff.GetByRole(AriaRole.Button, new() { Name = "Zakończ rozmowę (wraca asystent)" }).ClickAsync();
            await staff.GetByRole(AriaRole.Button, new() { Name = "Tak, zakończ rozmowę" }).ClickAsync(); // it asks first
            await staff.GetByText("Rozmowa zakończona. Znów odpowiada asystent.").WaitForAsync(Soon);
        }

        await staff.GotoAsync(_bed.Address + "/admin/conversations");
        await staff.GetByText("Nikt teraz nie czeka na rozmowę.").WaitForAsync(Soon);
        Assert.Equal(2, await staff.Locator("#ended-list tbody tr").CountAsync());

        await staff.GetByLabel("Szukaj w zakończonych (imię albo słowa z rozmowy)").FillAsync("zgubilam klucz");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Szukaj" }).ClickAsync();
        await staff.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/admin/conversations\\?q="),
            new() { WaitUntil = WaitUntilState.Commit });
        var found = staff.Locator("#ended-list tbody tr");
        await found.First.WaitForAsync(Soon);
        Assert.Equal(1, await found.CountAsync());
        Assert.Contains("Zgubiłam klucz do szafki w małej sali", await found.InnerTextAsync());

        await found.GetByRole(AriaRole.Link).ClickAsync();
        await staff.GetByText("Rozmowa zakończona.", new() { Exact = true }).WaitForAsync(Soon);
        await staff.GetByText("Zgubiłam klucz do szafki w małej sali", new() { Exact = false }).WaitForAsync(Soon);
    }

    private static DateTime Friday(int hour) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 27, hour, 0, 0),
            TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw"));

    /// <summary>A new resident on the web chat who agreed to the terms.</summary>
    private async Task<PageChat> ResidentAsync()
    {
        var chat = new PageChat(_http, $"presence-{++_residents:D2}-0123456789abcdef0123456789");
        await chat.PressAsync("consent:yes");
        return chat;
    }

    private Task<Guid> ResidentIdAsync(PageChat chat) => _bed.App.QueryAsync(db => db.ChannelIdentities
        .Where(i => i.ExternalId == chat.ConversationId).Select(i => i.ResidentId).SingleAsync());

    private async Task<IPage> SignedInAsync()
    {
        var page = await _bed.Browser.NewPageAsync();
        await SignInAsync(page);
        return page;
    }

    private async Task SignInAsync(IPage page)
    {
        await page.GotoAsync(_bed.Address + "/admin/login");
        await page.GetByLabel("E-mail").FillAsync("ania@mam.example");
        await page.GetByLabel("Hasło").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj" }).ClickAsync();
        await page.WaitForURLAsync(_bed.Address + "/admin", new() { WaitUntil = WaitUntilState.Commit });
    }

    private static Task<string> MenuAsync(IPage page, string entry) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Panel zespołu" })
        .GetByRole(AriaRole.Link, new() { Name = entry }).First.InnerTextAsync();

    private static Task TitleAsync(IPage page, string title) =>
        page.WaitForFunctionAsync("title => document.title === title", title, new() { Timeout = 15_000 });

    /// <summary>Waits until the page has asked what waits at least once more (its own polling, no click).</summary>
    private static async Task PolledAsync(IPage page)
    {
        // Two answers: the first may have been asked for before the clock moved.
        for (var i = 0; i < 2; i++)
            await page.WaitForResponseAsync(r => r.Url.EndsWith(AdminSetup.WaitingPath, StringComparison.Ordinal),
                new() { Timeout = 15_000 });
    }
}
