using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Health;

/// <summary>One row per host, rewritten by every readiness check: proof that a write can commit.</summary>
public sealed class WriteProbe
{
    public string Host { get; set; } = "";
    public DateTime CheckedUtc { get; set; }
}

/// <summary>Commits a real write the way a turn does (the write gate, a transaction, an fsync'd commit).</summary>
public sealed class WriteProbeStore(MamDbContext db, TimeProvider time)
{
    public async Task ProveAsync(CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        var host = Environment.MachineName;
        var row = await db.WriteProbes.FirstOrDefaultAsync(p => p.Host == host, ct);
        if (row is null) db.WriteProbes.Add(row = new WriteProbe { Host = host });
        row.CheckedUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
