namespace MamBot.Data.Outbox;

/// <summary>
/// This running process, as it signs its claims on outbox messages: a host that takes delivery over knows
/// which claims are not its own. New at every start, so a restarted host resolves what it left behind itself.
/// </summary>
public sealed class DeliveryProcess
{
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
