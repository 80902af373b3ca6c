using MamBot.Data;
using MamBot.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Setup;

/// <summary>
/// <c>dotnet MamBot.Host.dll copy-to-postgres</c>: copies a SQLite pilot's database (<c>mambot.db</c> in
/// Storage:DataDirectory) into the empty PostgreSQL database named by ConnectionStrings:Mam, keeping every id,
/// and prints each table's rows on both sides. Settings come as for the bot (appsettings, environment,
/// <c>--Key=value</c>). Run it with the bot stopped; the jobs' schedule is made again at the bot's next start.
/// </summary>
public static class CopyToPostgresCommand
{
    public const string Name = "copy-to-postgres";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args[1..], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section));
        await using var app = builder.Build();
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (!File.Exists(storage.AppDatabase))
        {
            await errors.WriteLineAsync($"No SQLite database at {storage.AppDatabase}: set Storage:DataDirectory to the pilot's data folder.");
            return 2;
        }
        if (MamStorageSetup.PostgresConnection(app.Configuration) is not { } target)
        {
            await errors.WriteLineAsync($"Set ConnectionStrings:{MamStorageSetup.ConnectionName} to the new, empty PostgreSQL database.");
            return 2;
        }

        await using var sqlite = new MamDbContext(new DbContextOptionsBuilder<MamDbContext>().UseSqlite(MamDataSetup.ConnectionStringFor(storage.AppDatabase)).Options);
        await using var postgres = new PostgresMamDbContext(new DbContextOptionsBuilder<PostgresMamDbContext>().UseNpgsql(target).Options);
        await sqlite.Database.MigrateAsync(ct); // an older pilot's file gets the tables the copy expects, as the bot's start would
        IReadOnlyList<CopiedTable> tables;
        try
        {
            tables = await CopyToPostgres.RunAsync(sqlite, postgres, ct);
        }
        catch (InvalidOperationException e)
        {
            await errors.WriteLineAsync(e.Message);
            return 1;
        }

        await output.WriteLineAsync($"{"table",-28} {"SQLite",8} {"PostgreSQL",10}");
        foreach (var table in tables)
            await output.WriteLineAsync($"{table.Table,-28} {table.InSqlite,8} {table.InPostgres,10}{(table.Matches ? "" : "  DIFFERENT")}");
        if (tables.All(t => t.Matches))
        {
            await output.WriteLineAsync($"Copied: {tables.Sum(t => t.InPostgres)} rows, every table the same on both sides. Now start the bot with Storage:Provider=Postgres.");
            return 0;
        }
        await errors.WriteLineAsync("Some tables differ (marked DIFFERENT): do not switch over; keep running on SQLite and report this.");
        return 1;
    }
}
