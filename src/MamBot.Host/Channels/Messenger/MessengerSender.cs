using MamBot.Data;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using MamBot.Host.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Channels.Messenger;

/// <summary>
/// Sends through the Send API within Meta's rules: only inside the 24-hour window that the resident's last
/// message opened. Meta retired the tags that let reminders out of the window (CONFIRMED_EVENT_UPDATE,
/// POST_PURCHASE_UPDATE, ACCOUNT_UPDATE, on 2026-04-27; sends with them fail with error 100), and HUMAN_AGENT is
/// for a person's replies only, so outside the window a message is skipped as "outside-24h-window".
/// </summary>
public sealed class MessengerSender(GraphApiClient graph, MamDbContext db, TimeProvider time, IOptions<MessengerOptions> options) : IChannelSender
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public string Channel => ChannelNames.Messenger;

    public async Task<Delivery> SendAsync(OutboxMessage message, Reply reply, string chatId, SendPriority priority, CancellationToken ct)
    {
        if (!options.Value.Enabled) return new Delivery(DeliveryOutcome.Failed, OutboxReasons.NoChannel);
        var type = await MessagingTypeAsync(message, chatId, ct);
        if (type is null) return new Delivery(DeliveryOutcome.Skipped, OutboxReasons.OutsideWindow);

        var parts = MessengerMessages.From(reply);
        for (var i = 0; i < parts.Count; i++)
        {
            var sent = Outcome(await graph.SendTextAsync(chatId, parts[i], type, null, ct));
            // Once a part is out, retrying would repeat it: later failures are final.
            if (sent.Outcome != DeliveryOutcome.Sent) return i == 0 ? sent : sent with { Outcome = DeliveryOutcome.Failed };
        }

        if (reply.File is { } file && !(await graph.SendFileAsync(chatId, file.FileName, file.ContentType, file.Content, type, null, ct)).Ok)
            await graph.SendTextAsync(chatId, new MessengerMessage(Polish.Format(T.FileNotDelivered, file.FileName), []), type, null, ct);
        return Delivery.Sent;
    }

    /// <summary>RESPONSE for a reply, UPDATE for anything else, or null when the 24-hour window is closed.</summary>
    private async Task<string?> MessagingTypeAsync(OutboxMessage message, string chatId, CancellationToken ct)
    {
        var lastInbound = await db.ChannelIdentities
            .Where(i => i.Channel == ChannelNames.Messenger && i.ExternalId == chatId)
            .Select(i => (DateTime?)i.LastInboundUtc).FirstOrDefaultAsync(ct);
        // Before consent nobody is stored: a reply's own row was made when the resident wrote.
        if (message.Kind == OutboxKind.Reply && (lastInbound is null || message.CreatedUtc > lastInbound)) lastInbound = message.CreatedUtc;
        if (lastInbound is not { } last || time.GetUtcNow().UtcDateTime - last >= Window) return null;
        return message.Kind == OutboxKind.Reply ? "RESPONSE" : "UPDATE";
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
