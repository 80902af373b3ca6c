using System.Net;
using System.Text;
using MamBot.Host.Tests.Messenger;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Security;

/// <summary>Bodies are capped before they are read, chunked or not; pages carry the headers that keep them safe in a browser.</summary>
public sealed class RequestLimitsTests : IAsyncLifetime
{
    private const long HugeBytes = 28L * 1024 * 1024;
    private readonly HostTestBed _bed = new();
    private FakeGraphApi _graph = null!;
    private MamApp _app = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphApi.StartAsync();
        _app = _bed.Start(new Dictionary<string, string?>(_graph.Settings())
        {
            ["Telegram:BotToken"] = "123456:TEST-token",
            ["Telegram:ApiBaseUrl"] = $"http://127.0.0.1:{Telegram.TelegramEmulator.FreePort()}",
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookUrl"] = "https://mam.example.org/webhooks/telegram",
            ["Telegram:WebhookSecret"] = "secret-for-limits",
        });
    }

    public async Task DisposeAsync()
    {
        _bed.Dispose();
        await _graph.DisposeAsync();
    }

    /// <summary>28 MB sent chunked (no Content-Length), produced as it is read: counts how much the host pulled.</summary>
    private sealed class EndlessBody : HttpContent
    {
        public long Sent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
            while (Sent < HugeBytes)
            {
                await stream.WriteAsync(chunk);
                Sent += chunk.Length;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }

    /// <summary>On the real server (Kestrel, a real socket), as an attacker would send it.</summary>
    [Theory]
    [InlineData("/webhooks/messenger", null)]
    [InlineData("/webhooks/telegram", "secret-for-limits")]
    [InlineData("/api/chat/browser-0123456789abcdef0123456789abcdef", null)]
    public async Task A_28_megabyte_chunked_body_is_refused_without_being_read(string path, string? telegramSecret)
    {
        var port = Telegram.TelegramEmulator.FreePort();
        _app.UseKestrel(port);
        _app.StartServer();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var body = new EndlessBody();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        request.Headers.TransferEncodingChunked = true;
        if (telegramSecret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", telegramSecret);

        HttpStatusCode? status = null;
        try
        {
            status = (await http.SendAsync(request)).StatusCode;
        }
        catch (HttpRequestException)
        {
            // The server stopped taking the upload and closed the connection: refused as well.
        }

        Assert.True(status is null or HttpStatusCode.RequestEntityTooLarge, $"answered {status}");
        Assert.True(body.Sent < 8L * 1024 * 1024, $"the server took {body.Sent / 1024} KB of an unsigned 28 MB body");
        Assert.Equal(0, await _app.QueryAsync(db => db.InboundEvents.CountAsync()));
    }

    [Fact]
    public async Task An_over_long_body_is_answered_413_in_the_pipeline_too()
    {
        using var http = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/browser-0123456789abcdef0123456789abcdef")
        {
            Content = new StringContent("{\"text\":\"" + new string('a', 40_000) + "\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.TransferEncodingChunked = true;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await http.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/login")]
    public async Task Pages_forbid_framing_sniffing_and_foreign_scripts(string path)
    {
        using var http = _app.CreateClient();
        var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
    }
}
