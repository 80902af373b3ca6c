using Npgsql;

namespace MamBot.Benchmarks;

/// <summary>
/// A load run, not a test (<c>bench hosts [clients]</c>): web chat turns in a closed loop, as <see cref="TurnsLoad"/>
/// drives them, on SQLite with one host, on PostgreSQL with one host and with two hosts sharing the database
/// (requests taking turns between them, as a round-robin load balancer sends them), each beside the floor on
/// the same database. All in this process, so two hosts share its cores: what the second host buys on one
/// machine is availability, not speed. The PostgreSQL server comes from MAMBOT_TEST_POSTGRES (bench/hosts.sh
/// starts a throwaway one).
/// </summary>
public static class HostsLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (Environment.GetEnvironmentVariable("MAMBOT_TEST_POSTGRES") is not { Length: > 0 } server)
        {
            await Console.Error.WriteLineAsync("Set MAMBOT_TEST_POSTGRES to a PostgreSQL server where databases may be created, or run bench/hosts.sh.");
            return 2;
        }
        var clients = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 16;
        Console.WriteLine($"{clients} clients | MamBot: turns/s, p50, p99, CPU/turn | floor: turns/s, p50, p99, CPU/turn | ratio turns/s, p50");

        await ReportAsync("SQLite, one host", clients,
            folder => HostsAsync(1, (_, port) => TurnsLoad.StartMamBot(folder, port)),
            folder => FloorAsync(folder, postgres: null));
        foreach (var count in new[] { 1, 2 })
        {
            await using var bot = await BenchDatabase.CreateAsync(server);
            await using var floor = await BenchDatabase.CreateAsync(server);
            await ReportAsync($"PostgreSQL, {count} host{(count > 1 ? "s" : "")}", clients,
                folder => HostsAsync(count, (i, port) => TurnsLoad.StartMamBot(Path.Combine(folder, $"host-{i}"), port, new Dictionary<string, string?>
                {
                    ["Storage:Provider"] = "Postgres",
                    // A name per host: what a process keeps per database stays its own, as on separate servers.
                    ["ConnectionStrings:Mam"] = new NpgsqlConnectionStringBuilder(bot.ConnectionString) { ApplicationName = $"host-{i}" }.ToString(),
                })),
                folder => FloorAsync(folder, floor.ConnectionString));
        }
        return 0;
    }

    private static async Task ReportAsync(string setup, int clients,
        Func<string, Task<(IAsyncDisposable, string[])>> bot, Func<string, Task<(IAsyncDisposable, string[])>> floor)
    {
        var floorResult = await TurnsLoad.MeasureAsync(clients, "floor, " + setup, floor);
        var botResult = await TurnsLoad.MeasureAsync(clients, "MamBot, " + setup, bot);
        Console.WriteLine($"{setup,-22} | {botResult} | {floorResult} | {botResult.TurnsPerSecond / floorResult.TurnsPerSecond,5:F2}× "
            + $"{botResult.P50.TotalMilliseconds / Math.Max(floorResult.P50.TotalMilliseconds, 0.001),6:F1}×");
    }

    private static string Url(int port) => $"http://127.0.0.1:{port}";

    private static async Task<(IAsyncDisposable, string[])> FloorAsync(string folder, string? postgres)
    {
        var port = DeliveryLoad.FreePort();
        return (await Floor.WebChatFloor.StartAsync(folder, port, postgres), [Url(port)]);
    }

    private static Task<(IAsyncDisposable, string[])> HostsAsync(int count, Func<int, int, IAsyncDisposable> start)
    {
        var ports = Enumerable.Range(0, count).Select(_ => DeliveryLoad.FreePort()).ToList();
        var servers = ports.Select((port, i) => start(i, port)).ToList();
        return Task.FromResult<(IAsyncDisposable, string[])>((new All(servers), [.. ports.Select(Url)]));
    }

    private sealed class All(List<IAsyncDisposable> servers) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var server in servers) await server.DisposeAsync();
        }
    }

    /// <summary>A database of its own on the server, dropped afterwards.</summary>
    private sealed class BenchDatabase(string server, string name) : IAsyncDisposable
    {
        public string ConnectionString => new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();

        public static async Task<BenchDatabase> CreateAsync(string server)
        {
            var database = new BenchDatabase(server, "mambot_bench_" + Guid.NewGuid().ToString("N")[..12]);
            await database.RunAsync($"CREATE DATABASE \"{database.Name}\"");
            return database;
        }

        private string Name => name;

        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await RunAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }

        private async Task RunAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
