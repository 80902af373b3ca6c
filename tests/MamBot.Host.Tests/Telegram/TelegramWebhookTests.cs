using System.Net;
using MamBot.Data.Conversations;
using MamBot.Dialogs.Conversation;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Telegram;

public class TelegramWebhookTests
{
    private const string Secret = "s3cret_Webhook-token";

    private static Dictionary<string, string?> WebhookSettings(string apiBaseUrl, string webhookUrl) => new()
    {
        ["Telegram:BotToken"] = TelegramEmulator.Token,
        ["Telegram:ApiBaseUrl"] = apiBaseUrl,
        ["Telegram:Mode"] = "Webhook",
        ["Telegram:WebhookUrl"] = webhookUrl,
        ["Telegram:WebhookSecret"] = Secret,
        ["Telegram:ChatMessagesPerSecond"] = "20",
    };

    /// <summary>A webhook-mode bot whose Bot API is a closed port: enough to test what the endpoint accepts.</summary>
    private static MamApp StartOffline(HostTestBed bed) =>
        bed.Start(WebhookSettings($"http://127.0.0.1:{TelegramEmulator.FreePort()}", "https://mam.example.org/webhooks/telegram"));

    private static string Update(int updateId, long chatId, string text) => TelegramUpdates.Text(updateId, chatId, text, date: 1795589215);

    private static Task<HttpStatusCode> PostAsync(HttpClient http, string body, string? secret = Secret) => TelegramUpdates.PostAsync(http, body, secret);

    [Fact]
    public async Task The_bot_registers_its_webhook_with_the_secret_and_answers_through_it()
    {
        await using var telegram = await TelegramEmulator.StartAsync();
        using var bed = new HostTestBed();
        var port = TelegramEmulator.FreePort();
        var app = bed.Start(WebhookSettings(telegram.BaseUrl, $"http://127.0.0.1:{port}/webhooks/telegram"));
        app.UseKestrel(port);
        app.StartServer();

        await telegram.WaitForAsync(() => telegram.Calls.Contains("setWebhook"), "the webhook to be registered");
        await telegram.SendTextAsync(7001, "/start");

        var welcome = await telegram.ReceiveAsync(7001, count: 2);
        Assert.Contains("automatyczny asystent", welcome[0].Text);
        Assert.Contains("WEBHOOK 200", telegram.Output);
        Assert.DoesNotContain("getUpdates", telegram.Calls);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-secret")]
    [InlineData(Secret + "x")]
    public async Task Without_the_right_secret_the_update_is_refused_and_nothing_happens(string? secret)
    {
        using var bed = new HostTestBed();
        var app = StartOffline(bed);
        using var http = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, Update(1, 7001, "/start"), secret));
        Assert.Equal(0, await app.QueryAsync(db => db.ProcessedUpdates.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Theory]
    [InlineData("{\"update_id\": 5, \"message\": ")]
    [InlineData("not json at all")]
    [InlineData("{}")]
    [InlineData("[]")]
    public async Task A_malformed_update_is_a_400_and_nothing_is_stored(string body)
    {
        using var bed = new HostTestBed();
        var app = StartOffline(bed);
        using var http = app.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(http, body));
        Assert.Equal(0, await app.QueryAsync(db => db.ProcessedUpdates.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task While_the_storage_cannot_write_an_update_is_refused_with_503_and_retry_after_and_taken_when_sent_again()
    {
        using var bed = new HostTestBed();
        var disk = new Turns.DiskFull();
        var app = bed.Start(WebhookSettings($"http://127.0.0.1:{TelegramEmulator.FreePort()}", "https://mam.example.org/webhooks/telegram"),
            disk.AddTo);
        using var http = app.CreateClient();

        disk.IsFull = true;
        using var refused = await SendAsync(http, Update(51, 7051, "/start"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
        Assert.True(disk.Refused > 0, "the fault was not met: the test proves nothing");

        disk.IsFull = false; // Telegram delivers the update again
        using var taken = await SendAsync(http, Update(51, 7051, "/start"));
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        await TelegramUpdates.HandledAsync(app);
        Assert.Equal(2, await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.ChatId == "7051")));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string update)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram")
        {
            Content = new StringContent(update, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task The_same_update_delivered_twice_is_handled_once()
    {
        using var bed = new HostTestBed();
        var app = StartOffline(bed);
        using var http = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await PostAsync(http, Update(41, 7001, "/start")));
        await TelegramUpdates.HandledAsync(app);
        var replies = await app.QueryAsync(db => db.OutboxMessages.CountAsync());
        Assert.Equal(HttpStatusCode.OK, await PostAsync(http, Update(41, 7001, "/start")));
        await TelegramUpdates.HandledAsync(app);

        Assert.Equal(2, replies);
        Assert.Equal(replies, await app.QueryAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task A_turn_that_fails_apologises_starts_afresh_and_is_not_retried_into_the_same_fault()
    {
        using var bed = new HostTestBed();
        var app = StartOffline(bed);
        using var http = app.CreateClient();
        await app.QueryAsync(async db =>
        {
            db.ConversationStates.Add(new ConversationState { Channel = "telegram", ChatId = "7002", StateJson = "{broken", UpdatedUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.OK, await PostAsync(http, Update(77, 7002, "menu")));
        await TelegramUpdates.HandledAsync(app);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(http, Update(77, 7002, "menu"))); // a redelivery changes nothing
        await TelegramUpdates.HandledAsync(app);

        var replies = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.ChatId == "7002").ToListAsync());
        var apology = Reply.FromJson(Assert.Single(replies).Body);
        Assert.StartsWith("Przepraszam, coś poszło nie tak po mojej stronie. Zacznijmy od nowa", apology.Text);
        Assert.Contains(apology.Buttons.SelectMany(r => r), b => b.Payload == "menu:book");
        Assert.Equal(0, await app.QueryAsync(db => db.ConversationStates.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.FailedUpdates.CountAsync()));

        // The conversation works again at once.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(http, Update(78, 7002, "/pomoc")));
        await TelegramUpdates.HandledAsync(app);
        var help = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.ChatId == "7002").OrderBy(m => m.Id).Skip(1).FirstAsync());
        Assert.Contains("Jak ze mną rozmawiać", Reply.FromJson(help.Body).Text);
    }

    [Fact]
    public async Task With_no_token_the_channel_is_off_and_the_host_still_runs()
    {
        using var bed = new HostTestBed();
        var app = bed.Start();
        using var http = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(http, Update(1, 7001, "/start")));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }
}
