using System.Globalization;
using System.Text.Json;
using MamBot.Dialogs.Conversation;
using MamBot.Host.Turns;

namespace MamBot.Host.Channels.Messenger;

/// <summary>Reads Messenger webhook events: which ones are residents' actions, their ids, and the activity each means.</summary>
public static class MessengerEvents
{
    public const string GetStartedPayload = "GET_STARTED";

    /// <summary>The residents' actions in a webhook body; echoes, deliveries, reads and anything malformed are not among them.</summary>
    public static IEnumerable<(string EventId, string ChatId, string Raw)> Actions(JsonElement body)
    {
        if (!Has(body, "entry", out var entries) || entries.ValueKind != JsonValueKind.Array) yield break;
        foreach (var entry in entries.EnumerateArray())
        {
            if (!Has(entry, "messaging", out var items) || items.ValueKind != JsonValueKind.Array) continue;
            foreach (var item in items.EnumerateArray())
            {
                if (Str(item, "sender", "id") is not { Length: > 0 and <= 64 } sender) continue;
                var stamp = Has(item, "timestamp", out var t) ? t.GetRawText() : "";
                string? id = null;
                if (Has(item, "message", out var message))
                    id = Has(message, "is_echo", out var echo) && echo.ValueKind == JsonValueKind.True ? null : Str(message, "mid");
                else if (Has(item, "postback", out var postback) && postback.ValueKind == JsonValueKind.Object)
                    id = Str(postback, "mid") ?? $"postback:{sender}:{stamp}";
                else if (Has(item, "referral", out var referral) && referral.ValueKind == JsonValueKind.Object)
                    id = $"referral:{sender}:{stamp}";
                if (id is not null && id.Length <= 200) yield return (id, sender, item.GetRawText());
            }
        }
    }

    /// <summary>
    /// What Meta says of the Page's templates (field message_template_status_update): the template's name, language,
    /// id, new status (APPROVED, REJECTED, PAUSED…) and reason. Anything malformed is not among them.
    /// </summary>
    public static IEnumerable<(string Name, string Language, string? MetaId, string Status, string? Reason)> TemplateStatusChanges(JsonElement body)
    {
        if (!Has(body, "entry", out var entries) || entries.ValueKind != JsonValueKind.Array) yield break;
        foreach (var entry in entries.EnumerateArray())
        {
            if (!Has(entry, "changes", out var changes) || changes.ValueKind != JsonValueKind.Array) continue;
            foreach (var change in changes.EnumerateArray())
            {
                if (Str(change, "field") != "message_template_status_update" || !Has(change, "value", out var value)) continue;
                if (Str(value, "message_template_name") is not { Length: > 0 and <= 512 } name
                    || Str(value, "message_template_language") is not { Length: > 0 and <= 20 } language
                    || Str(value, "event") is not { Length: > 0 and <= 40 } status) continue;
                yield return (name, language, Str(value, "message_template_id"), status, Str(value, "reason"));
            }
        }
    }

    /// <summary>The activity an action means: text, a quick reply or postback payload, or a start link (Get Started, m.me?ref=).</summary>
    public static Activity ToActivity(string eventId, string raw, DateTimeOffset now)
    {
        using var doc = JsonDocument.Parse(raw);
        var item = doc.RootElement;
        var sender = Str(item, "sender", "id")!;

        string? text = null, payload = null;
        if (Has(item, "message", out var message))
        {
            payload = Str(message, "quick_reply", "payload");
            if (payload is null) text = Str(message, "text") ?? "";
        }
        else if (Has(item, "postback", out var postback))
        {
            var value = Str(postback, "payload") ?? "";
            if (value == GetStartedPayload) text = StartWith(Str(postback, "referral", "ref"));
            else payload = value;
        }
        else
        {
            text = StartWith(Str(item, "referral", "ref"));
        }
        return new Activity(ChannelNames.Messenger, sender, text, payload, SentAtOf(item, now), eventId);
    }

    /// <summary>The event's timestamp, when it is a time at all (see <see cref="SentAt.OrNow"/>).</summary>
    private static DateTimeOffset SentAtOf(JsonElement item, DateTimeOffset now)
    {
        if (!Has(item, "timestamp", out var t) || t.ValueKind != JsonValueKind.Number || !t.TryGetInt64(out var ms)) return now;
        if (ms < 0 || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()) return now;
        return SentAt.OrNow(DateTimeOffset.FromUnixTimeMilliseconds(ms), now);
    }

    private static string StartWith(string? reference) => string.IsNullOrWhiteSpace(reference) ? "/start" : "/start " + reference;

    private static bool Has(JsonElement e, string name, out JsonElement value)
    {
        value = default;
        return e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out value);
    }

    private static string? Str(JsonElement e, params string[] path)
    {
        foreach (var name in path)
        {
            if (!Has(e, name, out e)) return null;
        }
        return e.ValueKind switch
        {
            JsonValueKind.String => StringOf(e),
            JsonValueKind.Number => e.GetRawText(),
            _ => null,
        };
    }

    /// <summary>An escaped lone surrogate ("\ud800") is valid JSON but no valid text: read as nothing.</summary>
    private static string? StringOf(JsonElement e)
    {
        try { return e.GetString(); }
        catch (InvalidOperationException) { return null; }
    }
}
