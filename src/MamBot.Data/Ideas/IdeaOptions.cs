namespace MamBot.Data.Ideas;

/// <summary>Config section "Ideas".</summary>
public sealed class IdeaOptions
{
    public const string Section = "Ideas";

    /// <summary>When this many residents support an idea, staff are told (once).</summary>
    public int SupportThreshold { get; set; } = 10;
}
