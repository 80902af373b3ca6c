using MamBot.Data.Bookings;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Bookings;
using MamBot.Host.Jobs;
using MamBot.Host.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Bookings;

/// <summary>What residents hear about their bookings, through the outbox and the dispatch job, on the web chat.</summary>
public sealed class BookingRemindersTests : IDisposable
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;
    private readonly PageChat _chat;

    public BookingRemindersTests()
    {
        _app = _bed.Start();
        _chat = new PageChat(_app.CreateClient(), "browser-booker-df973a6d627f96dda");
    }

    public void Dispose() => _bed.Dispose();

    private static DateTime At(int year, int month, int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0), Krakow);

    private async Task<Guid> ConsentAsync()
    {
        await _chat.PressAsync("consent:yes");
        await _chat.PressAsync("settings:off:Tips"); // keep the follow-up out of the way
        return await _app.QueryAsync(db => db.Residents.Select(r => r.Id).SingleAsync());
    }

    private Task<int> RoomAsync(string name) => _app.QueryAsync(db => db.Rooms.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());

    private async Task<T> DeskAsync<T>(Func<BookingDesk, Task<T>> use)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<BookingDesk>());
    }

    private async Task DispatchAsync()
    {
        await _app.DispatchDueAsync();
    }

    private async Task<List<string>> PageTextsAsync(string containing) =>
        [.. PageChat.Replies(await _chat.MessagesAfterAsync(0)).Select(r => r.GetProperty("text").GetString()!).Where(t => t.Contains(containing, StringComparison.Ordinal))];

    [Fact]
    public async Task Reminders_come_the_day_before_and_two_hours_before_through_the_dispatch_job_once_each()
    {
        var anna = await ConsentAsync();
        var small = await RoomAsync("Sala mała");
        var booked = await DeskAsync(d => d.RequestAsync(new NewBooking(small, anna, At(2026, 11, 27, 18), At(2026, 11, 27, 20), 6, "próba chóru", "Anna", null), default));
        Assert.Equal(BookingStatus.Confirmed, booked.Booking!.Status);

        _bed.Time.SetUtcNow(At(2026, 11, 26, 17, 59));
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        Assert.Empty(await PageTextsAsync("⏰"));

        _bed.Time.SetUtcNow(At(2026, 11, 26, 18, 0));
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        var dayBefore = Assert.Single(await PageTextsAsync("⏰"));
        Assert.StartsWith("⏰ Jutro masz rezerwację: piątek, 27 listopada, 18:00–20:00, Sala mała.", dayBefore);
        Assert.Contains("Klucz odbierzesz u osoby dyżurnej", dayBefore);

        _bed.Time.SetUtcNow(At(2026, 11, 27, 16, 0));
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        var both = await PageTextsAsync("⏰");
        Assert.Equal(2, both.Count);
        Assert.StartsWith("⏰ Za dwie godziny: piątek, 27 listopada, 18:00–20:00, Sala mała.", both[1]);
    }

    [Fact]
    public async Task A_cancelled_booking_sends_no_reminders()
    {
        var anna = await ConsentAsync();
        var small = await RoomAsync("Sala mała");
        var booking = (await DeskAsync(d => d.RequestAsync(new NewBooking(small, anna, At(2026, 11, 27, 12), At(2026, 11, 27, 13), 2, "korepetycje", "Anna", null), default))).Booking!;

        Assert.NotNull(await DeskAsync(d => d.CancelAsync(booking.Id, anna, default)));
        _bed.Time.SetUtcNow(At(2026, 11, 27, 11, 0));
        await DispatchAsync();

        Assert.Empty(await PageTextsAsync("⏰"));
        var reminders = await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == OutboxKind.Reminder).ToListAsync());
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, r => Assert.Equal((OutboxStatus.Skipped, OutboxReasons.BookingCancelled), (r.Status, r.StatusReason)));
    }

    [Fact]
    public async Task Staff_decisions_reach_the_resident_and_only_an_approved_booking_is_reminded()
    {
        var anna = await ConsentAsync();
        var large = await RoomAsync("Sala duża");
        var first = (await DeskAsync(d => d.RequestAsync(new NewBooking(large, anna, At(2026, 11, 27, 17), At(2026, 11, 27, 19), 20, "spotkanie wspólnoty", "Anna", null), default))).Booking!;
        var second = (await DeskAsync(d => d.RequestAsync(new NewBooking(large, anna, At(2026, 11, 30, 17), At(2026, 11, 30, 19), 20, "zebranie", "Anna", null), default))).Booking!;
        Assert.Equal(BookingStatus.Pending, first.Status);
        Assert.Equal(0, await _app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == OutboxKind.Reminder)));

        await DeskAsync(d => d.ApproveAsync(first.Id, null, default));
        await DeskAsync(d => d.RejectAsync(second.Id, "w poniedziałek sala jest w remoncie", default));
        await DispatchAsync();

        Assert.Equal("✅ Twoja rezerwacja jest potwierdzona: piątek, 27 listopada, 17:00–19:00, Sala duża. Przypomnę Ci dzień wcześniej i 2 godziny przed.",
            Assert.Single(await PageTextsAsync("potwierdzona")));
        var rejected = Assert.Single(await PageTextsAsync("nie może przyjąć"));
        Assert.Contains("poniedziałek, 30 listopada, 17:00–19:00, Sala duża. Powód: w poniedziałek sala jest w remoncie", rejected);
        Assert.Equal(2, await _app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == OutboxKind.Reminder && m.Status == OutboxStatus.Queued)));
    }

    [Fact]
    public async Task Moving_a_booking_moves_its_reminders_and_tells_the_resident()
    {
        var anna = await ConsentAsync();
        var small = await RoomAsync("Sala mała");
        var booking = (await DeskAsync(d => d.RequestAsync(new NewBooking(small, anna, At(2026, 11, 27, 12), At(2026, 11, 27, 13), 2, "korepetycje", "Anna", null), default))).Booking!;

        var moved = await DeskAsync(d => d.MoveAsync(booking.Id, At(2026, 11, 27, 15), At(2026, 11, 27, 16), default));
        Assert.True(moved.Succeeded);
        _bed.Time.SetUtcNow(At(2026, 11, 27, 13, 0));
        await DispatchAsync();

        Assert.Contains("Nowy termin: piątek, 27 listopada, 15:00–16:00, Sala mała.", Assert.Single(await PageTextsAsync("przeniesiona")));
        var dayBefore = Assert.Single(await PageTextsAsync("⏰ Jutro"));
        Assert.Contains("15:00–16:00", dayBefore);
        Assert.Equal(2, await _app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == OutboxKind.Reminder && m.StatusReason == OutboxReasons.BookingMoved)));
    }

    [Fact]
    public async Task On_the_weekend_clocks_change_the_day_before_reminder_keeps_the_wall_clock_time()
    {
        var anna = await ConsentAsync();
        var small = await RoomAsync("Sala mała");
        await _app.QueryAsync(async db =>
        {
            db.Add(new MamBot.Data.Centres.OpeningHours { CentreId = db.Centres.Single().Id, RoomId = small, Day = DayOfWeek.Sunday, Opens = new(10, 0), Closes = new(16, 0) });
            return await db.SaveChangesAsync();
        });
        _bed.Time.SetUtcNow(At(2027, 3, 20, 10));

        // Sunday 28 March 2027, 12:00 summer time; clocks went forward at 02:00 that night.
        var booking = (await DeskAsync(d => d.RequestAsync(new NewBooking(small, anna, At(2027, 3, 28, 12), At(2027, 3, 28, 13), 2, "warsztat", "Anna", null), default))).Booking!;

        var due = await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == OutboxKind.Reminder).OrderBy(m => m.DueUtc).Select(m => m.DueUtc).ToListAsync());
        Assert.Equal(new DateTime(2027, 3, 27, 11, 0, 0, DateTimeKind.Utc), due[0]); // Saturday 12:00 winter time
        Assert.Equal(new DateTime(2027, 3, 28, 8, 0, 0, DateTimeKind.Utc), due[1]);  // Sunday 10:00 summer time
        Assert.Equal(new DateTime(2027, 3, 28, 10, 0, 0, DateTimeKind.Utc), booking.StartUtc);
    }

    [Fact]
    public async Task Staff_hear_about_a_booking_that_waits_for_them_on_their_channel()
    {
        await _app.QueryAsync(async db =>
        {
            var centre = await db.Centres.SingleAsync();
            centre.StaffChannel = "webchat";
            centre.StaffChatId = "staff-room-0001-5cfac81b0241a987";
            return await db.SaveChangesAsync();
        });
        var anna = await ConsentAsync();
        var large = await RoomAsync("Sala duża");
        await DeskAsync(d => d.RequestAsync(new NewBooking(large, anna, At(2026, 11, 27, 17), At(2026, 11, 27, 19), 20, "spotkanie wspólnoty", "Anna", null), default));
        await DispatchAsync();

        var staff = new PageChat(_app.CreateClient(), "staff-room-0001-5cfac81b0241a987");
        var notice = PageChat.Replies(await staff.MessagesAfterAsync(0)).Single().GetProperty("text").GetString();
        Assert.Equal("Nowa rezerwacja czeka na decyzję: piątek, 27 listopada, 17:00–19:00, Sala duża. Anna, 20 osób. Cel: spotkanie wspólnoty.", notice);
    }
}
