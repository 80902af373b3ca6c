using MamBot.Data.Residents;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Tests.Welcome;

/// <summary>Choosing Polish, Ukrainian or English, and the conversation that follows in it. Now is Wednesday
/// 25 November 2026, 10:00 in Kraków.</summary>
public class LanguageTests
{
    private static Task<string> LanguageOfAsync(TestChat chat) => chat.QueryAsync(db => db.Residents.Select(r => r.Language).SingleAsync());

    [Fact]
    public async Task A_phone_set_to_ukrainian_is_welcomed_in_ukrainian_and_everything_after_follows()
    {
        await using var chat = await TestChat.StartAsync();
        chat.AppLanguage = "uk-UA";

        // The first screen is Ukrainian, welcome and privacy notice alike, with Polish and English one tap away.
        await chat.SendAsync("/start");
        Assert.StartsWith("Добрий день! 👋 Я MamBot, автоматичний помічник MAM Na Kozłówce. Я компʼютерна програма, а не людина.", chat.Last[0].Text);
        Assert.StartsWith("Перш ніж почнемо, коротко про дані:", chat.Last[1].Text);
        Assert.Contains("Polski", chat.Last[1].Buttons.SelectMany(r => r).Select(b => b.Title));
        Assert.Contains("English", chat.Last[1].Buttons.SelectMany(r => r).Select(b => b.Title));
        Assert.Equal(0, await chat.QueryAsync(db => db.Residents.CountAsync())); // before consent nothing is kept about them

        await chat.PressAsync("Погоджуюся");
        Assert.StartsWith("Дякую! Згоду збережено. Що бажаєте зробити?", chat.Text);
        Assert.Equal(Languages.Ukrainian, await LanguageOfAsync(chat));

        await chat.PressAsync("Забронювати залу");
        Assert.Equal("Що хочете забронювати?", chat.Text);
        await chat.PressAsync("Sala mała (10 ос.)");
        Assert.StartsWith("На який день?", chat.Text);
        await chat.PressAsync("завтра 26.11");
        Assert.StartsWith("О котрій хочете почати? Вільні години – четвер, 26 листопада:", chat.Text);
        await chat.PressAsync("10:00");
        Assert.Equal("На скільки часу?", chat.Text);
        await chat.PressAsync("2 год");
        Assert.StartsWith("Скільки людей прийде? (Максимум — 10 осіб.)", chat.Text);
        await chat.SendAsync("4");
        await chat.PressAsync("Anna");
        Assert.Contains("Правила користування MAM:", chat.Text);
        Assert.Contains("З якою метою?", chat.Text);
        await chat.SendAsync("репетиція хору");
        Assert.StartsWith("Готово! Заброньовано: четвер, 26 листопада, 10:00–12:00, Sala mała.", chat.Text);
    }

    [Fact]
    public async Task Without_a_hint_a_small_button_opens_the_choice_and_typed_words_switch_back()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.SendAsync("/start");
        Assert.Equal(2, chat.Last.Count); // no language row without a hint

        await chat.PressAsync("Język/Мова/Language");
        Assert.Equal("W jakim języku mam pisać?", chat.Text);
        await chat.PressAsync("English");
        Assert.Equal("OK, I'll write in English.", chat.Last[0].Text);
        Assert.StartsWith("Hello! 👋 I'm MamBot, the automated assistant of MAM Na Kozłówce. I'm a computer program, not a person.", chat.Last[1].Text);
        await chat.PressAsync("I agree");
        Assert.StartsWith("Thank you! Your consent is saved. What would you like to do?", chat.Text);
        Assert.Equal(Languages.English, await LanguageOfAsync(chat));

        await chat.SendAsync("po polsku");
        Assert.StartsWith("Dobrze, piszę po polsku.\n---\nCo chcesz zrobić?", chat.Text);
        Assert.Equal(Languages.Polish, await LanguageOfAsync(chat));
        await chat.SendAsync("українською");
        Assert.StartsWith("Гаразд, пишу українською.", chat.Text);
        await chat.PressAsync("Налаштування");
        await chat.PressAsync("Мова");
        Assert.Equal("Якою мовою мені писати?", chat.Text);
    }

    [Fact]
    public async Task Inside_a_form_a_language_name_is_an_answer_and_in_a_language_switches_and_asks_again()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("consent:yes");
        await chat.SendAsync("chcę zarezerwować małą salę jutro od 10 do 12 dla 4 osób");
        await chat.SendAsync("Anna");
        Assert.Contains("W jakim celu?", chat.Last[^1].Text);

        await chat.SendAsync("in English");
        Assert.Equal("OK, I'll write in English.", chat.Last[0].Text);
        Assert.Contains("What is it for?", chat.Last[1].Text);
        await chat.SendAsync("angielski");
        Assert.StartsWith("Done!", chat.Text); // tutoring in English, kept as the purpose
        Assert.Equal("angielski", await chat.QueryAsync(db => db.Bookings.Select(b => b.Purpose).SingleAsync()));
        Assert.Equal(Languages.English, await LanguageOfAsync(chat));
    }

    [Fact]
    public async Task A_decision_the_team_makes_in_polish_reaches_a_ukrainian_resident_in_ukrainian()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("consent:yes");
        await chat.SendAsync("українською");
        var (resident, big) = await chat.QueryAsync(async db => (await db.Residents.Select(r => r.Id).SingleAsync(),
            await db.Rooms.Where(r => r.Name == "Sala duża").Select(r => r.Id).SingleAsync()));
        var friday = new DateTime(2026, 11, 27, 16, 0, 0, DateTimeKind.Utc);
        var booking = await chat.UseAsync<MamBot.Dialogs.Bookings.BookingDesk, Data.Bookings.BookingAttempt>(desk =>
            desk.RequestAsync(new Data.Bookings.NewBooking(big, resident, friday, friday.AddHours(2), 12, "репетиція хору", "Olena", null), default));

        await chat.UseAsync<MamBot.Dialogs.Bookings.BookingDesk, Data.Bookings.Booking?>(desk => desk.ApproveAsync(booking.Booking!.Id, null, default));

        var decision = (await chat.NudgesAsync()).Single(m => m.Kind == Data.Outbox.OutboxKind.AccountUpdate);
        Assert.StartsWith("✅ Ваше бронювання підтверджено: пʼятниця, 27 листопада, 17:00–19:00, Sala duża.", await chat.ComposedTextAsync(decision));
        var reminder = (await chat.NudgesAsync()).First(m => m.Kind == Data.Outbox.OutboxKind.Reminder);
        Assert.StartsWith("⏰ Завтра у вас бронювання: пʼятниця, 27 листопада, 17:00–19:00, Sala duża.", await chat.ComposedTextAsync(reminder));
    }

    [Fact]
    public async Task The_teams_own_words_stay_polish_with_a_line_saying_so_in_the_residents_language()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("consent:yes");
        await chat.PressPayloadAsync("lang:en");

        await chat.PressPayloadAsync("about:rules");

        Assert.StartsWith("MAM rules (in brief):\n• ", chat.Text);
        Assert.EndsWith("\n(The MAM team writes this text in Polish.)", chat.Text);
        await chat.PressPayloadAsync("lang:pl");
        await chat.PressPayloadAsync("about:rules");
        Assert.DoesNotContain("(Ten tekst", chat.Text); // in Polish there is nothing to say
    }
}
