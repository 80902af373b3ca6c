using MamBot.Data.Outbox;

namespace MamBot.Host.Outbox;

/// <summary>
/// The two writes around each reply sent over the network (claim it, record it sent), shared between the
/// lanes: when many residents are answered at once, their lanes claim together and record together, one write
/// transaction each way, instead of two per message.
/// </summary>
public sealed class SharedOutboxWrites
{
    private readonly IServiceScopeFactory _scopes;
    private readonly GroupCommit<long, OutboxMessage?> _claims;
    private readonly GroupCommit<long, bool> _sent;

    public SharedOutboxWrites(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _claims = new(ids => InScopeAsync(outbox => outbox.ClaimAllAsync(ids, CancellationToken.None)));
        _sent = new(async ids =>
        {
            await InScopeAsync(async outbox =>
            {
                await outbox.MarkAllSentAsync(ids, CancellationToken.None);
                return true;
            });
            return ids.ToDictionary(id => id, _ => true);
        });
    }

    /// <summary>The message, claimed for this caller and untracked; null when someone else has it or it is done.</summary>
    public Task<OutboxMessage?> ClaimAsync(long id) => _claims.RunAsync(id);

    public Task MarkSentAsync(long id) => _sent.RunAsync(id);

    private async Task<T> InScopeAsync<T>(Func<OutboxStore, Task<T>> write)
    {
        await using var scope = _scopes.CreateAsyncScope();
        return await write(scope.ServiceProvider.GetRequiredService<OutboxStore>());
    }
}
