using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace MamBot.Host.Tests.Telegram;

/// <summary>
/// The npm package telegram-test-api on 127.0.0.1 (tests/tools/telegram-emulator, installed by ./test.sh).
/// The bot talks to it with the real Telegram.Bot client; the tests play the resident through its client API.
/// </summary>
public sealed class TelegramEmulator : IAsyncDisposable
{
    public const string Token = "123456:TEST-token";
    private readonly Process _node;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly HttpClient _http;
    private long _now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public string BaseUrl { get; }

    private TelegramEmulator(Process node, string baseUrl)
    {
        _node = node;
        BaseUrl = baseUrl;
        _http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public static async Task<TelegramEmulator> StartAsync()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "tools", "telegram-emulator");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "telegram-test-api")))
            throw new InvalidOperationException(
                $"The Telegram emulator is not installed. Run ./test.sh (it installs it), or: npm install --prefix {folder}");

        var port = FreePort();
        var start = new ProcessStartInfo("node", ["emulator.js", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // closing it (or our process dying) stops the emulator
            UseShellExecute = false,
        };
        Process node;
        try { node = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Node.js is needed for the Telegram tests: install nodejs and npm (Debian: apt-get install nodejs npm).", e);
        }

        var emulator = new TelegramEmulator(node, $"http://127.0.0.1:{port}");
        node.OutputDataReceived += (_, e) => { if (e.Data is not null) emulator._output.Enqueue(e.Data); };
        node.ErrorDataReceived += (_, e) => { if (e.Data is not null) emulator._output.Enqueue("ERR " + e.Data); };
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        await emulator.WaitForAsync(() => emulator._output.Contains("READY"), "the emulator to start");
        return emulator;
    }

    /// <summary>
    /// The host's settings for polling this emulator; chats may get 20 messages a second here (the 1/s default is
    /// measured in its own test).
    /// </summary>
    public Dictionary<string, string?> PollingSettings() => new()
    {
        ["Telegram:BotToken"] = Token,
        ["Telegram:ApiBaseUrl"] = BaseUrl,
        ["Telegram:ChatMessagesPerSecond"] = "20",
    };

    /// <summary>Bot API methods the bot has called, in order ("sendMessage", "setMyCommands", …).</summary>
    public IReadOnlyList<string> Calls => [.. _output.Where(l => l.StartsWith("CALL ", StringComparison.Ordinal)).Select(l => l[5..])];

    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>A resident writes; <paramref name="language"/> is what their Telegram app is set to (from.language_code).</summary>
    public Task SendTextAsync(long chatId, string text, string chatType = "private", string firstName = "Anna", string? language = null) =>
        PostAsync("/sendMessage", new
        {
            botToken = Token,
            from = new { id = chatId, is_bot = false, first_name = firstName, language_code = language },
            chat = new { id = chatId, type = chatType, first_name = firstName },
            date = Interlocked.Increment(ref _now),
            text,
        });

    /// <summary>The bot's own user id, as the emulator's getMe gives it.</summary>
    public const long BotId = 666;

    /// <summary>
    /// A member of a group answers a message there (Telegram's "reply"): one of our bot's, or, with
    /// <paramref name="author"/>, another bot's.
    /// </summary>
    public Task ReplyInGroupAsync(long groupId, BotMessage to, string text, long fromId, string firstName, long author = BotId) =>
        PostAsync("/sendMessage", new
        {
            botToken = Token,
            from = new { id = fromId, is_bot = false, first_name = firstName },
            chat = new { id = groupId, type = "group", title = "Zespół MAM" },
            date = Interlocked.Increment(ref _now),
            text,
            reply_to_message = new
            {
                message_id = to.MessageId,
                from = new { id = author, is_bot = true, first_name = author == BotId ? "MamBot" : "OtherBot" },
                chat = new { id = groupId, type = "group" },
                date = _now,
                text = to.Text,
            },
        });

    /// <summary>Presses a button (callback_data) under one of the bot's messages.</summary>
    public Task PressAsync(long chatId, BotMessage under, string callbackData, string chatType = "private", string firstName = "Anna", string? language = null) =>
        PostAsync("/sendCallback", new
        {
            botToken = Token,
            from = new { id = chatId, is_bot = false, first_name = firstName, language_code = language },
            message = new { message_id = under.MessageId, chat = new { id = chatId, type = chatType }, date = Interlocked.Increment(ref _now), text = under.Text },
            data = callbackData,
            date = _now,
        });

    /// <summary>Waits until the bot has sent at least <paramref name="count"/> new messages to the chat and returns them all.</summary>
    public async Task<IReadOnlyList<BotMessage>> ReceiveAsync(long chatId, int count = 1, TimeSpan? timeout = null)
    {
        var received = new List<BotMessage>();
        await WaitForAsync(async () =>
        {
            received.AddRange(await UnreadAsync(chatId));
            return received.Count >= count;
        }, $"{count} message(s) from the bot to chat {chatId}", timeout);
        // A short pause catches messages of the same turn that follow the expected ones.
        await Task.Delay(300);
        received.AddRange(await UnreadAsync(chatId));
        return received;
    }

    public async Task<IReadOnlyList<BotMessage>> UnreadAsync(long chatId)
    {
        var response = await _http.PostAsJsonAsync("/getUpdates", new { token = Token, chatId });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("result").EnumerateArray().Select(BotMessage.From)];
    }

    /// <summary>Every bot message as the emulator holds it now (edits included).</summary>
    public async Task<IReadOnlyList<BotMessage>> BotHistoryAsync()
    {
        var response = await _http.PostAsJsonAsync("/getUpdatesHistory", new { token = Token });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("result").EnumerateArray().Where(u => u.TryGetProperty("message", out var m) && m.TryGetProperty("chat_id", out _)).Select(BotMessage.From)];
    }

    private async Task PostAsync(string path, object body)
    {
        var response = await _http.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"emulator {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task WaitForAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        await WaitForAsync(() => Task.FromResult(condition()), what, timeout);

    public async Task WaitForAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > (timeout ?? TimeSpan.FromSeconds(20)))
                throw new TimeoutException($"Waited in vain for {what}. Emulator said:\n{string.Join("\n", _output.TakeLast(30))}");
            await Task.Delay(100);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MamBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("MamBot.sln not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        try
        {
            _node.StandardInput.Close();
            if (!_node.WaitForExit(3000)) _node.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { /* already gone */ }
        _node.Dispose();
        await Task.CompletedTask;
    }
}

/// <summary>A message the bot sent, as the emulator stored it.</summary>
public sealed record BotMessage(int MessageId, string Text, IReadOnlyList<IReadOnlyList<(string Text, string Data)>> Buttons, JsonElement Raw)
{
    public static BotMessage From(JsonElement update)
    {
        var message = update.GetProperty("message");
        var buttons = message.TryGetProperty("reply_markup", out var markup) && markup.ValueKind == JsonValueKind.Object
            && markup.TryGetProperty("inline_keyboard", out var rows)
            ? rows.EnumerateArray().Select(r => (IReadOnlyList<(string, string)>)[.. r.EnumerateArray().Select(b => (b.GetProperty("text").GetString()!, b.GetProperty("callback_data").GetString()!))]).ToList()
            : [];
        return new BotMessage(update.GetProperty("messageId").GetInt32(), message.GetProperty("text").GetString() ?? "", buttons, message);
    }

    public string Button(string title) => Buttons.SelectMany(r => r).First(b => b.Text == title).Data;
}
