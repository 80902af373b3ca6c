using MamBot.Data;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using MamBot.Host.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Channels.Messenger;

/// <summary>
/// Sends through the Send API within Meta's rules: inside the 24-hour window anything; outside it only what a
/// message tag allows (reminders and changes to a signed-up event: CONFIRMED_EVENT_UPDATE, news about the resident's own request: ACCOUNT_UPDATE).
/// </summary>
public sealed class MessengerSender(GraphApiClient graph, MamDbContext db, TimeProvider time, IOptions<MessengerOptions> options) : IChannelSender
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public string Channel => ChannelNames.Messenger;

    public async Task<Delivery> SendAsync(OutboxMessage message, Reply reply, string chatId, CancellationToken ct)
    {
        if (!options.Value.Enabled) return new Delivery(DeliveryOutcome.Failed, OutboxReasons.NoChannel);
        var (type, tag) = await RuleForAsync(message, chatId, ct);
        if (type is null) return new Delivery(DeliveryOutcome.Skipped, OutboxReasons.OutsideWindow);

        var parts = MessengerMessages.From(reply);
        for (var i = 0; i < parts.Count; i++)
        {
            var sent = Outcome(await graph.SendTextAsync(chatId, parts[i], type, tag, ct));
            // Once a part is out, retrying would repeat it: later failures are final.
            if (sent.Outcome != DeliveryOutcome.Sent) return i == 0 ? sent : sent with { Outcome = DeliveryOutcome.Failed };
        }

        if (reply.File is { } file && !(await graph.SendFileAsync(chatId, file.FileName, file.ContentType, file.Content, type, tag, ct)).Ok)
            await graph.SendTextAsync(chatId, new MessengerMessage(Polish.Format(T.FileNotDelivered, file.FileName), []), type, tag, ct);
        return Delivery.Sent;
    }

    /// <summary>The messaging type and tag this message may use now, or no type when Meta's rules forbid sending it.</summary>
    private async Task<(string? Type, string? Tag)> RuleForAsync(OutboxMessage message, string chatId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (message.Kind == OutboxKind.Reply)
            return now - message.CreatedUtc < Window ? ("RESPONSE", null) : (null, null);

        var lastInbound = await db.ChannelIdentities
            .Where(i => i.Channel == ChannelNames.Messenger && i.ExternalId == chatId)
            .Select(i => (DateTime?)i.LastInboundUtc).FirstOrDefaultAsync(ct);
        if (lastInbound is { } last && now - last < Window) return ("UPDATE", null);

        var tag = message.Kind switch
        {
            OutboxKind.Reminder or OutboxKind.EventUpdate => "CONFIRMED_EVENT_UPDATE",
            OutboxKind.AccountUpdate => "ACCOUNT_UPDATE",
            _ => null,
        };
        return tag is null ? (null, null) : ("MESSAGE_TAG", tag);
    }

    /// <summary>Graph API errors: gone for good, not allowed now, try later, or failed.</summary>
    public static Delivery Outcome(GraphResult r)
    {
        if (r.Ok) return Delivery.Sent;
        var reason = $"graph-{r.Code}/{r.Subcode}: {r.Message}";
        return (r.Code, r.Subcode) switch
        {
            (551, _) or (100, 2018001) or (200, 1545041) => new Delivery(DeliveryOutcome.Unreachable, reason),
            (10, 2018278) => new Delivery(DeliveryOutcome.Skipped, OutboxReasons.OutsideWindow),
            (1 or 2 or 4 or 17 or 32 or 613 or 1200, _) => new Delivery(DeliveryOutcome.RetryLater, reason),
            _ when r.Status >= 500 => new Delivery(DeliveryOutcome.RetryLater, reason),
            _ => new Delivery(DeliveryOutcome.Failed, reason),
        };
    }
}
