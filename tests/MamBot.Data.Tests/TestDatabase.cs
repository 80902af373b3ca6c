using MamBot.Data;
using MamBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MamBot.Data.Tests;

/// <summary>
/// A real database with migrations applied and the sample centre seeded: a SQLite file, or a PostgreSQL database
/// of its own. The data tests run on both (<see cref="Providers"/>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TestPostgres? _postgres;
    private readonly ServiceProvider _services;

    public FakeTimeProvider Time { get; } = new(TestCentre.Now);

    /// <summary>For [Theory, MemberData(...)]: each data test once per provider.</summary>
    public static TheoryData<StorageProvider> Providers => new(StorageProvider.Sqlite, StorageProvider.Postgres);

    private TestDatabase(TestPostgres? postgres)
    {
        _postgres = postgres;
        var connectionString = postgres?.ConnectionString ?? MamDataSetup.ConnectionStringFor(_folder.File("mambot.db"));
        _services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Time)
            .AddMamData(postgres is null ? StorageProvider.Sqlite : StorageProvider.Postgres, _ => connectionString)
            .BuildServiceProvider();
    }

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider = StorageProvider.Sqlite, Data.Centres.SampleCentre? sample = null)
    {
        var db = new TestDatabase(provider == StorageProvider.Postgres ? await TestPostgres.CreateAsync() : null);
        await db._services.PrepareDatabaseAsync(sample ?? TestCentre.Sample(), db.Time);
        return db;
    }

    public IServiceProvider Services => _services;

    /// <summary>A new scope: a fresh DbContext, like a new turn or job run.</summary>
    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    public async Task<T> QueryAsync<T>(Func<MamDbContext, Task<T>> query)
    {
        await using var scope = Scope();
        return await query(scope.ServiceProvider.GetRequiredService<MamDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
        _folder.Dispose();
    }
}
