using System.Net.Http.Headers;
using System.Net.Http.Json;
using MamBot.Data.Residents;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.WebChat;

/// <summary>A resident whose browser asks for English, through the real web chat endpoint.</summary>
public sealed class WebChatLanguageTests : IDisposable
{
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;

    public WebChatLanguageTests() => _app = _bed.Start();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task A_browser_in_english_is_offered_english_and_the_resident_books_a_room_in_it()
    {
        var http = _app.CreateClient();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9,pl;q=0.5");
        var chat = new PageChat(http, "browser-james-5b1c0e7d2a9f4e3b8c6d");
        // A person reads each answer before the next message: the flood guard stays out of it.
        Task Say(string text) { _bed.Time.Advance(TimeSpan.FromSeconds(15)); return chat.SendAsync(text); }
        Task Press(string title) { _bed.Time.Advance(TimeSpan.FromSeconds(15)); return chat.PressTitleAsync(title); }

        await Say("hello");
        Assert.StartsWith("Hello! 👋 I'm MamBot, the automated assistant of MAM Na Kozłówce.", chat.Text); // English from the start
        await Press("I agree");
        Assert.StartsWith("Thank you! Your consent is saved. What would you like to do?", chat.Text);

        await Press("Book a room");
        Assert.Equal("What would you like to book?", chat.Text);
        await Press("Small room (max 10)");
        Assert.StartsWith("For which day?", chat.Text);
        await Press("tomorrow 26.11");
        Assert.StartsWith("What time would you like to start? Free times – Thursday 26 November:", chat.Text);
        await Press("10:00");
        await Press("1 h");
        Assert.StartsWith("How many people will come? (There's room for up to 10 people.)", chat.Text);
        await Say("6");
        Assert.StartsWith("What's your name?", chat.Text);
        Assert.Contains("add your phone number", chat.Text); // the phone, optional, typed after the name
        await Say("James Smith");
        Assert.StartsWith("Rules for using MAM:", chat.Text); // the house rules come with the last question
        Assert.Contains("What is it for?", chat.Text);
        await Press("Skip"); // the small room needs no purpose; the last answer sends the request

        Assert.StartsWith("Done! Booked: Thursday 26 November, 10:00–11:00, Small room.", chat.Text);
        Assert.Contains("I'll remind you", chat.Text);
        Assert.NotEmpty(chat.Button("Cancel it")); // undo, in English too
        var booking = await _app.QueryAsync(db => db.Bookings.SingleAsync());
        Assert.Equal(("James Smith", 6, ""), (booking.ContactName, booking.People, booking.Purpose));
        Assert.Equal(Languages.English, await _app.QueryAsync(db => db.Residents.Select(r => r.Language).SingleAsync()));
    }

    [Fact]
    public async Task An_english_resident_who_types_books_a_room_with_one_sentence_and_short_answers()
    {
        var http = _app.CreateClient();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        var chat = new PageChat(http, "browser-helen-8d2f0a4c6e1b4d9a9f3e");
        Task Say(string text) { _bed.Time.Advance(TimeSpan.FromSeconds(15)); return chat.SendAsync(text); }

        await Say("hi");
        await Say("in English please");
        _bed.Time.Advance(TimeSpan.FromSeconds(15));
        await chat.PressTitleAsync("I agree"); // consent is a button, never a guess at typed words
        Assert.StartsWith("Thank you! Your consent is saved.", chat.Text);

        await Say("Could I book the small room tomorrow at 10am for 2 hours? We'll be 6.");
        Assert.StartsWith("Got it: Small room, Thursday 26 November, 10:00–12:00, 6 people.", chat.Text);
        Assert.Contains("What's your name?", chat.Text);
        await Say("James Smith");
        Assert.Contains("What is it for?", chat.Text);
        await Say("English conversation club"); // the last answer sends the request: nothing more to confirm
        Assert.StartsWith("Done! Booked: Thursday 26 November, 10:00–12:00, Small room.", chat.Text);
        Assert.Equal(6, await _app.QueryAsync(db => db.Bookings.Select(b => b.People).SingleAsync()));

        await Say("what have I booked?");
        Assert.Contains("Thursday 26 November, 10:00–12:00, Small room", chat.Text);
    }

    [Fact]
    public async Task A_refusal_before_the_turn_speaks_the_language_the_page_remembers()
    {
        var http = _app.CreateClient();
        http.DefaultRequestHeaders.Add("Cookie", "mambot.lang=en");

        var tooLong = await http.PostAsJsonAsync("/api/chat/browser-james-5b1c0e7d2a9f4e3b8c6d", new { text = new string('a', 2001) });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("The message is too long: 2000 characters at most.", (await tooLong.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(0, await _app.QueryAsync(db => db.ConversationStates.CountAsync())); // nothing kept
    }
}
