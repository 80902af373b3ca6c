using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MamBot.Data.Centres;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using MamBot.Host.Outbox;
using MamBot.Host.Tests.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Outbox;

/// <summary>
/// The way out of the outbox as residents notice it: their replies come at once whatever else the bot is
/// sending, a flooding chat waits alone, a chat's messages keep their order. Telegram in webhook mode against a
/// loopback Bot API stand-in that records when each message arrives.
/// </summary>
public sealed class DeliveryLanesTests : IAsyncLifetime
{
    private const string Secret = "lanes_secret";
    private readonly HostTestBed _bed = new();
    private BotApiStub _stub = null!;
    private int _nextUpdateId = 1000;

    public async Task InitializeAsync() => _stub = await BotApiStub.StartAsync();

    public async Task DisposeAsync()
    {
        _bed.Dispose();
        await _stub.DisposeAsync();
    }

    private MamApp Start(params (string Key, string Value)[] extra) => Start(null, extra);

    private MamApp Start(Action<IServiceCollection>? services, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = TelegramEmulator.Token,
            ["Telegram:ApiBaseUrl"] = _stub.Url,
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookUrl"] = "https://mam.example.org/webhooks/telegram",
            ["Telegram:WebhookSecret"] = Secret,
            ["Nudges:QuietFrom"] = "00:00", // no quiet hours: these tests are about the channel, not the clock
            ["Nudges:QuietUntil"] = "00:00",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return _bed.Start(settings, services);
    }

    /// <summary>A resident writes: the update goes to the webhook; returns when it was posted on the stub's clock.</summary>
    private async Task<TimeSpan> WriteAsync(HttpClient http, long chatId, string text)
    {
        var update = JsonSerializer.Serialize(new
        {
            update_id = Interlocked.Increment(ref _nextUpdateId),
            message = new
            {
                message_id = _nextUpdateId, date = 1795589215, text,
                chat = new { id = chatId, type = "private", first_name = "Ola" },
                from = new { id = chatId, is_bot = false, first_name = "Ola" },
            },
        });
        var posted = _stub.Now;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram") { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
        return posted;
    }

    private static async Task<IReadOnlyList<OutboxMessage>> OutboxOfAsync(MamApp app, long chatId) =>
        await app.QueryAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.ChatId == chatId.ToString(CultureInfo.InvariantCulture)).OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task A_flooding_chat_is_told_once_to_slow_down_and_waits_alone_while_other_residents_are_answered_at_once()
    {
        var app = Start(("Flood:Burst", "4"));
        var http = app.CreateClient();
        const long flooder = 9001;

        for (var i = 0; i < 40; i++) await WriteAsync(http, flooder, "hej " + i);
        var others = new Dictionary<long, TimeSpan>();
        for (long chat = 9101; chat <= 9105; chat++) others[chat] = await WriteAsync(http, chat, "/start");

        foreach (var (chat, posted) in others)
        {
            var first = (await _stub.WaitForSendsAsync(chat, 1))[0];
            Assert.True(first.At - posted < TimeSpan.FromSeconds(1), $"chat {chat} waited {first.At - posted} for its first reply");
        }

        // The flooder: four turns answered, then one polite line, the other 36 messages ignored.
        await Telegram.TelegramUpdates.HandledAsync(app);
        var queued = await OutboxOfAsync(app, flooder);
        Assert.Equal(5, queued.Select(m => m.IdempotencyKey.Split(':')[3]).Distinct().Count());
        Assert.Equal(T.FloodSlowDown, Reply.FromJson(queued[^1].Body).Text);
        var received = await _stub.WaitForSendsAsync(flooder, queued.Count, TimeSpan.FromSeconds(30));
        Assert.Equal(queued.Select(m => Reply.FromJson(m.Body).Text), received.Select(c => c.Text));
        for (var i = 1; i < received.Count; i++)
            Assert.True(received[i].At - received[i - 1].At >= TimeSpan.FromSeconds(0.95), $"message {i} came {received[i].At - received[i - 1].At} after the one before");
    }

    [Fact]
    public async Task Sixty_residents_writing_at_once_each_get_their_replies_once_and_every_reply_is_recorded_as_sent()
    {
        var app = Start();
        var http = app.CreateClient();
        var chats = Enumerable.Range(0, 60).Select(i => 9300L + i).ToList();

        await Task.WhenAll(chats.Select(chat => WriteAsync(http, chat, "/start")));
        await Telegram.TelegramUpdates.HandledAsync(app);

        var expected = new Dictionary<long, IReadOnlyList<OutboxMessage>>();
        foreach (var chat in chats)
        {
            expected[chat] = await OutboxOfAsync(app, chat);
            var received = await _stub.WaitForSendsAsync(chat, expected[chat].Count, TimeSpan.FromSeconds(30));
            Assert.Equal(expected[chat].Select(m => Reply.FromJson(m.Body).Text), received.Select(c => c.Text));
        }
        await Eventually.HoldsAsync(async () => await app.QueryAsync(db => db.OutboxMessages.AllAsync(m => m.Status == OutboxStatus.Sent)),
            "every reply to be recorded as sent");
        Assert.All(chats, chat => Assert.Equal(expected[chat].Count, _stub.Sends(chat).Count));
    }

    [Fact]
    public async Task A_residents_first_reply_overtakes_a_running_broadcast()
    {
        var app = Start(("Telegram:MessagesPerSecond", "10"));
        var http = app.CreateClient();
        const int copies = 60;
        await QueueBroadcastAsync(app, Enumerable.Range(0, copies).Select(i => 20_000L + i).ToList());

        var draining = Task.Run(app.DispatchDueAsync);
        await Eventually.HoldsAsync(() => _stub.Calls.Count(c => c.Method == "sendMessage" && c.ChatId >= 20_000) >= 10, "the broadcast to be under way");
        var posted = await WriteAsync(http, 9200, "/start");

        var first = (await _stub.WaitForSendsAsync(9200, 1))[0];
        var broadcastLeft = copies - _stub.Calls.Count(c => c.Method == "sendMessage" && c.ChatId >= 20_000 && c.At <= first.At);
        Assert.True(first.At - posted < TimeSpan.FromSeconds(1), $"the reply waited {first.At - posted} behind the broadcast");
        Assert.True(broadcastLeft > 10, $"the broadcast was nearly over ({broadcastLeft} left): the test did not overlap");
        await draining;
        await Eventually.HoldsAsync(() => _stub.Calls.Count(c => c.Method == "sendMessage" && c.ChatId >= 20_000) == copies, "the whole broadcast");
    }

    [Fact]
    public async Task A_resident_writing_during_a_broadcast_never_gets_two_messages_within_a_second()
    {
        _stub.EnforceLimits = true;
        var app = Start(("Telegram:MessagesPerSecond", "10"), ("Flood:Burst", "0"));
        var http = app.CreateClient();
        const long writer = 20_020; // the broadcast reaches them about two seconds in
        await QueueBroadcastAsync(app, Enumerable.Range(0, 40).Select(i => 20_000L + i).ToList());

        var draining = Task.Run(app.DispatchDueAsync);
        await Eventually.HoldsAsync(() => _stub.Calls.Count(c => c.Method == "sendMessage") >= 5, "the broadcast to be under way");
        // The copy waits in the resident's lane, the replies in the chat's: both lanes pace the one chat.
        TimeSpan? copyArrived = null;
        for (var i = 0; i < 30 && !(_stub.Now > copyArrived + TimeSpan.FromSeconds(1.5)); i++)
        {
            await WriteAsync(http, writer, "hej " + i);
            copyArrived ??= _stub.Sends(writer).FirstOrDefault(c => c.Text!.Contains("sprzątamy"))?.At;
            await Task.Delay(400);
        }
        await draining;
        await Eventually.HoldsAsync(async () => await app.QueryAsync(db => db.OutboxMessages.AllAsync(
            m => m.Status != OutboxStatus.Queued && m.Status != OutboxStatus.Sending)), "everything to be delivered", TimeSpan.FromSeconds(60));

        var received = _stub.Sends(writer);
        Assert.Single(received, c => c.Text!.Contains("sprzątamy"));
        for (var i = 1; i < received.Count; i++)
            Assert.True(received[i].At - received[i - 1].At >= TimeSpan.FromSeconds(0.95),
                $"message {i} of {received.Count} came {received[i].At - received[i - 1].At} after the one before");
        Assert.Equal(0, _stub.Limited);
    }

    [Fact]
    public async Task A_chats_messages_arrive_in_order_even_when_the_minutely_dispatch_runs_at_the_same_time()
    {
        var app = Start(("Telegram:ChatMessagesPerSecond", "5"));
        var ids = new List<long>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxStore>();
            for (var i = 0; i < 6; i++)
                ids.Add((await outbox.EnqueueAsync(new OutboxMessage
                {
                    IdempotencyKey = $"reply:telegram:7100:u1:{i}", Channel = "telegram", ChatId = "7100", Body = Reply.Plain($"część {i}").ToJson(),
                }, default)).Id);
        }

        var dispatch = Task.Run(app.DispatchDueAsync);
        app.Services.GetRequiredService<DeliveryLanes>().EnqueueReplies("telegram", "7100", ids);
        await dispatch;

        var received = await _stub.WaitForSendsAsync(7100, 6);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"część {i}"), received.Select(c => c.Text));
    }

    [Fact]
    public async Task After_a_crash_a_reply_is_sent_once_more_and_a_broadcast_copy_is_never_repeated_but_shown_as_unknown()
    {
        var before = Start();
        long replyId;
        await using (var scope = before.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxStore>();
            replyId = (await outbox.EnqueueAsync(new OutboxMessage
            {
                IdempotencyKey = "reply:telegram:7201:u9:0", Channel = "telegram", ChatId = "7201", Body = Reply.Plain("Twoja odpowiedź").ToJson(),
            }, default)).Id;
            await outbox.ClaimAsync(replyId, default);
        }
        var copy = (await QueueBroadcastAsync(before, [7202]))[0];
        await using (var scope = before.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OutboxStore>().ClaimAsync(copy, default); // both were being sent…
        before.Dispose(); // …when the host died
        _bed.Time.Advance(TimeSpan.FromSeconds(1));

        var after = Start();
        _ = after.Services;

        var resent = await _stub.WaitForSendsAsync(7201, 1);
        Assert.Equal("Twoja odpowiedź", resent.Single().Text);
        // The stub answers before the lane records the send: wait for the row, not for the HTTP call.
        await Eventually.HoldsAsync(async () => await after.QueryAsync(db =>
            db.OutboxMessages.AnyAsync(m => m.Id == replyId && m.Status == OutboxStatus.Sent)), "the resent reply to be recorded");
        var rows = await after.QueryAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        Assert.Equal((OutboxStatus.Unknown, OutboxReasons.Interrupted), rows.Single(m => m.Id == copy) is var c ? (c.Status, c.StatusReason) : default);
        Assert.Empty(_stub.Sends(7202));

        var staff = await Admin.StaffSession.SignInAsync(after);
        Assert.Contains("nie wiadomo, czy doszły (przerwa w pracy bota w trakcie wysyłki):\n        1", await staff.PageAsync("/admin"));
    }

    [Fact]
    public async Task A_reply_sent_while_the_database_cannot_write_is_recorded_when_it_can_and_not_sent_again_after_a_restart()
    {
        var disk = new Turns.DiskFull();
        var before = Start(disk.AddTo);
        const long chat = 7301;
        // The database goes away the moment the first reply reaches Telegram: its "sent" cannot be written.
        _stub.Arriving = call => disk.IsFull |= call is { Method: "sendMessage", ChatId: chat };
        await WriteAsync(before.CreateClient(), chat, "hej");
        await _stub.WaitForSendsAsync(chat, 1);
        var ledger = before.Services.GetRequiredService<DeliveryLedger>();
        await Eventually.HoldsAsync(() => ledger.Unwritten > 0, "the outcome to be kept in memory");

        _stub.Arriving = null;
        disk.IsFull = false;
        var first = (await OutboxOfAsync(before, chat))[0].Id;
        await Eventually.HoldsAsync(async () => await before.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.Id == first && m.Status == OutboxStatus.Sent)),
            "the kept outcome to be written once the database is back");
        before.Dispose();

        // The next start resolves every claim left "sending" and sends what is queued: the first reply is neither.
        var after = Start();
        await Eventually.HoldsAsync(async () => await after.QueryAsync(db => db.OutboxMessages.AllAsync(m => m.Status == OutboxStatus.Sent)),
            "every reply to be sent");
        var replies = await OutboxOfAsync(after, chat);
        Assert.Equal(replies.Select(m => Reply.FromJson(m.Body).Text), _stub.Sends(chat).Select(c => c.Text));
    }

    private async Task<IReadOnlyList<long>> QueueBroadcastAsync(MamApp app, IReadOnlyList<long> chatIds)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var centre = await scope.ServiceProvider.GetRequiredService<CentreDirectory>().GetDefaultAsync(default);
        var residents = scope.ServiceProvider.GetRequiredService<ResidentService>();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        var ids = new List<long>();
        foreach (var chatId in chatIds)
        {
            var chat = chatId.ToString(CultureInfo.InvariantCulture);
            var (resident, _) = await residents.GrantConsentAsync(centre.Id, "telegram", chat, "Ola", "privacy-2026-11", default);
            ids.Add((await outbox.EnqueueAsync(new OutboxMessage
            {
                IdempotencyKey = "broadcast:1:" + chat, Kind = OutboxKind.Broadcast, ResidentId = resident.Id,
                Body = Reply.Plain("W sobotę sprzątamy skwer – zapraszamy!").ToJson(),
            }, default)).Id);
        }
        return ids;
    }
}
