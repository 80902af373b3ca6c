using MamBot.Host.Outbox;

namespace MamBot.Host.Tests.Outbox;

/// <summary>The batching under the lanes' shared writes: what is handed in meanwhile goes together, a fault reaches every caller.</summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task Items_handed_in_while_a_batch_runs_go_together_in_the_next_one()
    {
        var batches = new List<IReadOnlyList<int>>();
        var firstMayFinish = new TaskCompletionSource();
        var group = new GroupCommit<int, string>(async items =>
        {
            lock (batches) batches.Add(items);
            if (items.Contains(1)) await firstMayFinish.Task;
            return items.ToDictionary(i => i, i => "done " + i);
        });

        var first = group.RunAsync(1);
        await Eventually.HoldsAsync(() => { lock (batches) return batches.Count == 1; }, "the first batch to start");
        var later = new[] { group.RunAsync(2), group.RunAsync(3), group.RunAsync(3) };
        firstMayFinish.SetResult();

        Assert.Equal("done 1", await first);
        Assert.Equal(["done 2", "done 3", "done 3"], await Task.WhenAll(later));
        Assert.Equal([[1], [2, 3]], batches.Select(b => b.ToArray()));
    }

    [Fact]
    public async Task A_failed_batch_fails_each_of_its_callers_and_the_next_batch_runs()
    {
        var fail = true;
        var group = new GroupCommit<int, int>(items =>
            fail ? throw new IOException("disk full") : Task.FromResult<IReadOnlyDictionary<int, int>>(items.ToDictionary(i => i, i => i * 2)));

        await Assert.ThrowsAsync<IOException>(() => group.RunAsync(1));
        fail = false;
        Assert.Equal(4, await group.RunAsync(2));
    }
}
