using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Channels.Messenger;

/// <summary>What the Graph API answered: success, or its error code and subcode.</summary>
public sealed record GraphResult(bool Ok, int Status, int? Code = null, int? Subcode = null, string? Message = null);

/// <summary>A Page's message template as Meta describes it: its id, status (APPROVED, PENDING, REJECTED…) and why.</summary>
public sealed record GraphTemplate(string? Id, string Status, string? Reason);

/// <summary>
/// The few Graph API calls the bot makes: Send API (text, files, utility messages), the Messenger Profile API and
/// the Page's message templates.
/// </summary>
public sealed class GraphApiClient(HttpClient http, IOptions<MessengerOptions> options)
{
    private string Url(string path) =>
        $"{options.Value.GraphApiBaseUrl.TrimEnd('/')}/{options.Value.GraphApiVersion}/{path}?access_token={Uri.EscapeDataString(options.Value.PageAccessToken ?? "")}";

    public Task<GraphResult> SendTextAsync(string recipientId, MessengerMessage message, string messagingType, string? tag, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["recipient"] = new JsonObject { ["id"] = recipientId },
            ["messaging_type"] = messagingType,
            ["message"] = new JsonObject { ["text"] = message.Text },
        };
        if (tag is not null) body["tag"] = tag;
        if (message.QuickReplies.Count > 0)
            body["message"]!["quick_replies"] = new JsonArray([.. message.QuickReplies.Select(q =>
                (JsonNode)new JsonObject { ["content_type"] = "text", ["title"] = q.Title, ["payload"] = q.Payload })]);
        return PostAsync(Url("me/messages"), JsonContent.Create(body), ct);
    }

    /// <summary>A file as an attachment, uploaded with the message (multipart).</summary>
    public Task<GraphResult> SendFileAsync(string recipientId, string fileName, string contentType, byte[] content, string messagingType, string? tag, CancellationToken ct)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(new { id = recipientId })), "recipient" },
            { new StringContent(messagingType), "messaging_type" },
            { new StringContent(JsonSerializer.Serialize(new { attachment = new { type = "file", payload = new { is_reusable = false } } })), "message" },
        };
        if (tag is not null) form.Add(new StringContent(tag), "tag");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "filedata", fileName);
        return PostAsync(Url("me/messages"), form, ct);
    }

    /// <summary>A utility message from one of the Page's approved templates, its facts in order ({{1}}, {{2}}…).</summary>
    public Task<GraphResult> SendTemplateAsync(string recipientId, string name, string language, IReadOnlyList<string> facts, CancellationToken ct)
    {
        var template = new JsonObject { ["name"] = name, ["language"] = new JsonObject { ["code"] = language } };
        if (facts.Count > 0)
            template["components"] = new JsonArray(new JsonObject
            {
                ["type"] = "body",
                ["parameters"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = f })]),
            });
        var body = new JsonObject
        {
            ["recipient"] = new JsonObject { ["id"] = recipientId },
            ["messaging_type"] = "UTILITY",
            ["message"] = new JsonObject { ["template"] = template },
        };
        return PostAsync(Url("me/messages"), JsonContent.Create(body), ct);
    }

    /// <summary>The Page's template of this name and language, or null when the Page has none.</summary>
    public async Task<(GraphResult Result, GraphTemplate? Template)> FindTemplateAsync(string name, string language, CancellationToken ct)
    {
        using var response = await http.GetAsync(Url($"{PagePath}/message_templates") + "&name=" + Uri.EscapeDataString(name), ct);
        if (!response.IsSuccessStatusCode) return (await ErrorAsync(response, ct), null);
        var list = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var found = list.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? data.EnumerateArray().Where(t => Text(t, "name") == name && Text(t, "language") == language).Select(ReadTemplate).FirstOrDefault()
            : null;
        return (new GraphResult(true, (int)response.StatusCode), found);
    }

    /// <summary>Creates a Page-owned utility template: its text with {{n}} for the facts and an example Meta reviews.</summary>
    public async Task<(GraphResult Result, GraphTemplate? Template)> CreateTemplateAsync(
        string name, string language, string text, IReadOnlyList<string> example, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["name"] = name,
            ["language"] = language,
            ["category"] = "UTILITY",
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = "BODY",
                ["text"] = text,
                ["example"] = new JsonObject { ["body_text"] = new JsonArray(new JsonArray([.. example.Select(e => (JsonNode)JsonValue.Create(e))])) },
            }),
        };
        using var response = await http.PostAsync(Url($"{PagePath}/message_templates"), JsonContent.Create(body), ct);
        if (!response.IsSuccessStatusCode) return (await ErrorAsync(response, ct), null);
        return (new GraphResult(true, (int)response.StatusCode), ReadTemplate(await response.Content.ReadFromJsonAsync<JsonElement>(ct)));
    }

    /// <summary>The Page's id when configured; "me" is the Page itself for a Page token.</summary>
    private string PagePath => string.IsNullOrWhiteSpace(options.Value.PageId) ? "me" : options.Value.PageId;

    private static GraphTemplate ReadTemplate(JsonElement t) =>
        new(Text(t, "id"), Text(t, "status") ?? "UNKNOWN", Text(t, "rejected_reason"));

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null }
            : null;

    private static int? Number(JsonElement error, string name) =>
        error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;

    public Task<GraphResult> SetProfileAsync(JsonObject profile, CancellationToken ct) =>
        PostAsync(Url("me/messenger_profile"), JsonContent.Create(profile), ct);

    private async Task<GraphResult> PostAsync(string url, HttpContent content, CancellationToken ct)
    {
        using var response = await http.PostAsync(url, content, ct);
        return response.IsSuccessStatusCode ? new GraphResult(true, (int)response.StatusCode) : await ErrorAsync(response, ct);
    }

    private static async Task<GraphResult> ErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var error = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error");
            return new GraphResult(false, (int)response.StatusCode,
                Number(error, "code"), Number(error, "error_subcode"),
                error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new GraphResult(false, (int)response.StatusCode, Message: response.ReasonPhrase);
        }
    }
}
