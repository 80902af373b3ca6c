extern alias host;

using System.Diagnostics;
using System.Net.Http.Json;
using MamBot.Benchmarks.Floor;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using HostProgram = host::Program;

namespace MamBot.Benchmarks;

/// <summary>
/// A load run, not a test: web chat turns in a closed loop (each client sends its next message when the answer
/// came) at 1, 16 and 64 clients, against the floor (<see cref="WebChatFloor"/>) and the real host on Kestrel, in
/// one run. Each client talks in 8 conversations in turn, residents who agreed to the rules during the warm-up, and
/// alternates a question typed in Polish with a menu button. Prints turns/s, p50 and p99, CPU per turn (this
/// process: host and load together) and the ratios to the floor.
/// </summary>
public static class TurnsLoad
{
    private static readonly int[] ClientCounts = [1, 16, 64];
    private const int ConversationsPerClient = 8;
    // For profiling: MAMBOT_TURNS_SECONDS lengthens the measured part, MAMBOT_TURNS_BOT_ONLY=1 skips the floor.
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("MAMBOT_TURNS_SECONDS"), out var s) ? s : 8);
    private static readonly bool BotOnly = Environment.GetEnvironmentVariable("MAMBOT_TURNS_BOT_ONLY") == "1";

    public static async Task<int> RunAsync(string[] args)
    {
        var counts = args.Length > 0 ? [.. args.Select(int.Parse)] : ClientCounts;
        Console.WriteLine("clients | floor: turns/s, p50, p99, CPU/turn | MamBot: turns/s, p50, p99, CPU/turn | ratio turns/s, p50");
        foreach (var clients in counts)
        {
            var floor = BotOnly ? new Result(1, TimeSpan.FromMilliseconds(1), TimeSpan.Zero, 0) : await MeasureAsync(clients, mamBot: false);
            var bot = await MeasureAsync(clients, mamBot: true);
            Console.WriteLine($"{clients,7} | {floor} | {bot} | {bot.TurnsPerSecond / floor.TurnsPerSecond,5:F2}× {bot.P50.TotalMilliseconds / Math.Max(floor.P50.TotalMilliseconds, 0.001),6:F1}×");
        }
        return 0;
    }

    internal sealed record Result(double TurnsPerSecond, TimeSpan P50, TimeSpan P99, double CpuMsPerTurn)
    {
        public override string ToString() =>
            $"{TurnsPerSecond,7:F0} {P50.TotalMilliseconds,6:F1} ms {P99.TotalMilliseconds,6:F1} ms {CpuMsPerTurn,5:F2} ms";
    }

    private static Task<Result> MeasureAsync(int clients, bool mamBot) =>
        MeasureAsync(clients, mamBot ? "MamBot" : "floor", async folder =>
        {
            var port = DeliveryLoad.FreePort();
            IAsyncDisposable server = mamBot ? StartMamBot(folder, port) : await WebChatFloor.StartAsync(folder, port);
            return (server, [$"http://127.0.0.1:{port}"]);
        });

    /// <summary>
    /// Starts the servers in a fresh folder and drives them; with several addresses the requests take turns among
    /// them, as a round-robin load balancer with no sticky sessions would send them.
    /// </summary>
    internal static async Task<Result> MeasureAsync(int clients, string name, Func<string, Task<(IAsyncDisposable Server, string[] Urls)>> start)
    {
        var folder = Directory.CreateTempSubdirectory("mambot-turns-").FullName;
        var (server, urls) = await start(folder);
        var hosts = urls.Select(url => new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) }).ToArray();
        try
        {
            string Conversation(int client, int n) => $"turns-{clients:D2}-{client:D3}-{n:D2}-0123456789abcdef0123";
            var sent = 0;
            HttpClient http(int client, int n) => hosts[(Interlocked.Increment(ref sent) & int.MaxValue) % hosts.Length];
            // Warm-up: every conversation agrees to the rules (JIT, pools, SQLite pages), then a round of both turns.
            var everyConversation = Enumerable.Range(0, clients).SelectMany(c => Enumerable.Range(0, ConversationsPerClient).Select(n => (c, n)));
            foreach (var batch in everyConversation.Chunk(32)) // within the host's bound on turns in flight
                await Task.WhenAll(batch.Select(x => SendAsync(http(x.c, x.n), Conversation(x.c, x.n), payload: "consent:yes")));
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
            {
                for (var i = 0; i < 4; i++) await SendAsync(http(c, i % ConversationsPerClient), Conversation(c, i % ConversationsPerClient), Turn(i));
            }));

            var latencies = new List<TimeSpan>[clients];
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            Console.Error.WriteLine($"measuring {name} at {clients} clients, process {Environment.ProcessId}");
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
            {
                latencies[c] = [];
                for (var i = 0; clock.Elapsed < Measure; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var (text, payload) = Turn(i);
                    await SendAsync(http(c, i % ConversationsPerClient), Conversation(c, i % ConversationsPerClient), text, payload);
                    latencies[c].Add(Stopwatch.GetElapsedTime(started));
                }
            }));
            var elapsed = clock.Elapsed;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var all = latencies.SelectMany(l => l).Order().ToList();
            return new Result(all.Count / elapsed.TotalSeconds, Percentile(all, 0.5), Percentile(all, 0.99), cpu.TotalMilliseconds / all.Count);
        }
        finally
        {
            foreach (var host in hosts) host.Dispose();
            await server.DisposeAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* Hangfire may still hold a file */ }
        }
    }

    /// <summary>A question typed in Polish, then a menu button, then again.</summary>
    private static (string? Text, string? Payload) Turn(int i) => i % 2 == 0 ? ("Do której jesteście dziś otwarci?", null) : (null, "menu:main");

    private static Task SendAsync(HttpClient http, string conversation, (string? Text, string? Payload) turn) =>
        SendAsync(http, conversation, turn.Text, turn.Payload);

    private static async Task SendAsync(HttpClient http, string conversation, string? text = null, string? payload = null)
    {
        using var response = await http.PostAsJsonAsync($"/api/chat/{conversation}", new { text, payload, clientMessageId = Guid.NewGuid().ToString("N") });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)response.StatusCode} for {conversation}: {await response.Content.ReadAsStringAsync()}");
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    internal static WebApplicationFactory<HostProgram> StartMamBot(string folder, int port, IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(more ?? new Dictionary<string, string?>())
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Storage:DataDirectory"] = folder,
            ["Flood:Burst"] = "0", // a client writes as fast as it is answered: no flood line
            ["Flood:NewWebChatsPerHour"] = "0", // all clients share one address
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var factory = new WebApplicationFactory<HostProgram>().WithWebHostBuilder(b => b
            .UseEnvironment("Production") // as deployed: the test factory's default is Development
            .ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(settings))
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning)));
        factory.UseKestrel(port);
        factory.StartServer();
        _ = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return factory;
    }
}
