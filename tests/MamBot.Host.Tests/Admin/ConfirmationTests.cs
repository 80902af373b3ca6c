using System.Net;
using MamBot.Data.Bookings;
using MamBot.Data.Events;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Bookings;
using MamBot.Dialogs.Events;
using MamBot.Host.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Admin;

/// <summary>
/// Panel actions a resident notices ask once, saying what the resident will read, and do nothing until confirmed;
/// a rejection carries the team's reason into the resident's own language; a cancelled event can be restored.
/// </summary>
public sealed class ConfirmationTests : IDisposable
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;

    public ConfirmationTests() => _app = _bed.Start();

    public void Dispose() => _bed.Dispose();

    private static DateTime At(int month, int day, int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, month, day, hour, 0, 0), Krakow);

    private async Task<List<string>> ArrivedAsync(PageChat chat)
    {
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        return [.. PageChat.Replies(await chat.MessagesAfterAsync(0)).Select(r => r.GetProperty("text").GetString()!)];
    }

    private async Task<(PageChat Chat, int BookingId)> PendingBookingAsync(string conversation, string? language)
    {
        var chat = new PageChat(_app.CreateClient(), conversation);
        if (language is not null) await chat.PressAsync($"lang:{language}");
        await chat.PressAsync("consent:yes");
        var resident = await _app.QueryAsync(db => db.Residents.OrderByDescending(r => r.CreatedUtc).Select(r => r.Id).FirstAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        var big = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Rooms.Where(r => r.Name == "Sala duża").Select(r => r.Id).SingleAsync();
        var booking = (await scope.ServiceProvider.GetRequiredService<BookingDesk>()
            .RequestAsync(new NewBooking(big, resident, At(12, 4, 17), At(12, 4, 19), 15, "próba chóru", "Olena", null), default)).Booking!;
        Assert.Equal(BookingStatus.Pending, booking.Status);
        return (chat, booking.Id);
    }

    [Fact]
    public async Task Rejecting_asks_for_a_reason_and_a_ukrainian_resident_reads_it_in_their_own_message()
    {
        var (olena, id) = await PendingBookingAsync("browser-olena-7c9e1b3d5f7a9c1e3b5d", "uk");
        var staff = await StaffSession.SignInAsync(_app);
        await staff.PageAsync("/admin/bookings");

        var ask = await staff.PostAsync($"/admin/bookings?handler=Reject&id={id}&week=0", ("note", "sala w remoncie"));
        var question = StaffSession.Text(await ask.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Contains("Odrzucić prośbę o salę?", question);
        Assert.Contains("Mieszkaniec dostanie wiadomość (język: ukraiński): На жаль, команда MAM не може прийняти бронювання:", question);
        Assert.Contains("Причина: sala w remoncie", question);
        Assert.Equal(BookingStatus.Pending, await _app.QueryAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));

        await staff.SubmitAsync($"/admin/bookings?handler=Reject&id={id}&week=0", ("note", "sala w remoncie"), ("confirmed", "yes"));

        var rejection = Assert.Single(await ArrivedAsync(olena), t => t.StartsWith("На жаль, команда MAM", StringComparison.Ordinal));
        Assert.Contains(" Причина: sala w remoncie", rejection); // as the animator typed it, inside the Ukrainian message
    }

    [Fact]
    public async Task Approving_and_cancelling_do_nothing_until_confirmed()
    {
        var (_, id) = await PendingBookingAsync("browser-basia-1a3c5e7b9d1f3a5c7e9b", null);
        var staff = await StaffSession.SignInAsync(_app);
        await staff.PageAsync("/admin/bookings?week=1");
        var outbox = await _app.QueryAsync(db => db.OutboxMessages.CountAsync());

        var approve = StaffSession.Text(await (await staff.PostAsync($"/admin/bookings?handler=Approve&id={id}&week=1")).Content.ReadAsStringAsync());
        Assert.Contains("Zatwierdzić rezerwację? piątek, 4 grudnia, 17:00–19:00, Sala duża – próba chóru (Olena, 15 osób).", approve);
        Assert.Contains("✅ Twoja rezerwacja jest potwierdzona: piątek, 4 grudnia, 17:00–19:00, Sala duża.", approve);
        Assert.Equal(BookingStatus.Pending, await _app.QueryAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));

        await staff.SubmitAsync($"/admin/bookings?handler=Approve&id={id}&week=1", ("confirmed", "yes"));
        var cancel = StaffSession.Text(await (await staff.PostAsync($"/admin/bookings?handler=Cancel&id={id}&week=1")).Content.ReadAsStringAsync());
        Assert.Contains("Odwołać rezerwację? piątek, 4 grudnia, 17:00–19:00, Sala duża", cancel);
        Assert.Equal(BookingStatus.Confirmed, await _app.QueryAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
        Assert.True(await _app.QueryAsync(db => db.OutboxMessages.CountAsync()) > outbox); // only the approval's notice and reminders
        Assert.False(await _app.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == $"booking:{id}:cancelled")));
    }

    [Fact]
    public async Task A_cancelled_event_offers_restore_not_move_and_those_signed_up_hear_both()
    {
        int id;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var centre = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Centres.Select(c => c.Id).FirstAsync();
            id = (await scope.ServiceProvider.GetRequiredService<EventDesk>().CreateAsync(
                new NewEvent(centre, "Szachy", "Gramy.", At(11, 30, 18), At(11, 30, 20), null, EventCategory.Neighbours, 5, "Pan Zbyszek"), default)).Event!.Id;
        }
        var ala = new PageChat(_app.CreateClient(), "browser-ala-5e7a9c1b3d5f7a9c1e3b");
        await ala.PressAsync("consent:yes");
        await ala.PressAsync($"events:join:{id}");
        var staff = await StaffSession.SignInAsync(_app);
        await staff.PageAsync("/admin/events");

        // Without the confirmation's button nothing happens: the question names who is told and what they read.
        var ask = StaffSession.Text(await (await staff.PostAsync($"/admin/events?handler=Cancel&id={id}", ("reason", "choroba"))).Content.ReadAsStringAsync());
        Assert.Contains("Zapisani (1) dostaną wiadomość, każdy w swoim języku; po polsku brzmi tak (język: polski): Przykro nam: wydarzenie „Szachy” (poniedziałek, 30 listopada, 18:00) zostało odwołane. Powód: choroba", ask);
        Assert.True(await _app.QueryAsync(db => db.Events.Where(e => e.Id == id).Select(e => e.Status == EventStatus.Scheduled).SingleAsync()));

        var cancelled = StaffSession.Text(await staff.SubmitAsync($"/admin/events?handler=Cancel&id={id}", ("reason", "choroba"), ("confirmed", "yes")));
        Assert.Contains("Odwołano „Szachy”.", cancelled);
        Assert.Contains("Przywróć wydarzenie…", cancelled);
        Assert.DoesNotContain("Przenieś", cancelled);
        Assert.Contains(await ArrivedAsync(ala), t => t.StartsWith("Przykro nam: wydarzenie „Szachy”", StringComparison.Ordinal));

        var restoreAsk = StaffSession.Text(await (await staff.PostAsync($"/admin/events/{id}?handler=Restore")).Content.ReadAsStringAsync());
        Assert.Contains("Dobra wiadomość: wydarzenie „Szachy” (poniedziałek, 30 listopada, 18:00) jednak się odbędzie.", restoreAsk);
        Assert.False(await _app.QueryAsync(db => db.Events.Where(e => e.Id == id).Select(e => e.Status == EventStatus.Scheduled).SingleAsync()));

        var restored = StaffSession.Text(await staff.SubmitAsync($"/admin/events/{id}?handler=Restore", ("confirmed", "yes")));
        Assert.Contains("Przywrócono „Szachy”.", restored);
        Assert.Contains("Przenieś", restored);
        Assert.Contains(await ArrivedAsync(ala), t => t.StartsWith("Dobra wiadomość: wydarzenie „Szachy”", StringComparison.Ordinal));
        // The reminders come again: the day before and two hours before, queued anew.
        Assert.Equal(2, await _app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == OutboxKind.Reminder
            && m.Status == OutboxStatus.Queued && m.IdempotencyKey.StartsWith($"event:{id}:"))));
    }
}
