using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MamBot.Data.Bookings;
using MamBot.Data.Events;
using MamBot.Dialogs.Bookings;
using MamBot.Dialogs.Events;
using MamBot.Host.Tests.Admin;
using MamBot.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Calendar;

/// <summary>
/// A staff member's private calendar feed, made on their own page and read by Debian's python3-icalendar: the
/// centre's bookings and events in UTC, text escaped, lines folded at 75 octets, no phone number; a revoked link is 404.
/// </summary>
public sealed partial class StaffCalendarFeedTests : IDisposable
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;
    private readonly TempFolder _files = new();

    public StaffCalendarFeedTests() => _app = _bed.Start();

    public void Dispose()
    {
        _bed.Dispose();
        _files.Dispose();
    }

    private static DateTime Local(int month, int day, int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, month, day, hour, 0, 0), Krakow);

    [GeneratedRegex("id=\"feed-address\" type=\"text\" readonly value=\"([^\"]+)\"")]
    private static partial Regex FeedAddress();

    private static string LinkOn(string html) => new Uri(WebUtility.HtmlDecode(FeedAddress().Match(html).Groups[1].Value)).PathAndQuery;

    private JsonElement Parse(byte[] feed)
    {
        var file = _files.File($"feed-{Guid.NewGuid():N}.ics");
        File.WriteAllBytes(file, feed);
        var script = Path.Combine(AppContext.BaseDirectory, "Calendar", "read_feed.py");
        using var python = Process.Start(new ProcessStartInfo("/usr/bin/python3", [script, file]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("Could not start /usr/bin/python3: install Debian's python3 and python3-icalendar.");
        var output = python.StandardOutput.ReadToEnd();
        var error = python.StandardError.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, "python3-icalendar could not read the feed: " + error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public async Task The_feed_from_my_page_holds_bookings_and_events_parses_and_keeps_phone_numbers_out()
    {
        var chat = new PageChat(_app.CreateClient(), "browser-ala-8be0362489c467998270");
        await chat.PressAsync("consent:yes");
        const string purpose = "próba chóru; soprany, alty i tenory – „Gaude Mater” oraz kolędy na wigilię sąsiedzką";
        const string title = "Warsztaty: świąteczne pierniki, łańcuchy i ozdoby z papieru dla dzieci i dorosłych";
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.MamDbContext>();
            var ala = await db.Residents.Select(r => r.Id).SingleAsync();
            var small = await db.Rooms.Where(r => r.Name == "Sala mała").Select(r => r.Id).SingleAsync();
            var booked = await scope.ServiceProvider.GetRequiredService<BookingDesk>().RequestAsync(
                new NewBooking(small, ala, Local(11, 27, 17), Local(11, 27, 19), 8, purpose, "Ala Nowak", "600 100 200"), default);
            Assert.Equal(BookingStatus.Confirmed, booked.Booking!.Status);
            var centre = await db.Centres.Select(c => c.Id).FirstAsync();
            // 12 December is winter time (UTC+1), a summer date would be UTC+2: the feed says UTC either way.
            var large = await db.Rooms.Where(r => r.Name == "Sala duża").Select(r => r.Id).SingleAsync();
            Assert.NotNull((await scope.ServiceProvider.GetRequiredService<EventDesk>().CreateAsync(
                new NewEvent(centre, title, "Opis.", Local(12, 12, 11), Local(12, 12, 13), large, EventCategory.Kids, 12, "Zespół MAM"), default)).Event);
        }
        var staff = await StaffSession.SignInAsync(_app);
        var me = await staff.PageAsync("/admin/me");
        Assert.Contains("Utwórz link do kalendarza", StaffSession.Text(me));
        Assert.DoesNotContain("feed-address", me);

        var link = LinkOn(await staff.SubmitAsync("/admin/me?handler=Renew"));
        var response = await _app.CreateClient().GetAsync(link); // a calendar app: no cookie

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var raw = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("600 100 200", raw);
        Assert.DoesNotContain("Ala Nowak", raw);
        Assert.Contains("\\;", raw);
        Assert.Contains("\\,", raw);
        var lines = raw.Split("\r\n");
        Assert.Equal("", lines[^1]); // every line ends with CRLF
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(lines, line => line.StartsWith(' ')); // the long ones are folded
        Assert.DoesNotContain('\n', raw.Replace("\r\n", "", StringComparison.Ordinal));

        var feed = Parse(bytes);
        Assert.Equal("MAM Na Kozłówce – kalendarz zespołu", feed.GetProperty("name").GetString());
        var events = feed.GetProperty("events").EnumerateArray().ToList();
        var booking = events.Single(e => e.GetProperty("uid").GetString()!.StartsWith("booking-", StringComparison.Ordinal));
        Assert.Equal("Rezerwacja: " + purpose, booking.GetProperty("summary").GetString());
        Assert.Equal("2026-11-27T16:00:00+00:00", booking.GetProperty("start").GetString());
        Assert.Equal("2026-11-27T18:00:00+00:00", booking.GetProperty("end").GetString());
        Assert.Equal("CONFIRMED", booking.GetProperty("status").GetString());
        Assert.Equal("Sala mała, MAM Na Kozłówce", booking.GetProperty("location").GetString());
        Assert.Equal("Osób: 8. Szczegóły w panelu zespołu.", booking.GetProperty("description").GetString());
        var workshop = events.Single(e => e.GetProperty("summary").GetString() == title);
        Assert.Equal("2026-12-12T10:00:00+00:00", workshop.GetProperty("start").GetString());
        Assert.Equal("2026-11-25T09:00:00+00:00", workshop.GetProperty("dtstamp").GetString()); // the host's clock
        Assert.Contains(events, e => e.GetProperty("summary").GetString() == "Kawa sąsiedzka"); // the sample's events too
        Assert.Equal(events.Count, events.Select(e => e.GetProperty("uid").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task A_new_link_or_switching_it_off_makes_the_old_link_404()
    {
        var staff = await StaffSession.SignInAsync(_app);
        var other = await StaffSession.SignInAsync(_app, "basia@mam.example");
        var first = LinkOn(await staff.SubmitAsync("/admin/me?handler=Renew"));
        var basia = LinkOn(await other.SubmitAsync("/admin/me?handler=Renew"));
        var calendarApp = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(first)).StatusCode);

        var renewed = await staff.SubmitAsync("/admin/me?handler=Renew");
        var second = LinkOn(renewed);

        Assert.Contains("Utworzono nowy link. Stary już nie działa.", StaffSession.Text(renewed));
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(second)).StatusCode);

        var off = await staff.SubmitAsync("/admin/me?handler=Revoke");

        Assert.Contains("Link do kalendarza jest wyłączony.", StaffSession.Text(off));
        Assert.DoesNotContain("feed-address", off);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(basia)).StatusCode); // someone else's link is theirs
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync("/calendar/zgadywanie.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync("/calendar/.ics")).StatusCode);
    }
}
