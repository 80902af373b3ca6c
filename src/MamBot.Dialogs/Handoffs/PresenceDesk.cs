using MamBot.Data.Handoffs;
using MamBot.Data.Staff;
using Microsoft.Extensions.Options;

namespace MamBot.Dialogs.Handoffs;

/// <summary>
/// "Jestem przy czacie": what residents asking for a person are promised rests on it, so it holds only while the
/// person is really there: it ends on signing out and after <c>Handoff:AvailableIdleMinutes</c> without their own
/// work in the panel (pages polling by themselves do not count).
/// </summary>
public sealed class PresenceDesk(PresenceService presence, IOptions<HandoffOptions> options, TimeProvider time)
{
    /// <summary>Moving the end on costs a write: not for every click, only once it is this far behind.</summary>
    private static readonly TimeSpan ExtendStep = TimeSpan.FromMinutes(1);

    private TimeSpan Idle => TimeSpan.FromMinutes(options.Value.AvailableIdleMinutes);
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Until when the person is at the chat (unless they work on); null when not.</summary>
    public async Task<DateTime?> UntilAsync(int staffId, CancellationToken ct) =>
        await presence.AvailableUntilAsync(staffId, ct) is { } until && until > Now ? until : null;

    public Task SetAsync(int staffId, bool available, CancellationToken ct) =>
        presence.SetAsync(staffId, available ? Now + Idle : null, ct);

    /// <summary>The person did something in the panel: still at the chat, if they were.</summary>
    public async Task SeenAsync(int staffId, CancellationToken ct)
    {
        if (await UntilAsync(staffId, ct) is not { } until || Now + Idle - until < ExtendStep) return;
        await presence.ExtendAsync(staffId, Now, Now + Idle, ct);
    }

    /// <summary>Signed out: nobody answers from this account now.</summary>
    public Task SignedOutAsync(int staffId, CancellationToken ct) => presence.SetAsync(staffId, null, ct);
}
