using System.Diagnostics;
using System.Text;

namespace MamBot.Host.Tests;

/// <summary>The real program as a process of its own, on loopback: a server that can be stopped as a supervisor does, or killed outright.</summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, string url) => (_process, Url) = (process, url);

    public string Url { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts MamBot.Host.dll with these settings (as environment variables) and waits until /healthz answers.</summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var url = $"http://127.0.0.1:{Telegram.TelegramEmulator.FreePort()}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "MamBot.Host.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Urls"] = url;
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var host = new HostProcess(Process.Start(start)!, url);
        host._process.OutputDataReceived += (_, line) => host.Append(line.Data);
        host._process.ErrorDataReceived += (_, line) => host.Append(line.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.HoldsAsync(async () =>
        {
            if (host._process.HasExited) throw new InvalidOperationException($"The host exited with {host._process.ExitCode}:\n{host.Output}");
            try { return (await http.GetAsync(url + "/healthz")).IsSuccessStatusCode; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; }
        }, "the host to answer /healthz", TimeSpan.FromSeconds(60));
        return host;
    }

    /// <summary>SIGTERM, what systemd or <c>docker stop</c> sends; the exit code once the program has shut down.</summary>
    public async Task<int> StopAsync(TimeSpan within)
    {
        Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        using var deadline = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown, no goodbye, as when the machine under it dies.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private void Append(string? line)
    {
        lock (_output) _output.AppendLine(line);
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
