namespace MamBot.Dialogs.Conversation;

/// <summary>
/// One thing a resident did, whatever the channel: typed text or pressed a button (payload).
/// Channels translate their updates into this and nothing else reaches the dialogs.
/// LanguageHint: the language the resident's app or browser is set to ("uk", "en-GB"), when the channel says.
/// </summary>
public sealed record Activity(
    string Channel,
    string ChatId,
    string? Text,
    string? Payload,
    DateTimeOffset Timestamp,
    string? UpdateId = null,
    string? SenderName = null,
    string? LanguageHint = null);

public static class ChannelNames
{
    public const string WebChat = "webchat";
    public const string Telegram = "telegram";
    public const string Messenger = "messenger";

    /// <summary>
    /// Channels whose clients fetch their messages from our mailbox (the web chat page): a reply to them is
    /// delivered by writing it there, in the turn's own transaction.
    /// </summary>
    public static bool FetchesFromMailbox(string channel) => channel == WebChat;
}
