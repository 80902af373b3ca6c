using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MamBot.Host.Tests;

/// <summary>
/// The host on Kestrel at 127.0.0.1 and Debian's Chromium driven by Microsoft.Playwright. ./test.sh installs
/// Chromium; without it the tests using this fail, never skip.
/// </summary>
public sealed class BrowserTestBed : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly HostTestBed _bed = new();
    private IPlaywright _playwright = null!;

    public MamApp App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string Address { get; private set; } = "";
    public HostTestBed Bed => _bed;

    public static async Task<BrowserTestBed> StartAsync()
    {
        Assert.True(File.Exists(Chromium), $"Debian's Chromium is missing at {Chromium}: run ./test.sh, which installs it (apt-get install chromium).");
        var bed = new BrowserTestBed();
        bed.App = bed._bed.Start(new Dictionary<string, string?> { ["Urls"] = "http://127.0.0.1:0" });
        bed.App.UseKestrel(0);
        bed.App.StartServer();
        bed.Address = bed.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        bed._playwright = await Playwright.CreateAsync();
        bed.Browser = await bed._playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            // This machine's network is closed: keep Chromium from calling home at start.
            // A browser in Polish, as on the estate: a browser in another language is welcomed in it (issue 33).
            Args = ["--lang=pl-PL", "--accept-lang=pl-PL,pl", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return bed;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        _bed.Dispose();
    }
}
