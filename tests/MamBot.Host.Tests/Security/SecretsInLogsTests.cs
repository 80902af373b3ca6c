using MamBot.Host.Tests.Messenger;
using MamBot.Host.Tests.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MamBot.Host.Tests.Security;

/// <summary>
/// No secret reaches a log line at any level: the bot token (it is in every Bot API URL), the page token (in every
/// Graph API query), the app secret, the verify token, the webhook secret and the LLM key. The host runs at Trace
/// with all of them set, talks on Telegram (polling or webhook) and Messenger, and its whole log is searched.
/// </summary>
public sealed class SecretsInLogsTests
{
    private const string WebhookSecret = "webhook-secret-never-logged";
    private const string LlmKey = "sk-llm-key-never-logged";

    private static readonly string[] Secrets =
        [TelegramEmulator.Token, FakeGraphApi.PageToken, FakeGraphApi.AppSecret, FakeGraphApi.VerifyToken, WebhookSecret, LlmKey];

    [Theory]
    [InlineData("Polling")]
    [InlineData("Webhook")]
    public async Task A_run_on_telegram_and_messenger_logs_no_secret_at_any_level(string mode)
    {
        await using var telegram = await TelegramEmulator.StartAsync();
        await using var graph = await FakeGraphApi.StartAsync();
        using var bed = new HostTestBed();
        var capture = new LogCapture();
        var port = TelegramEmulator.FreePort();
        var settings = new Dictionary<string, string?>(graph.Settings())
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:System"] = "Trace",
            ["Telegram:BotToken"] = TelegramEmulator.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:Mode"] = mode,
            ["Telegram:WebhookUrl"] = $"http://127.0.0.1:{port}/webhooks/telegram",
            ["Telegram:WebhookSecret"] = WebhookSecret,
            ["Telegram:ChatMessagesPerSecond"] = "20",
            // An LLM that cannot be reached: its failure is logged, its key must not be.
            ["Llm:Endpoint"] = $"http://127.0.0.1:{TelegramEmulator.FreePort()}/v1",
            ["Llm:Model"] = "test-model",
            ["Llm:ApiKey"] = LlmKey,
            ["Llm:TimeoutSeconds"] = "1",
        };
        var app = bed.Start(settings, s => s.AddSingleton<ILoggerProvider>(capture));
        if (mode == "Webhook")
        {
            app.UseKestrel(port);
            app.StartServer();
            await telegram.WaitForAsync(() => telegram.Calls.Contains("setWebhook"), "the webhook to be registered");
        }
        else
        {
            _ = app.Services;
        }

        await telegram.SendTextAsync(7001, "/start");
        await telegram.ReceiveAsync(7001, count: 2);
        await telegram.SendTextAsync(7001, "czy w sobotę jest coś dla dzieci?"); // free text: the LLM is asked and fails
        await telegram.ReceiveAsync(7001);
        using (var http = app.CreateClient())
        {
            var response = await graph.PostSignedAsync(http, """{"object":"page","entry":[{"id":"PAGE-1","time":1795589215000,"messaging":[{"sender":{"id":"psid-1"},"recipient":{"id":"PAGE-1"},"timestamp":1795589215000,"message":{"mid":"m-1","text":"dzień dobry"}}]}]}""");
            Assert.True(response.IsSuccessStatusCode, $"Messenger webhook: {(int)response.StatusCode}");
            await http.GetAsync($"/webhooks/messenger?hub.mode=subscribe&hub.verify_token={FakeGraphApi.VerifyToken}&hub.challenge=42");
        }
        await graph.WaitForSendsAsync("psid-1", 1);

        var lines = capture.Lines;
        Assert.Contains(lines, l => l.StartsWith("Trace", StringComparison.Ordinal) || l.StartsWith("Debug", StringComparison.Ordinal)); // the capture saw everything
        foreach (var secret in Secrets)
        {
            var leaks = lines.Where(l => l.Contains(secret, StringComparison.Ordinal)).Take(3).ToList();
            Assert.True(leaks.Count == 0, $"'{secret}' is in the log:\n{string.Join("\n", leaks)}");
        }
    }
}
