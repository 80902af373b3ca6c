using MamBot.Data.Bookings;
using MamBot.Data.Residents;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Bookings;

/// <summary>The whole booking flow as the chat page does it, against the sample centre from appsettings.json.</summary>
public class BookingThroughWebChatTests
{
    [Fact]
    public async Task A_resident_books_the_kitchen_in_words_and_buttons_and_gets_a_calendar_file()
    {
        using var bed = new HostTestBed();
        var app = bed.Start();
        var chat = new PageChat(app.CreateClient(), "browser-kitchen-b84df432afa25ac9");
        await chat.PressAsync("consent:yes");

        await chat.SendAsync("chcę zarezerwować kuchnię jutro o 12 na 2 godziny dla 6 osób");
        Assert.StartsWith("Rozumiem: Kuchnia, czwartek 26 listopada, 12:00–14:00, 6 osób.\n---\nJak się nazywasz?", chat.Text);
        await chat.SendAsync("Halina 600 100 200");
        // The last question brings the house rules (they include the room's key note) and may be skipped here.
        Assert.Contains("W jakim celu?", chat.Text);
        Assert.Contains("Klucz odbierasz i oddajesz u osoby dyżurnej.", chat.Text);
        Assert.NotEmpty(chat.Button("Pomiń"));
        await chat.SendAsync("wspólne gotowanie pierogów"); // answering it sends the request: no summary to confirm

        Assert.StartsWith("Gotowe! Zarezerwowane: czwartek, 26 listopada, 12:00–14:00, Kuchnia.", chat.Text);
        Assert.Contains("Klucz odbierzesz u osoby dyżurnej", chat.Text);
        var booking = await app.QueryAsync(db => db.Bookings.SingleAsync());
        Assert.Equal((BookingStatus.Confirmed, "Halina", "600 100 200", 6, "wspólne gotowanie pierogów"),
            (booking.Status, booking.ContactName, booking.Phone, booking.People, booking.Purpose));
        Assert.True(await app.QueryAsync(db => db.Residents.SelectMany(r => r.Consents) // sending accepted the rules shown
            .AnyAsync(c => c.Purpose == ConsentPurpose.HouseRules && c.Granted)));

        await chat.PressTitleAsync("Dodaj do kalendarza");
        var file = PageChat.Replies(chat.Last).Single().GetProperty("file");
        using var http = app.CreateClient();
        var ics = await http.GetAsync(file.GetProperty("url").GetString());
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        Assert.Contains("DTSTART;TZID=Europe/Warsaw:20261126T120000", await ics.Content.ReadAsStringAsync());
    }
}
