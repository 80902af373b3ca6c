using System.Net;
using System.Text.RegularExpressions;
using MamBot.Data.Events;
using MamBot.Dialogs.Bookings;
using MamBot.Dialogs.Events;
using MamBot.Data.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Admin;

/// <summary>"Szukaj": one box in the menu finds events (past and months ahead), bookings and residents, grouped.</summary>
public sealed class SearchPageTests : IDisposable
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;

    public SearchPageTests() => _app = _bed.Start();

    public void Dispose() => _bed.Dispose();

    private static DateTime Local(int year, int month, int day, int hour) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, 0, 0), Krakow);

    /// <summary>The text of one group of results (its heading with the count, then the lines).</summary>
    private static string Group(string html, string id) =>
        StaffSession.Text(Regex.Match(html, $"<section[^>]*aria-labelledby=\"found-{id}\"[^>]*>(.*?)</section>", RegexOptions.Singleline).Groups[1].Value).Trim();

    [Fact]
    public async Task One_box_finds_a_past_event_one_months_ahead_a_booking_and_a_resident_without_polish_letters()
    {
        int past, ahead, booking;
        Guid halina;
        var chat = new PageChat(_app.CreateClient(), "browser-halina-0a1b2c3d4e5f60718293");
        await chat.PressAsync("consent:yes");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.MamDbContext>();
            var centre = await db.Centres.Select(c => c.Id).FirstAsync();
            var kitchen = await db.Rooms.Where(r => r.Name == "Kuchnia").Select(r => r.Id).SingleAsync();
            halina = await db.Residents.Select(r => r.Id).SingleAsync();
            var desk = scope.ServiceProvider.GetRequiredService<EventDesk>();
            ahead = (await desk.CreateAsync(new NewEvent(centre, "Kiermasz wiosenny", "Stoiska sąsiadów.", Local(2027, 1, 23, 10), Local(2027, 1, 23, 13),
                null, EventCategory.Neighbours, null, "Zespół MAM"), default)).Event!.Id;
            // Saturday's fair: made while it was ahead; the clock moves on below.
            past = (await desk.CreateAsync(new NewEvent(centre, "Kiermasz jesienny", "Stoiska sąsiadów.", Local(2026, 11, 28, 10), Local(2026, 11, 28, 13),
                null, EventCategory.Neighbours, null, "Zespół MAM"), default)).Event!.Id;
            booking = (await scope.ServiceProvider.GetRequiredService<BookingDesk>().RequestAsync(new NewBooking(kitchen, halina,
                Local(2026, 11, 27, 12), Local(2026, 11, 27, 14), 6, "pierogi na kiermasz", "Halina Żółkiewska", "600 100 200"), default)).Booking!.Id;
            Assert.NotEqual(BookingStatus.Rejected, (await db.Bookings.SingleAsync(b => b.Id == booking)).Status);
        }
        _bed.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero)); // the autumn fair is over
        var staff = await StaffSession.SignInAsync(_app);
        Assert.Contains("action=\"/admin/search\"", await staff.PageAsync("/admin")); // the box is in the menu of every page

        var fair = await staff.PageAsync("/admin/search?q=kiermasz");

        var events = Group(fair, "events");
        Assert.StartsWith("Wydarzenia (2)", events);
        Assert.True(events.IndexOf("Kiermasz wiosenny", StringComparison.Ordinal) < events.IndexOf("Kiermasz jesienny", StringComparison.Ordinal), events);
        Assert.Contains("Kiermasz jesienny – sobota, 28 listopada, 10:00", events);
        Assert.Contains("minęło", events);
        Assert.Contains($"href=\"/admin/events/{past}\"", fair);
        Assert.Contains($"href=\"/admin/events/{ahead}\"", fair);
        Assert.Contains("Rezerwacje (1) pierogi na kiermasz – piątek, 27 listopada, 12:00–14:00 · Kuchnia · Halina Żółkiewska", Group(fair, "bookings"));
        Assert.Contains($"href=\"/admin/bookings?week=-1#booking-{booking}\"", fair);
        Assert.StartsWith("Mieszkańcy (0)", Group(fair, "residents"));

        var person = await staff.PageAsync("/admin/search?q=zolkiewska");
        Assert.Contains("Halina Żółkiewska", Group(person, "residents"));
        Assert.Contains($"href=\"/admin/residents/{halina}\"", person);
        Assert.StartsWith("Wydarzenia (0) Nic nie znaleziono.", Group(person, "events"));
        Assert.Contains("Mieszkańcy (1)", Group(await staff.PageAsync("/admin/search?q=600100200"), "residents")); // the phone as digits

        Assert.Equal(HttpStatusCode.Redirect, (await _app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/admin/search?q=kiermasz")).StatusCode);
    }
}
