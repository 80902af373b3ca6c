using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using MamBot.Host.Outbox;

namespace MamBot.Host.Channels.WebChat;

/// <summary>The web chat page fetches its messages, so delivering is putting the message in its mailbox.</summary>
public sealed class WebChatSender(OutboxStore outbox) : IChannelSender
{
    public string Channel => ChannelNames.WebChat;

    public bool DeliversInDatabase => true;

    public Task<Delivery> SendAsync(OutboxMessage message, Reply reply, string chatId, SendPriority priority, CancellationToken ct)
    {
        // Saved together with the claim and the "sent" mark by the dispatcher: one transaction, never half-sent.
        outbox.AddToMailbox(message, Channel, chatId);
        return Task.FromResult(Delivery.Sent);
    }
}
