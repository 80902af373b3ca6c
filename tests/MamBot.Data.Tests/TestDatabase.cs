using MamBot.Data;
using MamBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MamBot.Data.Tests;

/// <summary>A real SQLite file with migrations applied and the sample centre seeded.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _services;

    public FakeTimeProvider Time { get; } = new(TestCentre.Now);

    private TestDatabase()
    {
        var file = _folder.File("mambot.db");
        _services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Time)
            .AddMamData(_ => MamDataSetup.ConnectionStringFor(file))
            .BuildServiceProvider();
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var db = new TestDatabase();
        await db._services.PrepareDatabaseAsync(TestCentre.Sample(), db.Time);
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
        _folder.Dispose();
    }
}
