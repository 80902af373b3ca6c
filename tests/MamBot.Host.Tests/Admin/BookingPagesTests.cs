using System.Net;
using MamBot.Data.Bookings;
using MamBot.Dialogs.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Admin;

/// <summary>Bookings made by the team: confirmed at once, free of the residents' limits but never over a taken room or its capacity.</summary>
public sealed class BookingPagesTests : IDisposable
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;

    public BookingPagesTests() => _app = _bed.Start();

    public void Dispose() => _bed.Dispose();

    private Task<int> RoomAsync(string name) => _app.QueryAsync(db => db.Rooms.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());

    private static (string, string)[] Booking(int room, string day, string start, string end, string people = "12") =>
    [
        ("Form.RoomId", room.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Form.Day", day), ("Form.Start", start), ("Form.End", end),
        ("Form.People", people), ("Form.Purpose", "Zebranie rady osiedla"), ("Form.ContactName", "Rada Osiedla Na Kozłówce"), ("Form.Phone", ""),
    ];

    [Fact]
    public async Task The_team_books_an_evening_meeting_after_hours_and_a_resident_can_no_longer_take_that_time()
    {
        var big = await RoomAsync("Sala duża");
        var staff = await StaffSession.SignInAsync(_app);

        // 20:00–22:00 is after opening hours and Sala duża needs a day's notice and approval: none of it binds the team.
        var week = StaffSession.Text(await staff.SubmitAsync("/admin/bookings?handler=Create", Booking(big, "2026-11-25", "20:00", "22:00")));

        Assert.Contains("Zarezerwowano: środa, 25 listopada, 20:00–22:00, Sala duża.", week);
        Assert.Contains("20:00–22:00, Sala duża – Zebranie rady osiedla (Rada Osiedla Na Kozłówce, 12 osób) – potwierdzona", week);
        // The week also shows the events that hold rooms, among the bookings of their day.
        Assert.Contains("czwartek, 26 listopada 17:00–19:00, Sala duża – wydarzenie „Kawa sąsiedzka”", week);

        var chat = new PageChat(_app.CreateClient(), "browser-resident-71f3e186d85430e");
        await chat.PressAsync("consent:yes");
        var residentId = await _app.QueryAsync(db => db.Residents.Select(r => r.Id).SingleAsync());
        DateTime Friday(int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 27, hour, 0, 0), Krakow);
        var nextWeek = StaffSession.Text(await staff.SubmitAsync("/admin/bookings?handler=Create", Booking(big, "2026-11-27", "17:00", "19:00")));
        Assert.Contains("Zarezerwowano: piątek, 27 listopada, 17:00–19:00, Sala duża.", nextWeek);
        await using var scope = _app.Services.CreateAsyncScope();
        var attempt = await scope.ServiceProvider.GetRequiredService<BookingDesk>()
            .RequestAsync(new NewBooking(big, residentId, Friday(18), Friday(20), 5, "próba chóru", "Anna", null), default);
        Assert.Equal(BookingProblem.Taken, attempt.Problem);
    }

    [Fact]
    public async Task Over_the_rooms_capacity_over_an_event_or_in_the_past_is_refused_in_polish_and_nothing_is_stored()
    {
        var small = await RoomAsync("Sala mała");
        var staff = await StaffSession.SignInAsync(_app);
        var before = await _app.QueryAsync(db => db.Bookings.CountAsync());

        async Task<string> RefusedAsync((string, string)[] form)
        {
            var response = await staff.PostAsync("/admin/bookings?handler=Create", form);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return StaffSession.Text(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("Tyle osób nie zmieści się w tej sali.", await RefusedAsync(Booking(small, "2026-11-26", "12:00", "13:00", people: "25")));
        Assert.Contains("Sala jest wtedy zajęta", await RefusedAsync(Booking(small, "2026-11-28", "12:00", "13:00", people: "4"))); // Planszówki dla dzieci 11–13
        Assert.Contains("Ten termin już minął.", await RefusedAsync(Booking(small, "2026-11-24", "12:00", "13:00", people: "4")));
        Assert.Contains("Koniec musi być po początku.", await RefusedAsync(Booking(small, "2026-11-26", "13:00", "12:00", people: "4")));
        Assert.Equal(before, await _app.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task Cancelling_a_residents_booking_tells_them_and_frees_the_room()
    {
        var small = await RoomAsync("Sala mała");
        var chat = new PageChat(_app.CreateClient(), "browser-resident-71f3e186d85430e");
        await chat.PressAsync("consent:yes");
        var residentId = await _app.QueryAsync(db => db.Residents.Select(r => r.Id).SingleAsync());
        DateTime Thursday(int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 26, hour, 0, 0), Krakow);
        int bookingId;
        await using (var scope = _app.Services.CreateAsyncScope())
            bookingId = (await scope.ServiceProvider.GetRequiredService<BookingDesk>()
                .RequestAsync(new NewBooking(small, residentId, Thursday(12), Thursday(13), 3, "korepetycje", "Ola", null), default)).Booking!.Id;
        var staff = await StaffSession.SignInAsync(_app);

        // The first press only asks, saying what the resident will read; nothing is cancelled yet.
        var ask = await staff.PostAsync($"/admin/bookings?handler=Cancel&id={bookingId}&week=0");
        var question = StaffSession.Text(await ask.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Contains("Odwołać rezerwację? czwartek, 26 listopada, 12:00–13:00, Sala mała – korepetycje (Ola, 3 osoby).", question);
        Assert.Contains("Mieszkaniec dostanie wiadomość (język: polski): Zespół MAM odwołał Twoją rezerwację: czwartek, 26 listopada, 12:00–13:00, Sala mała.", question);
        Assert.Equal(BookingStatus.Confirmed, await _app.QueryAsync(db => db.Bookings.Select(b => b.Status).SingleAsync()));

        var week = StaffSession.Text(await staff.SubmitAsync($"/admin/bookings?handler=Cancel&id={bookingId}&week=0", ("confirmed", "yes")));

        Assert.Contains("Odwołano. Mieszkaniec dostanie wiadomość.", week);
        Assert.Contains("12:00–13:00, Sala mała – korepetycje (Ola, 3 osoby) – odwołana", week);
        await _app.RunRecurringJobAsync(MamBot.Host.Jobs.OutboxDispatchJob.Id);
        Assert.Contains(PageChat.Replies(await chat.MessagesAfterAsync(0)), r => r.GetProperty("text").GetString()!.Contains("odwoł", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Zarezerwowano", StaffSession.Text(await staff.SubmitAsync("/admin/bookings?handler=Create", Booking(small, "2026-11-26", "12:00", "13:00", people: "4"))));
    }

    [Fact]
    public async Task A_booking_whose_contact_was_erased_says_so_once_in_the_week()
    {
        var small = await RoomAsync("Sala mała");
        var chat = new PageChat(_app.CreateClient(), "browser-erased-579332ccf7c6d8b01");
        await chat.PressAsync("consent:yes");
        var residentId = await _app.QueryAsync(db => db.Residents.Select(r => r.Id).SingleAsync());
        var start = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 26, 12, 0, 0), Krakow);
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<BookingDesk>()
                .RequestAsync(new NewBooking(small, residentId, start, start.AddHours(1), 3, "korepetycje", "Ola", null), default);
        await _app.QueryAsync(db => db.Bookings.ExecuteUpdateAsync(b => b.SetProperty(x => x.ContactName, ""))); // as erasure leaves it
        var staff = await StaffSession.SignInAsync(_app);

        var week = StaffSession.Text(await staff.PageAsync("/admin/bookings"));

        Assert.Contains("Sala mała – korepetycje (dane usunięte)", week);
        Assert.DoesNotContain("((", week);
    }

    [Fact]
    public async Task A_booking_waiting_weeks_ahead_is_listed_for_a_decision_on_the_first_page_and_rejecting_it_tells_the_resident()
    {
        var big = await RoomAsync("Sala duża");
        var chat = new PageChat(_app.CreateClient(), "browser-resident-71f3e186d85430e");
        await chat.PressAsync("consent:yes");
        var residentId = await _app.QueryAsync(db => db.Residents.Select(r => r.Id).SingleAsync());
        DateTime InThreeWeeks(int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 12, 18, hour, 0, 0), Krakow);
        await using (var scope = _app.Services.CreateAsyncScope())
            Assert.Equal(BookingStatus.Pending, (await scope.ServiceProvider.GetRequiredService<BookingDesk>()
                .RequestAsync(new NewBooking(big, residentId, InThreeWeeks(17), InThreeWeeks(19), 20, "wigilia klatki", "Basia", "600 700 800"), default)).Booking?.Status);
        var staff = await StaffSession.SignInAsync(_app);

        var first = StaffSession.Text(await staff.PageAsync("/admin/bookings"));
        Assert.Contains("Czekają na decyzję piątek, 18 grudnia, 17:00–19:00, Sala duża – wigilia klatki (Basia, tel. 600 700 800, 20 osób)", first);

        var bookingId = await _app.QueryAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());
        // Without a reason the team is asked for one; with it, shown the resident's message with that reason; still nothing sent.
        var noReason = await staff.PostAsync($"/admin/bookings?handler=Reject&id={bookingId}&week=0", ("note", " "), ("confirmed", "yes"));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Wpisz powód odmowy – mieszkaniec go przeczyta.", StaffSession.Text(await noReason.Content.ReadAsStringAsync()));
        var ask = StaffSession.Text(await (await staff.PostAsync($"/admin/bookings?handler=Reject&id={bookingId}&week=0", ("note", "sala zajęta przez remont"))).Content.ReadAsStringAsync());
        Assert.Contains("Niestety, zespół MAM nie może przyjąć rezerwacji: piątek, 18 grudnia, 17:00–19:00, Sala duża. Powód: sala zajęta przez remont", ask);
        Assert.Equal(BookingStatus.Pending, await _app.QueryAsync(db => db.Bookings.Select(b => b.Status).SingleAsync()));

        var after = StaffSession.Text(await staff.SubmitAsync($"/admin/bookings?handler=Reject&id={bookingId}&week=0",
            ("note", "sala zajęta przez remont"), ("confirmed", "yes")));
        Assert.Contains("Czekają na decyzję Nic nie czeka.", after);
        Assert.Equal(BookingStatus.Rejected, await _app.QueryAsync(db => db.Bookings.Select(b => b.Status).SingleAsync()));
        await _app.RunRecurringJobAsync(MamBot.Host.Jobs.OutboxDispatchJob.Id);
        Assert.Contains(PageChat.Replies(await chat.MessagesAfterAsync(0)), r => r.GetProperty("text").GetString()!.Contains("sala zajęta przez remont", StringComparison.Ordinal));
    }
}
