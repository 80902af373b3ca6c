using MamBot.Data.Events;
using MamBot.Data.Residents;

namespace MamBot.Data.Broadcasts;

/// <summary>A message the team sent (or scheduled) to a group of residents; each copy is an outbox row keyed by it.</summary>
public sealed class Broadcast
{
    public const int MaxLength = 1000;

    public int Id { get; set; }
    public int CentreId { get; set; }
    public string Text { get; set; } = "";

    // The team's own versions for residents who chose Ukrainian or English; empty means only the Polish one.
    public string? TextUk { get; set; }
    public string? TextEn { get; set; }
    public Audience Audience { get; set; }
    public EventCategory? AudienceCategory { get; set; }
    public int? AudienceEventId { get; set; }
    public DateTime SendAtUtc { get; set; }
    public int Recipients { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime? CancelledUtc { get; set; }

    /// <summary>The outbox key prefix of this broadcast's copies.</summary>
    public string KeyPrefix => $"broadcast:{Id}:";
}
