using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;

namespace MamBot.Host.Outbox;

/// <summary>Delivers one outbox message on one platform. Only Host/Channels/* implement it.</summary>
public interface IChannelSender
{
    string Channel { get; }

    /// <summary>True when delivering is a write to our own database, done in the claim's transaction (the web chat).</summary>
    bool DeliversInDatabase => false;

    /// <summary>
    /// Waits for the platform's pacing before the message is claimed, so that a claim is made only when its request
    /// can leave at once: a crash then leaves of unknown fate only what really was on its way. No pacing: no wait.
    /// </summary>
    Task TakeTurnAsync(string chatId, SendPriority priority, CancellationToken ct) => Task.CompletedTask;

    /// <summary>A turn taken and not used (the message was postponed, skipped, or someone else's) goes back.</summary>
    void ReturnTurn() { }

    Task<Delivery> SendAsync(OutboxMessage message, Reply reply, string chatId, SendPriority priority, CancellationToken ct);
}

public enum DeliveryOutcome
{
    Sent,
    /// <summary>The resident blocked us or is gone: stop writing to this chat.</summary>
    Unreachable,
    /// <summary>A passing problem (rate limit, network): try again later.</summary>
    RetryLater,
    /// <summary>The platform's rules do not allow this message now (e.g. Messenger's 24-hour window).</summary>
    Skipped,
    Failed,
}

/// <param name="PlatformMessageId">The platform's id of what was sent, when a reply to it must be recognised later.</param>
public sealed record Delivery(DeliveryOutcome Outcome, string? Reason = null, TimeSpan? RetryAfter = null, string? PlatformMessageId = null)
{
    public static readonly Delivery Sent = new(DeliveryOutcome.Sent);
}
