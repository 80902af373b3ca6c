using MamBot.Data.Events;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Tests.Events;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Tests.Repair;

/// <summary>
/// Conversations as data: a resident in the middle of a form types something other than its answer. Each row
/// asserts the outcome (left the form, a person has the chat, the question was answered and the same step asked
/// again, the answer taken), never the wording. Now is Wednesday 25 November 2026, 10:00 in Kraków.
/// </summary>
public class RepairConversationTests
{
    public enum Outcome { Left, PersonHasTheChat, AnsweredAndSameStep, AnswerTaken }

    [Theory]
    [InlineData("pl", "booking.day", "nie chcę", Outcome.Left)]
    [InlineData("pl", "booking.day", "ale ja nic nie rezerwuję!", Outcome.Left)]
    [InlineData("pl", "booking.purpose", "koniec", Outcome.Left)]
    [InlineData("uk", "booking.day", "не хочу", Outcome.Left)]
    [InlineData("en", "booking.purpose", "forget it", Outcome.Left)]
    [InlineData("pl", "booking.day", "chcę porozmawiać z człowiekiem", Outcome.PersonHasTheChat)]
    [InlineData("pl", "booking.day", "Napisz do człowieka", Outcome.PersonHasTheChat)]
    [InlineData("uk", "booking.purpose", "можна поговорити з людиною?", Outcome.PersonHasTheChat)]
    [InlineData("en", "idea.title", "can I talk to a real person", Outcome.PersonHasTheChat)]
    [InlineData("pl", "booking.day", "czy w kuchni jest czajnik?", Outcome.AnsweredAndSameStep)]
    [InlineData("pl", "booking.purpose", "a ile to kosztuje?", Outcome.AnsweredAndSameStep)]
    [InlineData("pl", "booking.purpose", "do której jesteście otwarci?", Outcome.AnsweredAndSameStep)]
    [InlineData("uk", "booking.purpose", "скільки це коштує?", Outcome.AnsweredAndSameStep)]
    [InlineData("en", "idea.title", "do I need to bring anything?", Outcome.AnsweredAndSameStep)]
    [InlineData("pl", "idea.description", "czy jesteś człowiekiem?", Outcome.AnsweredAndSameStep)]
    [InlineData("pl", "booking.purpose", "zapomnij, nie będę rezerwować", Outcome.Left)]
    [InlineData("en", "booking.purpose", "nvm, cancel", Outcome.Left)]
    [InlineData("pl", "booking.room", "a ile kosztuje mała sala?", Outcome.AnsweredAndSameStep)]
    [InlineData("pl", "booking.room", "mała", Outcome.AnswerTaken)]
    [InlineData("pl", "booking.day", "jutro", Outcome.AnswerTaken)]
    [InlineData("pl", "booking.purpose", "spotkanie AA — koniec roku", Outcome.AnswerTaken)]
    [InlineData("en", "idea.title", "end of year party", Outcome.AnswerTaken)]
    [InlineData("uk", "booking.day", "у пʼятницю", Outcome.AnswerTaken)]
    public async Task A_typed_message_in_a_form_is_read_for_what_it_is(string language, string step, string text, Outcome outcome)
    {
        await using var chat = await ConsentedAsync(language);
        await GoToAsync(chat, step);
        var before = await StepAsync(chat);

        await chat.SendAsync(text);

        switch (outcome)
        {
            case Outcome.Left:
                Assert.False(await chat.InProgressAsync());
                Assert.Equal(0, await chat.QueryAsync(async db => await db.Bookings.CountAsync() + await db.Ideas.CountAsync()));
                break;
            case Outcome.PersonHasTheChat:
                Assert.Equal(1, await chat.QueryAsync(db => db.Handoffs.CountAsync(h => h.EndedUtc == null)));
                break;
            case Outcome.AnsweredAndSameStep:
                Assert.Equal(before, await StepAsync(chat));
                Assert.True(chat.Last.Count >= 2, "an answer, then the same question again");
                Assert.DoesNotContain(text, await ValuesAsync(chat)); // never saved as the answer
                break;
            case Outcome.AnswerTaken:
                Assert.NotEqual(before, await StepAsync(chat));
                break;
        }
    }

    [Theory]
    [InlineData("tak, pogodzhuyus")]
    [InlineData("так, погоджуюсь, дякую")]
    public async Task Consent_in_other_letters_and_with_thanks_is_consent(string text)
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("menu:book");
        await chat.SendAsync(text);
        Assert.Equal(1, await chat.QueryAsync(db => db.Residents.CountAsync()));
    }

    [Theory]
    [InlineData("pl", "tak, wypisz mnie")]
    [InlineData("uk", "так, скасуйте")]
    [InlineData("en", "yes please, cancel it")]
    public async Task A_yes_with_the_action_said_again_presses_the_yes_button(string language, string text)
    {
        await using var chat = await ConsentedAsync(language);
        var yoga = await chat.CreateAsync("Joga", EventsFixture.At(27, 10), capacity: 10);
        await chat.PressPayloadAsync($"events:join:{yoga.Id}");
        await chat.PressPayloadAsync($"events:leave:{yoga.Id}");
        await chat.SendAsync(text);
        Assert.Equal(0, await chat.QueryAsync(db => db.EventSignups.CountAsync(r => r.Status == SignupStatus.Going)));
    }

    [Theory]
    [InlineData("a nie, rezygnuję, nie chcę jednak")]
    [InlineData("actually forget it, sorry")]
    [InlineData("ой, ні, відміна")]
    public async Task Leaving_said_in_any_clause_with_softening_words_leaves(string text)
    {
        await using var chat = await ConsentedAsync("pl");
        await chat.SendAsync("zarezerwuj kuchnię na piątek o 10");
        await chat.SendAsync(text);
        Assert.False(await chat.InProgressAsync());
    }

    [Theory]
    [InlineData("zgadzam się")]
    [InlineData("tak, zgadzam się")]
    [InlineData("ok")]
    [InlineData("Zgadzam sie!")]
    [InlineData("так")]
    [InlineData("погоджуюся")]
    [InlineData("yes, I agree")]
    [InlineData("согласна")]
    public async Task Typed_consent_is_consent(string text)
    {
        await using var chat = await TestChat.StartAsync();
        await chat.SendAsync("/start");
        await chat.SendAsync(text);
        Assert.Equal(1, await chat.QueryAsync(db => db.Residents.CountAsync()));
    }

    [Theory]
    [InlineData("nie zgadzam się")]
    [InlineData("ні")]
    [InlineData("no thanks")]
    public async Task Typed_refusal_keeps_nothing(string text)
    {
        await using var chat = await TestChat.StartAsync();
        await chat.SendAsync("/start");
        await chat.SendAsync(text);
        Assert.Equal(0, await chat.QueryAsync(db => db.Residents.CountAsync()));
    }

    [Fact]
    public async Task Signing_up_before_consent_signs_her_up_once_she_agrees()
    {
        await using var chat = await TestChat.StartAsync();
        var yoga = await chat.CreateAsync("Joga dla seniorów", EventsFixture.At(27, 10), capacity: 10);
        await chat.PressPayloadAsync($"events:join:{yoga.Id}");
        Assert.Equal(0, await chat.QueryAsync(db => db.Residents.CountAsync()));

        await chat.SendAsync("tak, zgadzam się");

        Assert.Equal(1, await chat.QueryAsync(db => db.EventSignups.CountAsync(r => r.Status == SignupStatus.Going)));
    }

    [Theory]
    [InlineData("czy w kuchni jest czajnik?")]
    [InlineData("czy duża sala jest wolna w sobotę?")]
    [InlineData("ile kosztuje kawa bo mam małą emeryturę")]
    public async Task A_question_naming_a_room_or_a_day_starts_no_booking(string text)
    {
        await using var chat = await ConsentedAsync("pl");
        await chat.SendAsync(text);
        Assert.False(await chat.InProgressAsync());
        Assert.NotEmpty(chat.Text);
    }

    [Theory]
    [InlineData("do kogo w spółdzielni mam zgłosić przeciekający dach?", false)]
    [InlineData("zaginął mi kot, pomożecie?", false)]
    [InlineData("chcę złożyć skargę na hałas", true)]
    [InlineData("the heating in the small room is broken", true)]
    public async Task Off_topic_gets_an_honest_line_and_a_complaint_goes_to_a_person(string text, bool personHasIt)
    {
        await using var chat = await ConsentedAsync("pl");
        await chat.SendAsync(text);
        Assert.False(await chat.InProgressAsync()); // never the idea form
        Assert.Equal(0, await chat.QueryAsync(db => db.Ideas.CountAsync()));
        Assert.Equal(personHasIt ? 1 : 0, await chat.QueryAsync(db => db.Handoffs.CountAsync()));
        if (personHasIt) // the complaint's own words are the first thing the team reads
            Assert.Equal(text, await chat.QueryAsync(db => db.HandoffMessages.Select(m => m.Text).SingleAsync()));
        else Assert.Contains(chat.Last.SelectMany(r => r.Buttons).SelectMany(b => b), b => b.Payload == "handoff:start");
    }

    [Theory]
    [InlineData("proszę usunąć wszystkie moje dane")]
    [InlineData("usuńcie moje dane")]
    [InlineData("skasuj moje konto")]
    [InlineData("zapomnij o mnie")]
    [InlineData("erase all my data")]
    [InlineData("видаліть усе про мене")]
    [InlineData("удалите мои данные")]
    public async Task Erasure_in_any_phrasing_asks_to_confirm_it_and_never_shows_the_export(string text)
    {
        await using var chat = await ConsentedAsync("pl");
        await chat.SendAsync(text);
        Assert.Null(chat.Last.FirstOrDefault(r => r.File is not null)); // not the export
        Assert.True(await chat.InProgressAsync()); // the yes/no question of erasure
        await chat.SendAsync("tak");
        Assert.Equal(0, await chat.QueryAsync(db => db.Residents.CountAsync()));
    }

    [Fact]
    public async Task Asking_for_a_person_with_the_problem_in_the_same_message_keeps_it_for_the_team()
    {
        await using var chat = await ConsentedAsync("pl");
        await chat.SendAsync("chcę porozmawiać z człowiekiem, zgubiłem klucz do sali");
        Assert.Equal("chcę porozmawiać z człowiekiem, zgubiłem klucz do sali",
            await chat.QueryAsync(db => db.HandoffMessages.Select(m => m.Text).SingleAsync()));

        await chat.SendAsync("usuń moje dane"); // answered during a handoff, never relayed
        Assert.True(await chat.InProgressAsync());
        Assert.Equal(1, await chat.QueryAsync(db => db.HandoffMessages.CountAsync()));
    }

    [Theory]
    [InlineData("Я не розумію польською. Можна українською?", "uk")]
    [InlineData("Sorry, I only speak English", "en")]
    [InlineData("dobryi den, a mozhna ukrainskoiu?", "uk")]
    [InlineData("Здравствуйте, что у вас есть для детей?", "uk")]
    public async Task A_newcomer_asking_for_a_language_is_answered_in_it(string text, string language)
    {
        await using var chat = await TestChat.StartAsync();
        await chat.SendAsync(text);
        await chat.SendAsync("zgadzam się");
        Assert.Equal(language, await chat.QueryAsync(db => db.Residents.Select(r => r.Language).SingleAsync()));
    }

    [Fact]
    public async Task A_correction_changes_that_answer_and_asks_again_only_what_it_invalidates()
    {
        await using var chat = await ConsentedAsync("pl");
        await GoToAsync(chat, "booking.purpose"); // Sala mała, Friday 27.11, 17:00–19:00, 8 people

        await chat.SendAsync("nie, 6 osób");
        Assert.Equal("6", (await FrameAsync(chat))["people"]);
        Assert.Equal("purpose", await StepAsync(chat));

        await chat.SendAsync("a jednak w sobotę"); // Saturdays end at 14:00: the day stays, the start is asked again
        var values = await FrameAsync(chat);
        Assert.Equal("2026-11-28", values["day"]);
        Assert.Equal("start", await StepAsync(chat));
        Assert.Equal("6", values["people"]);
    }

    [Fact]
    public async Task A_time_refused_on_one_day_is_tried_again_when_the_day_is_corrected()
    {
        await using var chat = await ConsentedAsync("pl");
        await chat.QueryAsync(async db => // someone has the small room on Friday evening
        {
            var room = await db.Rooms.SingleAsync(r => r.Name == "Sala mała");
            db.Bookings.Add(new Data.Bookings.Booking { RoomId = room.Id, ResidentId = Guid.NewGuid(), StartUtc = EventsFixture.At(27, 17),
                EndUtc = EventsFixture.At(27, 19), Status = Data.Bookings.BookingStatus.Confirmed });
            return await db.SaveChangesAsync();
        });
        await chat.SendAsync("mała sala w piątek od 17 do 19 dla 6 osób");
        Assert.Equal("start", await StepAsync(chat)); // taken: another time is asked

        await chat.SendAsync("a jednak w czwartek");

        var values = await FrameAsync(chat);
        Assert.Equal(("2026-11-26", "17:00"), (values["day"], values["start"]));
    }

    [Fact]
    public async Task Too_many_people_for_the_small_room_offers_the_rooms_that_fit_and_keeps_everything_else()
    {
        await using var chat = await ConsentedAsync("pl");
        await chat.SendAsync("chcę zarezerwować małą salę w piątek od 17 do 19 dla 12 osób");
        var offer = chat.Last.SelectMany(r => r.Buttons).SelectMany(b => b).FirstOrDefault(b => b.Title == "Sala duża")
            ?? throw new InvalidOperationException("No offer of the big room in: " + chat.Text);

        await chat.PressPayloadAsync(offer.Payload);

        var values = await FrameAsync(chat);
        Assert.Equal("12", values["people"]);
        Assert.Equal("2026-11-27", values["day"]);
        Assert.Equal("17:00", values["start"]);
        Assert.Equal("name", await StepAsync(chat));
    }

    [Fact]
    public async Task A_returning_resident_books_a_free_slot_in_five_presses_and_is_not_asked_the_rules_again()
    {
        await using var chat = await ConsentedAsync("pl");
        foreach (var text in new[] { "chce zarezerwowac mala sale w piatek od 17 do 19 dla 8 osob", "Anna Nowak 600 100 200", "próba chóru" })
            await chat.SendAsync(text);
        Assert.Equal(1, await chat.QueryAsync(db => db.Bookings.CountAsync()));
        await chat.PressPayloadAsync("menu:main"); // another day, she opens the chat at the menu

        var presses = 0;
        async Task Press(Func<Button, bool> which)
        {
            presses++;
            await chat.PressPayloadAsync(chat.Last.SelectMany(r => r.Buttons).SelectMany(b => b).First(which).Payload);
        }
        await Press(b => b.Payload == "menu:book");
        await Press(b => b.Title.Contains("Jak ostatnio", StringComparison.Ordinal));
        await Press(b => b.Payload.StartsWith("f=2026-12-0", StringComparison.Ordinal)); // a day next week
        await Press(b => b.Title == "17:00");

        Assert.DoesNotContain("Sprzątamy po sobie", chat.Text); // the rules she accepted are not shown again
        Assert.InRange(presses, 1, 5);
        Assert.Equal(2, await chat.QueryAsync(db => db.Bookings.CountAsync()));
        var second = await chat.QueryAsync(db => db.Bookings.OrderBy(b => b.Id).LastAsync());
        Assert.Equal(("Anna Nowak", "600 100 200", 8, "próba chóru"), (second.ContactName, second.Phone, second.People, second.Purpose));
    }

    [Theory]
    [InlineData("pl", "czy duża sala jest wolna w piątek?", "to poproszę od 17 do 19 dla 20 osób")]
    [InlineData("uk", "чи вільна велика зала в пʼятницю?", "добре, забронюйте з 17 до 19 для 20 людей")]
    [InlineData("en", "is the big room free on friday?", "ok book it from 5 to 7pm for 20 people")]
    public async Task A_booking_after_a_question_takes_the_room_and_day_asked_about(string language, string question, string request)
    {
        await using var chat = await ConsentedAsync(language);
        await chat.SendAsync(question);
        Assert.False(await chat.InProgressAsync()); // a question, answered: no form

        await chat.SendAsync(request);

        var values = await FrameAsync(chat);
        Assert.Equal(("1", "2026-11-27", "17:00", "20"), (values["room"], values["day"], values["start"], values["people"]));
    }

    [Theory]
    [InlineData("pl", "odwołaj moją rezerwację na piątek", "tak")]
    [InlineData("uk", "скасуйте моє бронювання на пʼятницю", "так")]
    [InlineData("en", "please cancel my friday booking", "yes")]
    public async Task Cancelling_a_booking_named_by_its_day_asks_once_and_a_yes_cancels_it(string language, string request, string yes)
    {
        await using var chat = await ConsentedAsync(language);
        foreach (var text in new[] { "mała sala w piątek od 17 do 19 dla 4 osób", "Anna", "szachy" }) await chat.SendAsync(text);
        foreach (var text in new[] { "mała sala 4.12 od 17 do 19 dla 4 osób", "tak", "szachy" }) await chat.SendAsync(text);
        Assert.Equal(2, await chat.QueryAsync(db => db.Bookings.CountAsync(b => b.Status == Data.Bookings.BookingStatus.Confirmed)));

        await chat.SendAsync(request);
        await chat.SendAsync(yes);

        var friday = await chat.QueryAsync(db => db.Bookings.OrderBy(b => b.StartUtc).Select(b => b.Status).ToListAsync());
        Assert.Equal([Data.Bookings.BookingStatus.Cancelled, Data.Bookings.BookingStatus.Confirmed], friday);
    }

    [Fact]
    public async Task A_returning_resident_books_from_one_sentence_in_three_actions()
    {
        await using var chat = await ConsentedAsync("pl");
        foreach (var text in new[] { "mała sala w piątek od 17 do 19 dla 8 osób", "Anna Nowak 600 100 200", "próba chóru" })
            await chat.SendAsync(text);

        await chat.SendAsync("zarezerwuj małą salę 4 grudnia od 17 do 19 dla 6 osób"); // 1
        await chat.PressAsync("Tak"); // 2: the same name and phone
        await chat.SendAsync("próba chóru"); // 3

        var second = await chat.QueryAsync(db => db.Bookings.OrderBy(b => b.Id).LastAsync());
        Assert.Equal((2, "Anna Nowak", 6), (await chat.QueryAsync(db => db.Bookings.CountAsync()), second.ContactName, second.People));
        Assert.False(await chat.InProgressAsync());
    }

    [Theory]
    [InlineData("pl", "czy trzeba coś ze sobą przynieść?", "ok")]
    [InlineData("uk", "а що треба взяти з собою?", "так")]
    [InlineData("en", "do i need to bring anything?", "ok")]
    public async Task A_question_at_an_event_card_is_answered_and_the_card_stays(string language, string question, string yes)
    {
        await using var chat = await ConsentedAsync(language);
        var yoga = await chat.CreateAsync("Joga", EventsFixture.At(27, 10), capacity: 10);
        await chat.SendAsync($"/start e{yoga.Id}");

        await chat.SendAsync(question);
        Assert.Contains(chat.Last.SelectMany(r => r.Buttons).SelectMany(b => b), b => b.Payload == "handoff:start");
        Assert.Contains(chat.Last.SelectMany(r => r.Buttons).SelectMany(b => b), b => b.Payload == $"events:join:{yoga.Id}");
        await chat.SendAsync(yes);

        Assert.Equal(1, await chat.QueryAsync(db => db.EventSignups.CountAsync(r => r.Status == SignupStatus.Going)));
    }

    [Theory]
    [InlineData("pl", "tak, proszę")]
    [InlineData("pl", "dobrze")]
    [InlineData("pl", "ok")]
    [InlineData("uk", "так, будь ласка")]
    [InlineData("en", "yes please")]
    public async Task The_yes_words_on_an_event_card_sign_up(string language, string text)
    {
        await using var chat = await ConsentedAsync(language);
        var yoga = await chat.CreateAsync("Joga", EventsFixture.At(27, 10), capacity: 10);
        await chat.SendAsync($"/start e{yoga.Id}");
        await chat.SendAsync(text);
        Assert.Equal(1, await chat.QueryAsync(db => db.EventSignups.CountAsync(r => r.Status == SignupStatus.Going)));
    }

    [Fact]
    public async Task A_title_is_quoted_the_way_the_language_quotes()
    {
        await using var chat = await ConsentedAsync("uk");
        var yoga = await chat.CreateAsync("Joga", EventsFixture.At(27, 10), capacity: 10);
        await chat.SendAsync($"/start e{yoga.Id}");
        Assert.Contains("«Joga»", chat.Text);
        Assert.DoesNotContain("„", chat.Text);
    }

    [Theory]
    [InlineData("pl", "czy jesteś prawdziwym człowiekiem?")]
    [InlineData("en", "are you a bot?")]
    public async Task Asked_whether_it_is_a_person_it_says_what_it_is_and_offers_one_without_starting_a_handoff(
        string language, string text)
    {
        await using var chat = await ConsentedAsync(language);
        await chat.SendAsync(text);
        Assert.Equal(0, await chat.QueryAsync(db => db.Handoffs.CountAsync()));
        var reply = chat.Last[0];
        Assert.Contains(reply.Buttons.SelectMany(b => b), b => b.Payload == "handoff:start");
        Assert.Contains(chat.ButtonTitle("handoff:start"), reply.Text); // the button it names is the one shown
        Assert.DoesNotContain("{0}", reply.Text);
    }

    [Fact]
    public async Task Thanks_with_a_question_answers_the_question()
    {
        await using var chat = await ConsentedAsync("pl");
        await chat.SendAsync("dziękuję! a czy trzeba coś zabrać?");
        var payloads = chat.Last.SelectMany(r => r.Buttons).SelectMany(b => b).Select(b => b.Payload).ToList();
        Assert.True(payloads.Contains("handoff:start") || payloads.Contains("about:faq"), string.Join(" / ", payloads));
    }

    private static Task<Dictionary<string, string>> FrameAsync(TestChat chat) => chat.QueryAsync(async db =>
        ConversationData.FromJson(await db.ConversationStates.Select(s => s.StateJson).SingleAsync()).Stack[^1].Values);

    private static async Task<TestChat> ConsentedAsync(string language)
    {
        var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("consent:yes");
        if (language != "pl") await chat.PressPayloadAsync($"lang:{language}");
        return chat;
    }

    private static async Task GoToAsync(TestChat chat, string step)
    {
        switch (step)
        {
            case "booking.room":
                await chat.PressPayloadAsync("menu:book");
                break;
            case "booking.day":
                await chat.PressPayloadAsync("menu:book");
                await chat.PressPayloadAsync(chat.Last.SelectMany(r => r.Buttons).SelectMany(b => b).First(b => b.Payload.StartsWith("f=", StringComparison.Ordinal)).Payload);
                break;
            case "booking.name":
                await chat.SendAsync("chce zarezerwowac mala sale w piatek od 17 do 19 dla 8 osob");
                break;
            case "booking.purpose":
                await chat.SendAsync("chce zarezerwowac mala sale w piatek od 17 do 19 dla 8 osob");
                await chat.SendAsync("Anna Nowak");
                break;
            case "idea.title":
                await chat.SendAsync("mam pomysł");
                break;
            case "idea.description":
                await chat.SendAsync("mam pomysł na warsztaty szycia");
                break;
        }
        Assert.True(await chat.InProgressAsync(), $"the chat did not reach {step}");
    }

    /// <summary>The step the chat waits at; "" when no form waits (the last answer sent it).</summary>
    private static Task<string> StepAsync(TestChat chat) => chat.QueryAsync(async db =>
        ConversationData.FromJson(await db.ConversationStates.Select(s => s.StateJson).SingleAsync()).Stack is { Count: > 0 } stack
            ? stack[^1].Step : "");

    private static Task<List<string>> ValuesAsync(TestChat chat) => chat.QueryAsync(async db =>
        ConversationData.FromJson(await db.ConversationStates.Select(s => s.StateJson).SingleAsync()).Stack[^1].Values.Values.ToList());
}
