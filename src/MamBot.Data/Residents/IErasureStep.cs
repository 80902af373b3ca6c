namespace MamBot.Data.Residents;

/// <summary>
/// Something outside the entities that still knows a resident's chats (the throttles' keyed hashes): forgotten in
/// the erasure's own transaction, through its <see cref="MamDbContext"/>.
/// </summary>
public interface IErasureStep
{
    Task EraseAsync(MamDbContext db, IReadOnlyList<(string Channel, string ChatId)> chats, CancellationToken ct);
}
