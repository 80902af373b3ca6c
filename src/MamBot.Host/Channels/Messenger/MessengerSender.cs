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
/// for a person's replies only, so outside the window a message is skipped as "outside-24h-window", unless it is a
/// reminder or cancellation whose utility template Meta approved (<c>Messenger:UtilityTemplates</c>). A person's
/// reply (<see cref="OutboxKind.HumanReply"/>) may go up to 7 days after the resident's last message with the
/// HUMAN_AGENT tag, when <c>Messenger:HumanAgentTag</c> says Meta approved it for the Page.
/// </summary>
public sealed class MessengerSender(
    GraphApiClient graph, MamDbContext db, UtilityTemplateStore templates, TimeProvider time, IOptions<MessengerOptions> options) : IChannelSender
{
    public static readonly TimeSpan Window = NudgePolicy.MessengerWindow;
    public static readonly TimeSpan HumanAgentWindow = TimeSpan.FromDays(7);

    /// <summary>How long after the resident's last message a person's answer can still reach them.</summary>
    public static TimeSpan HumanReplyWindow(MessengerOptions o) => o.HumanAgentTag ? HumanAgentWindow : Window;

    public string Channel => ChannelNames.Messenger;

    public async Task<Delivery> SendAsync(OutboxMessage message, Reply reply, string chatId, SendPriority priority, CancellationToken ct)
    {
        if (!options.Value.Enabled) return new Delivery(DeliveryOutcome.Failed, OutboxReasons.NoChannel);
        var (type, tag) = await MessagingTypeAsync(message, chatId, ct);
        if (type is null) return await AsUtilityMessageAsync(message, reply, chatId, ct) ?? new Delivery(DeliveryOutcome.Skipped, OutboxReasons.OutsideWindow);

        var parts = MessengerMessages.From(reply);
        for (var i = 0; i < parts.Count; i++)
        {
            var sent = Outcome(await graph.SendTextAsync(chatId, parts[i], type, tag, ct));
            // Once a part is out, retrying would repeat it: later failures are final.
            if (sent.Outcome != DeliveryOutcome.Sent) return i == 0 ? sent : sent with { Outcome = DeliveryOutcome.Failed };
        }

        if (reply.File is { } file && !(await graph.SendFileAsync(chatId, file.FileName, file.ContentType, file.Content, type, tag, ct)).Ok)
            await graph.SendTextAsync(chatId, new MessengerMessage(Wording.Format(T.FileNotDelivered, file.FileName), []), type, tag, ct);
        return Delivery.Sent;
    }

    /// <summary>
    /// RESPONSE for a reply, UPDATE for anything else, MESSAGE_TAG + HUMAN_AGENT for a person's late reply, or no
    /// type when the window the resident's last message opened is closed.
    /// </summary>
    private async Task<(string? Type, string? Tag)> MessagingTypeAsync(OutboxMessage message, string chatId, CancellationToken ct)
    {
        var lastInbound = await db.ChannelIdentities
            .Where(i => i.Channel == ChannelNames.Messenger && i.ExternalId == chatId)
            .Select(i => (DateTime?)i.LastInboundUtc).FirstOrDefaultAsync(ct);
        // Before consent nobody is stored: the assistant's reply row was made when the resident wrote.
        if (message.Kind == OutboxKind.Reply && (lastInbound is null || message.CreatedUtc > lastInbound)) lastInbound = message.CreatedUtc;
        if (lastInbound is not { } last) return (null, null);
        var since = time.GetUtcNow().UtcDateTime - last;
        if (since < Window) return (OutboxMessage.IsAnswer(message.Kind) ? "RESPONSE" : "UPDATE", null);
        if (message.Kind == OutboxKind.HumanReply && since < HumanReplyWindow(options.Value)) return ("MESSAGE_TAG", "HUMAN_AGENT");
        return (null, null);
    }

    /// <summary>
    /// Outside the window a nudge that names a utility template goes as that template, when the switch is on and Meta
    /// approved it; null otherwise. The resident's own words in the window stay richer (buttons), so this is the last resort.
    /// </summary>
    private async Task<Delivery?> AsUtilityMessageAsync(OutboxMessage message, Reply reply, string chatId, CancellationToken ct)
    {
        if (!message.IsNudge || await UtilityTemplates.UsableForAsync(reply.Utility, templates, ct) is not { } template) return null;
        return Outcome(await graph.SendTemplateAsync(chatId, template.Name, template.MetaLanguage, reply.Utility!.Parameters, ct));
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
