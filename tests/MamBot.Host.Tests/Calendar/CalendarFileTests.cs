using System.Diagnostics;
using System.Text.Json;
using MamBot.Data.Bookings;
using MamBot.Dialogs.Bookings;
using Microsoft.EntityFrameworkCore;
using MamBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Calendar;

/// <summary>
/// The calendar files a resident downloads from the web chat, read by Debian's python3-icalendar: the same UID
/// through every change, a SEQUENCE that grows, TENTATIVE while pending, a cancelling file, a full VTIMEZONE, alarms.
/// </summary>
public sealed class CalendarFileTests : IDisposable
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;
    private readonly PageChat _chat;
    private readonly TempFolder _files = new();

    public CalendarFileTests()
    {
        _app = _bed.Start();
        _chat = new PageChat(_app.CreateClient(), "browser-calendar-6881abaf9dba9b0");
    }

    public void Dispose()
    {
        _bed.Dispose();
        _files.Dispose();
    }

    private static DateTime At(int day, int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, day, hour, 0, 0), Krakow);

    private async Task<T> DeskAsync<T>(Func<BookingDesk, Task<T>> use)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<BookingDesk>());
    }

    /// <summary>Presses the calendar button in the chat, downloads the file it offers and parses it with python3-icalendar.</summary>
    private async Task<JsonElement> CalendarAsync(int bookingId)
    {
        await _chat.PressAsync($"bookings:ics:{bookingId}");
        var url = PageChat.Replies(_chat.Last).Single().GetProperty("file").GetProperty("url").GetString()!;
        using var http = _app.CreateClient();
        var file = _files.File($"booking-{Guid.NewGuid():N}.ics");
        await File.WriteAllBytesAsync(file, await http.GetByteArrayAsync(url));
        return Parse(file);
    }

    private static JsonElement Parse(string file)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Calendar", "read_ics.py");
        using var python = Process.Start(new ProcessStartInfo("/usr/bin/python3", [script, file]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("Could not start /usr/bin/python3: install Debian's python3 and python3-icalendar.");
        var output = python.StandardOutput.ReadToEnd();
        var error = python.StandardError.ReadToEnd();
        python.WaitForExit();
        if (error.Contains("No module named 'icalendar'", StringComparison.Ordinal))
            Assert.Fail("The calendar tests read .ics files with Debian's python3-icalendar: run 'sudo apt-get install python3-icalendar'.");
        Assert.True(python.ExitCode == 0, "python3-icalendar could not read the file: " + error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public async Task A_booking_keeps_its_uid_while_its_sequence_and_status_follow_every_change()
    {
        await _chat.PressAsync("consent:yes");
        var anna = await _app.QueryAsync(db => db.Residents.Select(r => r.Id).SingleAsync());
        var large = await _app.QueryAsync(db => db.Rooms.Where(r => r.Name == "Sala duża").Select(r => r.Id).SingleAsync());
        var booking = (await DeskAsync(d => d.RequestAsync(new NewBooking(large, anna, At(27, 17), At(27, 19), 20, "zebranie wspólnoty", "Anna", null), default))).Booking!;

        // Waiting for the team: tentative, with the zone in full and two alarms.
        var pending = await CalendarAsync(booking.Id);
        Assert.Equal("PUBLISH", pending.GetProperty("method").GetString());
        var zone = pending.GetProperty("zones").EnumerateArray().Single();
        Assert.Equal("Europe/Warsaw", zone.GetProperty("tzid").GetString());
        Assert.Equal(
            [("STANDARD", "+0200", "+0100", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"), ("DAYLIGHT", "+0100", "+0200", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3")],
            zone.GetProperty("parts").EnumerateArray().Select(p => (p.GetProperty("kind").GetString(), p.GetProperty("from").GetString(),
                p.GetProperty("to").GetString(), p.GetProperty("rrule").GetString())).OrderByDescending(p => p.Item1));
        var first = pending.GetProperty("events").EnumerateArray().Single();
        var uid = first.GetProperty("uid").GetString();
        Assert.Equal((0, "TENTATIVE", "2026-11-27T17:00:00+01:00", "Europe/Warsaw"),
            (first.GetProperty("sequence").GetInt32(), first.GetProperty("status").GetString(), first.GetProperty("start").GetString(), first.GetProperty("tzid").GetString()));
        Assert.Equal(["-P1D", "-PT2H"], first.GetProperty("alarms").EnumerateArray().Select(a => a.GetString()).Order(StringComparer.Ordinal));

        // Approved, then moved: the same entry, newer each time.
        await DeskAsync(d => d.ApproveAsync(booking.Id, null, default));
        var approved = (await CalendarAsync(booking.Id)).GetProperty("events")[0];
        Assert.Equal((uid, 1, "CONFIRMED"), (approved.GetProperty("uid").GetString(), approved.GetProperty("sequence").GetInt32(), approved.GetProperty("status").GetString()));
        await DeskAsync(d => d.MoveAsync(booking.Id, At(28, 10), At(28, 12), default));
        var moved = (await CalendarAsync(booking.Id)).GetProperty("events")[0];
        Assert.Equal((uid, 2, "2026-11-28T10:00:00+01:00"), (moved.GetProperty("uid").GetString(), moved.GetProperty("sequence").GetInt32(), moved.GetProperty("start").GetString()));

        // Cancelled in the chat: the reply offers a file that takes it off the calendar.
        await _chat.PressAsync($"bookings:cancel:{booking.Id}");
        await _chat.PressTitleAsync("Tak, odwołaj");
        Assert.StartsWith("bookings:ics:", _chat.Button("Usuń z kalendarza"));
        var cancelled = await CalendarAsync(booking.Id);
        Assert.Equal("CANCEL", cancelled.GetProperty("method").GetString());
        var gone = cancelled.GetProperty("events")[0];
        Assert.Equal((uid, 3, "CANCELLED", 0), (gone.GetProperty("uid").GetString(), gone.GetProperty("sequence").GetInt32(),
            gone.GetProperty("status").GetString(), gone.GetProperty("alarms").GetArrayLength()));
    }
}
