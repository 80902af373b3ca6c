using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Centres;

/// <summary>
/// Centres as residents see them (hours, house rules, FAQ, rooms), kept in memory: every turn needs its centre,
/// which is five queries, and staff change it a few times a month. A change saved through any context of this
/// process drops the copies at once (<see cref="CentreWrites"/>); another host's change
/// is seen within <see cref="Lifetime"/>. The copies are shared and detached: nobody changes them.
/// </summary>
internal static class CentreCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private sealed record Entry(Centre Centre, long LoadedAt);

    private static readonly ConcurrentDictionary<(string Database, int CentreId), Entry> Copies = new();
    private static readonly ConcurrentDictionary<string, long> Generations = new();

    /// <summary>The centre (0: the default one) from memory, or loaded and kept unless a change came meanwhile.</summary>
    public static async Task<Centre?> GetAsync(MamDbContext db, int centreId, Func<Task<Centre?>> load)
    {
        var database = db.Database.GetDbConnection().ConnectionString ?? "";
        if (Copies.TryGetValue((database, centreId), out var kept) && Environment.TickCount64 - kept.LoadedAt < Lifetime.TotalMilliseconds)
            return kept.Centre;
        var generation = Generations.GetValueOrDefault(database);
        var centre = await load();
        if (centre is not null && Generations.GetValueOrDefault(database) == generation)
            Copies[(database, centreId)] = new Entry(centre, Environment.TickCount64);
        return centre;
    }

    /// <summary>Drops every copy from this database: something about a centre changed.</summary>
    public static void Forget(string? database)
    {
        database ??= "";
        Generations.AddOrUpdate(database, 1, (_, g) => g + 1);
        foreach (var key in Copies.Keys.Where(k => k.Database == database)) Copies.TryRemove(key, out _);
    }
}
