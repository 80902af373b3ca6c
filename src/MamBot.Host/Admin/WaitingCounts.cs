using MamBot.Data.Bookings;
using MamBot.Data.Handoffs;

namespace MamBot.Host.Admin;

/// <summary>What waits for the team: residents asking for a person, booking requests waiting for a decision.</summary>
public sealed class WaitingCounts(HandoffService handoffs, BookingService bookings)
{
    /// <summary>The numbers every panel page shows in its menu and tab title, and panel.js keeps up to date.</summary>
    public sealed record Counts(int Conversations, int Decisions)
    {
        public int Total => Conversations + Decisions;

        /// <summary>" (2)" after a menu entry; nothing when nothing waits.</summary>
        public static string InMenu(int count) => count > 0 ? $" ({count})" : "";
    }

    public async Task<Counts> ReadAsync(CancellationToken ct) =>
        new(await handoffs.NeedingReplyAsync(ct), await bookings.WaitingForDecisionAsync(ct));
}
