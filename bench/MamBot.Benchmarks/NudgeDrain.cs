extern alias host;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hangfire;
using MamBot.Data;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using HostProgram = host::Program;

namespace MamBot.Benchmarks;

/// <summary>
/// A load run, not a test: N nudges queued for N residents on Telegram, drained by the real host's outbox-dispatch
/// job through the real Telegram.Bot client to a loopback Bot API that enforces Telegram's limits (30 messages in
/// any second overall, 1 per second per chat) and answers 429 with retry_after when they are broken.
/// Reports the achieved rate as a share of the configured one, and the 429s seen.
/// </summary>
public static class NudgeDrain
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        var folder = Directory.CreateTempSubdirectory("mambot-drain-").FullName;

        await using var botApi = await LoopbackBotApi.StartAsync();
        await using var app = new WebApplicationFactory<HostProgram>().WithWebHostBuilder(b => b
            .UseEnvironment("Production") // as deployed: the test factory's default is Development
            .ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = folder,
                ["Telegram:BotToken"] = "123456:drain",
                ["Telegram:ApiBaseUrl"] = botApi.Url,
                ["Telegram:MessagesPerSecond"] = rate.ToString(CultureInfo.InvariantCulture),
                ["Nudges:QuietFrom"] = "00:00", // no quiet hours: measure the channel, not the clock
                ["Nudges:QuietUntil"] = "00:00",
                ["Logging:LogLevel:Default"] = "Warning",
            }))
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning)));
        using var client = app.CreateClient(); // starts the host

        Console.WriteLine($"Queueing {count:N0} reminders for {count:N0} residents…");
        await SeedAsync(app.Services, count);

        var clock = Stopwatch.StartNew();
        var recurring = (IRecurringJobManagerV2)app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.TriggerJob("outbox-dispatch");
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            await Task.Delay(1000);
            var (sent, open) = await ProgressAsync(app.Services);
            if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(30))
            {
                lastReport = clock.Elapsed;
                Console.WriteLine($"  {clock.Elapsed:mm\\:ss}  sent {sent:N0}, left {open:N0}, 429s {botApi.TooManyRequests}");
            }
            if (open == 0) break;
            // The minutely job picks up anything a retry put back; nudge it so the run does not wait for the minute.
            if (botApi.SecondsSinceLastSend > 3) recurring.TriggerJob("outbox-dispatch");
        }

        var (first, last) = botApi.FirstAndLastAccepted;
        var seconds = (last - first).TotalSeconds;
        var achieved = (botApi.Accepted - 1) / Math.Max(seconds, 0.001);
        var failed = await app.Services.CreateScope().ServiceProvider.GetRequiredService<MamDbContext>()
            .OutboxMessages.CountAsync(m => m.Status != OutboxStatus.Sent);
        Console.WriteLine();
        Console.WriteLine($"nudges: {botApi.Accepted:N0} delivered in {seconds:F1} s; achieved {achieved:F2}/s of {rate}/s configured = {achieved / rate:P1}");
        Console.WriteLine($"nudges: 429 answers seen: {botApi.TooManyRequests}; per-chat over-limit: {botApi.PerChatViolations}; not sent: {failed}; sent twice: {botApi.Duplicates}");
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* Hangfire may still hold the file on slow machines */ }
        return failed == 0 && botApi.Duplicates == 0 ? 0 : 1;
    }

    private static async Task SeedAsync(IServiceProvider services, int count)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MamDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var centre = await db.Centres.Select(c => c.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var body = Reply.Plain("⏰ Przypomnienie: jutro „Kawa sąsiedzka”, czwartek, 17:00.").ToJson();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            db.Residents.Add(new Resident
            {
                Id = id,
                CentreId = centre,
                CreatedUtc = now,
                Identities = [new ChannelIdentity { Channel = "telegram", ExternalId = (1_000_000 + i).ToString(CultureInfo.InvariantCulture), LastInboundUtc = now }],
                Consents = [new ConsentRecord { Purpose = ConsentPurpose.Privacy, Granted = true, TextVersion = "bench", Channel = "telegram", AtUtc = now }],
            });
            db.OutboxMessages.Add(new OutboxMessage
            {
                IdempotencyKey = $"bench:{i}",
                Kind = OutboxKind.Reminder,
                ResidentId = id,
                Body = body,
                CreatedUtc = now,
                DueUtc = now,
                Status = OutboxStatus.Queued,
            });
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }

    private static async Task<(int Sent, int Open)> ProgressAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MamDbContext>();
        var sent = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent);
        var open = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Queued || m.Status == OutboxStatus.Sending);
        return (sent, open);
    }
}

/// <summary>One clock for the load generator and the Bot API stand-in, so latencies subtract cleanly.</summary>
internal static class LoadClock
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    public static TimeSpan Now => Clock.Elapsed;
}

/// <summary>A minimal Bot API on 127.0.0.1 that keeps Telegram's sending limits and counts what it accepted and refused.</summary>
internal sealed class LoopbackBotApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, Queue<DateTime>> _lastSecondByBot = []; // Telegram's limits are per bot
    private readonly ConcurrentDictionary<string, DateTime> _lastPerChat = new();
    private readonly ConcurrentDictionary<string, int> _perChat = new();
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TimeSpan>> _arrivals = new();
    private DateTime _first, _last;
    private int _accepted, _tooMany, _perChatViolations, _messageId;

    private readonly bool _keepsLimits;

    private LoopbackBotApi(WebApplication app, bool keepsLimits)
    {
        _app = app;
        _keepsLimits = keepsLimits;
    }

    public string Url => _app.Urls.First();
    public int Accepted => _accepted;
    public int TooManyRequests => _tooMany;
    public int PerChatViolations => _perChatViolations;
    public int Duplicates => _perChat.Values.Count(v => v > 1);
    public (DateTime First, DateTime Last) FirstAndLastAccepted => (_first, _last);
    public double SecondsSinceLastSend => _last == default ? 0 : (DateTime.UtcNow - _last).TotalSeconds;

    /// <summary>When each accepted message reached this chat, on <see cref="LoadClock"/>.</summary>
    public IReadOnlyList<TimeSpan> ArrivalsAt(string chatId) => _arrivals.TryGetValue(chatId, out var a) ? [.. a] : [];
    public int AcceptedFor(Func<string, bool> chats) => _arrivals.Where(a => chats(a.Key)).Sum(a => a.Value.Count);

    /// <param name="keepsLimits">False for a run with Telegram's pacing lifted: every message is accepted.</param>
    public static async Task<LoopbackBotApi> StartAsync(bool keepsLimits = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new LoopbackBotApi(app, keepsLimits);
        app.MapPost("/bot{token}/{method}", api.HandleAsync);
        await app.StartAsync();
        return api;
    }

    private async Task<IResult> HandleAsync(string token, string method, HttpRequest request)
    {
        var body = request.HasFormContentType ? "" : await new StreamReader(request.Body).ReadToEndAsync();
        var form = request.HasFormContentType ? (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString())
            : body.Length > 0 && JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(body) is { } json
                ? json.ToDictionary(p => p.Key, p => p.Value.ToString()) : [];
        switch (method.ToLowerInvariant())
        {
            case "getme": return Ok(new { id = 123456, is_bot = true, first_name = "MamBot", username = "mam_bench_bot" });
            case "setwebhook" or "deletewebhook" or "setmycommands" or "answercallbackquery": return Ok(true);
            case "getupdates":
                await Task.Delay(1000);
                return Ok(Array.Empty<object>());
            case "sendmessage": return Send(token, form.GetValueOrDefault("chat_id") ?? "0");
            default: return Ok(true);
        }
    }

    private IResult Send(string token, string chatId)
    {
        lock (_gate)
        {
            var now = DateTime.UtcNow;
            if (!_lastSecondByBot.TryGetValue(token, out var lastSecond)) _lastSecondByBot[token] = lastSecond = new();
            while (lastSecond.Count > 0 && now - lastSecond.Peek() >= TimeSpan.FromSeconds(1)) lastSecond.Dequeue();
            var chat = token + "/" + chatId;
            var chatTooSoon = _lastPerChat.TryGetValue(chat, out var previous) && now - previous < TimeSpan.FromSeconds(1);
            if (_keepsLimits && (lastSecond.Count >= 30 || chatTooSoon))
            {
                _tooMany++;
                if (Environment.GetEnvironmentVariable("DRAIN_DEBUG") == "1")
                    Console.WriteLine($"429 at {now:HH:mm:ss.fff}: {lastSecond.Count} in the last second, oldest {(now - lastSecond.Peek()).TotalMilliseconds:F1} ms ago, chat too soon {chatTooSoon}");
                if (chatTooSoon) _perChatViolations++;
                return Results.Json(new { ok = false, error_code = 429, description = "Too Many Requests: retry after 1", parameters = new { retry_after = 1 } }, statusCode: 429);
            }
            lastSecond.Enqueue(now);
            _lastPerChat[chat] = now;
            _perChat.AddOrUpdate(chatId, 1, (_, n) => n + 1);
            _arrivals.GetOrAdd(chatId, _ => new ConcurrentQueue<TimeSpan>()).Enqueue(LoadClock.Now);
            if (_accepted++ == 0) _first = now;
            _last = now;
            return Ok(new { message_id = ++_messageId, date = new DateTimeOffset(now).ToUnixTimeSeconds(), chat = new { id = long.Parse(chatId, CultureInfo.InvariantCulture), type = "private" }, text = "ok" });
        }
    }

    private static IResult Ok(object result) => Results.Json(new { ok = true, result });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
