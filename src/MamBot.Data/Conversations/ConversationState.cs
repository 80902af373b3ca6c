namespace MamBot.Data.Conversations;

/// <summary>Where a conversation stands (the dialog stack as JSON), per channel and chat, so it survives a restart.</summary>
public sealed class ConversationState
{
    public required string Channel { get; set; }
    public required string ChatId { get; set; }
    public required string StateJson { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>A channel update already handled; platforms redeliver, we answer once.</summary>
public sealed class ProcessedUpdate
{
    public required string Channel { get; set; }
    public required string UpdateId { get; set; }
    public DateTime ProcessedUtc { get; set; }
}
