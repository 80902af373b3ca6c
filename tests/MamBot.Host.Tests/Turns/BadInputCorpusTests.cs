using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MamBot.Data;
using MamBot.Data.Conversations;
using MamBot.Data.Staff;
using MamBot.Dialogs.Conversation;
using MamBot.Host.Tests.Admin;
using MamBot.Host.Tests.Messenger;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Turns;

/// <summary>
/// Every input in <see cref="BadInputs"/> through the real pipeline of its channel: no 5xx, no turn fault (the
/// apology), nothing booked or signed up, nothing parked; refused requests store nothing; the host stays healthy.
/// </summary>
public sealed class BadInputCorpusTests
{
    private const string Apology = "Przepraszam, coś poszło nie tak po mojej stronie.";

    [Fact]
    public async Task The_corpus_is_large_enough()
    {
        var total = BadInputs.WebChatBodies.Length + BadInputs.TypedTexts.Length + BadInputs.Payloads.Length
            + BadInputs.TelegramUpdates.Length + BadInputs.MessengerBodies.Length + BadInputs.PanelUrls.Length;
        Assert.True(total >= 150, $"only {total} bad inputs");
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Web_chat_bodies_are_refused_in_polish_and_store_nothing()
    {
        using var bed = new HostTestBed();
        var app = bed.Start(NoFloodGuard);
        var http = app.CreateClient();
        var problems = new List<string>();
        foreach (var body in BadInputs.WebChatBodies)
        {
            var before = await SnapshotAsync(app);
            var response = await http.PostAsync("/api/chat/browser-bad-0001-e9dbc61f430b6a0", new StringContent(body, Encoding.UTF8, "application/json"));
            var answer = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500) problems.Add($"{(int)response.StatusCode} for {Show(body)}: {answer}");
            else if (!response.IsSuccessStatusCode && !answer.Contains("\"error\"")) problems.Add($"no Polish error for {Show(body)}: {answer}");
            else if (!response.IsSuccessStatusCode && await SnapshotAsync(app) != before) problems.Add($"refused but stored something: {Show(body)}");
            else if (answer.Contains(Apology)) problems.Add($"the turn failed for {Show(body)}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await AssertHealthyAsync(app, http);
    }

    [Fact]
    public async Task Typed_texts_get_a_calm_answer_at_the_menu_and_in_the_booking_form()
    {
        using var bed = new HostTestBed();
        var app = bed.Start(NoFloodGuard);
        var http = app.CreateClient();
        var chat = await ConsentedChatAsync(http, "browser-typed-01-761c4d67d4572c7");
        var problems = new List<string>();
        string[][] states = [["menu:main"], ["menu:book"], ["menu:book", "text:Sala duża"]];
        foreach (var state in states)
        {
            foreach (var text in BadInputs.TypedTexts)
            {
                foreach (var step in state)
                {
                    if (step.StartsWith("text:", StringComparison.Ordinal)) await chat.SendAsync(step[5..]);
                    else await chat.PressAsync(step);
                }
                var response = await http.PostAsJsonAsync("/api/chat/browser-typed-01-761c4d67d4572c7", new { text });
                var answer = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500 || answer.Contains(Apology))
                    problems.Add($"after {string.Join(", ", state)}: {(int)response.StatusCode} for {Show(text)}: {answer[..Math.Min(200, answer.Length)]}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(0, await app.QueryAsync(db => db.Bookings.CountAsync()));
        await AssertHealthyAsync(app, http);
    }

    [Fact]
    public async Task Forged_and_stale_payloads_change_nothing()
    {
        using var bed = new HostTestBed();
        var app = bed.Start(NoFloodGuard);
        var http = app.CreateClient();
        await ConsentedChatAsync(http, "browser-forged-1-a1b029f3bf3edf0");
        var problems = new List<string>();
        foreach (var payload in BadInputs.Payloads)
        {
            var before = await SnapshotAsync(app, withConversations: false);
            var response = await http.PostAsJsonAsync("/api/chat/browser-forged-1-a1b029f3bf3edf0", new { payload });
            var answer = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500 || answer.Contains(Apology)) problems.Add($"{(int)response.StatusCode} for {Show(payload)}: {answer}");
            else if (await SnapshotAsync(app, withConversations: false) != before) problems.Add($"{Show(payload)} changed something");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await AssertHealthyAsync(app, http);
    }

    [Fact]
    public async Task Telegram_updates_never_get_a_5xx_and_none_is_parked()
    {
        using var bed = new HostTestBed();
        var app = bed.Start(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "123456:TEST-token", ["Telegram:Mode"] = "Webhook", ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
            ["Telegram:WebhookUrl"] = "https://bot.example.org/webhooks/telegram", ["Telegram:WebhookSecret"] = "secret-secret", ["Flood:Burst"] = "0",
        });
        var http = app.CreateClient();
        var problems = new List<string>();
        foreach (var body in BadInputs.TelegramUpdates)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "secret-secret");
            var response = await http.SendAsync(request);
            if ((int)response.StatusCode >= 500) problems.Add($"{(int)response.StatusCode} for {Show(body)}");
        }
        await Telegram.TelegramUpdates.HandledAsync(app);
        problems.AddRange(await FaultsAsync(app));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await AssertHealthyAsync(app, http);
    }

    [Fact]
    public async Task Messenger_bodies_never_get_a_5xx_and_none_is_parked()
    {
        await using var graph = await FakeGraphApi.StartAsync();
        using var bed = new HostTestBed();
        var settings = graph.Settings();
        settings["Flood:Burst"] = "0";
        var app = bed.Start(settings);
        var http = app.CreateClient();
        var problems = new List<string>();
        foreach (var body in BadInputs.MessengerBodies)
        {
            var response = await graph.PostSignedAsync(http, body);
            if ((int)response.StatusCode >= 500) problems.Add($"{(int)response.StatusCode} for {Show(body)}");
        }
        await Eventually.HoldsAsync(async () => await app.QueryAsync(db => db.InboundEvents.AllAsync(e => e.Status != InboundStatus.Pending)),
            "the stored events to be handled");
        problems.AddRange(await FaultsAsync(app));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await AssertHealthyAsync(app, http);
    }

    [Fact]
    public async Task Panel_addresses_with_odd_queries_never_answer_5xx()
    {
        using var bed = new HostTestBed();
        var app = bed.Start();
        var staff = await StaffSession.SignInAsync(app, "admin@mam.example", StaffRoles.Admin);
        var problems = new List<string>();
        foreach (var url in BadInputs.PanelUrls)
        {
            var response = await staff.Http.GetAsync(url);
            if ((int)response.StatusCode >= 500) problems.Add($"{(int)response.StatusCode} for {url}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<PageChat> ConsentedChatAsync(HttpClient http, string conversationId)
    {
        var chat = new PageChat(http, conversationId);
        await chat.SendAsync("/start");
        await chat.PressTitleAsync("Zgadzam się");
        return chat;
    }

    private static readonly Dictionary<string, string?> NoFloodGuard = new() { ["Flood:Burst"] = "0" };

    /// <summary>Counts that change when something is stored, and the conversation states as they are.</summary>
    private static Task<string> SnapshotAsync(MamApp app, bool withConversations = true) => app.QueryAsync(async db =>
        string.Join("|",
            await db.Bookings.CountAsync(), await db.EventSignups.CountAsync(), await db.Ideas.CountAsync(), await db.Residents.CountAsync(),
            await db.ConsentRecords.CountAsync(), await db.SurveyResponses.CountAsync(), await db.FailedUpdates.CountAsync(),
            withConversations ? await db.OutboxMessages.CountAsync() : 0, withConversations ? await db.ProcessedUpdates.CountAsync() : 0,
            withConversations ? string.Join(";", await db.ConversationStates.OrderBy(s => s.ChatId).Select(s => s.StateJson).ToListAsync()) : ""));

    /// <summary>Parked updates and events, and apologies queued: each one a turn that failed.</summary>
    private static async Task<IEnumerable<string>> FaultsAsync(MamApp app) => await app.QueryAsync(async db =>
    {
        var parked = await db.FailedUpdates.Select(f => "parked: " + f.UpdateId + " " + f.LastError).ToListAsync();
        var events = await db.InboundEvents.Where(e => e.Status == InboundStatus.Parked || e.Attempts > 0).Select(e => "event: " + e.EventId + " " + e.LastError).ToListAsync();
        var bodies = await db.OutboxMessages.Select(m => new { m.ChatId, m.Body }).ToListAsync();
        var apologies = bodies.Where(m => Reply.FromJson(m.Body).Text.StartsWith(Apology, StringComparison.Ordinal)).Select(m => "apology to " + m.ChatId);
        return parked.Concat(events).Concat(apologies).ToList();
    });

    private static async Task AssertHealthyAsync(MamApp app, HttpClient http)
    {
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        var chat = new PageChat(http, "browser-after-1-7dc30a4837dfb2c1");
        await chat.SendAsync("/pomoc");
        Assert.Contains("Jak ze mną rozmawiać", chat.Text);
        _ = app;
    }

    private static string Show(string input) => JsonSerializer.Serialize(input.Length > 80 ? input[..80] + "…" : input);
}
