using System.Text;
using MamBot.Data.Bookings;
using MamBot.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Dialogs.Tests.Bookings;

/// <summary>Booking a room in chat. Now is Wednesday 25 November 2026, 10:00 in Kraków.</summary>
public class BookRoomDialogTests
{
    private static async Task<TestChat> ConsentedAsync()
    {
        var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("consent:yes");
        return chat;
    }

    [Fact]
    public async Task One_typed_sentence_fills_the_form_and_only_the_rest_is_asked()
    {
        await using var chat = await ConsentedAsync();
        await chat.SendAsync("chce zarezerwowac mala sale w piatek od 17 do 19 dla 8 osob");
        Assert.Equal("Rozumiem: Sala mała, piątek 27 listopada, 17:00–19:00, 8 osób.", chat.Last[0].Text);
        Assert.StartsWith("Jak się nazywasz?", chat.Last[1].Text);

        await chat.PressAsync("Anna");
        // The last question brings the house rules the first time; answering it sends the request.
        Assert.Contains("• Sprzątamy po sobie.", chat.Text);
        Assert.Contains("W jakim celu?", chat.Text);
        await chat.SendAsync("próba chóru");

        Assert.StartsWith("Gotowe! Zarezerwowane: piątek, 27 listopada, 17:00–19:00, Sala mała.", chat.Text);
        Assert.Contains("Odwołaj", chat.Last.SelectMany(r => r.Buttons).SelectMany(b => b).Select(b => b.Title));
        var booking = await chat.QueryAsync(db => db.Bookings.SingleAsync());
        Assert.Equal((BookingStatus.Confirmed, 8, "próba chóru", "Anna", (string?)null),
            (booking.Status, booking.People, booking.Purpose, booking.ContactName, booking.Phone));
        Assert.Equal(2, await chat.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == OutboxKind.Reminder)));
        Assert.False(await chat.InProgressAsync());
    }

    [Fact]
    public async Task A_phone_typed_after_the_name_is_kept_apart_and_the_send_can_be_undone()
    {
        await using var chat = await ConsentedAsync();
        await chat.SendAsync("mała sala w piątek od 17 do 19 dla 4 osób");
        await chat.SendAsync("Jan Kowalski, tel. 600 100 200");
        await chat.SendAsync("gra w szachy");
        var booking = await chat.QueryAsync(db => db.Bookings.SingleAsync());
        Assert.Equal(("Jan Kowalski", "600 100 200"), (booking.ContactName, booking.Phone));

        await chat.PressAsync("Odwołaj");
        await chat.PressAsync("Tak, odwołaj");
        Assert.Equal(BookingStatus.Cancelled, await chat.QueryAsync(db => db.Bookings.Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task Buttons_alone_are_enough()
    {
        await using var chat = await ConsentedAsync();
        await chat.PressAsync("Zarezerwuj salę");
        Assert.Equal("Co chcesz zarezerwować?", chat.Text);
        await chat.PressAsync("Sala mała (10 os.)");
        Assert.StartsWith("Na który dzień?", chat.Text);
        await chat.PressAsync("jutro 26.11");
        Assert.StartsWith("O której chcesz zacząć? Wolne godziny – czwartek, 26 listopada:\nInną wolną godzinę możesz wpisać, np. „17:30”.", chat.Text);
        // A free day has 20 half-hours: the buttons are its full hours, evening included.
        Assert.Equal(["10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00", "17:00", "18:00", "19:00"],
            chat.Last.Single().Buttons.SelectMany(row => row).Select(b => b.Title).Where(t => t.Contains(':', StringComparison.Ordinal)));
        await chat.PressAsync("10:00");
        Assert.Equal("Na jak długo?", chat.Last.Single().Text);
        await chat.PressAsync("1,5 godz.");
        await chat.SendAsync("3");
        await chat.PressAsync("Anna");
        await chat.SendAsync("korepetycje z matematyki");

        Assert.StartsWith("Gotowe! Zarezerwowane: czwartek, 26 listopada, 10:00–11:30, Sala mała.", chat.Text);
        Assert.Equal(TimeSpan.FromMinutes(90), await chat.QueryAsync(db => db.Bookings.Select(b => b.EndUtc - b.StartUtc).SingleAsync()));
    }

    [Fact]
    public async Task Wrong_answers_are_explained_and_change_nothing()
    {
        await using var chat = await ConsentedAsync();
        await chat.SendAsync("zarezerwuj sale");
        await chat.SendAsync("sala na orbicie");
        Assert.StartsWith("Nie znam takiego miejsca.", chat.Text);
        await chat.SendAsync("małą");
        await chat.SendAsync("w niedzielę");
        Assert.StartsWith("W niedzielę MAM jest nieczynne. Wybierz inny dzień.", chat.Text);
        await chat.SendAsync("wczoraj albo kiedyś");
        Assert.StartsWith("Nie rozumiem, o który dzień chodzi.", chat.Text);
        await chat.SendAsync("12 lutego");
        Assert.StartsWith("Tak daleko jeszcze nie rezerwujemy: najwyżej 60 dni naprzód.", chat.Text);
        await chat.SendAsync("w piątek");
        await chat.SendAsync("o 21");
        Assert.StartsWith("W piątek można rezerwować od 10:00 do 20:00. Wolne są jeszcze: piątek, 27 listopada: 18:30, 19:00, 19:30.", chat.Text);
        await chat.SendAsync("o 18");
        await chat.SendAsync("7 godzin");
        Assert.StartsWith("To za długo: najdłużej 4 godziny.", chat.Text);
        await chat.SendAsync("2 godziny");
        await chat.SendAsync("25");
        Assert.StartsWith("Sala mała mieści najwyżej 10 osób. Sala duża mieści 30 osób.", chat.Text);
        await chat.SendAsync("10");
        await chat.SendAsync("20");
        Assert.StartsWith("Napisz, proszę, imię i nazwisko", chat.Text);
        await chat.SendAsync("Jan Kowalski");
        await chat.SendAsync("xy");
        Assert.StartsWith("Napisz, proszę, krótko (od 3 do 200 znaków), w jakim celu.", chat.Text);

        Assert.Equal(0, await chat.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task A_slot_taken_in_the_meantime_offers_the_nearest_free_times_and_asks_again()
    {
        await using var chat = await ConsentedAsync();
        await chat.SendAsync("mała sala w piątek od 17 do 19 dla 4 osób");
        await chat.SendAsync("Anna");

        await chat.QueryAsync(async db =>
        {
            var room = await db.Rooms.SingleAsync(r => r.Name == "Sala mała");
            db.Bookings.Add(new Booking { RoomId = room.Id, ResidentId = Guid.NewGuid(), StartUtc = new DateTime(2026, 11, 27, 16, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2026, 11, 27, 17, 0, 0, DateTimeKind.Utc), Status = BookingStatus.Confirmed });
            return await db.SaveChangesAsync();
        });
        await chat.SendAsync("gra w szachy");

        // Someone else has 17:00–18:00 now; two hours fit until the quarter-hour buffer before it.
        Assert.StartsWith("Ktoś właśnie zajął ten termin. Wolne są jeszcze: piątek, 27 listopada: 13:30, 14:00, 14:30.", chat.Text);
        Assert.Contains("O której chcesz zacząć?", chat.Text);
        await chat.SendAsync("o 19");
        // 19:00–21:00 would end after closing: that is the rule named, not "taken".
        Assert.StartsWith("W piątek można rezerwować od 10:00 do 20:00. Wolne są jeszcze: piątek, 27 listopada: 13:30, 14:00, 14:30.", chat.Text);
        await chat.SendAsync("o 14");
        Assert.StartsWith("Gotowe! Zarezerwowane: piątek, 27 listopada, 14:00–16:00, Sala mała.", chat.Text);
    }

    [Fact]
    public async Task A_refusal_names_the_real_rule_and_offers_times_that_satisfy_every_rule()
    {
        await using var chat = await ConsentedAsync();
        await chat.QueryAsync(async db =>
        {
            (await db.Rooms.SingleAsync(r => r.Name == "Sala mała")).MinNoticeMinutes = 24 * 60;
            return await db.SaveChangesAsync();
        });
        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 21, 40, 0, TimeSpan.Zero)); // Wednesday 22:40 in Kraków

        await chat.SendAsync("zarezerwuj małą salę jutro");
        Assert.Contains("Rezerwować trzeba co najmniej 24 godziny wcześniej. Wybierz inny dzień.", chat.Text);
        Assert.DoesNotContain("nie ma już wolnego czasu", chat.Text);

        // Saturday the centre closes at 14:00: 90 minutes from 13:30 do not fit, and the times offered do.
        await chat.SendAsync("w sobotę o 13:30 na 90 minut");
        Assert.Contains("W sobotę można rezerwować od 10:00 do 14:00. Wolne są jeszcze: sobota, 28 listopada: 11:30, 12:00, 12:30.", chat.Text);
        Assert.DoesNotContain("zajęta", chat.Text);
    }

    [Fact]
    public async Task The_times_offered_are_checked_with_the_length_asked_for_in_the_same_sentence()
    {
        await using var chat = await ConsentedAsync();
        await chat.QueryAsync(async db =>
        {
            // Saturday 28 November 11:00–12:30 in Kraków is taken: that Saturday has room for an hour, never for three.
            var room = await db.Rooms.SingleAsync(r => r.Name == "Sala mała");
            db.Bookings.Add(new Booking { RoomId = room.Id, ResidentId = Guid.NewGuid(), StartUtc = new DateTime(2026,
                11, 28, 10, 0, 0, DateTimeKind.Utc),
                EndUtc = new DateTime(2026, 11, 28, 11, 30, 0, DateTimeKind.Utc), Status = BookingStatus.Confirmed });
            return await db.SaveChangesAsync();
        });

        await chat.SendAsync("mała sala w sobotę o 18 na 3 godziny");
        // Never an hour's times on Saturday followed by "nothing is free on Saturday": the day is refused at once.
        Assert.Contains("nie ma już wolnego czasu", chat.Text);
        Assert.DoesNotContain("sobota, 28 listopada:", chat.Text);
        Assert.DoesNotContain("sobota 28.11", chat.Text); // nor offered again as a day button
    }

    [Fact]
    public async Task The_confirmation_promises_only_the_reminders_that_are_queued()
    {
        await using var chat = await ConsentedAsync();
        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 21, 40, 0, TimeSpan.Zero)); // Wednesday 22:40: the day before has passed
        await BookAsync(chat, "mała sala jutro od 18 do 19 dla 4 osób");
        Assert.Contains("Przypomnę Ci 2 godziny przed.", chat.Text);
        Assert.DoesNotContain("dzień wcześniej", chat.Text);
        Assert.Equal(["soon"], await chat.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == OutboxKind.Reminder)
            .Select(m => m.IdempotencyKey).ToListAsync()).ContinueWith(t => t.Result.Select(k => k.Split(':')[3]).ToList()));

        // After "stop" nothing is promised: reminders are off and the resident is told where to turn them on.
        await chat.PressPayloadAsync("settings:stop");
        await BookAsync(chat, "mała sala w piątek od 12 do 13 dla 4 osób");
        Assert.Contains("Przypomnienia masz wyłączone; włączysz je w „Ustawieniach”.", chat.Text);
        Assert.DoesNotContain("Przypomnę", chat.Text);
    }

    private static async Task BookAsync(TestChat chat, string sentence)
    {
        await chat.SendAsync(sentence);
        if (chat.Text.Contains("Jak się nazywasz?", StringComparison.Ordinal)) await chat.SendAsync("Anna Nowak");
        else if (!chat.Text.Contains("W jakim celu?", StringComparison.Ordinal)) await chat.SendAsync("tak"); // the same contact
        await chat.SendAsync("spotkanie sąsiadów");
        Assert.StartsWith("Gotowe!", chat.Text);
    }

    [Fact]
    public async Task A_negative_head_count_is_no_head_count_and_a_huge_profile_name_is_cut()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.TurnAsync(new MamBot.Dialogs.Conversation.Activity(chat.Channel, chat.ChatId, null, "consent:yes", chat.Time.GetUtcNow(), "u-consent", new string('A', 10_000)));
        Assert.Equal(60, (await chat.QueryAsync(db => db.Residents.SingleAsync())).DisplayName!.Length);

        await chat.SendAsync("mała sala w piątek od 17 do 19 dla -5 osób");
        Assert.DoesNotContain("5 osób", chat.Text);
        await chat.SendAsync("-5");
        Assert.StartsWith("Napisz, proszę, liczbę osób", chat.Text);
    }

    [Fact]
    public async Task The_head_count_fills_at_any_step_and_a_number_is_not_a_name()
    {
        await using var chat = await ConsentedAsync();
        await chat.SendAsync("mała sala w piątek od 17 do 19");
        await chat.SendAsync("będzie nas 6");
        Assert.StartsWith("Jak się nazywasz?", chat.Text);
        await chat.SendAsync("20");
        Assert.StartsWith("Napisz, proszę, imię i nazwisko, np. „Anna Kowalska”.", chat.Text);
        await chat.SendAsync("Anna Nowak");
        Assert.Contains("W jakim celu?", chat.Text);
    }

    [Fact]
    public async Task A_room_that_needs_approval_waits_for_staff()
    {
        await using var chat = await ConsentedAsync();
        await chat.SendAsync("duza sale w piatek od 17 do 19 dla 20 osob");
        await chat.SendAsync("Anna");
        await chat.SendAsync("zebranie wspólnoty");

        Assert.StartsWith("Dziękuję! Rezerwacja czeka na potwierdzenie zespołu MAM: piątek, 27 listopada, 17:00–19:00, Sala duża.", chat.Text);
        Assert.Equal(BookingStatus.Pending, await chat.QueryAsync(db => db.Bookings.Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task Without_consent_booking_asks_for_it_first_and_opens_the_form_once_agreed()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("menu:book");
        Assert.StartsWith("Do tego potrzebuję Twojej zgody", chat.Text);
        Assert.Equal(0, await chat.QueryAsync(db => db.Residents.CountAsync()));

        await chat.SendAsync("zgadzam sie"); // typed, without diacritics
        Assert.Equal(1, await chat.QueryAsync(db => db.Residents.CountAsync()));
        Assert.True(await chat.InProgressAsync()); // the booking form, where she was going
        Assert.Contains(chat.Last.SelectMany(r => r.Buttons).SelectMany(b => b), b => b.Title.StartsWith("Sala mała", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Declining_consent_keeps_nothing_not_even_what_was_asked_for()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("menu:book");
        await chat.SendAsync("nie zgadzam się");
        Assert.Equal(0, await chat.QueryAsync(db => db.ConversationStates.CountAsync()));
        Assert.Equal(0, await chat.QueryAsync(db => db.Residents.CountAsync()));
    }

    [Fact]
    public async Task My_bookings_lists_cancels_after_asking_and_gives_a_calendar_file()
    {
        await using var chat = await ConsentedAsync();
        await chat.SendAsync("mała sala w piątek od 17 do 19 dla 4 osób");
        foreach (var answer in new[] { "Anna", "szachy" }) await chat.SendAsync(answer);

        await chat.PressAsync("Dodaj do kalendarza");
        var file = chat.Last.Single().File!;
        Assert.EndsWith(".ics", file.FileName);
        var ics = Encoding.UTF8.GetString(file.Content);
        Assert.Contains("BEGIN:VEVENT", ics);
        Assert.Contains("DTSTART;TZID=Europe/Warsaw:20261127T170000", ics);
        Assert.Contains("BEGIN:VTIMEZONE", ics);

        await chat.PressPayloadAsync("bookings:");
        Assert.Contains("• piątek, 27 listopada, 17:00–19:00, Sala mała", chat.Text);
        await chat.PressAsync("Odwołaj 27.11 17:00");
        Assert.Equal("Na pewno odwołać rezerwację: piątek, 27 listopada, 17:00–19:00, Sala mała?", chat.Text);
        await chat.PressAsync("Tak, odwołaj");
        Assert.StartsWith("Rezerwacja odwołana", chat.Text);
        Assert.Equal(BookingStatus.Cancelled, await chat.QueryAsync(db => db.Bookings.Select(b => b.Status).SingleAsync()));
        Assert.All(await chat.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == OutboxKind.Reminder).ToListAsync()),
            r => Assert.Equal(OutboxStatus.Skipped, r.Status));

        await chat.SendAsync("moje rezerwacje");
        Assert.StartsWith("Nie masz żadnych nadchodzących rezerwacji.", chat.Text);
    }

    [Fact]
    public async Task A_half_filled_booking_survives_a_restart_and_can_go_back()
    {
        await using var chat = await ConsentedAsync();
        await chat.SendAsync("mała sala w piątek od 17 do 19");
        await chat.RestartAsync();
        await chat.PressAsync("Wstecz");
        Assert.Equal("Na jak długo?", chat.Text.Split("\n---\n")[0]);
        await chat.SendAsync("1 godzina");
        Assert.StartsWith("Ile osób", chat.Text);
    }

    [Fact]
    public async Task My_data_includes_my_bookings()
    {
        await using var chat = await ConsentedAsync();
        await chat.SendAsync("mała sala w piątek od 17 do 19 dla 4 osób");
        foreach (var answer in new[] { "Anna 600 100 200", "szachy" }) await chat.SendAsync(answer);

        await chat.PressPayloadAsync("settings:export");

        Assert.Contains("• Rezerwacje sal (także dawne): 1", chat.Text);
        Assert.Contains("Rezerwacje:\n• piątek, 27 listopada, 17:00–19:00, Sala mała – potwierdzona. Cel: szachy. Liczba osób: 4. Imię i nazwisko: Anna. Telefon: 600 100 200.",
            System.Text.Encoding.UTF8.GetString(chat.Last.Single().File!.Content));
        await chat.PressPayloadAsync("settings:export:file");
        using var json = System.Text.Json.JsonDocument.Parse(chat.Last.Single().File!.Content);
        var booking = json.RootElement.GetProperty("Bookings")[0];
        Assert.Equal(("Sala mała", "600 100 200", "szachy"), (booking.GetProperty("Room").GetString(), booking.GetProperty("Phone").GetString(), booking.GetProperty("Purpose").GetString()));
    }
}
