using MamBot.Data;
using MamBot.Data.Centres;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Setup;

public static class MamStorageSetup
{
    /// <summary>The app database (EF Core on SQLite) in Storage:DataDirectory, and the sample centre's settings.</summary>
    public static WebApplicationBuilder AddMamStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Storage:DataDirectory must not be empty.")
            .ValidateOnStart();
        builder.Services.AddOptions<SampleCentre>().Bind(builder.Configuration.GetSection("SampleCentre"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMamData(sp =>
            MamDataSetup.ConnectionStringFor(sp.GetRequiredService<IOptions<StorageOptions>>().Value.AppDatabase));
        return builder;
    }

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
