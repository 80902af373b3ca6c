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
    public const string PageId = "1909458034523498";

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
        ["Messenger:PageId"] = PageId,
    };

    public static async Task<FakeGraphApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeGraphApi(app);
        app.MapGet("/{version}/" + PageId + "/message_templates", fake.ListTemplates);
        app.MapPost("/{version}/" + PageId + "/message_templates", fake.CreateTemplateAsync);
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

        if (json?.TryGetProperty("messaging_type", out var type) == true && type.GetString() == "UTILITY" && RefusedUtility(json.Value) is { } refusal)
            return Error(100, refusal);

        if (recipient is not null && _scripted.TryGetValue(recipient, out var queue) && queue.TryDequeue(out var error))
            return Results.Json(error.Body, statusCode: error.Status);
        return edge == "messages"
            ? Results.Json(new { recipient_id = recipient, message_id = "m_" + Guid.NewGuid().ToString("N") })
            : Results.Json(new { result = "success" });
    }

    // Page-owned utility templates, as Meta documents them (send-messages/utility-messages).
    private readonly ConcurrentDictionary<string, FakeTemplate> _templates = new();
    private readonly ConcurrentQueue<JsonElement> _templateRequests = new();

    /// <summary>What Meta answers a new template with: "APPROVED" (within seconds, as documented) or e.g. "PENDING".</summary>
    public string NewTemplateStatus { get; set; } = "APPROVED";

    public IReadOnlyList<JsonElement> TemplateRequests => [.. _templateRequests];
    public IReadOnlyDictionary<string, FakeTemplate> Templates => _templates;

    public void SetTemplateStatus(string name, string status) => _templates[name] = _templates[name] with { Status = status };

    /// <summary>The Page webhook Meta sends when a template's status changes (field message_template_status_update).</summary>
    public string TemplateStatusWebhook(string name, string status, string reason = "NONE") => JsonSerializer.Serialize(new
    {
        @object = "page",
        entry = new[]
        {
            new
            {
                id = PageId,
                time = 1_700_000_000,
                changes = new[]
                {
                    new
                    {
                        field = "message_template_status_update",
                        value = new
                        {
                            @event = status,
                            message_template_id = _templates.TryGetValue(name, out var t) ? long.Parse(t.Id, System.Globalization.CultureInfo.InvariantCulture) : 1L,
                            message_template_name = name,
                            message_template_language = _templates.TryGetValue(name, out var known) ? known.Language : "pl",
                            reason,
                        },
                    },
                },
            },
        },
    });

    private IResult ListTemplates(string version, HttpRequest request)
    {
        _calls.Enqueue(new GraphCall(version, "message_templates", request.Query["access_token"].ToString(), null, null, null, null));
        var name = request.Query["name"].ToString();
        return Results.Json(new
        {
            data = _templates.Values.Where(t => name.Length == 0 || t.Name.Contains(name, StringComparison.Ordinal))
                .Select(t => new { name = t.Name, language = t.Language, category = "UTILITY", status = t.Status, id = t.Id }),
        });
    }

    /// <summary>Refuses what Meta refuses: a bad name, another category, a duplicate, facts without an example for each.</summary>
    private async Task<IResult> CreateTemplateAsync(string version, HttpRequest request)
    {
        var json = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        _calls.Enqueue(new GraphCall(version, "message_templates", request.Query["access_token"].ToString(), null, json, null, null));
        _templateRequests.Enqueue(json);
        var name = json.GetProperty("name").GetString()!;
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9_]{1,512}$")) return Error(100, "Invalid template name");
        if (json.GetProperty("category").GetString() != "UTILITY") return Error(100, "Only UTILITY templates on Messenger");
        var body = json.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "BODY");
        var text = body.GetProperty("text").GetString()!;
        var facts = System.Text.RegularExpressions.Regex.Matches(text, @"\{\{\d+\}\}").Count;
        var examples = body.GetProperty("example").GetProperty("body_text")[0].GetArrayLength();
        if (facts != examples) return Error(100, $"Example has {examples} values for {facts} parameters");
        if (text.TrimStart().StartsWith("{{", StringComparison.Ordinal) || text.TrimEnd().EndsWith("}}", StringComparison.Ordinal))
            return Error(100, "Parameters cannot start or end the text");
        var template = new FakeTemplate((102295129340398 + _templates.Count).ToString(System.Globalization.CultureInfo.InvariantCulture),
            name, json.GetProperty("language").GetString()!, text, NewTemplateStatus);
        if (!_templates.TryAdd(name, template)) return Error(100, "Message template already exists", 2388024);
        return Results.Json(new { id = template.Id, status = template.Status, category = "UTILITY" });
    }

    private string? RefusedUtility(JsonElement json)
    {
        var template = json.GetProperty("message").GetProperty("template");
        if (!_templates.TryGetValue(template.GetProperty("name").GetString()!, out var known)) return "Template does not exist";
        if (known.Status != "APPROVED") return $"Template is {known.Status}";
        if (template.GetProperty("language").GetProperty("code").GetString() != known.Language) return "Template language mismatch";
        var facts = template.TryGetProperty("components", out var c) ? c[0].GetProperty("parameters").GetArrayLength() : 0;
        return facts == System.Text.RegularExpressions.Regex.Matches(known.Text, @"\{\{\d+\}\}").Count ? null : "Parameter count mismatch";
    }

    private static IResult Error(int code, string message, int? subcode = null) =>
        Results.Json(new { error = new { message = $"(#{code}) {message}", type = "OAuthException", code, error_subcode = subcode, fbtrace_id = "x" } }, statusCode: 400);

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

public sealed record FakeTemplate(string Id, string Name, string Language, string Text, string Status);

public sealed record GraphCall(string Version, string Edge, string AccessToken, string? Recipient, JsonElement? Json, string? FileName, string? Tag)
{
    public string? Text => Json?.GetProperty("message").TryGetProperty("text", out var t) == true ? t.GetString() : null;
    public string? MessagingType => Json?.GetProperty("messaging_type").GetString();

    /// <summary>A utility message: its template's name and the facts in order.</summary>
    public (string Name, IReadOnlyList<string> Facts)? Template =>
        Json?.TryGetProperty("message", out var m) == true && m.TryGetProperty("template", out var t)
            ? (t.GetProperty("name").GetString()!, t.TryGetProperty("components", out var c)
                ? [.. c[0].GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("text").GetString()!)] : [])
            : null;

    /// <summary>The language code a utility message's template was asked for in.</summary>
    public string? TemplateLanguage =>
        Json?.TryGetProperty("message", out var m) == true && m.TryGetProperty("template", out var t) ? t.GetProperty("language").GetProperty("code").GetString() : null;

    public IReadOnlyList<(string Title, string Payload)> QuickReplies =>
        Json?.GetProperty("message").TryGetProperty("quick_replies", out var q) == true
            ? [.. q.EnumerateArray().Select(r => (r.GetProperty("title").GetString()!, r.GetProperty("payload").GetString()!))]
            : [];

    public string Payload(string title) => QuickReplies.First(q => q.Title == title).Payload;
}
