using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MamBot.Data.Postgres;

/// <summary>How many rows a table had in the SQLite file and has now in PostgreSQL.</summary>
public sealed record CopiedTable(string Table, int InSqlite, int InPostgres)
{
    public bool Matches => InSqlite == InPostgres;
}

/// <summary>
/// Moves a pilot's SQLite database into an empty PostgreSQL one, table by table in the order their foreign keys
/// need, keeping every id; then moves each id sequence past the highest id copied, and counts both sides.
/// </summary>
public static class CopyToPostgres
{
    private const int Batch = 1000;

    /// <exception cref="InvalidOperationException">The PostgreSQL database already holds a centre.</exception>
    public static async Task<IReadOnlyList<CopiedTable>> RunAsync(MamDbContext sqlite, PostgresMamDbContext postgres, CancellationToken ct)
    {
        await postgres.Database.MigrateAsync(ct);
        if (await postgres.Centres.AnyAsync(ct))
            throw new InvalidOperationException("The PostgreSQL database already holds data (a centre). Copy into a new, empty database.");

        var tables = InForeignKeyOrder(postgres.Model);
        await using (var transaction = await postgres.Database.BeginTransactionAsync(ct))
        {
            foreach (var table in tables)
                await (ValueTask)CopyMethod(table).Invoke(null, [sqlite, postgres, ct])!;
            foreach (var table in tables) await MoveSequencePastCopiedAsync(postgres, table, ct);
            await transaction.CommitAsync(ct);
        }

        var counts = new List<CopiedTable>();
        foreach (var table in tables)
            counts.Add(new CopiedTable(table.GetTableName()!, await CountAsync(sqlite, table, ct), await CountAsync(postgres, table, ct)));
        return counts;
    }

    private static async ValueTask CopyTableAsync<T>(MamDbContext sqlite, PostgresMamDbContext postgres, CancellationToken ct) where T : class
    {
        var skip = 0;
        while (true)
        {
            var rows = await sqlite.Set<T>().AsNoTracking().OrderBy(r => EF.Property<object>(r, KeyOf(postgres, typeof(T))))
                .Skip(skip).Take(Batch).ToListAsync(ct);
            if (rows.Count == 0) return;
            postgres.Set<T>().AddRange(rows);
            await postgres.SaveChangesAsync(ct);
            postgres.ChangeTracker.Clear();
            skip += rows.Count;
        }
    }

    /// <summary>Parents before children; owned types travel with their owners.</summary>
    private static List<IEntityType> InForeignKeyOrder(IModel model)
    {
        var types = model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null).OrderBy(t => t.GetTableName()).ToList();
        var ordered = new List<IEntityType>();
        while (ordered.Count < types.Count)
        {
            var ready = types.Where(t => !ordered.Contains(t) && t.GetForeignKeys()
                .All(fk => fk.PrincipalEntityType == t || ordered.Contains(fk.PrincipalEntityType.GetRootType()))).ToList();
            if (ready.Count == 0) throw new InvalidOperationException("The tables' foreign keys form a cycle.");
            ordered.AddRange(ready);
        }
        return ordered;
    }

    private static System.Reflection.MethodInfo CopyMethod(IEntityType table) =>
        typeof(CopyToPostgres).GetMethod(nameof(CopyTableAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(table.ClrType);

    private static string KeyOf(DbContext context, Type type) => context.Model.FindEntityType(type)!.FindPrimaryKey()!.Properties[0].Name;

    private static async Task MoveSequencePastCopiedAsync(PostgresMamDbContext postgres, IEntityType table, CancellationToken ct)
    {
        var key = table.FindPrimaryKey()!.Properties;
        if (key is not [{ ValueGenerated: ValueGenerated.OnAdd } id] || id.ClrType != typeof(int) && id.ClrType != typeof(long)) return;
        var (name, column) = (table.GetTableName()!, id.GetColumnName());
        // Names from our own model, not from anyone's input.
        var sql = $"SELECT setval(pg_get_serial_sequence('\"{name}\"', '{column}'), GREATEST((SELECT MAX(\"{column}\") FROM \"{name}\"), 1))";
        await postgres.Database.ExecuteSqlRawAsync(sql, ct);
    }

    private static async Task<int> CountAsync(DbContext context, IEntityType table, CancellationToken ct)
    {
        var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{table.GetTableName()}\"";
        return await context.Database.SqlQueryRaw<int>(sql).SingleAsync(ct);
    }
}
