namespace MamBot.Data.Residents;

/// <summary>
/// That a resident wrote on a channel in a (local) month: all the pilot report needs for "active" and "new"
/// residents. On erasure the resident id is replaced by a random one, so the counts stay and the person goes.
/// </summary>
public sealed class MonthlyActivity
{
    public long Id { get; set; }
    public int CentreId { get; set; }
    public Guid ResidentId { get; set; }
    public required string Channel { get; set; }

    /// <summary>The first day of the month in the centre's time zone.</summary>
    public DateOnly Month { get; set; }
}
