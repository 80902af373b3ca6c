using MamBot.Data.Residents;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Telegram;

/// <summary>A resident whose Telegram is in Ukrainian, against the emulator with the real Telegram.Bot client.</summary>
public sealed class TelegramLanguageTests : IAsyncLifetime
{
    private const long Olena = 5301;
    private readonly HostTestBed _bed = new();
    private TelegramEmulator _telegram = null!;
    private MamApp _app = null!;

    public async Task InitializeAsync()
    {
        _telegram = await TelegramEmulator.StartAsync();
        _app = _bed.Start(_telegram.PollingSettings());
        _ = _app.Services;
    }

    public async Task DisposeAsync()
    {
        _bed.Dispose();
        await _telegram.DisposeAsync();
    }

    /// <summary>Types a message after reading the last answer, and returns the newest answer to it.</summary>
    private async Task<BotMessage> SayAsAsync(long chat, string name, string language, string text)
    {
        _bed.Time.Advance(TimeSpan.FromSeconds(15)); // a person reads each answer first
        await _telegram.SendTextAsync(chat, text, firstName: name, language: language);
        return (await _telegram.ReceiveAsync(chat))[^1];
    }

    private Task PressAsync(BotMessage under, string title) => _telegram.PressAsync(Olena, under, under.Button(title), language: "uk");

    [Fact]
    public async Task Olena_chooses_ukrainian_agrees_and_signs_up_for_an_event_all_in_ukrainian()
    {
        await _telegram.SendTextAsync(Olena, "/start", firstName: "Olena", language: "uk");
        // Her Telegram is in Ukrainian: the first screen is Ukrainian, Polish and English a tap away.
        var ukrainian = await _telegram.ReceiveAsync(Olena, count: 2);
        Assert.Contains("Я компʼютерна програма, а не людина.", ukrainian[0].Text);
        Assert.StartsWith("Перш ніж почнемо, коротко про дані:", ukrainian[1].Text);
        Assert.Equal("lang:pl", ukrainian[1].Button("Polski"));

        await PressAsync(ukrainian[1], "Погоджуюся");
        var menu = Assert.Single(await _telegram.ReceiveAsync(Olena));
        Assert.StartsWith("Дякую! Згоду збережено. Що бажаєте зробити?", menu.Text);
        Assert.Equal(Languages.Ukrainian, await _app.QueryAsync(db => db.Residents.Select(r => r.Language).SingleAsync()));

        await PressAsync(menu, "Заходи");
        var events = Assert.Single(await _telegram.ReceiveAsync(Olena));
        Assert.StartsWith("Заходи в MAM — для всіх сусідів і безкоштовні.", events.Text);
        await PressAsync(events, "Цей тиждень");
        var list = Assert.Single(await _telegram.ReceiveAsync(Olena));
        Assert.StartsWith("Заходи цього тижня:", list.Text);
        var coffee = list.Buttons.SelectMany(r => r).First(b => b.Text.Contains("Сусідська кава", StringComparison.Ordinal));
        await _telegram.PressAsync(Olena, list, coffee.Data, language: "uk");
        var details = Assert.Single(await _telegram.ReceiveAsync(Olena));
        Assert.Contains("📅 четвер, 26 листопада, 17:00–19:00", details.Text);

        await PressAsync(details, "Записуюся");
        var signedUp = await _telegram.ReceiveAsync(Olena);
        Assert.StartsWith("Готово, у вас є місце: «Сусідська кава», четвер, 26 листопада, 17:00.", signedUp[0].Text);
    }

    [Fact]
    public async Task Ivan_with_a_russian_telegram_is_answered_in_ukrainian_agrees_in_words_and_signs_up_in_russian()
    {
        const long Ivan = 5302;
        Task<BotMessage> SayAsync(string text) => SayAsAsync(Ivan, "Ivan", "ru", text);

        await _telegram.SendTextAsync(Ivan, "/start", firstName: "Ivan", language: "ru");
        var welcome = await _telegram.ReceiveAsync(Ivan, count: 2);
        Assert.Contains("Я компʼютерна програма, а не людина.", welcome[0].Text); // Ukrainian, which the team writes
        Assert.Contains(welcome[1].Buttons.SelectMany(r => r), b => b.Data == "lang:pl");

        await SayAsync("согласен");
        Assert.Equal(Languages.Ukrainian, await _app.QueryAsync(db => db.Residents.Select(r => r.Language).SingleAsync()));

        var list = await SayAsync("что будет на этой неделе?");
        Assert.StartsWith("Заходи цього тижня:", list.Text);
        var coffee = list.Buttons.SelectMany(r => r).First(b => b.Text.Contains("Сусідська кава", StringComparison.Ordinal));
        _bed.Time.Advance(TimeSpan.FromSeconds(15));
        await _telegram.PressAsync(Ivan, list, coffee.Data, language: "ru");
        await _telegram.ReceiveAsync(Ivan);

        await SayAsync("да, запишите меня");
        Assert.Equal(1, await _app.QueryAsync(db => db.EventSignups.CountAsync()));
    }

    [Fact]
    public async Task Olena_types_in_ukrainian_and_books_a_room_without_pressing_a_button()
    {
        Task<BotMessage> SayAsync(string text) => SayAsAsync(Olena, "Olena", "uk", text);

        await _telegram.SendTextAsync(Olena, "/start", firstName: "Olena", language: "uk");
        await _telegram.ReceiveAsync(Olena, count: 2);
        _bed.Time.Advance(TimeSpan.FromSeconds(15));
        await _telegram.SendTextAsync(Olena, "українською", firstName: "Olena", language: "uk");
        var notice = (await _telegram.ReceiveAsync(Olena, count: 3))[2];
        Assert.StartsWith("Перш ніж почнемо, коротко про дані:", notice.Text);
        await PressAsync(notice, "Погоджуюся"); // consent is a button, never a guess at typed words
        Assert.StartsWith("Дякую! Згоду збережено.", (await _telegram.ReceiveAsync(Olena))[0].Text);

        var name = await SayAsync("хочу забронювати малу залу завтра з 10 до 12 для 4 осіб");
        Assert.StartsWith("Як вас звати?", name.Text);
        var purpose = await SayAsync("Олена 600 100 200");
        Assert.StartsWith("Правила користування MAM:", purpose.Text); // the house rules come with the last question
        Assert.Contains("З якою метою?", purpose.Text);
        var sent = await SayAsync("репетиція хору"); // the last answer sends the request: nothing more to confirm
        Assert.StartsWith("Готово! Заброньовано: четвер, 26 листопада, 10:00–12:00, Мала зала.", sent.Text);
        var booking = await _app.QueryAsync(db => db.Bookings.SingleAsync());
        Assert.Equal(("Олена", "600 100 200", 4), (booking.ContactName, booking.Phone, booking.People));
    }

    [Fact]
    public async Task James_with_an_english_telegram_chooses_english_and_signs_up_for_an_event_in_words()
    {
        const long James = 5302;
        Task<BotMessage> SayAsync(string text) => SayAsAsync(James, "James", "en", text);

        await _telegram.SendTextAsync(James, "/start", firstName: "James", language: "en-GB");
        var english = await _telegram.ReceiveAsync(James, count: 2);
        Assert.Contains("I'm a computer program, not a person.", english[0].Text);
        await _telegram.PressAsync(James, english[1], english[1].Button("I agree"), language: "en");
        Assert.StartsWith("Thank you! Your consent is saved.", (await _telegram.ReceiveAsync(James))[0].Text);

        var list = await SayAsync("what's on this week?");
        Assert.StartsWith("Events this week:", list.Text);
        var coffee = list.Buttons.SelectMany(r => r).First(b => b.Text.Contains("Neighbours' coffee", StringComparison.Ordinal));
        await _telegram.PressAsync(James, list, coffee.Data, language: "en");
        Assert.Contains("📅 Thursday 26 November, 17:00–19:00", (await _telegram.ReceiveAsync(James))[0].Text);
        Assert.StartsWith("Done! You have a place at “Neighbours' coffee”, Thursday 26 November, 17:00.", (await SayAsync("count me in")).Text);
    }
}
