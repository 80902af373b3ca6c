using System.Net.Http.Json;
using MamBot.Data.Bookings;
using MamBot.Data.Staff;
using MamBot.Dialogs.Bookings;
using MamBot.Host.Jobs;
using Microsoft.EntityFrameworkCore;
using MamBot.Host.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MamBot.Host.Tests.Admin;

/// <summary>The admin panel in a real browser (see <see cref="BrowserTestBed"/>).</summary>
public sealed class AdminBrowserTests : IAsyncLifetime
{
    private const string Password = "sloneczny-Kozlowek-2026";
    private BrowserTestBed _bed = null!;
    private MamApp _app = null!;
    private IBrowser _browser = null!;
    private string _address = "";

    public async Task InitializeAsync()
    {
        _bed = await BrowserTestBed.StartAsync();
        (_app, _browser, _address) = (_bed.App, _bed.Browser, _bed.Address);
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync("ania@mam.example", StaffRoles.Animator, "Ania", Password, default);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_stranger_lands_on_the_login_page_and_a_team_member_signs_in_to_today()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_address + "/admin");
        Assert.EndsWith("/admin/login?ReturnUrl=%2Fadmin", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("E-mail").FillAsync("ania@mam.example");
        await page.GetByLabel("Hasło").FillAsync("zle-haslo-123456");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj" }).ClickAsync();
        Assert.Equal("Nieprawidłowy e-mail albo hasło.", await page.GetByRole(AriaRole.Alert).InnerTextAsync());

        await page.GetByLabel("Hasło").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj" }).ClickAsync();
        await page.WaitForURLAsync(_address + "/admin", new() { WaitUntil = WaitUntilState.Commit });
        Assert.StartsWith("Dziś, środa, 25 listopada", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Contains("Kawa sąsiedzka", await page.Locator("#events + ul").InnerTextAsync());

        await page.OpenFromMenuAsync("Zadania");
        await page.WaitForURLAsync(_address + "/admin/jobs", new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByText("MamBot – zadania").First.WaitForAsync(); // the dashboard's title

        await page.GotoAsync(_address + "/admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wyloguj" }).ClickAsync();
        await page.WaitForURLAsync(_address + "/admin/login", new() { WaitUntil = WaitUntilState.Commit });
        // With the browser's cookies, now signed out: the dashboard answers 401 (Chromium shows no page for an empty 401).
        var jobs = await page.Context.APIRequest.GetAsync(_address + "/admin/jobs");
        Assert.Equal(401, jobs.Status);
    }

    // The waits below stop at the commit of the new page, then let the locators wait for what they need: waiting for
    // the "load" event after a POST-redirect-GET sometimes missed it under a loaded machine (Playwright timed out).
    private async Task SignInAsync(IPage page)
    {
        await page.GotoAsync(_address + "/admin/login");
        await page.GetByLabel("E-mail").FillAsync("ania@mam.example");
        await page.GetByLabel("Hasło").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj" }).ClickAsync();
        await page.WaitForURLAsync(_address + "/admin", new() { WaitUntil = WaitUntilState.Commit });
    }

    [Fact]
    public async Task Approving_a_pending_booking_in_the_panel_brings_the_residents_message_to_their_web_chat()
    {
        // A resident on the web chat page (their conversation id lives in the browser), with a booking of the big room waiting.
        const string conversation = "7d2c0c9e-4e4b-4d1e-9d2a-0f4c1b2a3e5f";
        using var http = new HttpClient { BaseAddress = new Uri(_address) };
        (await http.PostAsJsonAsync($"/api/chat/{conversation}", new { payload = "consent:yes" })).EnsureSuccessStatusCode();
        var krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
        DateTime Friday(int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 27, hour, 0, 0), krakow);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var resident = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Residents.Select(r => r.Id).SingleAsync();
            var big = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Rooms.Where(r => r.Name == "Sala duża").Select(r => r.Id).SingleAsync();
            var attempt = await scope.ServiceProvider.GetRequiredService<BookingDesk>()
                .RequestAsync(new NewBooking(big, resident, Friday(17), Friday(19), 12, "próba chóru", "Anna", null), default);
            Assert.Equal(BookingStatus.Pending, attempt.Booking!.Status);
        }

        var staff = await _browser.NewPageAsync();
        await SignInAsync(staff);
        await staff.OpenFromMenuAsync("Rezerwacje");
        Assert.Contains("próba chóru (Anna, 12 osób) – czeka na decyzję", await staff.Locator("main").InnerTextAsync());
        await staff.GetByRole(AriaRole.Button, new() { Name = "Zatwierdź: piątek, 27 listopada, 17:00–19:00, Sala duża" }).ClickAsync();
        // Asked once, with what the resident will read.
        await staff.GetByText("✅ Twoja rezerwacja jest potwierdzona: piątek, 27 listopada, 17:00–19:00, Sala duża.").WaitForAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Tak, zatwierdź" }).ClickAsync();
        Assert.Equal("Zatwierdzono. Mieszkaniec dostanie wiadomość od razu (także wieczorem).", await staff.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("potwierdzona", await staff.Locator("main").InnerTextAsync());

        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);

        var residentContext = await _browser.NewContextAsync();
        await residentContext.AddInitScriptAsync($"localStorage.setItem('mambot.conversation', '{conversation}');");
        var chat = await residentContext.NewPageAsync();
        await chat.GotoAsync(_address + "/");
        await chat.GetByText("✅ Twoja rezerwacja jest potwierdzona: piątek, 27 listopada, 17:00–19:00, Sala duża.").WaitForAsync(new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task Staff_create_an_event_in_the_form_see_its_announcement_and_residents_who_chose_its_category_are_told()
    {
        const string conversation = "0b8f3c1e-2d4a-4c6b-8e9f-1a2b3c4d5e6f";
        using var http = new HttpClient { BaseAddress = new Uri(_address) };
        (await http.PostAsJsonAsync($"/api/chat/{conversation}", new { payload = "consent:yes" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/chat/{conversation}", new { payload = "events:sub:Culture" })).EnsureSuccessStatusCode();

        var staff = await _browser.NewPageAsync();
        await SignInAsync(staff);
        await staff.OpenFromMenuAsync("Wydarzenia");
        await staff.GetByLabel("Tytuł", new() { Exact = true }).FillAsync("Koncert kolęd");
        await staff.GetByLabel("Opis", new() { Exact = true }).FillAsync("Śpiewamy razem, przyjdź z rodziną.");
        await staff.GetByLabel("Prowadzi", new() { Exact = true }).FillAsync("Chór sąsiedzki");
        await staff.GetByLabel("Dzień").FillAsync("2026-12-04");
        await staff.GetByLabel("Od", new() { Exact = true }).FillAsync("18:00");
        await staff.GetByLabel("Do", new() { Exact = true }).FillAsync("19:30");
        await staff.GetByLabel("Sala").SelectOptionAsync(new SelectOptionValue { Label = "Sala mała" });
        await staff.GetByLabel("Kategoria").SelectOptionAsync(new SelectOptionValue { Label = "Kultura" });
        await staff.GetByLabel("Liczba miejsc (puste: bez limitu)").FillAsync("10");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Dodaj wydarzenie" }).ClickAsync();

        // Saving tells nobody yet: the team sees the announcement as residents will read it, then sends it.
        Assert.StartsWith("Dodano „Koncert kolęd” (terminów: 1). Nikt jeszcze o tym nie wie", await staff.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("„Koncert kolęd”\n📅 piątek, 4 grudnia, 18:00", await staff.Locator("main").InnerTextAsync());
        await staff.GetByRole(AriaRole.Button, new() { Name = "Wyślij zapowiedź" }).ClickAsync();
        Assert.Equal("Wysłano zapowiedź „Koncert kolęd” (terminów: 1, odbiorców: 1).", await staff.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("piątek, 4 grudnia, 18:00 – Koncert kolęd (Sala mała, MAM Na Kozłówce, Kultura, zapisani: 0/10, rezerwowi: 0)", await staff.Locator("main").InnerTextAsync());

        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        var messages = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/chat/{conversation}/messages?after=0");
        Assert.Contains(messages.GetProperty("replies").EnumerateArray(), r => r.GetProperty("text").GetString()!.StartsWith("Nowe wydarzenie w kategorii „Kultura”:\n\n„Koncert kolęd”\n📅 piątek, 4 grudnia, 18:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_build_a_survey_a_resident_answers_it_in_the_web_chat_and_the_answer_shows_in_the_results()
    {
        const string conversation = "5e6f7a8b-1c2d-4e3f-9a0b-c1d2e3f4a5b6";
        using var http = new HttpClient { BaseAddress = new Uri(_address) };
        (await http.PostAsJsonAsync($"/api/chat/{conversation}", new { payload = "consent:yes" })).EnsureSuccessStatusCode();

        var staff = await _browser.NewPageAsync();
        await SignInAsync(staff);
        await staff.OpenFromMenuAsync("Ankiety");
        await staff.GetByRole(AriaRole.Link, new() { Name = "+ Nowa ankieta" }).ClickAsync();
        await staff.GetByLabel("Tytuł", new() { Exact = true }).FillAsync("Ferie w MAM");
        await staff.GetByLabel("Kilka słów na początek").FillAsync("Jedno pytanie o ferie.");
        await staff.GetByLabel("Treść pytania 1", new() { Exact = true }).FillAsync("Która pora Ci pasuje?");
        await staff.GetByLabel("Rodzaj odpowiedzi na pytanie 1").SelectOptionAsync(new SelectOptionValue { Label = "jedna odpowiedź z listy" });
        await staff.GetByLabel("Odpowiedzi do wyboru w pytaniu 1").FillAsync("rano\npo południu\nwieczorem");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Zapisz i zaproś" }).ClickAsync();

        Assert.StartsWith("Zapisano ankietę „Ferie w MAM”. Liczba zaproszonych osób: 1.", await staff.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("odpowiedzi: 0", await staff.Locator("#responses").InnerTextAsync());

        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        var residentContext = await _browser.NewContextAsync();
        await residentContext.AddInitScriptAsync($"localStorage.setItem('mambot.conversation', '{conversation}');");
        var chat = await residentContext.NewPageAsync();
        await chat.GotoAsync(_address + "/");
        await chat.GetByText("Dzień dobry! Zespół MAM pyta o zdanie: „Ferie w MAM”.", new() { Exact = false }).WaitForAsync(new() { Timeout = 15_000 });
        await chat.GetByRole(AriaRole.Button, new() { Name = "Odpowiadam" }).ClickAsync();
        await chat.GetByRole(AriaRole.Button, new() { Name = "2. po południu" }).ClickAsync();
        // The summary's "Wyślij", not the message box's own button of that name.
        await chat.Locator(".buttons").GetByRole(AriaRole.Button, new() { Name = "Wyślij", Exact = true }).ClickAsync();
        await chat.GetByText("Dziękujemy za udział w ankiecie „Ferie w MAM”!", new() { Exact = false }).WaitForAsync(new() { Timeout = 15_000 });

        await staff.ReloadAsync();
        Assert.Equal("odpowiedzi: 1", await staff.Locator("#responses").InnerTextAsync());
        var rows = await staff.Locator("table.bars tr").AllInnerTextsAsync();
        Assert.Equal(["rano 0 (0%)", "po południu 1 (100%)", "wieczorem 0 (0%)"], rows.Select(r => System.Text.RegularExpressions.Regex.Replace(r, "\\s+", " ").Trim()));
    }

    [Fact]
    public async Task A_residents_message_appears_in_the_open_conversation_without_reloading()
    {
        const string conversation = "c0a1b2c3d4e5f60718293a4b5c6d7e8f";
        using var http = new HttpClient { BaseAddress = new Uri(_address) };
        (await http.PostAsJsonAsync($"/api/chat/{conversation}", new { payload = "consent:yes" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/chat/{conversation}", new { text = "chcę porozmawiać z człowiekiem" })).EnsureSuccessStatusCode();
        var id = await _app.QueryAsync(db => db.Handoffs.Select(h => h.Id).SingleAsync());
        var page = await _browser.NewPageAsync();
        await SignInAsync(page);
        await page.GotoAsync($"{_address}/admin/conversations/{id}");
        await page.GetByText("Mieszkaniec jeszcze nic nie napisał.").WaitForAsync();
        await page.EvaluateAsync("() => window.stillTheSamePage = true"); // a reload would forget it

        (await http.PostAsJsonAsync($"/api/chat/{conversation}", new { text = "Czy jest dziś joga?" })).EnsureSuccessStatusCode();

        await page.GetByText("Czy jest dziś joga?").WaitForAsync(new() { Timeout = 15_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
        Assert.Equal(0, await page.GetByText("Mieszkaniec jeszcze nic nie napisał.").CountAsync());
    }

    [Fact]
    public async Task The_report_picks_a_quarter_without_javascript_and_its_charts_load_as_pictures()
    {
        await PilotSinceJuneAsync();
        var staff = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 900 } });
        await SignInAsync(staff);
        await staff.OpenFromMenuAsync("Raport");
        await staff.WaitForURLAsync(_address + "/admin/report", new() { WaitUntil = WaitUntilState.Commit });

        await staff.GetByLabel("Okres").SelectOptionAsync(new SelectOptionValue { Label = "III kwartał 2026" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Pokaż" }).ClickAsync();

        await staff.WaitForURLAsync(_address + "/admin/report?period=2026-Q3", new() { WaitUntil = WaitUntilState.Commit });
        Assert.Equal("Raport: III kwartał 2026", await staff.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Contains("W III kwartale z MAM skorzystało 25 osób, o 19 więcej niż w II kwartale.",
            await staff.Locator("main").InnerTextAsync());
        var charts = staff.GetByRole(AriaRole.Img);
        Assert.Equal(9, await charts.CountAsync()); // nobody rated an event yet: "brak ocen" stands for the tenth
        Assert.Equal("brak ocen", await staff.GetByRole(AriaRole.Region, new() { Name = "Średnia ocena wydarzeń (od 1 do 5)" })
            .Locator(".no-values").InnerTextAsync());
        foreach (var chart in await charts.AllAsync())
            Assert.True(await chart.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 400"), "a chart did not load as a picture");
        // The picture in the README (docs/report.png) is the top of this page.
        var main = (await staff.Locator("main").BoundingBoxAsync())!;
        await staff.ScreenshotAsync(new()
        {
            Path = Path.Combine(AppContext.BaseDirectory, "report-screenshot.png"),
            FullPage = true,
            Clip = new() { X = main.X, Y = main.Y, Width = main.Width, Height = 1000 },
        });
    }

    /// <summary>
    /// A pilot that began in June: the residents who wrote each month (new ones join, some stop), as the turns
    /// record them, so the charts have a few months to show.
    /// </summary>
    private async Task PilotSinceJuneAsync()
    {
        int[] firstResident = [0, 1, 3, 5, 8, 10], endResident = [6, 12, 19, 26, 35, 43];
        string[] channels = ["telegram", "webchat", "messenger"];
        var residents = Enumerable.Range(0, 43).Select(_ => Guid.NewGuid()).ToList();
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.MamDbContext>();
        var centre = await db.Centres.Select(c => c.Id).FirstAsync();
        for (var m = 0; m < 6; m++)
            for (var r = firstResident[m]; r < endResident[m]; r++)
                db.MonthlyActivities.Add(new() { CentreId = centre, ResidentId = residents[r], Channel = channels[r % 3], Month = new DateOnly(2026, 6 + m, 1) });
        await db.SaveChangesAsync();
    }
}

internal static class PanelMenu
{
    /// <summary>Clicks a page in the panel's menu (the Dziś cards link to the same pages under longer names).</summary>
    public static Task OpenFromMenuAsync(this IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Panel zespołu" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
}
