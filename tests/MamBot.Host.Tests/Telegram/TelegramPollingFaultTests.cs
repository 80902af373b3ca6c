using System.Net;
using MamBot.Data.Conversations;
using MamBot.Host.Tests.Turns;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Telegram;

/// <summary>Polling against the emulator when a turn fails or the storage cannot write: the loop never dies.</summary>
public sealed class TelegramPollingFaultTests : IAsyncLifetime
{
    private readonly HostTestBed _bed = new();
    private readonly DiskFull _disk = new();
    private TelegramEmulator _telegram = null!;
    private MamApp _app = null!;

    public async Task InitializeAsync()
    {
        _telegram = await TelegramEmulator.StartAsync();
        _app = _bed.Start(_telegram.PollingSettings(), _disk.AddTo);
        _ = _app.Services;
    }

    public async Task DisposeAsync()
    {
        _bed.Dispose();
        await _telegram.DisposeAsync();
    }

    [Fact]
    public async Task A_chat_whose_turn_fails_hears_an_apology_and_the_other_chats_are_answered()
    {
        await _app.QueryAsync(async db =>
        {
            db.ConversationStates.Add(new ConversationState { Channel = "telegram", ChatId = "5002", StateJson = "{broken", UpdatedUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        await _telegram.SendTextAsync(5002, "menu", firstName: "Jan");
        await _telegram.SendTextAsync(5001, "/pomoc");

        Assert.Contains("Jak ze mną rozmawiać", (await _telegram.ReceiveAsync(5001))[0].Text);
        Assert.StartsWith("Przepraszam, coś poszło nie tak po mojej stronie.", (await _telegram.ReceiveAsync(5002))[0].Text);
        await _telegram.SendTextAsync(5002, "/pomoc", firstName: "Jan");
        await _telegram.WaitForAsync(async () => (await _telegram.BotHistoryAsync()).Count(m => m.Text.Contains("Jak ze mną rozmawiać")) == 2,
            "the help in the recovered chat");
    }

    [Fact]
    public async Task With_the_disk_full_polling_goes_on_and_the_message_is_answered_once_writes_work_again()
    {
        await _telegram.WaitForAsync(() => _telegram.Calls.Contains("getUpdates"), "polling to start");
        _disk.IsFull = true;
        await _telegram.SendTextAsync(5003, "/pomoc", firstName: "Ewa");
        // The turn is tried again and again while it cannot be stored; the host stays up.
        await _telegram.WaitForAsync(() => _disk.Refused >= 2, "the turn to be tried twice");
        using var http = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/healthz")).StatusCode);

        _disk.IsFull = false;
        var answer = await _telegram.ReceiveAsync(5003, timeout: TimeSpan.FromSeconds(40));
        Assert.Contains("Jak ze mną rozmawiać", answer[0].Text);
        Assert.Equal(1, await _app.QueryAsync(db => db.ProcessedUpdates.CountAsync()));
    }
}
