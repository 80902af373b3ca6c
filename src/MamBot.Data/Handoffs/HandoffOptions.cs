namespace MamBot.Data.Handoffs;

/// <summary>Config section "Handoff": talking to a person in the team.</summary>
public sealed class HandoffOptions
{
    public const string Section = "Handoff";

    /// <summary>A conversation where the resident wrote nothing for this long goes back to the assistant.</summary>
    public int IdleHours { get; set; } = 24;

    /// <summary>What residents are told while someone is available: "zwykle w ciągu 15 minut".</summary>
    public int UsualReplyMinutes { get; set; } = 15;

    /// <summary>"Jestem przy czacie" ends after this many minutes without the person's own work in the panel.</summary>
    public int AvailableIdleMinutes { get; set; } = 30;

    /// <summary>The panel's public address (https://mam.example.org), for a link in the staff chat's notice; empty: none.</summary>
    public string PanelUrl { get; set; } = "";

    /// <summary>What was written in a closed conversation is deleted after this many days.</summary>
    public int KeepDays { get; set; } = 30;
}
