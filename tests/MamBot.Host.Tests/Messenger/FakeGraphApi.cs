using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MamBot.Host.Tests.Messenger;

/// <summary>Meta's Graph API as far as the bot uses it, on 127.0.0.1: records every call, answers errors for chosen recipients.</summary>
public sealed class FakeGraphApi : IAsyncDisposable
{
    public const string PageToken = "page-token-test";
    public const string AppSecret = "app-secret-test";
    public const string VerifyToken = "verify-me-please";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<GraphCall> _calls = new();
    private readonly ConcurrentDictionary<string, Queue<(int Status, object Body)>> _scripted = new();

    /// <summary>Tags Meta retired on 2026-04-27: a send carrying one fails with error 100.</summary>
    public static readonly string[] RetiredTags = ["CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "ACCOUNT_UPDATE"];
    private int _retiredTagRefusals;

    public string BaseUrl => _app.Urls.Single();
    public int RetiredTagRefusals => Volatile.Read(ref _retiredTagRefusals);
    public IReadOnlyList<GraphCall> Calls => [.. _calls];

    private FakeGraphApi(WebApplication app) => _app = app;

    /// <summary>Posts a webhook body to the host signed as Meta signs it.</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(HttpClient host, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/messenger") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Hub-Signature-256", Sign(body));
        return await host.SendAsync(request);
    }

    /// <summary>The host's Messenger settings for this fake.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Messenger:PageAccessToken"] = PageToken,
        ["Messenger:AppSecret"] = AppSecret,
        ["Messenger:VerifyToken"] = VerifyToken,
        ["Messenger:GraphApiBaseUrl"] = BaseUrl,
    };

    public static async Task<FakeGraphApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeGraphApi(app);
        app.MapPost("/{version}/me/{edge}", fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>The next calls to this recipient answer these errors, in order; then success again.</summary>
    public void Fail(string recipient, params (int Status, int Code, int? Subcode)[] errors) =>
        _scripted[recipient] = new Queue<(int, object)>(errors.Select(e => (e.Status, (object)new
        {
            error = new { message = $"scripted error {e.Code}", type = "OAuthException", code = e.Code, error_subcode = e.Subcode, fbtrace_id = "x" },
        })));

    private async Task<IResult> HandleAsync(string version, string edge, HttpRequest request)
    {
        string? recipient;
        JsonElement? json = null;
        string? fileName = null;
        string? tag;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            recipient = JsonDocument.Parse(form["recipient"].ToString()).RootElement.GetProperty("id").GetString();
            fileName = form.Files.SingleOrDefault()?.FileName;
            tag = form.TryGetValue("tag", out var t) ? t.ToString() : null;
        }
        else
        {
            json = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            recipient = json.Value.TryGetProperty("recipient", out var r) ? r.GetProperty("id").GetString() : null;
            tag = json.Value.TryGetProperty("tag", out var t) ? t.GetString() : null;
        }
        _calls.Enqueue(new GraphCall(version, edge, request.Query["access_token"].ToString(), recipient, json, fileName, tag));

        if (tag is not null && RetiredTags.Contains(tag))
        {
            Interlocked.Increment(ref _retiredTagRefusals);
            return Results.Json(new { error = new { message = "(#100) Tag is no longer supported", type = "OAuthException", code = 100, fbtrace_id = "x" } },
                statusCode: 400);
        }

        if (recipient is not null && _scripted.TryGetValue(recipient, out var queue) && queue.TryDequeue(out var error))
            return Results.Json(error.Body, statusCode: error.Status);
        return edge == "messages"
            ? Results.Json(new { recipient_id = recipient, message_id = "m_" + Guid.NewGuid().ToString("N") })
            : Results.Json(new { result = "success" });
    }

    public IReadOnlyList<GraphCall> SentTo(string recipient) => [.. _calls.Where(c => c.Edge == "messages" && c.Recipient == recipient)];

    public async Task<IReadOnlyList<GraphCall>> WaitForSendsAsync(string recipient, int count)
    {
        var clock = Stopwatch.StartNew();
        while (SentTo(recipient).Count < count)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20))
                throw new TimeoutException($"Expected {count} send(s) to {recipient}, saw {SentTo(recipient).Count}: {string.Join(" | ", SentTo(recipient).Select(c => c.Text))}");
            await Task.Delay(50);
        }
        await Task.Delay(200); // anything else of the same turn
        return SentTo(recipient);
    }

    /// <summary>Signs a webhook body as Meta does: "sha256=" + HMAC-SHA256 of the raw bytes with the app secret.</summary>
    public static string Sign(string body, string secret = AppSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record GraphCall(string Version, string Edge, string AccessToken, string? Recipient, JsonElement? Json, string? FileName, string? Tag)
{
    public string? Text => Json?.GetProperty("message").TryGetProperty("text", out var t) == true ? t.GetString() : null;
    public string? MessagingType => Json?.GetProperty("messaging_type").GetString();

    public IReadOnlyList<(string Title, string Payload)> QuickReplies =>
        Json?.GetProperty("message").TryGetProperty("quick_replies", out var q) == true
            ? [.. q.EnumerateArray().Select(r => (r.GetProperty("title").GetString()!, r.GetProperty("payload").GetString()!))]
            : [];

    public string Payload(string title) => QuickReplies.First(q => q.Title == title).Payload;
}
