namespace MamBot.Data.Outbox;

/// <summary>
/// This running process, as it signs its claims on outbox messages: a host that takes delivery over knows
/// which claims are not its own. New at every start, so a restarted host resolves what it left behind itself,
/// and new at every tenure of the platform lease, so a host that lost the lease and took it back resolves the
/// claims of its earlier tenure too.
/// </summary>
public sealed class DeliveryProcess
{
    private readonly string _process =
        $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
    private int _tenure;

    public string Name => $"{_process}/{Volatile.Read(ref _tenure)}";

    /// <summary>Claims made from now on are signed anew: every claim made before is the past's.</summary>
    public void BeginTenure() => Interlocked.Increment(ref _tenure);
}
