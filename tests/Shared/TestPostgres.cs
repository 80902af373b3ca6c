using Npgsql;

namespace MamBot.Tests.Shared;

/// <summary>
/// A fresh PostgreSQL database per test, on the throwaway cluster that ./test.sh starts (its address in
/// MAMBOT_TEST_POSTGRES). Without it the test fails and says what to do; it never skips.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    public const string Variable = "MAMBOT_TEST_POSTGRES";
    private readonly string _server;
    private readonly string _name = "mambot_" + Guid.NewGuid().ToString("N")[..16];

    private TestPostgres(string server) => _server = server;

    /// <summary>The connection string of this test's own database.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ToString();

    public static async Task<TestPostgres> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"This test runs on PostgreSQL and {Variable} is not set: run ./test.sh, which starts a throwaway cluster "
                + "of Debian's postgresql (apt-get install postgresql), or set it to a server where databases may be created.");
        var database = new TestPostgres(server);
        await database.RunOnServerAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(connection);
        await RunOnServerAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private async Task RunOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
