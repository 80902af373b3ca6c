using MamBot.Data.Events;
using MamBot.Data.Staff;
using MamBot.Dialogs.Events;
using MamBot.Host.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MamBot.Host.Tests.Admin;

/// <summary>Attendance taken at the door on a phone (390×844): each tick is saved at once and the report counts it.</summary>
public sealed class AttendanceBrowserTests : IAsyncLifetime
{
    private const string Password = "sloneczny-Kozlowek-2026";
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private BrowserTestBed _bed = null!;

    public async Task InitializeAsync()
    {
        _bed = await BrowserTestBed.StartAsync();
        await using var scope = _bed.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync("ania@mam.example", StaffRoles.Animator, "Ania", Password, default);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private static DateTime Today(int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 25, hour, 0, 0), Krakow);

    [Fact]
    public async Task Attendance_ticked_on_a_phone_is_saved_at_once_and_counted_in_the_report()
    {
        // "Joga" this evening; Halina (who booked the kitchen with her phone) and Olek signed up in the web chat.
        int id;
        await using (var scope = _bed.App.Services.CreateAsyncScope())
        {
            var centre = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Centres.Select(c => c.Id).FirstAsync();
            id = (await scope.ServiceProvider.GetRequiredService<EventDesk>().CreateAsync(
                new NewEvent(centre, "Joga", "Rozciąganie.", Today(18), Today(19), null, EventCategory.Seniors, 10, "Pani Ewa"), default)).Event!.Id;
        }
        using var http = new HttpClient { BaseAddress = new Uri(_bed.Address) };
        var halina = new PageChat(http, "browser-halina-0a1b2c3d4e5f60718293");
        await halina.PressAsync("consent:yes");
        await halina.SendAsync("chcę zarezerwować kuchnię jutro o 12 na 2 godziny dla 6 osób");
        await halina.SendAsync("Halina 600 100 200");
        await halina.SendAsync("wspólne gotowanie pierogów");
        await halina.PressAsync($"events:join:{id}");
        var olek = new PageChat(http, "browser-olek-a0b1c2d3e4f5061728394");
        await olek.PressAsync("consent:yes");
        await olek.PressAsync($"events:join:{id}");

        var phone = await _bed.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await phone.GotoAsync(_bed.Address + "/admin/login");
        await phone.GetByLabel("E-mail").FillAsync("ania@mam.example");
        await phone.GetByLabel("Hasło").FillAsync(Password);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Zaloguj" }).ClickAsync();
        await phone.WaitForURLAsync(_bed.Address + "/admin", new() { WaitUntil = WaitUntilState.Commit });
        await phone.GotoAsync($"{_bed.Address}/admin/events/{id}");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Kto przyjdzie" }).ClickAsync();
        await phone.WaitForURLAsync($"{_bed.Address}/admin/events/{id}/attendees", new() { WaitUntil = WaitUntilState.Commit });

        var box = phone.GetByRole(AriaRole.Checkbox, new() { Name = "Halina" });
        await box.WaitForAsync();
        Assert.False(await phone.GetByRole(AriaRole.Button, new() { Name = "Zapisz obecność: Halina" }).IsVisibleAsync()); // the tick saves itself
        var size = await box.BoundingBoxAsync();
        Assert.True(size!.Width >= 24 && size.Height >= 24, $"a box a thumb can hit: {size.Width}×{size.Height}");
        await box.TapAsync();
        await phone.Locator("#attendance li", new() { HasText = "Halina" }).GetByRole(AriaRole.Status).GetByText("Zapisano.").WaitForAsync();
        Assert.Equal(390, await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")); // nothing wider than the phone

        await phone.ReloadAsync();
        Assert.True(await phone.GetByRole(AriaRole.Checkbox, new() { Name = "Halina" }).IsCheckedAsync());
        Assert.False(await phone.GetByRole(AriaRole.Checkbox, new() { Name = "(bez imienia)" }).IsCheckedAsync());
        Assert.Contains("Zapisani: 2 z 10, obecni: 1", await phone.GetByRole(AriaRole.Heading, new() { Level = 2 }).First.InnerTextAsync());

        // The report takes the marks: Halina came, Olek (not ticked) did not.
        await phone.GotoAsync(_bed.Address + "/admin/report?period=2026-11");
        var rows = phone.Locator("table.card tr");
        Assert.Equal("1", await rows.Filter(new() { HasText = "byli (z listy obecności" }).Locator("td").Last.InnerTextAsync());
        Assert.Equal("1", await rows.Filter(new() { HasText = "nie dotarli (z listy obecności" }).Locator("td").Last.InnerTextAsync());
    }
}
