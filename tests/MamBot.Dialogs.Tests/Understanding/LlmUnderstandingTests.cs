using MamBot.Dialogs.Handoffs;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using MamBot.Dialogs.Understanding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Dialogs.Tests.Understanding;

/// <summary>The Semantic Kernel path against a scripted OpenAI-compatible server on 127.0.0.1 (the LLM is the only fake).</summary>
public sealed class LlmUnderstandingTests : IAsyncLifetime
{
    private WebApplication _server = null!;
    private readonly ConcurrentQueue<JsonNode> _requests = new();
    private TimeSpan _delay = TimeSpan.Zero;
    private string _finalContent = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapPost("/v1/chat/completions", async (HttpRequest request, CancellationToken ct) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body, cancellationToken: ct))!;
            _requests.Enqueue(body);
            await Task.Delay(_delay, ct);
            var messages = body["messages"]!.AsArray();
            var sawToolResult = messages.Any(m => (string?)m!["role"] == "tool");
            var faqTool = body["tools"]?.AsArray().Select(t => (string?)t!["function"]!["name"]).FirstOrDefault(n => n!.EndsWith("faq", StringComparison.Ordinal));
            object message = sawToolResult || faqTool is null
                ? new { role = "assistant", content = _finalContent }
                : new { role = "assistant", content = (string?)null, tool_calls = new[] { new { id = "call_1", type = "function", function = new { name = faqTool, arguments = "{}" } } } };
            return Results.Json(new
            {
                id = "chatcmpl-" + _requests.Count, @object = "chat.completion", created = 1795589215, model = "bielik",
                choices = new[] { new { index = 0, message, finish_reason = sawToolResult || faqTool is null ? "stop" : "tool_calls" } },
                usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
            });
        });
        await _server.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<TestChat> StartAsync(double timeoutSeconds = 5) => TestChat.StartAsync(extra: s => s.Configure<LlmOptions>(o =>
    {
        o.Endpoint = _server.Urls.Single() + "/v1";
        o.Model = "bielik";
        o.TimeoutSeconds = timeoutSeconds;
    }));

    [Fact]
    public async Task The_model_looks_up_the_centre_facts_and_its_grounded_answer_is_said()
    {
        _finalContent = """{"intent":"opening_hours","slots":{"date":"2026-11-28"},"answer":"W sobotę MAM jest otwarty od 10:00 do 14:00."}""";
        await using var chat = await StartAsync();

        await chat.SendAsync("o której jesteście otwarci w sobotę?");

        Assert.StartsWith("W sobotę MAM jest otwarty od 10:00 do 14:00.", chat.Text);
        var requests = _requests.ToList();
        Assert.Equal(2, requests.Count); // a tool call, then the answer
        Assert.Equal("bielik", (string?)requests[0]["model"]);
        Assert.Contains("Jesteś automatycznym asystentem centrum MAM Na Kozłówce", (string?)requests[0]["messages"]![0]!["content"]);
        var tools = requests[0]["tools"]!.AsArray().Select(t => (string?)t!["function"]!["name"]).ToList();
        Assert.Contains(tools, t => t!.EndsWith("free_slots", StringComparison.Ordinal));
        var toolResult = requests[1]["messages"]!.AsArray().Single(m => (string?)m!["role"] == "tool");
        Assert.Contains("sobota: 10:00–14:00", (string?)toolResult!["content"]);
    }

    [Fact]
    public async Task The_model_chooses_the_intent_and_the_form_still_asks_the_resident()
    {
        _finalContent = """{"intent":"book_room","slots":{"room":"Sala mała","date":"2026-11-27"},"answer":null}""";
        await using var chat = await StartAsync();
        await chat.PressPayloadAsync("consent:yes");

        await chat.SendAsync("potrzebowałabym jakiegoś miejsca na spotkanie w piątek, może ta mniejsza");

        // The model's room and day fill the form; the resident is asked the rest and nothing is booked by the model.
        Assert.Equal("Rozumiem: Sala mała, piątek 27 listopada.", chat.Last[0].Text);
        Assert.StartsWith("O której chcesz zacząć? Wolne godziny – piątek, 27 listopada:", chat.Last[1].Text);
        Assert.Equal(0, await chat.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Bookings)));
    }

    [Fact]
    public async Task What_a_resident_writes_to_a_person_in_the_team_never_goes_to_the_model()
    {
        _finalContent = """{"intent":"talk_to_staff","slots":{},"answer":null}""";
        await using var chat = await StartAsync();
        await chat.PressPayloadAsync("consent:yes");
        await chat.SendAsync("chcę porozmawiać z kimś z zespołu");
        Assert.StartsWith("Przekazuję rozmowę zespołowi MAM.", chat.Text);
        var asked = _requests.Count;

        var ack = Assert.Single(await chat.SendAsync("Mam kłopot z sąsiadem, proszę o telefon: 600 100 200."));
        Assert.Equal([HandoffDesk.EndPayload], ack.Buttons.SelectMany(row => row).Select(b => b.Payload)); // only acknowledged

        Assert.Equal(asked, _requests.Count);
        Assert.Equal(1, await chat.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.HandoffMessages)));
    }

    [Fact]
    public async Task Off_topic_requests_are_declined_kindly()
    {
        _finalContent = """{"intent":"off_topic","slots":{},"answer":"Bitcoin to kryptowaluta."}""";
        await using var chat = await StartAsync();

        await chat.SendAsync("ile kosztuje bitcoin?");

        Assert.StartsWith("Na ten temat nie pomogę: jestem asystentem MAM.", chat.Text);
        Assert.DoesNotContain("Bitcoin", chat.Text);
    }

    [Fact]
    public async Task A_slow_model_falls_back_to_the_offline_recognizer_in_bounded_time()
    {
        _delay = TimeSpan.FromSeconds(20);
        _finalContent = """{"intent":"thanks","slots":{}}""";
        await using var chat = await StartAsync(timeoutSeconds: 1);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await chat.SendAsync("o której jesteście otwarci w sobotę?");

        Assert.StartsWith("Godziny otwarcia:", chat.Text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"fallback took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("nie JSON")]
    [InlineData("""{"intent":"zrob_przelew","slots":{}}""")]
    [InlineData("")]
    public void An_answer_that_is_not_a_known_intent_in_json_counts_as_no_answer(string content) =>
        Assert.Null(LlmUnderstanding.Parse(content));
}
