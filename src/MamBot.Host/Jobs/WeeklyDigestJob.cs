using Hangfire;
using MamBot.Dialogs.Events;

namespace MamBot.Host.Jobs;

/// <summary>Monday morning (Nudges:DigestCron, centre time): the week's events to residents who want the digest.</summary>
public sealed class WeeklyDigestJob(WeeklyDigest digest, Data.MamDbContext db)
{
    public const string Id = "weekly-digest";

    // A failed run is safe to repeat: the outbox keys make the digest once per resident and week.
    [AutomaticRetry(Attempts = 3)]
    public Task<int> RunAsync(CancellationToken ct) => db.InOneWriteAsync(digest.QueueAsync, ct); // a run commits once
}
