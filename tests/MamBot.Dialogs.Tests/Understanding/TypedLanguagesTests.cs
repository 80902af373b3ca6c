using MamBot.Data.Bookings;
using Microsoft.EntityFrameworkCore;
using static MamBot.Dialogs.Tests.Events.EventsFixture;

namespace MamBot.Dialogs.Tests.Understanding;

/// <summary>
/// Residents who type rather than press, in Ukrainian and English: one sentence fills the booking form, short
/// answers ("так", "yes", "пропустити", "skip") answer its questions, and the free-text requests reach the
/// right place. Now is Wednesday 25 November 2026, 10:00 in Kraków.
/// </summary>
public class TypedLanguagesTests
{
    private static async Task<TestChat> ResidentSpeakingAsync(string languageButton, string agree)
    {
        var chat = await TestChat.StartAsync();
        await chat.SendAsync("/start");
        await chat.PressAsync("Język/Мова/Language");
        await chat.PressAsync(languageButton);
        await chat.PressAsync(agree);
        return chat;
    }

    [Fact]
    public async Task A_ukrainian_resident_books_a_room_by_typing_one_sentence_and_short_answers()
    {
        await using var chat = await ResidentSpeakingAsync("Українська", "Погоджуюся");

        await chat.SendAsync("хочу забронювати малу залу завтра з 10 до 12 для 4 осіб");
        Assert.Contains("Зрозуміло: Sala mała, четвер 26 листопада, 10:00–12:00", chat.Text);
        Assert.StartsWith("Як вас звати?", chat.Last[^1].Text);
        await chat.SendAsync("Олена");
        Assert.Contains("З якою метою?", chat.Text);
        await chat.SendAsync("репетиція хору");
        Assert.StartsWith("Готово! Заброньовано: четвер, 26 листопада, 10:00–12:00, Sala mała.", chat.Text);

        var booking = await chat.QueryAsync(db => db.Bookings.SingleAsync());
        Assert.Equal((4, "Олена", BookingStatus.Confirmed), (booking.People, booking.ContactName, booking.Status));

        await chat.SendAsync("покажіть мої бронювання");
        Assert.Contains("четвер, 26 листопада, 10:00–12:00, Sala mała", chat.Text);
    }

    [Fact]
    public async Task An_english_resident_books_a_room_by_typing_one_sentence_and_short_answers()
    {
        await using var chat = await ResidentSpeakingAsync("English", "I agree");

        await chat.SendAsync("I'd like to book the small room tomorrow from 10am to 12pm for 4 people");
        Assert.Contains("Sala mała", chat.Text);
        Assert.Contains("Thursday 26 November", chat.Text);
        await chat.SendAsync("Helen");
        await chat.SendAsync("choir rehearsal");
        Assert.StartsWith("Done! Booked: Thursday 26 November, 10:00–12:00, Sala mała.", chat.Text);

        await chat.SendAsync("what have I booked?");
        Assert.Contains("Thursday 26 November, 10:00–12:00, Sala mała", chat.Text);
    }

    [Fact]
    public async Task Typed_requests_in_ukrainian_reach_events_hours_the_address_and_a_person()
    {
        await using var chat = await ResidentSpeakingAsync("Українська", "Погоджуюся");
        await chat.CreateAsync("Kawa sąsiedzka", At(26, 17));

        await chat.SendAsync("які заходи цього тижня?");
        Assert.StartsWith("Заходи цього тижня:\n\n1. четвер, 26 листопада, 17:00 – Kawa sąsiedzka", chat.Text);
        await chat.PressAsync("чт 26.11 · Kawa sąsiedzka");
        await chat.SendAsync("так"); // the card's sign-up button, typed
        Assert.Equal(1, await chat.QueryAsync(db => db.EventSignups.CountAsync()));

        await chat.UseAsync<MamBot.Dialogs.Events.EventDesk, MamBot.Data.Events.EventEdit>(desk => desk.EditAsync(1,
            new MamBot.Data.Events.EventDetails("Kawa sąsiedzka", "Kawa i ciasto, przyjdź z sąsiadem.", "Zespół MAM", MamBot.Data.Events.EventCategory.Neighbours, null,
                DescriptionUk: "Кава й пиріг, приходьте з сусідом."), default));
        await chat.PressPayloadAsync("events:show:1");
        Assert.Contains("Кава й пиріг, приходьте з сусідом.", chat.Text); // the team's own Ukrainian…
        Assert.DoesNotContain("Kawa i ciasto", chat.Text);
        Assert.DoesNotContain("польською", chat.Text); // …with no note that it is Polish

        await chat.SendAsync("до котрої ви сьогодні працюєте?");
        Assert.StartsWith("Години роботи:\nпонеділок–пʼятниця: 10:00–20:00", chat.Text);
        await chat.SendAsync("де ви знаходитесь");
        Assert.Contains("📍 os. Na Kozłówce, Kraków", chat.Text);
        await chat.SendAsync("дякую!");
        Assert.Equal("Будь ласка! Якщо буде потрібно, я тут.", chat.Text);
        await chat.SendAsync("хочу поговорити з живою людиною");
        Assert.StartsWith("Передаю розмову команді MAM.", chat.Text);
    }

    [Fact]
    public async Task Typed_requests_in_english_reach_events_rules_and_stop()
    {
        await using var chat = await ResidentSpeakingAsync("English", "I agree");
        await chat.CreateAsync("Kawa sąsiedzka", At(26, 17));

        await chat.SendAsync("what's on this week?");
        Assert.StartsWith("Events this week:\n\n1. Thursday 26 November, 17:00 – Kawa sąsiedzka", chat.Text);
        await chat.PressAsync("Thu 26.11 · Kawa sąsiedzka");
        await chat.SendAsync("count me in");
        Assert.Equal(1, await chat.QueryAsync(db => db.EventSignups.CountAsync()));

        await chat.SendAsync("can I bring my dog?");
        Assert.StartsWith("The MAM rules don't say anything about that. It's best to ask the team.", chat.Text);
        await chat.SendAsync("what are the house rules");
        Assert.Contains("• Sprzątamy po sobie.", chat.Text); // the team's own rules, in Polish…
        Assert.Contains("(The MAM team writes this text in Polish.)", chat.Text); // …with a line saying so
        await chat.SendAsync("no more messages please"); // said plainly: done, with the settings to turn back on
        Assert.StartsWith("OK, I won't send you any notifications.", chat.Text);
        Assert.False(await chat.QueryAsync(db => db.NotificationPreferences.AnyAsync(p => p.Enabled)));

        await chat.SendAsync("stop"); // a bare word may be a slip: asked once
        Assert.StartsWith("Turn off all messages from MAM?", chat.Text);
    }

    [Fact]
    public async Task An_english_resident_proposes_an_idea_in_words_and_erases_their_data_by_typing()
    {
        await using var chat = await ResidentSpeakingAsync("English", "I agree");

        await chat.SendAsync("I have an idea");
        Assert.StartsWith("What will you call your idea?", chat.Text);
        await chat.SendAsync("Planting flowers together");
        await chat.SendAsync("Let's plant flowers by block 5 in the spring.");
        await chat.SendAsync("For everyone");
        await chat.SendAsync("not sure yet");
        await chat.SendAsync("I have pots");
        await chat.SendAsync("no");
        Assert.Contains("💡 “Planting flowers together”", chat.Text);
        await chat.SendAsync("send");
        Assert.Single(await chat.QueryAsync(db => db.Ideas.ToListAsync()));

        await chat.SendAsync("please delete my data");
        Assert.StartsWith("Are you sure you want to delete all your data?", chat.Text);
        await chat.SendAsync("yes");
        Assert.Equal(0, await chat.QueryAsync(db => db.Residents.CountAsync()));
        var idea = Assert.Single(await chat.QueryAsync(db => db.Ideas.ToListAsync())); // the idea stays for the neighbourhood…
        Assert.Equal((null, null), (idea.AuthorId, idea.Contact)); // …with nothing left of who proposed it
    }

    [Fact]
    public async Task A_ukrainian_resident_proposes_an_idea_in_words_and_erases_their_data_by_typing()
    {
        await using var chat = await ResidentSpeakingAsync("Українська", "Погоджуюся");

        await chat.SendAsync("у мене є ідея");
        await chat.SendAsync("Спільна посадка квітів");
        await chat.SendAsync("Посадимо навесні квіти біля 5-го будинку.");
        await chat.SendAsync("Для всіх");
        await chat.SendAsync("ще не знаю");
        await chat.SendAsync("маю вазони");
        await chat.SendAsync("ні");
        Assert.Contains("💡 «Спільна посадка квітів»", chat.Text);
        await chat.SendAsync("надіслати");
        Assert.Single(await chat.QueryAsync(db => db.Ideas.ToListAsync()));

        await chat.SendAsync("видаліть мої дані");
        await chat.SendAsync("так");
        Assert.Equal(0, await chat.QueryAsync(db => db.Residents.CountAsync()));
    }
}
