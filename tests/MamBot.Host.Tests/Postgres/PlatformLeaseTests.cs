using System.Net;
using MamBot.Data;
using MamBot.Data.Outbox;
using MamBot.Host.Cluster;
using MamBot.Host.Tests.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Postgres;

/// <summary>
/// Two hosts on one PostgreSQL database and one bot: one of them talks to Telegram at a time, through a loopback
/// stand-in that refuses what Telegram would (31 messages in a second, two to a chat in a second, two pollers).
/// </summary>
public sealed class PlatformLeaseTests : IAsyncLifetime
{
    private const string Secret = "lease-test_Secret";
    private BotApiStub _telegram = null!;

    public async Task InitializeAsync() => _telegram = await BotApiStub.StartAsync();

    public async Task DisposeAsync() => await _telegram.DisposeAsync();

    private Dictionary<string, string?> Settings(string mode) => new()
    {
        ["Telegram:BotToken"] = TelegramEmulator.Token,
        ["Telegram:ApiBaseUrl"] = _telegram.Url,
        ["Telegram:Mode"] = mode,
        ["Telegram:WebhookUrl"] = "https://mam.example.org/webhooks/telegram",
        ["Telegram:WebhookSecret"] = Secret,
        ["Telegram:PollingTimeoutSeconds"] = "1",
        ["Flood:Burst"] = "0",
    };

    private static bool Holds(MamApp host) => HostTestBed.Delivers(host);

    [Fact]
    public async Task Residents_writing_to_either_host_get_each_reply_once_sent_by_the_one_host_within_telegrams_limits()
    {
        _telegram.EnforceLimits = true;
        using var bed = new HostTestBed();
        var hosts = await HostTestBed.OneDeliversAsync(await bed.TwoHostsAsync(Settings("Webhook")));
        var chats = Enumerable.Range(0, 12).Select(i => 8100L + i).ToList();

        // Every resident's updates go to both hosts in turn, as a load balancer spreads Telegram's requests.
        await Task.WhenAll(chats.Select(async (chat, i) =>
        {
            Assert.Equal(HttpStatusCode.OK, await PostUpdateAsync(hosts[i % 2], 1000 + 2 * i, chat, "/start"));
            Assert.Equal(HttpStatusCode.OK, await PostUpdateAsync(hosts[(i + 1) % 2], 1001 + 2 * i, chat, "godziny otwarcia"));
        }));
        await TelegramUpdates.HandledAsync(hosts[0]);

        var holder = hosts.Single(Holds).Services.GetRequiredService<DeliveryProcess>().Name;
        var replies = await hosts[0].QueryAsync(db => db.OutboxMessages.Where(m => m.Channel == "telegram")
            .Select(m => new { m.ChatId, m.Status, m.ClaimedBy }).ToListAsync());
        foreach (var chat in chats)
        {
            var expected = replies.Count(r => r.ChatId == chat.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(expected >= 3, $"chat {chat}: {expected} replies queued"); // the welcome, the consent question, an answer
            await _telegram.WaitForSendsAsync(chat, expected, TimeSpan.FromSeconds(30));
        }
        await Eventually.HoldsAsync(async () => (await hosts[0].QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent)))
            == replies.Count, "every reply to be recorded as sent", TimeSpan.FromSeconds(10));

        Assert.All(chats, chat => Assert.Equal(replies.Count(r => r.ChatId == chat.ToString(System.Globalization.CultureInfo.InvariantCulture)), _telegram.Sends(chat).Count));
        Assert.Equal(0, _telegram.Limited);
        Assert.All(await hosts[0].QueryAsync(db => db.OutboxMessages.Select(m => m.ClaimedBy).ToListAsync()), by => Assert.Equal(holder, by));
    }

    [Fact]
    public async Task In_polling_mode_one_host_polls_and_when_it_stops_the_other_takes_over_within_seconds_without_a_conflict()
    {
        using var bed = new HostTestBed();
        var hosts = await HostTestBed.OneDeliversAsync(await bed.TwoHostsAsync(Settings("Polling")));
        var (holder, other) = Holds(hosts[0]) ? (hosts[0], hosts[1]) : (hosts[1], hosts[0]);
        Assert.Contains("this host delivers", await holder.CreateClient().GetStringAsync("/healthz"));
        Assert.Contains("another host delivers", await other.CreateClient().GetStringAsync("/healthz"));

        _telegram.AddTextUpdate(8201, "/start");
        await _telegram.WaitForSendsAsync(8201, 2);

        var stopped = _telegram.Now;
        holder.Dispose();
        _telegram.AddTextUpdate(8202, "/start");
        await _telegram.WaitForSendsAsync(8202, 2, TimeSpan.FromSeconds(15));

        Assert.True(Holds(other));
        Assert.True(_telegram.Sends(8202)[0].At - stopped < TimeSpan.FromSeconds(10), $"taken over after {_telegram.Sends(8202)[0].At - stopped}");
        Assert.Equal(2, _telegram.Sends(8201).Count); // the first chat's update was not handled again
        Assert.Equal(0, _telegram.Conflicts);
    }

    [Fact]
    public async Task A_host_that_loses_the_lease_and_takes_it_back_resolves_its_own_earlier_claims_at_once()
    {
        using var bed = new HostTestBed();
        var host = await bed.StartAsync(StorageProvider.Postgres, Settings("Webhook"));
        await Eventually.HoldsAsync(() => Task.FromResult(Holds(host)), "the host to hold the lease");
        // Two sends of this tenure that never finished (the database went away under them): due tomorrow, so
        // only the resolution of the claims can bring them back today.
        var (reply, copy) = await ClaimTwoAsync(host);

        await using (var connection = new Npgsql.NpgsqlConnection(await bed.PostgresAsync()))
        {
            await connection.OpenAsync();
            await using var cut = new Npgsql.NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = 5062988 AND objsubid = 1", connection);
            Assert.Equal(true, await cut.ExecuteScalarAsync()); // the lease's session, as when the database restarts
        }

        // The reply goes again (the resident must not lose it), within seconds, not ten minutes later.
        Assert.Equal("Twoja odpowiedź", (await _telegram.WaitForSendsAsync(8401, 1, TimeSpan.FromSeconds(15))).Single().Text);
        await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.OutboxMessages.AnyAsync(
            m => m.Id == copy && m.Status == OutboxStatus.Unknown && m.StatusReason == OutboxReasons.Interrupted)), "the copy to be of unknown fate");
        await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.OutboxMessages.AnyAsync(
            m => m.Id == reply && m.Status == OutboxStatus.Sent)), "the reply to be recorded as sent");
        Assert.Empty(_telegram.Sends(8402)); // a copy that may have gone is never repeated
        Assert.True(Holds(host));
    }

    private static async Task<(long Reply, long Copy)> ClaimTwoAsync(MamApp host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        var centre = await scope.ServiceProvider.GetRequiredService<MamBot.Data.Centres.CentreDirectory>().GetDefaultAsync(default);
        var (resident, _) = await scope.ServiceProvider.GetRequiredService<MamBot.Data.Residents.ResidentService>()
            .GrantConsentAsync(centre.Id, "telegram", "8402", "Ola", "privacy-2026-11", default);
        var tomorrow = host.Time.GetUtcNow().UtcDateTime.AddDays(1);
        var reply = await outbox.EnqueueAsync(new OutboxMessage
        {
            IdempotencyKey = "reply:telegram:8401:u1:0", Channel = "telegram", ChatId = "8401", DueUtc = tomorrow,
            Body = MamBot.Dialogs.Conversation.Reply.Plain("Twoja odpowiedź").ToJson(),
        }, default);
        var copy = await outbox.EnqueueAsync(new OutboxMessage
        {
            IdempotencyKey = "broadcast:1:8402", Kind = OutboxKind.Broadcast, ResidentId = resident.Id, DueUtc = tomorrow,
            Body = MamBot.Dialogs.Conversation.Reply.Plain("W sobotę sprzątamy skwer – zapraszamy!").ToJson(),
        }, default);
        Assert.NotNull(await outbox.ClaimAsync(reply.Id, default));
        Assert.NotNull(await outbox.ClaimAsync(copy.Id, default));
        return (reply.Id, copy.Id);
    }

    [Fact]
    public async Task One_chats_messages_sprayed_over_both_hosts_are_answered_in_order_and_the_form_keeps_its_place()
    {
        using var bed = new HostTestBed();
        var hosts = await HostTestBed.OneDeliversAsync(await bed.TwoHostsAsync(Settings("Webhook")));
        // Three answers that stop before the last question (its answer would send the request, and both chats
        // would ask for the same hour); in another order they would be refused, so the replies tell the order.
        string[] form = ["chcę zarezerwować kuchnię jutro o 12 na 2 godziny", "dla 6 osób", "Sąsiadka"];
        const long Calm = 8301, Quick = 8302;

        // The calm resident writes one message after another, each answered before the next.
        var id = 3000;
        foreach (var chat in new[] { Calm, Quick })
        {
            Assert.Equal(HttpStatusCode.OK, await PostUpdateAsync(hosts[0], ++id, chat, "/start"));
            await TelegramUpdates.HandledAsync(hosts[0]);
            Assert.Equal(HttpStatusCode.OK, await PostAsync(hosts[1], ConsentPressed(++id, chat)));
            await TelegramUpdates.HandledAsync(hosts[0]);
        }
        foreach (var text in form)
        {
            Assert.Equal(HttpStatusCode.OK, await PostUpdateAsync(hosts[0], ++id, Calm, text));
            await TelegramUpdates.HandledAsync(hosts[0]);
        }
        var calmReplies = await RepliesAsync(hosts[0], Calm);

        // The quick one sends the same three without waiting, and the load balancer spreads them over both hosts.
        var sprayed = new List<Task<HttpStatusCode>>();
        for (var i = 0; i < form.Length; i++)
        {
            sprayed.Add(PostUpdateAsync(hosts[i % 2], ++id, Quick, form[i]));
            await Task.Delay(15);
        }
        Assert.All(await Task.WhenAll(sprayed), status => Assert.Equal(HttpStatusCode.OK, status));
        await TelegramUpdates.HandledAsync(hosts[0]);

        var quickReplies = await RepliesAsync(hosts[0], Quick);
        Assert.Equal(calmReplies.Count, quickReplies.Count);
        // Both chats' replies leave at Telegram's pace (one a second per chat): wait until each has all of them.
        await _telegram.WaitForSendsAsync(Calm, calmReplies.Count, TimeSpan.FromSeconds(30));
        await _telegram.WaitForSendsAsync(Quick, quickReplies.Count, TimeSpan.FromSeconds(30));
        Assert.Equal(calmReplies, quickReplies);
        Assert.Equal(_telegram.Sends(Calm).Select(s => s.Text), _telegram.Sends(Quick).Select(s => s.Text));
        var lastBody = await hosts[0].QueryAsync(db => db.OutboxMessages.Where(m => m.ChatId == "8302").OrderBy(m => m.Id).Select(m => m.Body).LastAsync());
        var next = MamBot.Dialogs.Conversation.Reply.FromJson(lastBody);
        Assert.Contains("W jakim celu?", next.Text); // the form's next step: the purpose, which may be skipped here
        Assert.Contains("Pomiń", next.Buttons.SelectMany(row => row).Select(b => b.Title));
    }

    private static async Task<List<string>> RepliesAsync(MamApp host, long chat) =>
        [.. (await host.QueryAsync(db => db.OutboxMessages.Where(m => m.ChatId == chat.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(m => m.Id).Select(m => m.Body).ToListAsync())).Select(body => MamBot.Dialogs.Conversation.Reply.FromJson(body).Text)];

    private static string ConsentPressed(int updateId, long chatId) => System.Text.Json.JsonSerializer.Serialize(new
    {
        update_id = updateId,
        callback_query = new
        {
            id = $"cb-{updateId}", chat_instance = "1", data = "consent:yes",
            from = new { id = chatId, is_bot = false, first_name = "Jan" },
            message = new { message_id = 1, date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), text = "Zgoda?", chat = new { id = chatId, type = "private" } },
        },
    });

    private static Task<HttpStatusCode> PostUpdateAsync(MamApp host, int updateId, long chatId, string text) =>
        PostAsync(host, TelegramUpdates.Text(updateId, chatId, text));

    private static Task<HttpStatusCode> PostAsync(MamApp host, string update) => TelegramUpdates.PostAsync(host.CreateClient(), update, Secret);
}
