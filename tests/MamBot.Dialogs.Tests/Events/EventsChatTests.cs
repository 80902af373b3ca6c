using MamBot.Data.Events;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Events;
using Microsoft.EntityFrameworkCore;
using static MamBot.Dialogs.Tests.Events.EventsFixture;

namespace MamBot.Dialogs.Tests.Events;

/// <summary>"Wydarzenia" in chat. Now is Wednesday 25 November 2026, 10:00 in Kraków.</summary>
public class EventsChatTests
{
    [Fact]
    public async Task This_week_lists_events_with_places_left_and_next_week_the_ones_after()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.CreateAsync("Gimnastyka dla seniorów", At(26, 10, 30), capacity: 2);
        await chat.CreateAsync("Kawa sąsiedzka", At(27, 17), category: EventCategory.Neighbours);
        await chat.CreateAsync("Koncert kolęd", At(2, 18, month: 12), capacity: 40, category: EventCategory.Culture);

        await chat.PressPayloadAsync("menu:events");
        Assert.StartsWith("Wydarzenia w MAM są dla wszystkich", chat.Text);
        await chat.PressAsync("Ten tydzień");

        Assert.StartsWith("Wydarzenia w tym tygodniu:", chat.Text);
        Assert.Contains("1. czwartek, 26 listopada, 10:30 – Gimnastyka dla seniorów (2 wolne miejsca)", chat.Text);
        Assert.Contains("2. piątek, 27 listopada, 17:00 – Kawa sąsiedzka", chat.Text);
        Assert.DoesNotContain("Koncert", chat.Text);
        chat.ButtonPayload("czw. 26.11 · Gimnastyka dla seniorów"); // buttons tell weekly events apart by date

        await chat.PressAsync("Następny tydzień");
        Assert.Contains("1. środa, 2 grudnia, 18:00 – Koncert kolęd (40 wolnych miejsc)", chat.Text);
    }

    [Fact]
    public async Task Long_lists_come_five_at_a_time_with_a_way_forward_and_back()
    {
        await using var chat = await TestChat.StartAsync();
        for (var i = 0; i < 7; i++) await chat.CreateAsync($"Warsztaty {i + 1}", At(26 + i % 3, 11 + i), category: EventCategory.Workshops);

        await chat.PressPayloadAsync("events:list:w0:0");
        Assert.Contains("Strona 1 z 2.", chat.Text);
        Assert.Contains("5. ", chat.Text);
        Assert.DoesNotContain("6. ", chat.Text);

        await chat.PressAsync("Dalej ›");
        Assert.Contains("Strona 2 z 2.", chat.Text);
        Assert.Contains("6. ", chat.Text);
        Assert.Contains("7. ", chat.Text);
        await chat.PressAsync("‹ Wcześniej");
        Assert.Contains("1. ", chat.Text);
    }

    [Fact]
    public async Task Nothing_this_week_is_said_plainly_with_the_other_options()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("events:list:w0:0");
        Assert.StartsWith("Wydarzeń w tym tygodniu na razie nie ma.", chat.Text);
        Assert.Equal("events:list:w1:0", chat.ButtonPayload("Następny tydzień"));
    }

    [Fact]
    public async Task A_deep_link_opens_the_event_also_before_consent_and_signing_up_asks_for_it()
    {
        await using var chat = await TestChat.StartAsync();
        var gym = await chat.CreateAsync("Gimnastyka dla seniorów", At(27, 10, 30), capacity: 12);

        await chat.SendAsync($"/start e{gym.Id}");
        Assert.Contains("automatyczny asystent", chat.Text);
        Assert.Contains("„Gimnastyka dla seniorów”\n📅 piątek, 27 listopada, 10:30–11:30\n📍 MAM Na Kozłówce\n🏷️ Dla seniorów\n👤 Prowadzi: Zespół MAM", chat.Text);
        Assert.Contains("Zostało 12 wolnych miejsc.", chat.Text);

        await chat.PressAsync("Zapisuję się");
        Assert.Contains("potrzebuję Twojej zgody", chat.Text);
        Assert.Empty(await chat.QueryAsync(db => db.EventSignups.ToListAsync()));
    }

    [Fact]
    public async Task An_open_event_says_anyone_may_come_and_signing_up_is_for_a_reminder()
    {
        await using var chat = await ConsentedAsync();
        var coffee = await chat.CreateAsync("Kawa sąsiedzka", At(27, 17));

        await chat.PressPayloadAsync($"events:show:{coffee.Id}");

        Assert.Contains("Wstęp wolny, bez limitu miejsc: możesz po prostu przyjść. Jeśli chcesz przypomnienie, naciśnij „Zapisuję się”.", chat.Text);
        Assert.DoesNotContain("bez zapisów", chat.Text);
        Assert.Equal("events:join:" + coffee.Id, chat.ButtonPayload("Zapisuję się"));
    }

    [Fact]
    public async Task On_messenger_only_reminders_inside_the_window_are_promised_and_the_calendar_is_offered_instead()
    {
        await using var chat = await TestChat.StartAsync(channel: "messenger", chatId: "psid-halina");
        await chat.PressPayloadAsync("consent:yes");
        var tomorrow = await chat.CreateAsync("Kawa przy kominku", At(26, 12)); // the day-before reminder is inside the day
        var friday = await chat.CreateAsync("Gimnastyka dla seniorów", At(27, 17), capacity: 12); // neither is

        await chat.PressPayloadAsync($"events:join:{tomorrow.Id}");
        Assert.EndsWith("Przypomnę Ci dzień wcześniej. Na Messengerze mogę napisać do Ciebie tylko w ciągu doby od Twojej ostatniej "
            + "wiadomości, więc przypomnienie może nie dotrzeć. Naciśnij „Dodaj do kalendarza” – telefon przypomni Ci sam.", chat.Text);
        await chat.PressPayloadAsync($"events:join:{friday.Id}");
        Assert.EndsWith("17:00. Na Messengerze mogę napisać do Ciebie tylko w ciągu doby od Twojej ostatniej wiadomości, więc "
            + "przypomnienie może nie dotrzeć. Naciśnij „Dodaj do kalendarza” – telefon przypomni Ci sam.", chat.Text);
        Assert.Contains("Dodaj do kalendarza", chat.Last.SelectMany(r => r.Buttons).SelectMany(r => r).Select(b => b.Title));
    }

    [Theory]
    [InlineData("zapisz mnie")]
    [InlineData("tak")]
    [InlineData("Biorę udział!")]
    public async Task On_an_events_card_saying_yes_in_words_signs_up_like_the_button(string typed)
    {
        await using var chat = await ConsentedAsync();
        var gym = await chat.CreateAsync("Gimnastyka dla seniorów", At(27, 17), capacity: 12);
        await chat.PressPayloadAsync($"events:show:{gym.Id}");

        await chat.SendAsync(typed);

        Assert.Equal("Gotowe, masz miejsce: „Gimnastyka dla seniorów”, piątek, 27 listopada, 17:00. Przypomnę Ci dzień wcześniej i 2 godziny przed.", chat.Text);
    }

    [Theory]
    [InlineData("wypisz mnie z gimnastyki")]
    [InlineData("nie przyjde na gimnastyke")]
    [InlineData("nie dam rady przyjść w piątek")]
    public async Task Giving_up_a_place_in_words_asks_once_and_leaves_every_notification_on(string sentence)
    {
        await using var chat = await ConsentedAsync();
        var gym = await chat.CreateAsync("Gimnastyka dla seniorów", At(27, 17), capacity: 12);
        await chat.CreateAsync("Kawa sąsiedzka", At(28, 11), category: EventCategory.Neighbours);
        await chat.PressPayloadAsync($"events:join:{gym.Id}");

        await chat.SendAsync(sentence);
        Assert.Equal("Czy mam Cię wypisać z wydarzenia „Gimnastyka dla seniorów” (piątek, 27 listopada, 17:00)?", chat.Text);
        await chat.PressAsync("Tak, wypisz mnie");

        Assert.StartsWith("Twoje miejsce na wydarzenie „Gimnastyka dla seniorów” jest zwolnione.", chat.Text); // as after "Rezygnuję"
        Assert.Equal(SignupStatus.Withdrawn, await chat.QueryAsync(db => db.EventSignups.Select(x => x.Status).SingleAsync()));
        Assert.Equal(0, await chat.QueryAsync(db => db.NotificationPreferences.CountAsync(p => !p.Enabled)));
    }

    [Fact]
    public async Task A_sentence_about_an_event_without_a_place_says_so_and_changes_nothing()
    {
        await using var chat = await ConsentedAsync();
        var gym = await chat.CreateAsync("Gimnastyka dla seniorów", At(27, 17), capacity: 12);
        await chat.CreateAsync("Warsztaty ceramiki", At(28, 11), category: EventCategory.Workshops);
        await chat.PressPayloadAsync($"events:join:{gym.Id}");

        await chat.SendAsync("wypisz mnie z ceramiki");

        Assert.StartsWith("Nie masz zapisu na wydarzenie „Warsztaty ceramiki”.", chat.Text);
        Assert.Equal(SignupStatus.Going, await chat.QueryAsync(db => db.EventSignups.Select(x => x.Status).SingleAsync()));
    }

    [Fact]
    public async Task With_several_places_and_no_clue_which_the_resident_picks_from_their_sign_ups()
    {
        await using var chat = await ConsentedAsync();
        var gym = await chat.CreateAsync("Gimnastyka dla seniorów", At(27, 17), capacity: 12);
        var coffee = await chat.CreateAsync("Kawa sąsiedzka", At(28, 11), category: EventCategory.Neighbours);
        await chat.PressPayloadAsync($"events:join:{gym.Id}");
        await chat.PressPayloadAsync($"events:join:{coffee.Id}");

        await chat.SendAsync("nie przyjdę");

        Assert.StartsWith("Z którego wydarzenia mam Cię wypisać?", chat.Text);
        Assert.Equal($"events:show:{coffee.Id}", chat.ButtonPayload("sob. 28.11 · Kawa sąsiedzka"));
        Assert.Equal(2, await chat.QueryAsync(db => db.EventSignups.CountAsync(x => x.Status == SignupStatus.Going)));
    }

    [Fact]
    public async Task Signing_up_queues_reminders_the_day_before_and_two_hours_before_and_how_was_it_the_morning_after()
    {
        await using var chat = await ConsentedAsync();
        var gym = await chat.CreateAsync("Gimnastyka dla seniorów", At(27, 17), capacity: 12);

        await chat.PressPayloadAsync($"events:show:{gym.Id}");
        await chat.PressAsync("Zapisuję się");

        Assert.Equal("Gotowe, masz miejsce: „Gimnastyka dla seniorów”, piątek, 27 listopada, 17:00. Przypomnę Ci dzień wcześniej i 2 godziny przed.", chat.Text);
        var nudges = await chat.EventNudgesAsync();
        Assert.Equal([At(26, 17), At(27, 15), At(28, 10)], nudges.Select(m => m.DueUtc));
        Assert.Equal([OutboxKind.Reminder, OutboxKind.Reminder, OutboxKind.Feedback], nudges.Select(m => m.Kind));
        Assert.StartsWith("⏰ Przypomnienie: jutro „Gimnastyka dla seniorów”\n📅 piątek, 27 listopada, 17:00", await chat.ComposedTextAsync(nudges[0]));
        Assert.StartsWith("⏰ Już za 2 godziny: „Gimnastyka dla seniorów”", await chat.ComposedTextAsync(nudges[1]));
        Assert.StartsWith("Jak było na wydarzeniu „Gimnastyka dla seniorów”? Oceń od 1", await chat.ComposedTextAsync(nudges[2]));

        await chat.PressPayloadAsync($"events:join:{gym.Id}");
        Assert.Equal("Masz już miejsce na wydarzenie „Gimnastyka dla seniorów”.", chat.Text);
        Assert.Equal(3, (await chat.EventNudgesAsync()).Count);

        await chat.PressPayloadAsync($"events:show:{gym.Id}");
        Assert.Contains("✅ Masz miejsce na tym wydarzeniu.\nZostało 11 wolnych miejsc.", chat.Text);
    }

    [Fact]
    public async Task A_full_event_offers_the_waiting_list_and_a_freed_place_goes_to_the_first_waiting_who_is_told()
    {
        await using var chat = await ConsentedAsync();
        await chat.ConsentAsAsync("chat-bogdan");
        var gym = await chat.CreateAsync("Gimnastyka dla seniorów", At(27, 17), capacity: 1);
        await chat.PressPayloadAsync($"events:join:{gym.Id}");

        await chat.AsAsync("chat-bogdan", null, $"events:show:{gym.Id}");
        Assert.Contains("Wszystkie miejsca są zajęte.", chat.Text);
        await chat.AsAsync("chat-bogdan", null, chat.ButtonPayload("Na listę rezerwową"));
        Assert.Equal("Wszystkie miejsca na wydarzenie „Gimnastyka dla seniorów” są zajęte, więc jesteś na liście rezerwowej (miejsce 1). Gdy zwolni się miejsce, od razu dam Ci znać.", chat.Text);
        Assert.Equal(3, (await chat.EventNudgesAsync()).Count); // only Anna's

        await chat.PressPayloadAsync($"events:leave:{gym.Id}");
        Assert.StartsWith("Twoje miejsce na wydarzenie „Gimnastyka dla seniorów” jest zwolnione.", chat.Text);

        var nudges = await chat.EventNudgesAsync();
        var bogdan = await chat.QueryAsync(db => db.ChannelIdentities.Where(i => i.ExternalId == "chat-bogdan").Select(i => i.ResidentId).SingleAsync());
        Assert.All(nudges.Where(m => m.ResidentId != bogdan), m => Assert.Equal((OutboxStatus.Skipped, OutboxReasons.SignupWithdrawn), (m.Status, m.StatusReason)));
        var toBogdan = nudges.Where(m => m.ResidentId == bogdan).ToList();
        Assert.Equal([OutboxKind.EventUpdate, OutboxKind.Reminder, OutboxKind.Reminder, OutboxKind.Feedback], toBogdan.Select(m => m.Kind));
        Assert.StartsWith("Dobra wiadomość! Zwolniło się miejsce na wydarzenie „Gimnastyka dla seniorów” (piątek, 27 listopada, 17:00) i jest Twoje.", toBogdan[0].Text());
    }

    [Fact]
    public async Task Leaving_the_waiting_list_is_said_as_such_and_nobody_is_promoted()
    {
        await using var chat = await ConsentedAsync();
        await chat.ConsentAsAsync("chat-bogdan");
        var gym = await chat.CreateAsync("Gimnastyka dla seniorów", At(27, 17), capacity: 1);
        await chat.AsAsync("chat-bogdan", null, $"events:join:{gym.Id}");
        await chat.PressPayloadAsync($"events:join:{gym.Id}");

        await chat.PressPayloadAsync($"events:leave:{gym.Id}");
        Assert.Equal("Nie jesteś już na liście rezerwowej na wydarzenie „Gimnastyka dla seniorów”.", chat.Text);
        await chat.PressPayloadAsync($"events:leave:{gym.Id}");
        Assert.Equal("Nie masz zapisu na wydarzenie „Gimnastyka dla seniorów”.", chat.Text);
        Assert.DoesNotContain(await chat.EventNudgesAsync(), m => m.Kind == OutboxKind.EventUpdate);
    }

    [Fact]
    public async Task Moving_an_event_moves_the_reminders_and_tells_everyone_signed_up()
    {
        await using var chat = await ConsentedAsync();
        var gym = await chat.CreateAsync("Gimnastyka dla seniorów", At(27, 17), capacity: 12);
        await chat.PressPayloadAsync($"events:join:{gym.Id}");

        await chat.UseAsync<EventDesk, EventChange>(d => d.MoveAsync(gym.Id, At(28, 11), At(28, 12), default));

        var nudges = await chat.EventNudgesAsync();
        Assert.All(nudges.Take(3), m => Assert.Equal((OutboxStatus.Skipped, OutboxReasons.EventMoved), (m.Status, m.StatusReason)));
        var fresh = nudges.Skip(3).ToList();
        Assert.Equal(OutboxKind.EventUpdate, fresh[0].Kind);
        Assert.StartsWith("Zmiana terminu: „Gimnastyka dla seniorów” ma nowy termin: sobota, 28 listopada, 11:00 (poprzednio: piątek, 27 listopada, 17:00).", fresh[0].Text());
        Assert.Equal([At(27, 11), At(28, 9), At(29, 10)], fresh.Skip(1).Select(m => m.DueUtc));
    }

    [Fact]
    public async Task Cancelling_an_event_tells_everyone_signed_up_and_drops_their_reminders()
    {
        await using var chat = await ConsentedAsync();
        await chat.ConsentAsAsync("chat-bogdan");
        var gym = await chat.CreateAsync("Gimnastyka dla seniorów", At(27, 17), capacity: 1);
        await chat.PressPayloadAsync($"events:join:{gym.Id}");
        await chat.AsAsync("chat-bogdan", null, $"events:join:{gym.Id}");

        await chat.UseAsync<EventDesk, CommunityEvent?>(d => d.CancelAsync(gym.Id, default));

        var nudges = await chat.EventNudgesAsync();
        Assert.All(nudges.Where(m => m.Kind != OutboxKind.EventUpdate), m => Assert.Equal(OutboxReasons.EventCancelled, m.StatusReason));
        var notices = nudges.Where(m => m.Kind == OutboxKind.EventUpdate).ToList();
        Assert.Equal(2, notices.Count); // the one going and the one waiting
        Assert.All(notices, m => Assert.Equal("Przykro nam: wydarzenie „Gimnastyka dla seniorów” (piątek, 27 listopada, 17:00) zostało odwołane.", m.Text()));

        await chat.PressPayloadAsync($"events:show:{gym.Id}");
        Assert.Contains("To wydarzenie zostało odwołane.", chat.Text);
        Assert.DoesNotContain("Zapisuję się", chat.Text);
    }

    [Fact]
    public async Task A_new_event_is_announced_only_to_residents_who_chose_its_category()
    {
        await using var chat = await ConsentedAsync();
        await chat.ConsentAsAsync("chat-bogdan");
        await chat.PressPayloadAsync("events:alerts");
        Assert.Contains("Wybrane: brak.", chat.Text);
        await chat.PressAsync("Dla seniorów");
        Assert.Contains("Wybrane: Dla seniorów.", chat.Text);
        Assert.NotNull(chat.ButtonPayload("✅ Dla seniorów"));

        var gym = await chat.CreateAsync("Gimnastyka dla seniorów", At(27, 17));
        await chat.CreateAsync("Planszówki", At(28, 11), category: EventCategory.Kids);

        var announcement = Assert.Single(await chat.EventNudgesAsync());
        Assert.Equal(OutboxKind.Announcement, announcement.Kind);
        Assert.Equal(gym.StartUtc, announcement.ExpiresUtc);
        Assert.StartsWith("Nowe wydarzenie w kategorii „Dla seniorów”:\n\n„Gimnastyka dla seniorów”\n📅 piątek, 27 listopada, 17:00", announcement.Text());

        await chat.PressAsync("✅ Dla seniorów");
        Assert.Contains("Wybrane: brak.", chat.Text);
    }

    [Fact]
    public async Task How_was_it_takes_a_rating_then_an_optional_word_and_only_after_the_event()
    {
        await using var chat = await ConsentedAsync();
        var gym = await chat.CreateAsync("Gimnastyka dla seniorów", At(27, 17));
        await chat.PressPayloadAsync($"events:join:{gym.Id}");

        await chat.PressPayloadAsync($"events:rate:{gym.Id}:5");
        Assert.Contains("Ocenić wydarzenie można, gdy się skończy.", chat.Text);

        chat.Time.SetUtcNow(At(28, 10));
        await chat.PressPayloadAsync($"events:rate:{gym.Id}:4");
        Assert.StartsWith("Dziękujemy za ocenę! Chcesz dodać kilka słów?", chat.Text);
        await chat.SendAsync("Było super, więcej takich!");
        Assert.StartsWith("Dziękujemy! Przekażę to zespołowi MAM.", chat.Text);

        var feedback = await chat.QueryAsync(db => db.EventFeedback.SingleAsync());
        Assert.Equal((4, "Było super, więcej takich!"), (feedback.Rating, feedback.Comment));

        await chat.PressPayloadAsync($"events:rate:{gym.Id}:0");
        Assert.StartsWith("Szkoda! Do zobaczenia następnym razem.", chat.Text);
        feedback = await chat.QueryAsync(db => db.EventFeedback.SingleAsync());
        Assert.True(feedback.Missed);
    }

    [Fact]
    public async Task Only_those_who_had_a_place_rate_an_event()
    {
        await using var chat = await ConsentedAsync();
        var gym = await chat.CreateAsync("Gimnastyka dla seniorów", At(25, 12));
        await chat.ConsentAsAsync("chat-bogdan");
        await chat.AsAsync("chat-bogdan", null, $"events:join:{gym.Id}");
        await chat.AsAsync("chat-bogdan", null, $"events:leave:{gym.Id}");
        chat.Time.SetUtcNow(At(26, 10));

        await chat.PressPayloadAsync($"events:rate:{gym.Id}:1"); // Anna never signed up
        Assert.StartsWith("Oceniać mogą tylko osoby, które były zapisane na to wydarzenie.", chat.Text);
        await chat.AsAsync("chat-bogdan", null, $"events:rate:{gym.Id}:1"); // Bogdan gave his place up
        Assert.StartsWith("Oceniać mogą tylko osoby, które były zapisane na to wydarzenie.", chat.Text);
        Assert.Equal(0, await chat.QueryAsync(db => db.EventFeedback.CountAsync()));
    }

    [Fact]
    public async Task The_word_after_a_rating_can_be_skipped()
    {
        await using var chat = await ConsentedAsync();
        var gym = await chat.CreateAsync("Kawa sąsiedzka", At(25, 12), category: EventCategory.Neighbours);
        await chat.PressPayloadAsync($"events:join:{gym.Id}");
        chat.Time.SetUtcNow(At(26, 10));

        await chat.PressPayloadAsync($"events:rate:{gym.Id}:5");
        await chat.PressAsync("Pomiń");

        Assert.StartsWith("Dziękujemy! Przekażę to zespołowi MAM.", chat.Text);
        Assert.Null((await chat.QueryAsync(db => db.EventFeedback.SingleAsync())).Comment);
    }

    [Theory]
    [InlineData("zapisz mnie na gimnastyke", "„Gimnastyka dla seniorów”\n📅")]
    [InlineData("co jest dla dzieci?", "Wydarzenia „Dla dzieci” w najbliższych 4 tygodniach:")]
    [InlineData("jakie wydarzenia w przyszlym tygodniu", "Wydarzenia w przyszłym tygodniu:")]
    [InlineData("co sie dzieje w tym tygodniu", "Wydarzenia w tym tygodniu:")]
    [InlineData("co w tym tygodniu?", "Wydarzenia w tym tygodniu:\n\n1. piątek, 27 listopada, 10:30 – Gimnastyka dla seniorów")]
    [InlineData("co w przyszłym tygodniu?", "Wydarzenia w przyszłym tygodniu:\n\n1. sobota, 5 grudnia, 11:00 – Planszówki")]
    [InlineData("co bedzie w piatek", "Wydarzenia w piątek (27 listopada):\n\n1. piątek, 27 listopada, 10:30 – Gimnastyka dla seniorów")]
    [InlineData("a co jest jutro?", "Wydarzeń jutro na razie nie ma.")]
    [InlineData("co w sobote 5 grudnia", "Wydarzenia w sobotę (5 grudnia):\n\n1. sobota, 5 grudnia, 11:00 – Planszówki")]
    public async Task Typed_questions_find_the_event_the_category_or_the_week(string typed, string expected)
    {
        await using var chat = await TestChat.StartAsync();
        await chat.CreateAsync("Gimnastyka dla seniorów", At(27, 10, 30));
        await chat.CreateAsync("Planszówki", At(5, 11, month: 12), category: EventCategory.Kids);

        await chat.SendAsync(typed);

        Assert.Contains(expected, chat.Text);
    }

    [Fact]
    public async Task Erasing_my_data_gives_my_place_to_the_waiting_list()
    {
        await using var chat = await ConsentedAsync();
        await chat.ConsentAsAsync("chat-bogdan");
        var gym = await chat.CreateAsync("Gimnastyka dla seniorów", At(27, 17), capacity: 1);
        await chat.PressPayloadAsync($"events:join:{gym.Id}");
        await chat.AsAsync("chat-bogdan", null, $"events:join:{gym.Id}");

        await chat.PressPayloadAsync("settings:erase");
        await chat.PressAsync("Tak, usuń wszystko");

        var signups = await chat.QueryAsync(db => db.EventSignups.OrderBy(s => s.Id).ToListAsync());
        Assert.Equal([(null, SignupStatus.Withdrawn), (signups[1].ResidentId, SignupStatus.Going)], signups.Select(s => (s.ResidentId, s.Status)));
        Assert.NotNull(signups[1].ResidentId);
        Assert.Contains(await chat.EventNudgesAsync(), m => m.Kind == OutboxKind.EventUpdate && m.Text().StartsWith("Dobra wiadomość!", StringComparison.Ordinal));
    }

    [Fact]
    public async Task My_data_shows_and_exports_my_sign_ups_answers_and_categories()
    {
        await using var chat = await ConsentedAsync();
        var gym = await chat.CreateAsync("Gimnastyka dla seniorów", At(27, 17));
        await chat.PressPayloadAsync($"events:join:{gym.Id}");
        await chat.PressPayloadAsync("events:sub:Kids");

        await chat.PressPayloadAsync("settings:export");

        Assert.Contains("• Zapisy na wydarzenia: 1; odpowiedzi „Jak było?”: 0; wybrane kategorie wydarzeń: Dla dzieci", chat.Text);
        var readable = System.Text.Encoding.UTF8.GetString(chat.Last.Single().File!.Content);
        Assert.Contains("• „Gimnastyka dla seniorów”, piątek, 27 listopada, 17:00 – masz miejsce", readable);
        Assert.Contains("Zapowiedzi wydarzeń z kategorii:\n• Dla dzieci", readable);
        await chat.PressPayloadAsync("settings:export:file");
        var json = System.Text.Encoding.UTF8.GetString(chat.Last.Single().File!.Content);
        Assert.Contains("\"Event\": \"Gimnastyka dla seniorów\"", json);
        Assert.Contains("\"Kids\"", json);
    }

    [Fact]
    public async Task The_calendar_file_has_the_event_in_Krakow_time()
    {
        await using var chat = await TestChat.StartAsync();
        var gym = await chat.CreateAsync("Gimnastyka dla seniorów", At(27, 17));

        await chat.PressPayloadAsync($"events:ics:{gym.Id}");

        var file = chat.Last.Single().File!;
        var ics = System.Text.Encoding.UTF8.GetString(file.Content);
        Assert.Equal("text/calendar", file.ContentType);
        Assert.Contains("DTSTART;TZID=Europe/Warsaw:20261127T170000", ics);
        Assert.Contains("SUMMARY:Gimnastyka dla seniorów", ics);
    }
}
