using MamBot.Data.Events;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Texts;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Tests.Events;

/// <summary>
/// The team's Ukrainian and English versions of event titles, organisers, room names and the key note: a resident
/// reads the version in their language wherever the name appears, the Polish one when the team wrote none, and
/// finds an event by any of its versions. Now is Wednesday 25 November 2026, 10:00 in Kraków.
/// </summary>
public class TeamNameVersionsTests
{
    private static readonly EventNames Pottery =
        new("Гончарна майстерня", "Pottery workshop", "Команда MAM", "The MAM team");

    private static async Task<TestChat> SpeakingAsync(string language)
    {
        var chat = await EventsFixture.ConsentedAsync();
        if (language != "pl") await chat.PressPayloadAsync($"lang:{language}");
        return chat;
    }

    [Fact]
    public async Task A_ukrainian_resident_sees_the_ukrainian_title_on_the_card_and_in_the_sign_up()
    {
        await using var chat = await SpeakingAsync("uk");
        var pottery = await chat.CreateAsync("Warsztaty ceramiki", EventsFixture.At(27, 17), capacity: 10,
            category: EventCategory.Workshops, names: Pottery);

        await chat.PressPayloadAsync($"events:show:{pottery.Id}");
        Assert.Contains("Гончарна майстерня", chat.Text);
        Assert.Contains("Команда MAM", chat.Text);
        Assert.DoesNotContain("Warsztaty ceramiki", chat.Text);

        await chat.PressPayloadAsync($"events:join:{pottery.Id}");
        Assert.Contains("«Гончарна майстерня»", chat.Text);
        var reminder = (await chat.EventNudgesAsync()).First(m => m.Kind == OutboxKind.Reminder);
        Assert.Contains("Гончарна майстерня", await chat.ComposedTextAsync(reminder)); // composed when it goes
    }

    [Theory]
    [InlineData("pl", "Warsztaty ceramiki")]
    [InlineData("uk", "Warsztaty ceramiki")]
    [InlineData("en", "Warsztaty ceramiki")]
    public async Task Without_the_teams_version_the_polish_title_is_shown(string language, string title)
    {
        await using var chat = await SpeakingAsync(language);
        var pottery = await chat.CreateAsync(title, EventsFixture.At(27, 17), category: EventCategory.Workshops,
            names: new(TitleUk: " "));
        await chat.PressPayloadAsync($"events:show:{pottery.Id}");
        Assert.Contains(title, chat.Text);
    }

    [Theory]
    [InlineData("en", "sign me up for pottery")]
    [InlineData("uk", "запишіть мене на гончарну майстерню")]
    [InlineData("pl", "zapisz mnie na ceramikę")]
    public async Task An_event_is_found_by_any_of_its_versions(string language, string text)
    {
        await using var chat = await SpeakingAsync(language);
        await chat.CreateAsync("Gimnastyka dla seniorów", EventsFixture.At(27, 10));
        var pottery = await chat.CreateAsync("Warsztaty ceramiki", EventsFixture.At(27, 17), category: EventCategory.Workshops,
            names: Pottery);

        await chat.SendAsync(text);

        // She asked to be signed up: for that event, with the way to withdraw at hand.
        Assert.Equal(1, await chat.QueryAsync(db => db.EventSignups.CountAsync(s => s.EventId == pottery.Id)));
        Assert.Contains($"events:leave:{pottery.Id}", chat.Last.SelectMany(r => r.Buttons).SelectMany(b => b).Select(b => b.Payload));
    }

    [Fact]
    public async Task An_english_resident_sees_the_english_room_name_and_key_note_in_the_booking()
    {
        await using var chat = await SpeakingAsync("en");
        await chat.QueryAsync(async db =>
        {
            await db.Rooms.Where(r => r.Name == "Sala mała").ExecuteUpdateAsync(s => s.SetProperty(r => r.NameEn, "Small room"));
            return await db.Centres.ExecuteUpdateAsync(s => s.SetProperty(c => c.KeyPickup, "Klucz u dyżurnej.")
                .SetProperty(c => c.KeyPickupEn, "The key is with the person on duty."));
        });

        await chat.SendAsync("I want to book the small room on Friday from 17 to 19 for 4 people");
        Assert.Contains("Small room", chat.Text); // the echo of what is understood
        Assert.DoesNotContain("Sala mała", chat.Text);
        await chat.SendAsync("James");
        await chat.SendAsync("choir rehearsal");
        Assert.Equal(1, await chat.QueryAsync(db => db.Bookings.CountAsync()));
        Assert.Contains("Small room", chat.Text);
        Assert.DoesNotContain("Sala mała", chat.Text);
        Assert.Contains("The key is with the person on duty.", chat.Text);
        var reminder = (await chat.NudgesAsync()).First(m => m.Kind == OutboxKind.Reminder);
        Assert.Contains("Small room", await chat.ComposedTextAsync(reminder));
    }

    [Fact]
    public async Task A_polish_resident_still_reads_the_polish_room_name()
    {
        await using var chat = await SpeakingAsync("pl");
        await chat.QueryAsync(db => db.Rooms.Where(r => r.Name == "Sala mała")
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.NameEn, "Small room").SetProperty(r => r.NameUk, "Мала зала")));
        await chat.SendAsync("ile osób mieści sala mała?");
        Assert.Contains("Sala mała", chat.Text);
        using (Language.Use("pl")) Assert.DoesNotContain("Small room", chat.Text);
    }
}
