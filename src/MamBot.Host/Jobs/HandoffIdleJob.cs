using Hangfire;
using MamBot.Dialogs.Handoffs;

namespace MamBot.Host.Jobs;

/// <summary>
/// Every ten minutes: conversations with the team where the resident has been quiet for Handoff:IdleHours go
/// back to the assistant (the resident is told), and words of conversations closed Handoff:KeepDays ago go.
/// </summary>
public sealed class HandoffIdleJob(HandoffDesk desk, Data.MamDbContext db)
{
    public const string Id = "handoff-idle";

    // Safe to repeat: closing is idempotent and the notice has an outbox key per conversation.
    [AutomaticRetry(Attempts = 3)]
    public Task<int> RunAsync(CancellationToken ct) => db.InOneWriteAsync(desk.CloseIdleAsync, ct); // a run commits once
}
