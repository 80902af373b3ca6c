using System.Diagnostics;

namespace MamBot.Benchmarks;

/// <summary>
/// A measurement run, not a test: start-up and idle cost of MamBot against the floor, a bare ASP.NET Core app
/// (<c>bench/MamBot.Floor</c>). Both are published the way an operator deploys them (Release, ReadyToRun), then
/// each is started five times on an existing data folder and timed to its first healthy <c>/healthz</c>; one more
/// start of each is left idle for two minutes to read its memory and CPU. MamBot's build output (what
/// <c>dotnet run</c> starts) is timed too.
/// </summary>
public static class StartupLoad
{
    private const int Starts = 5;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Steady = TimeSpan.FromSeconds(60);

    public sealed record Figures(double ReadyMs, double ReadyMinMs, double RssMb, double IdleCpuSeconds, double SteadyCpuPercent, int Threads);

    public static async Task<int> RunAsync()
    {
        var (floor, bot, built) = await MeasureAsync();
        Console.WriteLine(Table(floor, bot, built));
        return 0;
    }

    public static async Task<(Figures Floor, Figures MamBot, Figures BuildOutput)> MeasureAsync()
    {
        var root = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("mambot-startup-").FullName;
        try
        {
            var floorDll = await PublishAsync(Path.Combine(root, "bench/MamBot.Floor/MamBot.Floor.csproj"), Path.Combine(work, "floor"), "MamBot.Floor.dll");
            var botDll = await PublishAsync(Path.Combine(root, "src/MamBot.Host/MamBot.Host.csproj"), Path.Combine(work, "mambot"), "MamBot.Host.dll");
            var data = Path.Combine(work, "data");
            var floor = await MeasureAsync(floorDll, data, idle: true);
            var bot = await MeasureAsync(botDll, data, idle: true);
            var built = await MeasureAsync(Path.Combine(AppContext.BaseDirectory, "MamBot.Host.dll"), data, idle: false);
            return (floor, bot, built);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { /* a file still held */ }
        }
    }

    public static string Table(Figures floor, Figures bot, Figures built) => string.Join(Environment.NewLine,
        "what | floor (bare ASP.NET Core) | MamBot (published) | ratio | MamBot (build output, dotnet run)",
        $"start to healthy /healthz, median of {Starts} (min) | {floor.ReadyMs:F0} ms ({floor.ReadyMinMs:F0}) | {bot.ReadyMs:F0} ms ({bot.ReadyMinMs:F0}) | {bot.ReadyMs / floor.ReadyMs:F1}× | {built.ReadyMs:F0} ms ({built.ReadyMinMs:F0})",
        $"memory (RSS) {Idle.TotalSeconds:F0} s after ready | {floor.RssMb:F0} MB | {bot.RssMb:F0} MB | {bot.RssMb / floor.RssMb:F1}× |",
        $"CPU in those {Idle.TotalSeconds:F0} s | {floor.IdleCpuSeconds:F2} s | {bot.IdleCpuSeconds:F2} s | |",
        $"CPU from {2 * Idle.TotalSeconds:F0} to {2 * Idle.TotalSeconds + Steady.TotalSeconds:F0} s, share of one core | {floor.SteadyCpuPercent:F1} % | {bot.SteadyCpuPercent:F1} % | |",
        $"threads | {floor.Threads} | {bot.Threads} | |");

    private static async Task<Figures> MeasureAsync(string dll, string data, bool idle)
    {
        Console.Error.WriteLine($"starting {Path.GetFileName(dll)} from {Path.GetDirectoryName(dll)}");
        // The first start makes the data folder and is not timed. MamBot's first start also trains the intent
        // classifier after it is ready and keeps it there; a restart reads it, so wait for it as a restart would.
        using (await StartAsync(dll, data))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (dll.EndsWith("MamBot.Host.dll", StringComparison.Ordinal)
                && !Directory.EnumerateFiles(data, "intent-model-*.bin").Any())
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("MamBot kept no trained classifier within 60 s.");
                await Task.Delay(100);
            }
        }
        var ready = new List<double>();
        for (var i = 0; i < Starts; i++)
        {
            using var started = await StartAsync(dll, data);
            ready.Add(started.ReadyMs);
        }
        ready.Sort();
        if (!idle) return new Figures(ready[Starts / 2], ready[0], 0, 0, 0, 0);

        using var app = await StartAsync(dll, data);
        var atReady = app.Process.TotalProcessorTime;
        await Task.Delay(Idle);
        app.Process.Refresh();
        var afterIdle = app.Process.TotalProcessorTime;
        var rss = app.Process.WorkingSet64 / 1024.0 / 1024.0;
        var threads = app.Process.Threads.Count;
        // Steady idle is read from the second minute on: each job's first run (the outbox dispatch every minute)
        // compiles its code once.
        await Task.Delay(Idle);
        app.Process.Refresh();
        var steadyFrom = app.Process.TotalProcessorTime;
        await Task.Delay(Steady);
        app.Process.Refresh();
        var steady = (app.Process.TotalProcessorTime - steadyFrom) / Steady * 100;
        return new Figures(ready[Starts / 2], ready[0], rss, (afterIdle - atReady).TotalSeconds, steady, threads);
    }

    private sealed class RunningApp(Process process, double readyMs) : IDisposable
    {
        public Process Process { get; } = process;
        public double ReadyMs { get; } = readyMs;

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
            Process.Dispose();
        }
    }

    private static async Task<RunningApp> StartAsync(string dll, string data)
    {
        var (process, ready) = await ChildHost.StartAsync(dll, $"http://127.0.0.1:{DeliveryLoad.FreePort()}", new Dictionary<string, string>
        {
            ["Storage__DataDirectory"] = data,
            ["Logging__LogLevel__Default"] = "Warning",
        });
        return new RunningApp(process, ready.TotalMilliseconds);
    }

    private static async Task<string> PublishAsync(string project, string output, string dll)
    {
        Console.Error.WriteLine($"publishing {Path.GetFileName(project)} (Release, ReadyToRun)");
        var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
        })!;
        var log = await publish.StandardOutput.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0) throw new InvalidOperationException($"dotnet publish {project} failed:{Environment.NewLine}{log}");
        return Path.Combine(output, dll);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "MamBot.sln"))) return folder.FullName;
        throw new InvalidOperationException("Run from the repository: MamBot.sln was not found above " + AppContext.BaseDirectory);
    }
}
