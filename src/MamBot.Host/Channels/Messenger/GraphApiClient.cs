using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Channels.Messenger;

/// <summary>What the Graph API answered: success, or its error code and subcode.</summary>
public sealed record GraphResult(bool Ok, int Status, int? Code = null, int? Subcode = null, string? Message = null);

/// <summary>The few Graph API calls the bot makes: Send API (text, files) and the Messenger Profile API.</summary>
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

    private static int? Number(JsonElement error, string name) =>
        error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;

    public Task<GraphResult> SetProfileAsync(JsonObject profile, CancellationToken ct) =>
        PostAsync(Url("me/messenger_profile"), JsonContent.Create(profile), ct);

    private async Task<GraphResult> PostAsync(string url, HttpContent content, CancellationToken ct)
    {
        using var response = await http.PostAsync(url, content, ct);
        if (response.IsSuccessStatusCode) return new GraphResult(true, (int)response.StatusCode);
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
