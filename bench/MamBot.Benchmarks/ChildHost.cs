using System.Diagnostics;

namespace MamBot.Benchmarks;

/// <summary>A web app run as a child process on loopback, returned once its <c>/healthz</c> answers.</summary>
internal static class ChildHost
{
    /// <returns>The process, and how long it took from starting it to a healthy answer.</returns>
    public static async Task<(Process Process, TimeSpan Ready)> StartAsync(string dll, string url, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Urls"] = url;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var health = await http.GetAsync(url + "/healthz");
                if (health.IsSuccessStatusCode) return (process, clock.Elapsed);
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* listening, not answering yet: a busy machine */ }
            if (process.HasExited) throw new InvalidOperationException($"{dll} exited with {process.ExitCode} before it was healthy.");
            await Task.Delay(10);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"{dll} was not healthy within 60 s.");
    }
}
