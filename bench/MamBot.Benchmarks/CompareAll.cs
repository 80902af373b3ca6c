using BenchmarkDotNet.Running;

namespace MamBot.Benchmarks;

/// <summary>
/// Issue 16's whole comparison in one command, each figure beside its floor from the same run: web chat turns at
/// 16 clients, Telegram webhook replies at 25 updates a second under Telegram's pacing and at 300 with the pacing
/// lifted, start-up and idle cost,
/// and the free-slot lookup of a room-month with 10,000 bookings (BenchmarkDotNet; its goal is absolute).
/// </summary>
public static class CompareAll
{
    public static async Task<int> RunAsync()
    {
        var failed = 0;
        Console.WriteLine("== web chat turns (goal: >= 0.5x the floor's turns/s at 16 clients, p50 <= 2x)");
        failed += await TurnsLoad.RunAsync(["16"]);
        Console.WriteLine();
        Console.WriteLine("== Telegram webhook, 25 updates/s from distinct chats, default pacing (goal: p99 < 1 s, none lost)");
        failed += await DeliveryLoad.RunAsync(["steady", "25"]);
        Console.WriteLine();
        Console.WriteLine("== Telegram webhook, 300 updates/s, pacing lifted (goal: p99 < 1 s, none lost)");
        failed += await DeliveryLoad.RunAsync(["lifted", "300"]);
        Console.WriteLine();
        Console.WriteLine("== start-up and idle (goal: ready <= 2 s, memory <= 1.6x the bare app's, idle CPU close to zero)");
        failed += await StartupLoad.RunAsync();
        Console.WriteLine();
        Console.WriteLine("== free-slot lookup, one room-month, 10,000 bookings (goal: <= 5 ms)");
        var summary = BenchmarkSwitcher.FromTypes([typeof(FreeSlotLookup)])
            .Run(["--filter", "*in_one_read*", "--job", "short"]).SingleOrDefault();
        foreach (var report in summary?.Reports ?? [])
            Console.WriteLine($"{report.BenchmarkCase.Descriptor.WorkloadMethod.Name}: mean {report.ResultStatistics?.Mean / 1e6:F2} ms");
        return failed == 0 ? 0 : 1;
    }
}
