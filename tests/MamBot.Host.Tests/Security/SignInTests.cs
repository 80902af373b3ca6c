using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using MamBot.Data.Staff;
using MamBot.Host.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Security;

/// <summary>
/// Password guessing against the real server (Kestrel behind a trusted proxy that names the client's address):
/// slowed per address, never a lockout of the owner, and no hint of which e-mails exist, in words or in time.
/// </summary>
public sealed partial class SignInTests : IDisposable
{
    private const string Password = "sloneczny-Kozlowek-2026";
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;
    private readonly int _port = Telegram.TelegramEmulator.FreePort();

    public SignInTests()
    {
        _app = _bed.Start(new Dictionary<string, string?> { ["Security:TrustedProxies:0"] = "127.0.0.1" });
        _app.UseKestrel(_port);
        _app.StartServer();
    }

    public void Dispose() => _bed.Dispose();

    private async Task CreateAniaAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync("ania@mam.example", StaffRoles.Admin, "Ania", Password, default);
    }

    /// <summary>A browser at this address: its own cookies, the form's token, the proxy's X-Forwarded-For.</summary>
    private async Task<(HttpStatusCode Status, string Page)> SignInAsync(string address, string email, string password) =>
        await SignInAsync(address, email, password, _ => { });

    private async Task<(HttpStatusCode Status, string Page)> SignInAsync(
        string address, string email, string password, Action<HttpResponseMessage> inspect)
    {
        // The container would drop a cookie marked Secure on plain http: the test reads Set-Cookie itself.
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https"); // the TLS proxy in front
        var form = await http.GetAsync("/admin/login");
        http.DefaultRequestHeaders.Add("Cookie", string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var token = TokenField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        var response = await http.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        inspect(response);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_guesses_from_one_address_slow_that_address_and_the_owner_still_signs_in_from_hers()
    {
        await CreateAniaAsync();
        for (var i = 0; i < SignInGuard.FreeFailures; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync("203.0.113.66", "ania@mam.example", $"zgaduje-{i}-haslo")).Status);

        var attacker = await SignInAsync("203.0.113.66", "ania@mam.example", Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, attacker.Status);
        Assert.Contains("Z tego urządzenia było za dużo nieudanych prób.", attacker.Page);

        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync("198.51.100.7", "ania@mam.example", Password)).Status);

        _bed.Time.Advance(TimeSpan.FromMinutes(2)); // the first wait is a minute, then it doubles
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync("203.0.113.66", "ania@mam.example", Password)).Status);
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_read_the_same_and_take_about_as_long()
    {
        await CreateAniaAsync();
        var unknown = await SignInAsync("192.0.2.1", "nikt@mam.example", "zgaduje-haslo-1");
        var wrong = await SignInAsync("192.0.2.2", "ania@mam.example", "zgaduje-haslo-1");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(Error().Match(unknown.Page).Value, Error().Match(wrong.Page).Value);
        Assert.Contains("Nieprawidłowy e-mail albo hasło.", unknown.Page);

        // Too many guesses at an e-mail nobody has read as they would for a real one.
        for (var i = 0; i < SignInGuard.FreeFailures; i++) await SignInAsync("192.0.2.3", "nikt@mam.example", $"zgaduje-{i}-haslo");
        Assert.Contains("Z tego urządzenia było za dużo nieudanych prób.", (await SignInAsync("192.0.2.3", "nikt@mam.example", "x")).Page);

        async Task<TimeSpan> TimeAsync(string address, string email)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 3; i++) await SignInAsync(address, email, $"inne-haslo-{i}");
            return watch.Elapsed;
        }
        var known = await TimeAsync("192.0.2.10", "ania@mam.example");
        var nobody = await TimeAsync("192.0.2.11", "nikt-inny@mam.example");
        var ratio = Math.Max(known.TotalMilliseconds, nobody.TotalMilliseconds) / Math.Min(known.TotalMilliseconds, nobody.TotalMilliseconds);
        Assert.True(ratio < 2, $"a known e-mail took {known.TotalMilliseconds:0} ms, an unknown one {nobody.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Behind_the_tls_proxy_the_staff_cookie_is_secure_http_only_and_same_site()
    {
        await CreateAniaAsync();
        var cookie = "";
        var (status, _) = await SignInAsync("198.51.100.8", "ania@mam.example", Password,
            r => cookie = r.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mam-staff=", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Redirect, status);
        var flags = cookie.ToLowerInvariant().Split("; ").Skip(1).ToList();
        Assert.Contains("secure", flags);
        Assert.Contains("httponly", flags);
        Assert.Contains("samesite=strict", flags);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("role=\"alert\"[^>]*>[^<]*")]
    private static partial Regex Error();
}
