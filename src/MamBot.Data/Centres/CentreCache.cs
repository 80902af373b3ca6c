using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Centres;

/// <summary>
/// Centres as residents see them (hours, house rules, FAQ, rooms), kept in memory: every turn needs its centre,
/// which is five queries, and staff change it a few times a month. A change saved through any context of this
/// process drops the copies at once (<see cref="CentreWrites"/>). Another process's change: with PostgreSQL (several
/// hosts) a trigger bumps "CentreVersion", which a copy is checked against once it is a second old (one small
/// query); with SQLite (the admin command beside the bot) it is seen within <see cref="Lifetime"/>.
/// The copies are shared and detached: nobody changes them.
/// </summary>
internal static class CentreCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CheckVersionAfter = TimeSpan.FromSeconds(1);

    private sealed record Entry(Centre Centre, long LoadedAt, long Version);

    private static readonly ConcurrentDictionary<(string Database, int CentreId), Entry> Copies = new();
    private static readonly ConcurrentDictionary<string, long> Generations = new();

    /// <summary>The centre (0: the default one) from memory, or loaded and kept unless a change came meanwhile.</summary>
    public static async Task<Centre?> GetAsync(MamDbContext db, int centreId, Func<Task<Centre?>> load)
    {
        var database = db.Database.GetDbConnection().ConnectionString ?? "";
        var fresh = db.IsPostgres ? CheckVersionAfter : Lifetime;
        long? version = null;
        if (Copies.TryGetValue((database, centreId), out var kept))
        {
            if (Environment.TickCount64 - kept.LoadedAt < fresh.TotalMilliseconds) return kept.Centre;
            if (db.IsPostgres && (version = await VersionAsync(db)) == kept.Version)
            {
                Copies[(database, centreId)] = kept with { LoadedAt = Environment.TickCount64 };
                return kept.Centre;
            }
        }
        var generation = Generations.GetValueOrDefault(database);
        version ??= db.IsPostgres ? await VersionAsync(db) : 0; // read before loading: a change meanwhile shows next time
        var centre = await load();
        if (centre is not null && Generations.GetValueOrDefault(database) == generation)
            Copies[(database, centreId)] = new Entry(centre, Environment.TickCount64, version.Value);
        return centre;
    }

    private static Task<long> VersionAsync(MamDbContext db) =>
        db.Database.SqlQuery<long>($"SELECT \"Version\" AS \"Value\" FROM \"CentreVersion\"").SingleAsync();

    /// <summary>Drops every copy from this database: something about a centre changed.</summary>
    public static void Forget(string? database)
    {
        database ??= "";
        Generations.AddOrUpdate(database, 1, (_, g) => g + 1);
        foreach (var key in Copies.Keys.Where(k => k.Database == database)) Copies.TryRemove(key, out _);
    }
}
