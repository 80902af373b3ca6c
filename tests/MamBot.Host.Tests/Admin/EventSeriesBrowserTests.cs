using System.Net.Http.Json;
using System.Text.Json;
using MamBot.Data.Staff;
using MamBot.Host.Admin;
using MamBot.Host.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MamBot.Host.Tests.Admin;

/// <summary>A weekly series made on a phone in Chromium (see <see cref="BrowserTestBed"/>), announced after its preview.</summary>
public sealed class EventSeriesBrowserTests : IAsyncLifetime
{
    private const string Password = "sloneczny-Kozlowek-2026";
    private BrowserTestBed _bed = null!;

    public async Task InitializeAsync()
    {
        _bed = await BrowserTestBed.StartAsync();
        await using var scope = _bed.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync("ania@mam.example", StaffRoles.Animator, "Ania", Password, default);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task On_a_phone_four_weekly_yoga_dates_are_one_form_and_one_announcement_after_the_preview()
    {
        const string conversation = "7c1e9a3b-5d2f-4e8a-b6c4-0f1e2d3c4b5a";
        using var http = new HttpClient { BaseAddress = new Uri(_bed.Address) };
        (await http.PostAsJsonAsync($"/api/chat/{conversation}", new { payload = "consent:yes" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/chat/{conversation}", new { payload = "events:sub:Workshops" })).EnsureSuccessStatusCode();

        var staff = await _bed.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await staff.GotoAsync(_bed.Address + "/admin/login");
        await staff.GetByLabel("E-mail").FillAsync("ania@mam.example");
        await staff.GetByLabel("Hasło").FillAsync(Password);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Zaloguj" }).ClickAsync();
        await staff.WaitForURLAsync(_bed.Address + "/admin", new() { WaitUntil = WaitUntilState.Commit });
        await staff.GotoAsync(_bed.Address + "/admin/events");

        await staff.GetByLabel("Tytuł", new() { Exact = true }).FillAsync("Joga");
        await staff.GetByLabel("Dzień").FillAsync("2026-12-02");
        await staff.GetByLabel("Od", new() { Exact = true }).FillAsync("18:00");
        await staff.GetByLabel("Do", new() { Exact = true }).FillAsync("19:00");
        await staff.GetByLabel("Sala").SelectOptionAsync(new SelectOptionValue { Label = "Sala mała" });
        await staff.GetByLabel("Kategoria").SelectOptionAsync(new SelectOptionValue { Label = "Warsztaty" });
        await staff.GetByLabel("Powtarzaj").SelectOptionAsync(new SelectOptionValue { Label = "co tydzień" });
        await staff.GetByLabel("Ile terminów razem z pierwszym (np. 4)").FillAsync("4");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Dodaj wydarzenie" }).ClickAsync();

        Assert.StartsWith("Dodano „Joga” (terminów: 4).", await staff.GetByRole(AriaRole.Status).InnerTextAsync());
        var preview = await staff.Locator("main").InnerTextAsync();
        Assert.Contains("📅 środa, 2 grudnia, 18:00\n📅 środa, 9 grudnia, 18:00\n📅 środa, 16 grudnia, 18:00\n📅 środa, 23 grudnia, 18:00", preview);
        Assert.True(await staff.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the preview fits a phone's width");
        Assert.Equal(0, await _bed.App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == Data.Outbox.OutboxKind.Announcement)));

        await staff.GetByRole(AriaRole.Button, new() { Name = "Wyślij zapowiedź" }).ClickAsync();

        Assert.Equal("Wysłano zapowiedź „Joga” (terminów: 4, odbiorców: 1).", await staff.GetByRole(AriaRole.Status).InnerTextAsync());
        await _bed.App.RunRecurringJobAsync(OutboxDispatchJob.Id);
        var texts = (await http.GetFromJsonAsync<JsonElement>($"/api/chat/{conversation}/messages?after=0"))
            .GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()!).Where(t => t.Contains("„Joga”", StringComparison.Ordinal));
        Assert.StartsWith("Nowe spotkania w kategorii „Warsztaty”:\n\n„Joga”\n📅 środa, 2 grudnia, 18:00", Assert.Single(texts), StringComparison.Ordinal);
    }
}
