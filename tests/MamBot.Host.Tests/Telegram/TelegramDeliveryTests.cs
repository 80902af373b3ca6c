using System.Text.Json;
using MamBot.Data.Centres;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Host.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Telegram;

/// <summary>Delivery against a loopback stand-in for the Bot API that answers 429 and 403 like Telegram does.</summary>
public sealed class TelegramDeliveryTests : IAsyncLifetime
{
    private const long Blocked = BotApiStub.Blocked;
    private BotApiStub _stub = null!;

    public async Task InitializeAsync() => _stub = await BotApiStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private MamApp Start(HostTestBed bed, string chatRate = "20") => bed.Start(new Dictionary<string, string?>
    {
        ["Telegram:BotToken"] = TelegramEmulator.Token,
        ["Telegram:ApiBaseUrl"] = _stub.Url,
        ["Telegram:ChatMessagesPerSecond"] = chatRate,
    });

    private static async Task<long> QueueReplyAsync(MamApp app, long chatId, string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<OutboxStore>().EnqueueAsync(new OutboxMessage
        {
            IdempotencyKey = key, Channel = "telegram", ChatId = chatId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Body = Reply.Plain("Dzień dobry!").ToJson(),
        }, default)).Id;
    }

    private static async Task DeliverAsync(MamApp app, params long[] ids)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverAsync(ids, default);
    }

    private IReadOnlyList<BotApiCall> Sends(long chatId) => _stub.Sends(chatId);

    [Fact]
    public async Task A_429_is_waited_out_for_retry_after_and_the_message_goes_once()
    {
        using var bed = new HostTestBed();
        var app = Start(bed);
        _stub.RefuseNext(1);

        var id = await QueueReplyAsync(app, 5001, "r-429");
        await DeliverAsync(app, id);

        var sends = Sends(5001);
        Assert.Equal(2, sends.Count); // refused once, then sent
        Assert.True(sends[1].At - sends[0].At >= TimeSpan.FromSeconds(0.95), $"retried after {sends[1].At - sends[0].At}");
        var message = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == id));
        Assert.Equal(OutboxStatus.Sent, message.Status);
    }

    [Fact]
    public async Task A_403_marks_the_chat_unreachable_and_later_nudges_are_skipped_without_calling_telegram()
    {
        using var bed = new HostTestBed();
        var app = Start(bed);
        Guid residentId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var centre = await scope.ServiceProvider.GetRequiredService<CentreDirectory>().GetDefaultAsync(default);
            (var resident, _) = await scope.ServiceProvider.GetRequiredService<ResidentService>()
                .GrantConsentAsync(centre.Id, "telegram", "666", "Ola", "privacy-2026-11", default);
            residentId = resident.Id;
        }

        await DeliverAsync(app, await QueueReplyAsync(app, Blocked, "r-403"));

        var identity = await app.QueryAsync(db => db.ChannelIdentities.SingleAsync());
        Assert.NotNull(identity.UnreachableSinceUtc);
        Assert.Contains("blocked", identity.UnreachableReason);
        var reply = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.IdempotencyKey == "r-403"));
        Assert.Equal((OutboxStatus.Failed, OutboxReasons.Unreachable), (reply.Status, reply.StatusReason));

        long nudgeId;
        await using (var scope = app.Services.CreateAsyncScope())
            nudgeId = (await scope.ServiceProvider.GetRequiredService<OutboxStore>().EnqueueAsync(new OutboxMessage
            {
                IdempotencyKey = "tip-1", Kind = OutboxKind.FollowUp, ResidentId = residentId, Body = Reply.Plain("Czy wiesz…").ToJson(),
            }, default)).Id;
        await DeliverAsync(app, nudgeId);

        var nudge = await app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == nudgeId));
        Assert.Equal((OutboxStatus.Skipped, OutboxReasons.Unreachable), (nudge.Status, nudge.StatusReason));
        Assert.Single(Sends(Blocked));
    }

    [Fact]
    public async Task One_chat_gets_at_most_one_message_a_second()
    {
        using var bed = new HostTestBed();
        var app = Start(bed, chatRate: "1");
        await DeliverAsync(app, await QueueReplyAsync(app, 5003, "warm-up")); // open the connection first: we measure pacing, not TCP
        var ids = new[] { await QueueReplyAsync(app, 5002, "a"), await QueueReplyAsync(app, 5002, "b"), await QueueReplyAsync(app, 5002, "c") };

        await DeliverAsync(app, ids);
        // The host's own dispatch job may have claimed one of them first and still be sending it: wait for it.
        for (var waited = 0; Sends(5002).Count < 3 && waited < 50; waited++) await Task.Delay(100);

        var sends = Sends(5002);
        Assert.Equal(3, sends.Count);
        Assert.True(sends[1].At - sends[0].At >= TimeSpan.FromSeconds(0.95));
        Assert.True(sends[2].At - sends[1].At >= TimeSpan.FromSeconds(0.95));
    }

    [Fact]
    public async Task Files_go_as_documents_and_the_polish_commands_are_registered_at_start()
    {
        using var bed = new HostTestBed();
        var app = Start(bed);
        _ = app.Services;
        long id;
        await using (var scope = app.Services.CreateAsyncScope())
            id = (await scope.ServiceProvider.GetRequiredService<OutboxStore>().EnqueueAsync(new OutboxMessage
            {
                IdempotencyKey = "file-1", Channel = "telegram", ChatId = "5004",
                Body = new Reply("Oto plik.", [], new ReplyFile("mambot-moje-dane.json", "application/json", "{\"a\":1}"u8.ToArray())).ToJson(),
            }, default)).Id;

        await DeliverAsync(app, id);

        Assert.Equal(["sendMessage", "sendDocument"], _stub.Calls.Where(c => c.ChatId == 5004).Select(c => c.Method));
        Assert.Equal("mambot-moje-dane.json:7", _stub.LastBody["sendDocument"]);
        await Eventually.HoldsAsync(() => Task.FromResult(_stub.Bodies("setMyCommands").Count == 3), "the command lists in three languages");
        var lists = _stub.Bodies("setMyCommands").Select(b => JsonDocument.Parse(b).RootElement).ToDictionary(
            list => list.TryGetProperty("language_code", out var code) ? code.GetString()! : "",
            list => list.GetProperty("commands").EnumerateArray()
                .ToDictionary(c => c.GetProperty("command").GetString()!, c => c.GetProperty("description").GetString()));
        Assert.Equal(["start", "menu", "pomoc", "anuluj", "stop"], lists[""].Keys); // everyone else: Polish
        Assert.Equal("Menu główne", lists[""]["menu"]);
        Assert.Equal(["start", "menu", "help", "cancel", "stop"], lists["uk"].Keys);
        Assert.Equal("Головне меню", lists["uk"]["menu"]);
        Assert.Equal("Main menu", lists["en"]["menu"]);
    }
}
