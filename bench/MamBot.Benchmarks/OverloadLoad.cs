extern alias host;

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
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
/// A load run, not a test: web chat messages arrive at a fixed rate (open loop, each from a new conversation),
/// rising step by step, against the real host on Kestrel with its bound on turns in flight, and again with the
/// bound lifted (what it did before). Shows where the bound sits: past it, messages are refused at once (503,
/// sent again by the page) instead of waiting tens of seconds.
/// </summary>
public static class OverloadLoad
{
    private static readonly int[] Rates = [20, 40, 80, 160, 320];
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync()
    {
        Console.WriteLine("rate/s | bounded: answered, refused, p50, p99 answered, p99 refused | unbounded: answered, p50, p99");
        foreach (var rate in Rates)
        {
            var bounded = await MeasureAsync(rate, lifted: false);
            var unbounded = await MeasureAsync(rate, lifted: true);
            Console.WriteLine($"{rate,6} | {bounded.Answered,5} {bounded.Refused,5} {Ms(bounded.P50)} {Ms(bounded.P99)} {Ms(bounded.P99Refused)}"
                + $" | {unbounded.Answered,5} {Ms(unbounded.P50)} {Ms(unbounded.P99)}");
        }
        return 0;
    }

    private sealed record Result(int Answered, int Refused, TimeSpan P50, TimeSpan P99, TimeSpan P99Refused);

    private static async Task<Result> MeasureAsync(int rate, bool lifted)
    {
        var folder = Directory.CreateTempSubdirectory("mambot-overload-").FullName;
        await using var host = Start(folder, lifted, out var url);
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(3) };
        // Warm up (JIT tiers, connection pools, SQLite pages), then let the host settle before the clock starts.
        for (var batch = 0; batch < 20; batch++)
            await Task.WhenAll(Enumerable.Range(0, 10).Select(i => SendAsync(http, $"warm-up-{batch:D2}-{i:D3}-0123456789abcdef01")));

        var count = (int)(rate * Step.TotalSeconds);
        var clock = Stopwatch.StartNew();
        var sends = new List<Task<(HttpStatusCode Status, TimeSpan Took)>>();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)rate);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            sends.Add(SendAsync(http, $"load-{rate}-{i:D6}-0123456789abcdef01"));
        }
        var results = await Task.WhenAll(sends);
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* Hangfire may still hold the file */ }

        var answered = results.Where(r => r.Status == HttpStatusCode.OK).Select(r => r.Took).Order().ToList();
        var refused = results.Where(r => r.Status == HttpStatusCode.ServiceUnavailable).Select(r => r.Took).Order().ToList();
        return new Result(answered.Count, refused.Count, Percentile(answered, 0.5), Percentile(answered, 0.99), Percentile(refused, 0.99));
    }

    private static async Task<(HttpStatusCode, TimeSpan)> SendAsync(HttpClient http, string conversation)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync($"/api/chat/{conversation}", new { payload = "menu:about" });
        return (response.StatusCode, Stopwatch.GetElapsedTime(started));
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds,7:F0} ms";

    private static WebApplicationFactory<HostProgram> Start(string folder, bool lifted, out string url)
    {
        var port = DeliveryLoad.FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Storage:DataDirectory"] = folder,
            ["Flood:Burst"] = "0",
            ["Flood:NewWebChatsPerHour"] = "0", // every message comes from a new conversation on one address
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (lifted)
        {
            settings["Turns:MaxConcurrent"] = "100000";
            settings["Turns:MaxQueued"] = "100000";
        }
        var factory = new WebApplicationFactory<HostProgram>().WithWebHostBuilder(b => b
            .UseEnvironment("Production") // as deployed: the test factory's default is Development
            .ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(settings))
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning)));
        factory.UseKestrel(port);
        factory.StartServer();
        url = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return factory;
    }
}
