using System.Net;
using System.Text.RegularExpressions;
using MamBot.Data.Bookings;
using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Dialogs.Bookings;
using MamBot.Dialogs.Events;
using MamBot.Host.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Calendar;

/// <summary>
/// "Kalendarz" in the panel: a day, a week or a month with bookings, events and closures together, the rooms across,
/// on the centre's clock (summer and winter time), each thing linking to its page.
/// </summary>
public sealed partial class CalendarPageTests : IDisposable
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;

    public CalendarPageTests() => _app = _bed.Start();

    public void Dispose() => _bed.Dispose();

    private static DateTime Local(int year, int month, int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0), Krakow);

    private async Task<int> RoomAsync(string name) => await _app.QueryAsync(db => db.Rooms.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());

    private async Task<int> EventAsync(string title, DateTime startUtc, DateTime endUtc, int? room = null)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var centre = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Centres.Select(c => c.Id).FirstAsync();
        var change = await scope.ServiceProvider.GetRequiredService<EventDesk>().CreateAsync(
            new NewEvent(centre, title, "Opis.", startUtc, endUtc, room, EventCategory.Neighbours, null, "Zespół MAM"), default);
        return Assert.IsType<CommunityEvent>(change.Event).Id;
    }

    /// <summary>A row (a day) of the desk's table, as text, and the cells under each column header.</summary>
    private static (string Text, IReadOnlyList<string> Cells) Row(string html, string day)
    {
        var row = Regex.Match(html, $"<tr data-day=\"{day}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no row for {day}");
        var cells = Regex.Matches(row.Groups[1].Value, "<(td|th)[^>]*>(.*?)</\\1>", RegexOptions.Singleline)
            .Select(m => StaffSession.Text(m.Groups[2].Value).Trim()).ToList();
        return (StaffSession.Text(row.Groups[1].Value), cells);
    }

    private static IReadOnlyList<string> Headers(string html) =>
        [.. Regex.Matches(Regex.Match(html, "<thead>(.*?)</thead>", RegexOptions.Singleline).Groups[1].Value, "<th[^>]*>(.*?)</th>", RegexOptions.Singleline)
            .Select(m => StaffSession.Text(m.Groups[1].Value).Trim())];

    [Fact]
    public async Task A_week_shows_bookings_events_and_closures_on_their_days_under_their_rooms()
    {
        var small = await RoomAsync("Sala mała");
        var kitchen = await RoomAsync("Kuchnia");
        var walk = await EventAsync("Spacer po Kozłówce", Local(2026, 11, 27, 12), Local(2026, 11, 27, 13)); // outdoors
        int booking;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var chat = new PageChat(_app.CreateClient(), "browser-ala-8be0362489c467998270");
            await chat.PressAsync("consent:yes");
            var ala = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Residents.Select(r => r.Id).SingleAsync();
            booking = (await scope.ServiceProvider.GetRequiredService<BookingDesk>().RequestAsync(
                new NewBooking(small, ala, Local(2026, 11, 27, 17), Local(2026, 11, 27, 19), 4, "korepetycje", "Ala", "600 100 200"), default)).Booking!.Id;
            var centre = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Centres.Select(c => c.Id).FirstAsync();
            await scope.ServiceProvider.GetRequiredService<CentreSettings>().AddBlackoutAsync(centre, kitchen,
                Local(2026, 11, 26, 0), Local(2026, 11, 27, 0), "malowanie", default);
        }
        var staff = await StaffSession.SignInAsync(_app);

        var html = await staff.PageAsync("/admin/calendar?view=week&date=2026-11-25");

        Assert.Contains("Kalendarz: poniedziałek, 23 listopada – niedziela, 29 listopada 2026", StaffSession.Text(html));
        Assert.Equal(["Dzień", "Sala duża", "Sala mała", "Kuchnia", "poza salą"], Headers(html));
        var thursday = Row(html, "2026-11-26");
        Assert.Contains("Kawa sąsiedzka", thursday.Cells[1]); // the sample's coffee, in the big room
        Assert.Contains("17:00–19:00", thursday.Cells[1]);
        Assert.Contains("cały dzień malowanie (Kuchnia zamknięta)", thursday.Cells[3]);
        var friday = Row(html, "2026-11-27");
        Assert.Contains("17:00–19:00 korepetycje (rezerwacja)", friday.Cells[2]);
        Assert.Contains("12:00–13:00 Spacer po Kozłówce (wydarzenie)", friday.Cells[4]);
        Assert.DoesNotContain("600 100 200", friday.Text);
        Assert.Contains("10:00–14:00", Row(html, "2026-11-28").Cells[0]); // Saturday's hours
        Assert.Contains("MAM nieczynne", Row(html, "2026-11-29").Cells[0]); // Sunday
        Assert.Contains($"href=\"/admin/events/{walk}\"", html);
        Assert.Contains($"href=\"/admin/bookings?week=0#booking-{booking}\"", html);
        Assert.Contains($"id=\"booking-{booking}\"", await staff.PageAsync("/admin/bookings?week=0")); // the link lands on it
    }

    [Fact]
    public async Task Across_the_spring_clock_change_an_evening_event_stays_at_its_local_hour_on_its_day()
    {
        // 28 March 2027: clocks go forward. Saturday 18:00 is 17:00 UTC, Monday 18:00 is 16:00 UTC.
        await EventAsync("Sobotni spacer", Local(2027, 3, 27, 18), Local(2027, 3, 27, 19));
        await EventAsync("Nocne obserwacje nieba", Local(2027, 3, 28, 22, 30), Local(2027, 3, 28, 23, 30));
        await EventAsync("Poniedziałkowy spacer", Local(2027, 3, 29, 18), Local(2027, 3, 29, 19));
        var staff = await StaffSession.SignInAsync(_app);

        var before = await staff.PageAsync("/admin/calendar?view=week&date=2027-03-27");
        var after = await staff.PageAsync("/admin/calendar?view=day&date=2027-03-29");

        Assert.Contains("18:00–19:00 Sobotni spacer", Row(before, "2027-03-27").Text);
        Assert.Contains("22:30–23:30 Nocne obserwacje nieba", Row(before, "2027-03-28").Text); // the 23-hour day keeps its evening
        Assert.DoesNotContain("Nocne obserwacje", Row(before, "2027-03-27").Text);
        Assert.Contains("18:00–19:00 Poniedziałkowy spacer", Row(after, "2027-03-29").Text);
        Assert.Contains("Kalendarz: Poniedziałek, 29 marca 2027", StaffSession.Text(after));
    }

    [Fact]
    public async Task A_month_shows_an_event_weeks_ahead_on_its_day_and_the_pages_before_and_after()
    {
        await EventAsync("Kiermasz wiosenny", Local(2027, 1, 23, 10), Local(2027, 1, 23, 13), await RoomAsync("Sala duża"));
        var staff = await StaffSession.SignInAsync(_app);

        var html = await staff.PageAsync("/admin/calendar?view=month&date=2027-01-05");

        Assert.Contains("Kalendarz: styczeń 2027", StaffSession.Text(html));
        var cell = Regex.Match(html, "<td [^>]*data-day=\"2027-01-23\">(.*?)</td>", RegexOptions.Singleline);
        Assert.Contains("10:00–13:00 Kiermasz wiosenny", StaffSession.Text(cell.Groups[1].Value));
        Assert.Contains("href=\"/admin/calendar?view=month&amp;date=2026-12-01\"", html);
        Assert.Contains("href=\"/admin/calendar?view=month&amp;date=2027-02-01\"", html);
        var list = html[html.IndexOf("class=\"cal-list\"", StringComparison.Ordinal)..];
        Assert.Contains("Sobota, 23 stycznia", StaffSession.Text(list)); // the phone's list per day
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync("/admin/calendar?view=month&date=99999-01-01")).StatusCode);
        var anonymous = await _app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/admin/calendar");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }
}
