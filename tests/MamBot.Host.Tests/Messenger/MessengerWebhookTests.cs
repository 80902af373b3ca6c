using System.Net;
using System.Text;
using System.Text.Json;
using MamBot.Data.Conversations;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Messenger;

public sealed class MessengerWebhookTests : IAsyncLifetime
{
    private const string Page = "PAGE-1";
    private readonly HostTestBed _bed = new();
    private FakeGraphApi _graph = null!;
    private MamApp _app = null!;
    private HttpClient _http = null!;
    private long _clock = 1_795_589_215_000;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphApi.StartAsync();
        _app = StartApp();
        _http = _app.CreateClient();
    }

    private MamApp StartApp() => _bed.Start(_graph.Settings());

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _bed.Dispose();
        await _graph.DisposeAsync();
    }

    private string Webhook(params object[] messaging) => JsonSerializer.Serialize(new
    {
        @object = "page",
        entry = new[] { new { id = Page, time = _clock, messaging } },
    });

    private object Text(string psid, string mid, string text) =>
        new { sender = new { id = psid }, recipient = new { id = Page }, timestamp = ++_clock, message = new { mid, text } };

    private object QuickReply(string psid, string mid, string title, string payload) =>
        new { sender = new { id = psid }, recipient = new { id = Page }, timestamp = ++_clock, message = new { mid, text = title, quick_reply = new { payload } } };

    private object Postback(string psid, string mid, string payload, string? reference = null) =>
        new
        {
            sender = new { id = psid }, recipient = new { id = Page }, timestamp = ++_clock,
            postback = reference is null
                ? (object)new { mid, title = "Rozpocznij", payload }
                : new { mid, title = "Rozpocznij", payload, referral = new { @ref = reference, source = "SHORTLINK", type = "OPEN_THREAD" } },
        };

    private async Task<HttpResponseMessage> PostAsync(string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/messenger") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.Add("X-Hub-Signature-256", signature);
        return await _http.SendAsync(request);
    }

    private async Task SendAsync(params object[] messaging)
    {
        var body = Webhook(messaging);
        var response = await PostAsync(body, FakeGraphApi.Sign(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_subscription_handshake_echoes_the_challenge_only_for_our_verify_token()
    {
        var ok = await _http.GetAsync($"/webhooks/messenger?hub.mode=subscribe&hub.verify_token={FakeGraphApi.VerifyToken}&hub.challenge=1158201444");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await _http.GetAsync("/webhooks/messenger?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.GetAsync($"/webhooks/messenger?hub.mode=unsubscribe&hub.verify_token={FakeGraphApi.VerifyToken}&hub.challenge=1")).StatusCode);
    }

    [Fact]
    public async Task An_unsigned_or_wrongly_signed_event_is_refused_and_nothing_is_processed()
    {
        var body = Webhook(Text("psid-1", "m-1", "/start"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(body, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(body, FakeGraphApi.Sign(body, "another-secret"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(body, "sha256=zz")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(body + " ", FakeGraphApi.Sign(body))).StatusCode); // body changed after signing

        await Task.Delay(300);
        Assert.Equal(0, await _app.QueryAsync(db => db.InboundEvents.CountAsync()));
        Assert.Empty(_graph.SentTo("psid-1"));
    }

    [Fact]
    public async Task Get_started_welcomes_and_a_quick_reply_gives_consent_and_the_menu()
    {
        await SendAsync(Postback("psid-anna", "m-10", "GET_STARTED"));
        var welcome = await _graph.WaitForSendsAsync("psid-anna", 2);
        Assert.Contains("automatyczny asystent", welcome[0].Text);
        Assert.Equal("RESPONSE", welcome[0].MessagingType);
        Assert.Equal(FakeGraphApi.PageToken, welcome[0].AccessToken);
        Assert.Equal("v23.0", welcome[0].Version);
        Assert.Equal("consent:yes", welcome[1].Payload("Zgadzam się"));

        await SendAsync(QuickReply("psid-anna", "m-11", "Zgadzam się", "consent:yes"));
        var menu = (await _graph.WaitForSendsAsync("psid-anna", 3))[2];
        Assert.StartsWith("Dziękuję! Zgoda zapisana.", menu.Text);
        Assert.Equal(8, menu.QuickReplies.Count); // the menu, "Napisz do człowieka" last
        Assert.All(menu.QuickReplies, q => Assert.InRange(q.Title.Length, 1, 20));

        var identity = await _app.QueryAsync(db => db.ChannelIdentities.SingleAsync());
        Assert.Equal(("messenger", "psid-anna"), (identity.Channel, identity.ExternalId));
    }

    [Fact]
    public async Task Persistent_menu_postbacks_and_typed_text_work_like_buttons_and_words()
    {
        await SendAsync(Postback("psid-jan", "m-20", "menu:about"));
        Assert.Contains("Godziny otwarcia:", (await _graph.WaitForSendsAsync("psid-jan", 1))[0].Text);

        await SendAsync(Text("psid-jan", "m-21", "zasady"));
        Assert.Contains("Zasady MAM", (await _graph.WaitForSendsAsync("psid-jan", 2))[1].Text);
    }

    [Fact]
    public async Task An_m_me_link_with_ref_starts_the_conversation()
    {
        await SendAsync(Postback("psid-ref", "m-30", "GET_STARTED", reference: "plakat-klatka-3"));
        Assert.Contains("automatyczny asystent", (await _graph.WaitForSendsAsync("psid-ref", 2))[0].Text);

        await SendAsync(new { sender = new { id = "psid-ref2" }, recipient = new { id = Page }, timestamp = ++_clock, referral = new { @ref = "plakat", source = "SHORTLINK", type = "OPEN_THREAD" } });
        Assert.Contains("automatyczny asystent", (await _graph.WaitForSendsAsync("psid-ref2", 2))[0].Text);
    }

    [Fact]
    public async Task A_redelivered_event_is_handled_once_and_echoes_deliveries_and_reads_are_ignored()
    {
        await SendAsync(Text("psid-dup", "m-40", "/pomoc"));
        await SendAsync(Text("psid-dup", "m-40", "/pomoc"));
        await SendAsync(
            new { sender = new { id = Page }, recipient = new { id = "psid-dup" }, timestamp = ++_clock, message = new { mid = "m-41", is_echo = true, text = "echo" } },
            new { sender = new { id = "psid-dup" }, recipient = new { id = Page }, timestamp = ++_clock, delivery = new { mids = new[] { "m-40" }, watermark = _clock } },
            new { sender = new { id = "psid-dup" }, recipient = new { id = Page }, timestamp = ++_clock, read = new { watermark = _clock } });

        var sends = await _graph.WaitForSendsAsync("psid-dup", 2);
        await Task.Delay(500);
        Assert.Equal(2, _graph.SentTo("psid-dup").Count); // help + menu, once
        Assert.Equal(1, await _app.QueryAsync(db => db.InboundEvents.CountAsync()));
        Assert.Empty(_graph.SentTo(Page));
        Assert.Contains("Jak ze mną rozmawiać", sends[0].Text);
    }

    [Fact]
    public async Task An_event_stored_before_a_crash_is_handled_after_the_restart()
    {
        // The webhook stored it and answered 200; then the process died before handling it.
        await _app.QueryAsync(async db =>
        {
            db.InboundEvents.Add(new InboundEvent
            {
                Channel = "messenger", EventId = "m-50", ChatId = "psid-crash", ReceivedUtc = DateTime.UtcNow,
                RawJson = JsonSerializer.Serialize(Text("psid-crash", "m-50", "/pomoc")),
            });
            return await db.SaveChangesAsync();
        });
        _app.Dispose();

        var restarted = StartApp();
        _ = restarted.Services;
        Assert.Contains("Jak ze mną rozmawiać", (await _graph.WaitForSendsAsync("psid-crash", 1))[0].Text);
        // The reply can leave before the event is marked done: wait for the mark.
        await Eventually.HoldsAsync(async () => await restarted.QueryAsync(db =>
            db.InboundEvents.AnyAsync(e => e.Status == InboundStatus.Done)), "the event to be marked done");
    }

    [Fact]
    public async Task A_turn_that_fails_apologises_and_the_event_is_done()
    {
        await _app.QueryAsync(async db =>
        {
            db.ConversationStates.Add(new ConversationState
            {
                Channel = "messenger", ChatId = "psid-broken", UpdatedUtc = DateTime.UtcNow,
                StateJson = """{"Stack":[{"DialogId":"dialog-renamed-in-a-deploy","Step":"when"}]}""",
            });
            return await db.SaveChangesAsync();
        });

        await SendAsync(Text("psid-broken", "m-60", "jutro o 17"));

        Assert.StartsWith("Przepraszam, coś poszło nie tak po mojej stronie.", (await _graph.WaitForSendsAsync("psid-broken", 1))[0].Text);
        await Eventually.HoldsAsync(async () => await _app.QueryAsync(db =>
            db.InboundEvents.AnyAsync(e => e.EventId == "m-60" && e.Status == InboundStatus.Done)), "the event to be marked done");
        Assert.Equal(0, await _app.QueryAsync(db => db.ConversationStates.CountAsync()));
    }

    [Fact]
    public async Task The_get_started_button_greeting_and_a_menu_in_each_language_are_set_at_start()
    {
        for (var i = 0; i < 100 && !_graph.Calls.Any(c => c.Edge == "messenger_profile"); i++) await Task.Delay(50);
        var profile = _graph.Calls.Single(c => c.Edge == "messenger_profile").Json!.Value;

        Assert.Equal("GET_STARTED", profile.GetProperty("get_started").GetProperty("payload").GetString());
        Assert.Contains("automatycznym asystentem", profile.GetProperty("greeting")[0].GetProperty("text").GetString());
        var menu = profile.GetProperty("persistent_menu")[0].GetProperty("call_to_actions").EnumerateArray()
            .Select(a => (a.GetProperty("title").GetString(), a.GetProperty("payload").GetString())).ToList();
        Assert.Equal([("Menu", "menu:main"), ("O MAM", "menu:about"), ("Ustawienia", "menu:settings")], menu);
        // Facebook shows the greeting and the menu in the person's locale: Ukrainian and English ones too.
        Assert.Equal(["default", "uk_UA", "en_US", "en_GB"], profile.GetProperty("greeting").EnumerateArray().Select(g => g.GetProperty("locale").GetString()));
        Assert.StartsWith("Я автоматичний помічник", profile.GetProperty("greeting")[1].GetProperty("text").GetString());
        Assert.Equal(["Меню", "Про MAM", "Налаштування"],
            profile.GetProperty("persistent_menu")[1].GetProperty("call_to_actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()));
        Assert.Equal("About MAM", profile.GetProperty("persistent_menu")[2].GetProperty("call_to_actions")[1].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Without_settings_the_channel_is_off_and_the_host_still_runs()
    {
        using var bed = new HostTestBed();
        using var http = bed.Start().CreateClient();
        var body = Webhook(Text("psid-1", "m-1", "/start"));

        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/webhooks/messenger?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/messenger") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Hub-Signature-256", FakeGraphApi.Sign(body));
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }
}
