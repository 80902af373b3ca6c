using MamBot.Data.Staff;
using MamBot.Host.Admin;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MamBot.Host.Tests.Admin;

/// <summary>
/// The admin panel in a real browser: Debian's Chromium driven by Microsoft.Playwright against the host on
/// Kestrel at 127.0.0.1. ./test.sh installs Chromium; without it these tests fail, never skip.
/// </summary>
public sealed class AdminBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Password = "sloneczny-Kozlowek-2026";
    private readonly HostTestBed _bed = new();
    private MamApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _address = "";

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"Debian's Chromium is missing at {Chromium}: run ./test.sh, which installs it (apt-get install chromium).");
        _app = _bed.Start(new Dictionary<string, string?> { ["Urls"] = "http://127.0.0.1:0" });
        _app.UseKestrel(0);
        _app.StartServer();
        _address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync("ania@mam.example", StaffRoles.Animator, "Ania", Password, default);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            // This machine's network is closed: keep Chromium from calling home at start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _bed.Dispose();
    }

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
        await page.WaitForURLAsync(_address + "/admin");
        Assert.StartsWith("Dziś, środa, 25 listopada", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Contains("Kawa sąsiedzka", await page.Locator("#events + ul").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Zadania" }).ClickAsync();
        await page.WaitForURLAsync(_address + "/admin/jobs");
        Assert.Contains("Hangfire", await page.ContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync(_address + "/admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wyloguj" }).ClickAsync();
        await page.WaitForURLAsync(_address + "/admin/login");
        // With the browser's cookies, now signed out: the dashboard answers 401 (Chromium shows no page for an empty 401).
        var jobs = await page.Context.APIRequest.GetAsync(_address + "/admin/jobs");
        Assert.Equal(401, jobs.Status);
    }
}
