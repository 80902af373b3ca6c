using MamBot.Data.Residents;

namespace MamBot.Data.Outbox;

/// <summary>
/// Every message the bot sends, a reply or a nudge, is first a row here. The unique idempotency key
/// makes "send this once" a database fact instead of a hope.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string IdempotencyKey { get; set; }
    public OutboxKind Kind { get; set; }

    /// <summary>For nudges: the resident; the channel is chosen when the message is delivered.</summary>
    public Guid? ResidentId { get; set; }

    /// <summary>For replies: the chat to answer. For nudges: filled in with where it went.</summary>
    public string? Channel { get; set; }
    public string? ChatId { get; set; }

    /// <summary>The rendered message (JSON of the dialog layer's reply); opaque to this layer.</summary>
    public required string Body { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime DueUtc { get; set; }

    /// <summary>After this the message is pointless (an announcement once the event began): skipped, not sent late.</summary>
    public DateTime? ExpiresUtc { get; set; }
    public OutboxStatus Status { get; set; }
    public string? StatusReason { get; set; }
    public int Attempts { get; set; }
    public DateTime? ClaimedUtc { get; set; }

    /// <summary>The process that claimed it (<see cref="DeliveryProcess"/>): a host taking over delivery resolves the others' claims.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? DoneUtc { get; set; }

    /// <summary>
    /// The platform's id of the message once sent to a group (the staff chat): a staff member's reply to it is
    /// matched by this, never by anything written in it.
    /// </summary>
    public string? PlatformMessageId { get; set; }

    public bool IsNudge => !IsAnswer(Kind);

    /// <summary>Answers to the resident (the assistant's or a person's): never held back by nudge rules.</summary>
    public static readonly OutboxKind[] AnswerKinds = [OutboxKind.Reply, OutboxKind.HumanReply];

    public static bool IsAnswer(OutboxKind kind) => AnswerKinds.Contains(kind);
}

public enum OutboxKind
{
    /// <summary>An answer to something the resident just wrote: always allowed, never opted out of.</summary>
    Reply,

    /// <summary>
    /// A person in the team answering a resident who asked for one. On Messenger it keeps to the window the
    /// resident's last message opened (RESPONSE), or up to 7 days with the HUMAN_AGENT tag when allowed.
    /// </summary>
    HumanReply,
    FollowUp,

    /// <summary>A reminder of something the resident booked or signed up for (Messenger: CONFIRMED_EVENT_UPDATE).</summary>
    Reminder,

    /// <summary>News about the resident's own request, e.g. a booking approved (Messenger: ACCOUNT_UPDATE).</summary>
    AccountUpdate,

    /// <summary>A change to an event the resident signed up for: moved, cancelled, a place freed (Messenger: CONFIRMED_EVENT_UPDATE).</summary>
    EventUpdate,

    /// <summary>A new event in a category the resident chose.</summary>
    Announcement,

    /// <summary>The weekly digest of the week's events.</summary>
    Digest,

    /// <summary>"Jak było?" the morning after an event.</summary>
    Feedback,

    /// <summary>An invitation to a survey, or its one reminder.</summary>
    SurveyInvitation,

    /// <summary>News about an idea the resident supports (it became an event) or wrote (someone offers help).</summary>
    IdeaUpdate,

    /// <summary>A message from the team to a group of residents ("Ogłoszenia" in the panel).</summary>
    Broadcast,
}

public enum OutboxStatus
{
    Queued,
    Sending,
    Sent,
    Skipped,
    Failed,

    /// <summary>The host died while sending it: it may or may not have arrived (never sent again if proactive).</summary>
    Unknown,
}

/// <summary>A delivered message kept for channels that fetch their messages (the web chat page polls).</summary>
public sealed class MailboxMessage
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public required string ChatId { get; set; }
    public long OutboxMessageId { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedUtc { get; set; }
}

public static class OutboxKinds
{
    /// <summary>Which resident opt-out governs a nudge kind (replies have none).</summary>
    public static NudgeKind? PreferenceFor(OutboxKind kind) => kind switch
    {
        OutboxKind.FollowUp => NudgeKind.Tips,
        OutboxKind.Reminder => NudgeKind.Reminders,
        OutboxKind.Announcement => NudgeKind.Events,
        OutboxKind.Digest => NudgeKind.Digest,
        OutboxKind.Feedback => NudgeKind.Surveys,
        OutboxKind.IdeaUpdate => NudgeKind.Ideas,
        OutboxKind.SurveyInvitation => NudgeKind.Surveys,
        OutboxKind.Broadcast => NudgeKind.Announcements,
        _ => null,
    };
}
