using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MamBot.Data;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Benchmarks;

/// <summary>
/// A crash run, not a test: the real host as a separate process, killed with SIGKILL five times while residents
/// chat on the web and a broadcast drains to Telegram (a loopback Bot API stand-in that keeps Telegram's limits).
/// Clients resend a message whose request broke with the same clientMessageId, as the chat page does. Counts the
/// replies lost (a message answered with nothing), broadcast copies sent twice, and those of unknown fate.
/// </summary>
public static class CrashLoad
{
    private const int Conversations = 20;
    private const int Copies = 1500;
    private const int Kills = 5;

    public static async Task<int> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("mambot-crash-").FullName;
        await using var botApi = await LoopbackBotApi.StartAsync();
        var host = new HostProcess(folder, botApi.Url);
        await host.StartAsync();
        await SeedBroadcastAsync(Path.Combine(folder, "mambot.db"));
        host.Kill(); // the seed goes out from the next start on
        await host.StartAsync();

        using var cancel = new CancellationTokenSource();
        var chats = Enumerable.Range(0, Conversations).Select(i => ChatAsync(host, $"crash-chat-{i:D4}-0123456789abcdef0", cancel.Token)).ToList();
        for (var kill = 0; kill < Kills; kill++)
        {
            await Task.Delay(TimeSpan.FromSeconds(3 + Random.Shared.NextDouble() * 3));
            host.Kill();
            await host.StartAsync();
        }
        await Task.Delay(TimeSpan.FromSeconds(3));
        await cancel.CancelAsync();
        var results = await Task.WhenAll(chats);

        var (open, unknown) = await WaitForDrainAsync(Path.Combine(folder, "mambot.db"));
        host.Kill();
        var turns = results.Sum(r => r.Turns);
        var lost = results.Sum(r => r.Lost);
        var twice = Enumerable.Range(0, Copies).Count(i => botApi.ArrivalsAt((8_000_000 + i).ToString(CultureInfo.InvariantCulture)).Count > 1);
        var arrived = Enumerable.Range(0, Copies).Count(i => botApi.ArrivalsAt((8_000_000 + i).ToString(CultureInfo.InvariantCulture)).Count > 0);
        Console.WriteLine($"crash: {Kills} kills; web chat turns {turns}, replies lost {lost}; broadcast {Copies}: arrived {arrived}, "
            + $"sent twice {twice}, recorded unknown {unknown}, still open {open}");
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
        return lost == 0 && twice == 0 && open == 0 ? 0 : 1;
    }

    /// <summary>One resident chatting: each message is resent with its id until the bot answers it.</summary>
    private static async Task<(int Turns, int Lost)> ChatAsync(HostProcess host, string conversation, CancellationToken stop)
    {
        string[] script = ["/start", "jakie są godziny otwarcia?", "gdzie jesteście?", "menu", "jakie są zasady?"];
        var turns = 0;
        var lost = 0;
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var body = new { text = script[n % script.Length], clientMessageId = $"m{n}" };
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var response = await host.Http.PostAsJsonAsync($"{host.Url}/api/chat/{conversation}", body);
                    if ((int)response.StatusCode >= 500) throw new HttpRequestException("server error");
                    var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
                    turns++;
                    if (answer.GetProperty("replies").GetArrayLength() == 0) lost++;
                    break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && attempt < 200)
                {
                    await Task.Delay(100); // the bot is restarting: the page tries again with the same id
                }
            }
            await Task.Delay(50);
        }
        return (turns, lost);
    }

    private static async Task SeedBroadcastAsync(string database)
    {
        await using var db = new MamDbContext(new DbContextOptionsBuilder<MamDbContext>()
            .UseSqlite(MamDataSetup.ConnectionStringFor(database)).Options);
        var centre = await db.Centres.Select(c => c.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var body = Reply.Plain("W sobotę sprzątamy skwer – zapraszamy!").ToJson();
        for (var i = 0; i < Copies; i++)
        {
            var id = Guid.NewGuid();
            var chat = (8_000_000 + i).ToString(CultureInfo.InvariantCulture);
            db.Residents.Add(new Resident
            {
                Id = id, CentreId = centre, CreatedUtc = now,
                Identities = [new ChannelIdentity { Channel = "telegram", ExternalId = chat, LastInboundUtc = now }],
                Consents = [new ConsentRecord { Purpose = ConsentPurpose.Privacy, Granted = true, TextVersion = "crash", Channel = "telegram", AtUtc = now }],
            });
            db.OutboxMessages.Add(new OutboxMessage
            {
                IdempotencyKey = $"broadcast:crash:{i}", Kind = OutboxKind.Broadcast, ResidentId = id, Body = body,
                CreatedUtc = now, DueUtc = now, Status = OutboxStatus.Queued,
            });
        }
        await db.SaveChangesAsync();
    }

    private static async Task<(int Open, int Unknown)> WaitForDrainAsync(string database)
    {
        await using var db = new MamDbContext(new DbContextOptionsBuilder<MamDbContext>()
            .UseSqlite(MamDataSetup.ConnectionStringFor(database)).Options);
        var broadcast = db.OutboxMessages.Where(m => m.Kind == OutboxKind.Broadcast);
        var deadline = DateTime.UtcNow.AddMinutes(5);
        int open;
        do
        {
            await Task.Delay(1000);
            open = await broadcast.CountAsync(m => m.Status == OutboxStatus.Queued || m.Status == OutboxStatus.Sending);
        } while (open > 0 && DateTime.UtcNow < deadline);
        return (open, await broadcast.CountAsync(m => m.Status == OutboxStatus.Unknown));
    }

    /// <summary>The host's own build run as a child process on loopback, so it can be killed for real.</summary>
    private sealed class HostProcess(string folder, string botApiUrl)
    {
        private Process? _process;
        private readonly int _port = DeliveryLoad.FreePort();

        public string Url => $"http://127.0.0.1:{_port}";
        public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

        public async Task StartAsync() =>
            (_process, _) = await ChildHost.StartAsync(Path.Combine(AppContext.BaseDirectory, "MamBot.Host.dll"), Url, new Dictionary<string, string>
            {
                ["Storage__DataDirectory"] = folder,
                ["Telegram__BotToken"] = "123456:crash",
                ["Telegram__ApiBaseUrl"] = botApiUrl,
                ["Nudges__QuietFrom"] = "00:00",
                ["Nudges__QuietUntil"] = "00:00",
                ["Jobs__QueuePollSeconds"] = "1",
                ["Flood__Burst"] = "0", // each resident writes every 50 ms here: a crash test, not a flood test
                ["Flood__NewWebChatsPerHour"] = "0",
                ["Logging__LogLevel__Default"] = "Warning",
            });

        /// <summary>SIGKILL: no shutdown, no finally blocks, exactly a power cut for the process.</summary>
        public void Kill()
        {
            _process?.Kill();
            _process?.WaitForExit();
        }
    }
}
