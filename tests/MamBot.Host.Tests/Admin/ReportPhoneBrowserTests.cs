using MamBot.Data.Staff;
using MamBot.Host.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MamBot.Host.Tests.Admin;

/// <summary>"Raport" on a phone (390×844) in Chromium: the page keeps the phone's width, a wide table scrolls in its own box.</summary>
public sealed class ReportPhoneBrowserTests : IAsyncLifetime
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
    public async Task On_a_phone_the_report_is_no_wider_than_the_screen_and_an_empty_rating_says_brak_ocen()
    {
        var phone = await _bed.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await phone.GotoAsync(_bed.Address + "/admin/login");
        await phone.GetByLabel("E-mail").FillAsync("ania@mam.example");
        await phone.GetByLabel("Hasło").FillAsync(Password);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Zaloguj" }).ClickAsync();
        await phone.WaitForURLAsync(_bed.Address + "/admin", new() { WaitUntil = WaitUntilState.Commit });

        foreach (var period in new[] { "2026-11", "2026-Q4", "pilot" })
        {
            await phone.GotoAsync($"{_bed.Address}/admin/report?period={period}");
            Assert.Equal(390, await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")); // nothing wider than the phone
        }

        // The ideas' table (a month and six statuses: seven columns) is wider than the phone: it scrolls in its own box.
        var ideas = phone.GetByRole(AriaRole.Region, new() { Name = "Tabela: Pomysły mieszkańców według tego, co się z nimi stało" });
        Assert.True(await ideas.EvaluateAsync<bool>("box => box.scrollWidth > box.clientWidth"), "the seven columns need more than the phone's width");
        var box = await ideas.BoundingBoxAsync();
        Assert.True(box!.X >= 0 && box.X + box.Width <= 390, $"the table's box runs from {box.X} to {box.X + box.Width}");

        // No rating yet: words, not an axis running −10 to 10 around nothing.
        var rating = phone.GetByRole(AriaRole.Region, new() { Name = "Średnia ocena wydarzeń (od 1 do 5)" });
        Assert.Equal("brak ocen", await rating.Locator(".no-values").InnerTextAsync());
        Assert.Equal(0, await rating.Locator("img").CountAsync());
    }
}
