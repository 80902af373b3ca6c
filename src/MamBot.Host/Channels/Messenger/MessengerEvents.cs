using System.Globalization;
using System.Text.Json;
using MamBot.Dialogs.Conversation;

namespace MamBot.Host.Channels.Messenger;

/// <summary>Reads Messenger webhook events: which ones are residents' actions, their ids, and the activity each means.</summary>
public static class MessengerEvents
{
    public const string GetStartedPayload = "GET_STARTED";

    /// <summary>The residents' actions in a webhook body; echoes, deliveries and reads are not among them.</summary>
    public static IEnumerable<(string EventId, string ChatId, string Raw)> Actions(JsonElement body)
    {
        if (!body.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array) yield break;
        foreach (var entry in entries.EnumerateArray())
        {
            if (!entry.TryGetProperty("messaging", out var items) || items.ValueKind != JsonValueKind.Array) continue;
            foreach (var item in items.EnumerateArray())
            {
                if (Str(item, "sender", "id") is not { } sender) continue;
                var stamp = item.TryGetProperty("timestamp", out var t) ? t.ToString() : "";
                string? id = null;
                if (item.TryGetProperty("message", out var message))
                    id = message.TryGetProperty("is_echo", out var echo) && echo.ValueKind == JsonValueKind.True ? null : Str(message, "mid");
                else if (item.TryGetProperty("postback", out var postback))
                    id = Str(postback, "mid") ?? $"postback:{sender}:{stamp}";
                else if (item.TryGetProperty("referral", out _))
                    id = $"referral:{sender}:{stamp}";
                if (id is not null) yield return (id, sender, item.GetRawText());
            }
        }
    }

    /// <summary>The activity an action means: text, a quick reply or postback payload, or a start link (Get Started, m.me?ref=).</summary>
    public static Activity ToActivity(string eventId, string raw, DateTimeOffset fallbackTime)
    {
        using var doc = JsonDocument.Parse(raw);
        var item = doc.RootElement;
        var sender = Str(item, "sender", "id")!;
        var at = item.TryGetProperty("timestamp", out var t) && t.TryGetInt64(out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : fallbackTime;

        string? text = null, payload = null;
        if (item.TryGetProperty("message", out var message))
        {
            payload = Str(message, "quick_reply", "payload");
            if (payload is null) text = Str(message, "text") ?? "";
        }
        else if (item.TryGetProperty("postback", out var postback))
        {
            var value = Str(postback, "payload") ?? "";
            if (value == GetStartedPayload) text = StartWith(Str(postback, "referral", "ref"));
            else payload = value;
        }
        else
        {
            text = StartWith(Str(item, "referral", "ref"));
        }
        return new Activity(ChannelNames.Messenger, sender, text, payload, at, eventId);
    }

    private static string StartWith(string? reference) => string.IsNullOrWhiteSpace(reference) ? "/start" : "/start " + reference;

    private static string? Str(JsonElement e, params string[] path)
    {
        foreach (var name in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e)) return null;
        }
        return e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.GetRawText(),
            _ => null,
        };
    }

}
