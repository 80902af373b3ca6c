namespace MamBot.Host.Outbox;

/// <summary>
/// Group commit: callers hand in one item each and wait; a single runner takes everything handed in meanwhile
/// and does it in one go. With one caller a batch is that one item and nobody waits longer than before; with
/// hundreds at once they share one write instead of queueing for the database's write lock one by one.
/// </summary>
public sealed class GroupCommit<TItem, TResult>(
    Func<IReadOnlyList<TItem>, Task<IReadOnlyDictionary<TItem, TResult>>> runBatch) where TItem : notnull
{
    private readonly Lock _gate = new();
    private List<(TItem Item, TaskCompletionSource<TResult> Done)> _waiting = [];
    private bool _running;

    /// <summary>
    /// Not cancellable on purpose: once handed in, the item may already be written, and the caller must know
    /// what happened to it. A batch is a few short statements.
    /// </summary>
    public Task<TResult> RunAsync(TItem item)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool lead;
        lock (_gate)
        {
            _waiting.Add((item, done));
            lead = !_running;
            _running = true;
        }
        if (lead) _ = Task.Run(DrainAsync, CancellationToken.None);
        return done.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<(TItem Item, TaskCompletionSource<TResult> Done)> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _running = false;
                    return;
                }
                (batch, _waiting) = (_waiting, []);
            }
            try
            {
                var results = await runBatch([.. batch.Select(b => b.Item).Distinct()]);
                foreach (var (item, done) in batch) done.TrySetResult(results[item]);
            }
            catch (Exception ex)
            {
                foreach (var (_, done) in batch) done.TrySetException(ex);
            }
        }
    }
}
