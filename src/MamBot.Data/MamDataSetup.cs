using MamBot.Data.Bookings;
using MamBot.Data.Centres;
using MamBot.Data.Conversations;
using MamBot.Data.Events;
using MamBot.Data.Ideas;
using MamBot.Data.Outbox;
using MamBot.Data.Report;
using MamBot.Data.Residents;
using MamBot.Data.Surveys;
using MamBot.Data.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Data;

public static class MamDataSetup
{
    /// <summary>PostgreSQL's advisory lock for building the database at start ("MAS").</summary>
    private const long StartLockKey = 0x4D4153;

    private static readonly SqliteSecureDelete SecureDelete = new();
    private static readonly Centres.CentreWrites CentreWrites = new();

    public static string ConnectionStringFor(string databaseFile) => new SqliteConnectionStringBuilder
    {
        DataSource = databaseFile,
        DefaultTimeout = 30, // a busy writer waits instead of failing the turn
        Pooling = true,
    }.ToString();

    /// <param name="connectionString">Read when the first context is made, so tests and hosts can configure late.</param>
    public static IServiceCollection AddMamData(this IServiceCollection services, Func<IServiceProvider, string> connectionString) =>
        services.AddMamData(StorageProvider.Sqlite, connectionString);

    public static IServiceCollection AddMamData(
        this IServiceCollection services, StorageProvider provider, Func<IServiceProvider, string> connectionString) =>
        services.AddMamData(_ => provider, connectionString);

    /// <param name="provider">Read when the first context is made, like the connection string.</param>
    public static IServiceCollection AddMamData(
        this IServiceCollection services, Func<IServiceProvider, StorageProvider> provider, Func<IServiceProvider, string> connectionString)
    {
        services.AddDbContext<MamDbContext>((sp, o) => o.UseSqlite(connectionString(sp)).AddInterceptors(SecureDelete, CentreWrites));
        services.AddDbContext<PostgresMamDbContext>((sp, o) => o.UseNpgsql(connectionString(sp)).AddInterceptors(CentreWrites));
        // Everything asks for MamDbContext; on PostgreSQL it is the context whose migrations are PostgreSQL's.
        services.AddScoped(sp => provider(sp) == StorageProvider.Postgres
            ? sp.GetRequiredService<PostgresMamDbContext>()
            : new MamDbContext(sp.GetRequiredService<DbContextOptions<MamDbContext>>()));
        services.AddScoped<Health.WriteProbeStore>();
        services.AddScoped<CentreDirectory>();
        services.AddScoped<BookingService>();
        services.AddScoped<EventService>();
        services.AddScoped<EventAttendees>();
        services.AddScoped<IdeaService>();
        services.AddScoped<Handoffs.HandoffService>();
        services.AddScoped<Staff.PresenceService>();
        services.AddScoped<Staff.CalendarFeedService>();
        services.AddScoped<Calendar.CentreCalendar>();
        services.AddScoped<Search.PanelSearch>();
        services.AddScoped<SurveyService>();
        services.AddScoped<SurveyResults>();
        services.AddScoped<PilotReport>();
        services.AddScoped<CentreSettings>();
        services.AddScoped<LocalContactService>();
        services.AddScoped<ResidentService>();
        services.AddScoped<ResidentDataExport>();
        services.AddScoped<ResidentErasure>();
        services.AddScoped<ConversationStore>();
        services.AddScoped<InboundStore>();
        services.AddScoped<OutboxStore>();
        services.AddSingleton<DeliveryProcess>();
        services.AddScoped<UtilityTemplateStore>();
        services.AddScoped<Posters.PosterVisits>();
        return services;
    }

    /// <summary>Creates or upgrades the database, then seeds the sample centre when there is no centre at all.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, SampleCentre sample, TimeProvider time, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MamDbContext>();
        if (db.IsPostgres)
        {
            // Hosts starting together: one builds and seeds the database, the others wait, then find it done.
            await db.Database.OpenConnectionAsync(ct); // the lock belongs to this session: keep it open throughout
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({StartLockKey})", ct);
        }
        else
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        try
        {
            // Migrate also diffs the whole model against the last snapshot: half a second at every start.
            // An up-to-date database needs only its history read.
            // A brand-new database has no history table: asking it would log an error for nothing.
            if (!await db.GetService<IHistoryRepository>().ExistsAsync(ct) || (await db.Database.GetPendingMigrationsAsync(ct)).Any())
                await db.Database.MigrateAsync(ct);
            // WAL lets the web chat read while a job writes.
            if (!db.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await SampleCentreSeeder.SeedIfEmptyAsync(db, sample, time, ct);
        }
        finally
        {
            if (db.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({StartLockKey})", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
