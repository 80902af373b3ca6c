using MamBot.Data.Staff;
using MamBot.Host.Admin;
using MamBot.Host.Tests.WebChat;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MamBot.Host.Tests.Calendar;

/// <summary>"Kalendarz" in Chromium on a desk (1366×768: rooms across) and on a phone (390×844: a list per day).</summary>
public sealed class CalendarBrowserTests : IAsyncLifetime
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

    private async Task<IPage> SignedInAsync(int width, int height, bool phone)
    {
        // The panel's CSP allows only its own scripts: axe-core is let in for the test alone.
        var page = await _bed.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, IsMobile = phone, HasTouch = phone, BypassCSP = true });
        await page.GotoAsync(_bed.Address + "/admin/login");
        await page.GetByLabel("E-mail").FillAsync("ania@mam.example");
        await page.GetByLabel("Hasło").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj" }).ClickAsync();
        await page.WaitForURLAsync(_bed.Address + "/admin", new() { WaitUntil = WaitUntilState.Commit });
        return page;
    }

    [Fact]
    public async Task On_a_desk_the_week_puts_the_coffee_on_thursday_under_the_big_room_and_links_to_it()
    {
        var coffee = await _bed.App.QueryAsync(db => db.Events.Where(e => e.Title == "Kawa sąsiedzka").OrderBy(e => e.StartUtc).Select(e => e.Id).FirstAsync());
        var desk = await SignedInAsync(1366, 768, phone: false);
        await desk.GetByRole(AriaRole.Link, new() { Name = "Kalendarz" }).ClickAsync();
        await desk.WaitForURLAsync(_bed.Address + "/admin/calendar", new() { WaitUntil = WaitUntilState.Commit });

        var headers = await desk.Locator("table.cal thead th").AllInnerTextsAsync();
        var column = headers.ToList().IndexOf("Sala duża");
        var thursday = desk.Locator("tr[data-day='2026-11-26'] > *").Nth(column);
        Assert.Contains("Kawa sąsiedzka", await thursday.InnerTextAsync());
        Assert.True(await thursday.IsVisibleAsync());
        Assert.False(await desk.Locator(".cal-list").IsVisibleAsync()); // the phone's list stays out of a desk's way
        Assert.True(await desk.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the week fits a desk's width");
        var box = await desk.Locator("table.cal").BoundingBoxAsync();
        Assert.True(box!.Y + 200 < 768, "the week starts on the first screen");
        await Axe.AssertCleanAsync(desk, "on the calendar's week on a desk");

        await desk.GetByRole(AriaRole.Link, new() { Name = "Miesiąc" }).ClickAsync();
        await desk.Locator("td[data-day='2026-11-26']").GetByText("Kawa sąsiedzka").WaitForAsync();
        Assert.True(await desk.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the month fits a desk's width");

        await desk.Locator("td[data-day='2026-11-26']").GetByRole(AriaRole.Link, new() { Name = "Kawa sąsiedzka" }).ClickAsync();
        await desk.WaitForURLAsync($"{_bed.Address}/admin/events/{coffee}", new() { WaitUntil = WaitUntilState.Commit });
    }

    [Fact]
    public async Task On_a_phone_each_view_is_a_list_per_day_no_wider_than_the_screen()
    {
        var phone = await SignedInAsync(390, 844, phone: true);

        foreach (var view in new[] { "day", "week", "month" })
        {
            await phone.GotoAsync($"{_bed.Address}/admin/calendar?view={view}&date=2026-11-26");
            Assert.Equal(390, await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")); // nothing wider than the phone
            var thursday = phone.GetByRole(AriaRole.Region, new() { Name = "czwartek, 26 listopada", Exact = true });
            Assert.True(await thursday.IsVisibleAsync(), $"{view}: Thursday is a section of the list");
            Assert.Contains("17:00–19:00 Kawa sąsiedzka (wydarzenie · Sala duża)", await thursday.InnerTextAsync());
            Assert.False(await phone.Locator("table.cal").IsVisibleAsync());
            await Axe.AssertCleanAsync(phone, $"on the calendar's {view} on a phone");
        }
        await phone.GotoAsync($"{_bed.Address}/admin/calendar?view=week&date=2026-11-26");
        Assert.Contains("MAM nieczynne", await phone.GetByRole(AriaRole.Region, new() { Name = "niedziela, 29 listopada", Exact = true }).InnerTextAsync());
    }
}
