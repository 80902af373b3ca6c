using MamBot.Data.Events;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Residents;

/// <summary>Who a survey or a broadcast is for. Only residents who agreed to messages are ever in it.</summary>
public enum Audience { AllConsented, CategorySubscribers, EventParticipants }

public static class AudienceQueries
{
    /// <summary>The consented residents of the centre in the audience: everyone, a category's subscribers, or those going to an event.</summary>
    public static async Task<IReadOnlyList<Guid>> ResidentsInAsync(this MamDbContext db, int centreId, Audience audience,
        EventCategory? category, int? eventId, CancellationToken ct)
    {
        var residents = await db.Residents.AsNoTracking().Where(r => r.CentreId == centreId).Include(r => r.Consents).ToListAsync(ct);
        var consented = residents.Where(r => r.HasConsented).Select(r => r.Id).ToHashSet();
        IEnumerable<Guid> chosen = audience switch
        {
            Audience.CategorySubscribers => await db.CategorySubscriptions.Where(s => s.Category == category).Select(s => s.ResidentId).ToListAsync(ct),
            Audience.EventParticipants => await db.EventSignups.Where(s => s.EventId == eventId && s.Status == SignupStatus.Going && s.ResidentId != null)
                .Select(s => s.ResidentId!.Value).ToListAsync(ct),
            _ => consented,
        };
        return [.. chosen.Where(consented.Contains).Distinct()];
    }
}
