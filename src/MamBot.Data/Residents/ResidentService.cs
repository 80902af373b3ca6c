using MamBot.Data.Centres;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Residents;

public sealed class ResidentService(MamDbContext db, CentreDirectory centres, TimeProvider time)
{
    public Task<Resident?> FindByChatAsync(string channel, string chatId, CancellationToken ct) =>
        WithDetails().FirstOrDefaultAsync(r => r.Identities.Any(i => i.Channel == channel && i.ExternalId == chatId), ct);

    public Task<Resident?> FindAsync(Guid residentId, CancellationToken ct) =>
        WithDetails().FirstOrDefaultAsync(r => r.Id == residentId, ct);

    /// <summary>
    /// How the team calls these residents: the chat's name, else the name given in their latest booking; residents
    /// with neither are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(
        IReadOnlyCollection<Guid> residentIds, CancellationToken ct)
    {
        var names = (await db.Residents.AsNoTracking()
                .Where(r => residentIds.Contains(r.Id) && r.DisplayName != null && r.DisplayName != "")
                .Select(r => new { r.Id, r.DisplayName }).ToListAsync(ct))
            .ToDictionary(r => r.Id, r => r.DisplayName!.Trim());
        var rest = residentIds.Where(id => !names.ContainsKey(id)).ToList();
        var booked = await db.Bookings.AsNoTracking()
            .Where(b => b.ResidentId != null && rest.Contains(b.ResidentId.Value) && b.ContactName != "")
            .Select(b => new { b.ResidentId, b.ContactName, b.Id }).ToListAsync(ct);
        foreach (var latest in booked.GroupBy(b => b.ResidentId!.Value).Select(g => g.MaxBy(b => b.Id)!))
            names[latest.ResidentId!.Value] = latest.ContactName.Trim();
        return names;
    }

    /// <summary>The longest name kept from a channel profile (a Telegram first name can be 10,000 characters).</summary>
    public const int MaxDisplayName = 60;

    /// <summary>A profile name as kept: trimmed, at most <see cref="MaxDisplayName"/> characters, none when empty.</summary>
    public static string? NameFromChannel(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        return trimmed.Length <= MaxDisplayName ? trimmed : trimmed[..MaxDisplayName].TrimEnd();
    }

    /// <summary>Notes that the resident accepted this version of the house rules (once per version).</summary>
    public async Task AcceptHouseRulesAsync(Resident resident, string version, string channel, CancellationToken ct)
    {
        if (resident.AcceptedHouseRules(version)) return;
        resident.Consents.Add(new ConsentRecord
        {
            Purpose = ConsentPurpose.HouseRules,
            Granted = true,
            TextVersion = version,
            Channel = channel,
            AtUtc = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records consent; on the first one the person becomes a resident with every nudge kind on.</summary>
    public async Task<(Resident Resident, bool IsNew)> GrantConsentAsync(
        int centreId, string channel, string chatId, string? displayName, string textVersion, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var resident = await FindByChatAsync(channel, chatId, ct);
        var isNew = resident is null;
        if (resident is null)
        {
            resident = new Resident
            {
                Id = Guid.NewGuid(),
                CentreId = centreId,
                DisplayName = NameFromChannel(displayName),
                CreatedUtc = now,
                Identities = [new ChannelIdentity { Channel = channel, ExternalId = chatId, LastInboundUtc = now }],
                Preferences = [.. Enum.GetValues<NudgeKind>().Select(k => new NotificationPreference { Kind = k, Enabled = true })],
            };
            db.Residents.Add(resident);
        }
        else if (resident.HasConsented)
        {
            return (resident, false);
        }

        await NoteActivityAsync(resident, channel, ct);
        resident.Consents.Add(new ConsentRecord
        {
            Purpose = ConsentPurpose.Privacy,
            Granted = true,
            TextVersion = textVersion,
            Channel = channel,
            AtUtc = now,
        });
        await db.SaveChangesAsync(ct);
        return (resident, isNew);
    }

    public async Task SetPreferenceAsync(Resident resident, NudgeKind kind, bool enabled, CancellationToken ct)
    {
        var preference = resident.Preferences.FirstOrDefault(p => p.Kind == kind);
        if (preference is null)
            resident.Preferences.Add(new NotificationPreference { ResidentId = resident.Id, Kind = kind, Enabled = enabled });
        else
            preference.Enabled = enabled;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What the bot says to the resident from now on is in this language (one of <see cref="Languages"/>).</summary>
    public async Task SetLanguageAsync(Resident resident, string language, CancellationToken ct)
    {
        resident.Language = Languages.Match(language) ?? throw new ArgumentException($"Not one of our languages: {language}", nameof(language));
        await db.SaveChangesAsync(ct);
    }

    public async Task SetAllPreferencesAsync(Resident resident, bool enabled, CancellationToken ct)
    {
        foreach (var kind in Enum.GetValues<NudgeKind>())
            await SetPreferenceAsync(resident, kind, enabled, ct);
    }

    /// <summary>
    /// Notes that the resident wrote to us (Messenger's 24-hour window counts from here); saved with the turn.
    /// </summary>
    public async Task NoteInboundAsync(Resident resident, string channel, string chatId, CancellationToken ct)
    {
        var identity = resident.Identities.FirstOrDefault(i => i.Channel == channel && i.ExternalId == chatId);
        if (identity is null) return;
        identity.LastInboundUtc = time.GetUtcNow().UtcDateTime;
        // Writing to us again means we can write back.
        identity.UnreachableSinceUtc = null;
        identity.UnreachableReason = null;
        await NoteActivityAsync(resident, channel, ct);
    }

    /// <summary>One row per resident, channel and month (saved with the caller's changes).</summary>
    private async Task NoteActivityAsync(Resident resident, string channel, CancellationToken ct)
    {
        var zone = (await centres.GetAsync(resident.CentreId, ct)).TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, zone));
        var month = new DateOnly(today.Year, today.Month, 1);
        var key = (db.Database.GetConnectionString() ?? "", resident.Id, channel, month);
        if (NotedThisMonth.ContainsKey(key)) return; // every turn writes: the row is there after the first one
        if (db.MonthlyActivities.Local.Any(a => a.ResidentId == resident.Id && a.Channel == channel && a.Month == month)
            || await db.MonthlyActivities.AnyAsync(a => a.ResidentId == resident.Id && a.Channel == channel && a.Month == month, ct))
        {
            if (NotedThisMonth.Count > 100_000) NotedThisMonth.Clear();
            NotedThisMonth.TryAdd(key, true);
            return;
        }
        db.MonthlyActivities.Add(new MonthlyActivity { CentreId = resident.CentreId, ResidentId = resident.Id, Channel = channel, Month = month });
    }

    /// <summary>Activity rows known to exist, so a resident's next turns this month need not ask again.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Database, Guid Resident, string Channel, DateOnly Month), bool> NotedThisMonth = new();

    private IQueryable<Resident> WithDetails() => db.Residents
        .Include(r => r.Identities)
        .Include(r => r.Consents)
        .Include(r => r.Preferences)
        .AsSingleQuery(); // one statement: a resident has a few identities, consents and preferences
}
