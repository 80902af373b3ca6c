using MamBot.Data;
using MamBot.Data.Centres;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Setup;

public static class MamStorageSetup
{
    /// <summary>The name under "ConnectionStrings" of the PostgreSQL database.</summary>
    public const string ConnectionName = "Mam";

    /// <summary>
    /// The app database: EF Core on SQLite in Storage:DataDirectory, or on PostgreSQL (Storage:Provider = Postgres,
    /// ConnectionStrings:Mam); and the sample centre's settings.
    /// </summary>
    public static WebApplicationBuilder AddMamStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Storage:DataDirectory must not be empty.")
            .Validate(o => o.Provider != StorageProvider.Postgres || PostgresConnection(builder.Configuration) is not null,
                $"Storage:Provider is Postgres, so ConnectionStrings:{ConnectionName} must name the database.")
            .ValidateOnStart();
        builder.Services.AddOptions<SampleCentre>().Bind(builder.Configuration.GetSection("SampleCentre"));
        builder.Services.AddSingleton(TimeProvider.System);
        // The key ring lives in the database: the sign-in cookie and form tokens survive a restart and hold on
        // every host, and the throttles' keyed hash (derived from it) is the same everywhere, the CLI included.
        builder.Services.AddDataProtection().SetApplicationName("MamBot").PersistKeysToDbContext<MamDbContext>();
        builder.Services.AddSingleton<Security.KeyedHash>();
        builder.Services.AddSingleton<Security.SharedThrottles>();
        builder.Services.AddSingleton<Data.Residents.IErasureStep>(sp => sp.GetRequiredService<Security.SharedThrottles>());
        static StorageOptions Storage(IServiceProvider sp) => sp.GetRequiredService<IOptions<StorageOptions>>().Value;
        builder.Services.AddMamData(sp => Storage(sp).Provider, sp => Storage(sp).Provider == StorageProvider.Postgres
            ? PostgresConnection(sp.GetRequiredService<IConfiguration>())!
            : MamDataSetup.ConnectionStringFor(Storage(sp).AppDatabase));
        return builder;
    }

    public static string? PostgresConnection(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionName) is { Length: > 0 } connection ? connection : null;

    /// <summary>Creates the data folder, applies migrations and seeds the sample centre on first start.</summary>
    public static async Task PrepareMamStorageAsync(this WebApplication app)
    {
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Directory.CreateDirectory(storage.FullDataDirectory);
        await app.Services.PrepareDatabaseAsync(
            app.Services.GetRequiredService<IOptions<SampleCentre>>().Value,
            app.Services.GetRequiredService<TimeProvider>());
    }
}
