using MamBot.Host.Setup;
using Npgsql;

namespace MamBot.Host.Cluster;

/// <summary>Plain connections to the shared PostgreSQL database, for what EF Core has no words for (NOTIFY, advisory locks).</summary>
public sealed class ClusterDatabase(IConfiguration configuration) : IAsyncDisposable
{
    private readonly Lazy<NpgsqlDataSource> _source = new(() => NpgsqlDataSource.Create(MamStorageSetup.PostgresConnection(configuration)!));

    public NpgsqlDataSource Source => _source.Value;

    public async ValueTask DisposeAsync()
    {
        if (_source.IsValueCreated) await _source.Value.DisposeAsync();
    }
}
