using MamBot.Data.Bookings;
using MamBot.Data.Ideas;
using MamBot.Dialogs.Bookings;
using MamBot.Dialogs.Ideas;
using MamBot.Host.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Telegram;

/// <summary>
/// The team's Telegram group as the staff chat (emulator, real Telegram.Bot client): pending bookings and new ideas
/// arrive with buttons, pressing them decides and the resident is told; the same payload from anywhere else changes nothing.
/// </summary>
public sealed class TelegramStaffChatTests : IAsyncLifetime
{
    private const long StaffGroup = -100777888;
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly HostTestBed _bed = new();
    private TelegramEmulator _telegram = null!;
    private MamApp _app = null!;

    public async Task InitializeAsync()
    {
        _telegram = await TelegramEmulator.StartAsync();
        _app = _bed.Start(_telegram.PollingSettings());
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Centres.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.StaffChannel, "telegram").SetProperty(c => c.StaffChatId, StaffGroup.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public async Task DisposeAsync()
    {
        _bed.Dispose();
        await _telegram.DisposeAsync();
    }

    private async Task<(PageChat Chat, Guid Id)> ResidentAsync()
    {
        var chat = new PageChat(_app.CreateClient(), "browser-resident-71f3e186d85430e");
        await chat.PressAsync("consent:yes");
        return (chat, await _app.QueryAsync(db => db.Residents.Select(r => r.Id).SingleAsync()));
    }

    private async Task ArrivedAsync(PageChat chat, string text)
    {
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        Assert.Contains(PageChat.Replies(await chat.MessagesAfterAsync(0)), r => r.GetProperty("text").GetString()!.Contains(text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approving_in_the_staff_group_tells_the_resident_and_a_second_press_says_it_is_decided()
    {
        var (resident, residentId) = await ResidentAsync();
        DateTime Friday(int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 27, hour, 0, 0), Krakow);
        var big = await _app.QueryAsync(db => db.Rooms.Where(r => r.Name == "Sala duża").Select(r => r.Id).SingleAsync());
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<BookingDesk>().RequestAsync(new NewBooking(big, residentId, Friday(17), Friday(19), 12, "próba chóru", "Anna", null), default);

        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        var pending = Assert.Single(await _telegram.ReceiveAsync(StaffGroup));
        Assert.StartsWith("Nowa rezerwacja czeka na decyzję: piątek, 27 listopada, 17:00–19:00, Sala duża. Anna, 12 osób.", pending.Text);
        var approve = pending.Button("✅ Zatwierdź");

        await resident.PressAsync(approve); // the payload from a resident's chat changes nothing
        Assert.Equal("Ten przycisk działa tylko w czacie zespołu MAM.", resident.Text);
        Assert.Equal(BookingStatus.Pending, await _app.QueryAsync(db => db.Bookings.Select(b => b.Status).SingleAsync()));

        await _telegram.PressAsync(StaffGroup, pending, approve, chatType: "supergroup");
        Assert.Equal("✅ Zatwierdzono: piątek, 27 listopada, 17:00–19:00, Sala duża. Mieszkaniec dostanie wiadomość.",
            Assert.Single(await _telegram.ReceiveAsync(StaffGroup)).Text);
        await ArrivedAsync(resident, "Twoja rezerwacja jest potwierdzona: piątek, 27 listopada, 17:00–19:00, Sala duża.");

        await _telegram.PressAsync(StaffGroup, pending, pending.Button("❌ Odrzuć"), chatType: "supergroup");
        Assert.StartsWith("Ktoś z zespołu już zdecydował", Assert.Single(await _telegram.ReceiveAsync(StaffGroup)).Text, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Confirmed, await _app.QueryAsync(db => db.Bookings.Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task Publishing_a_new_idea_from_the_staff_group_tells_its_author()
    {
        var (resident, residentId) = await ResidentAsync();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var centre = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Centres.Select(c => c.Id).FirstAsync();
            await scope.ServiceProvider.GetRequiredService<IdeaDesk>().SubmitAsync(new NewIdea(centre, residentId, "Klub szachowy", "Gramy co tydzień.",
                "dla wszystkich", "szachownice", "uczę grać", null), default);
        }

        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        var idea = Assert.Single(await _telegram.ReceiveAsync(StaffGroup));
        Assert.Equal("💡 Nowy pomysł do przejrzenia: „Klub szachowy”.", idea.Text);
        await _telegram.PressAsync(StaffGroup, idea, idea.Button("✅ Opublikuj"), chatType: "supergroup");

        Assert.Equal("✅ Opublikowano pomysł „Klub szachowy”. Autor dostanie wiadomość.", Assert.Single(await _telegram.ReceiveAsync(StaffGroup)).Text);
        Assert.Equal(IdeaStatus.Published, await _app.QueryAsync(db => db.Ideas.Select(i => i.Status).SingleAsync()));
        await ArrivedAsync(resident, "Wieści o Twoim pomyśle „Klub szachowy”: jest już widoczny dla sąsiadów.");
    }
}
