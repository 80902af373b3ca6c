using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MamBot.Host.Tests.Telegram;

/// <summary>
/// A loopback stand-in for the Bot API, for delivery tests that measure when messages arrive: records every call
/// with its arrival time, answers 429 with retry_after and 403 for a blocked chat the way Telegram does. With
/// <see cref="EnforceLimits"/> it refuses (429) what Telegram's limits would: a 31st message within a second, a
/// second message to one chat within a second. getUpdates long-polls and, like Telegram, answers 409 Conflict
/// to a second poller while one is waiting.
/// </summary>
public sealed class BotApiStub : IAsyncDisposable
{
    public const long Blocked = 666;
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<BotApiCall> _calls = new();
    private readonly ConcurrentDictionary<string, string> _lastBody = new();
    private readonly ConcurrentQueue<(string Method, string Body)> _bodies = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _tooManyRequestsLeft;
    private readonly Lock _limits = new();
    private readonly Queue<TimeSpan> _lastSecond = new();
    private readonly Dictionary<long, TimeSpan> _lastToChat = [];
    private readonly List<(int Id, string Json)> _updates = [];
    private int _pollers;
    private int _conflicts;
    private int _limited;

    /// <summary>Telegram's limits for sendMessage: at most 30 a second for the bot, one a second per chat.</summary>
    public bool EnforceLimits { get; set; }

    /// <summary>sendMessage calls refused because they broke a limit.</summary>
    public int Limited => Volatile.Read(ref _limited);

    /// <summary>Called as each call arrives, before it is answered (a test can break something at that moment).</summary>
    public Action<BotApiCall>? Arriving { get; set; }

    /// <summary>getUpdates calls refused with 409 because another poller was waiting.</summary>
    public int Conflicts => Volatile.Read(ref _conflicts);

    /// <summary>A resident writes: the next getUpdates returns it.</summary>
    public void AddTextUpdate(long chatId, string text)
    {
        lock (_updates)
        {
            var id = _updates.Count + 1;
            _updates.Add((id, TelegramUpdates.Text(id, chatId, text, firstName: "Ola")));
        }
    }

    private BotApiStub(WebApplication app) => _app = app;

    public string Url => _app.Urls.Single();
    public TimeSpan Now => _clock.Elapsed;
    public IReadOnlyList<BotApiCall> Calls => [.. _calls];
    public IReadOnlyDictionary<string, string> LastBody => _lastBody;

    /// <summary>Every JSON body sent to this method, in order.</summary>
    public IReadOnlyList<string> Bodies(string method) => [.. _bodies.Where(b => b.Method == method).Select(b => b.Body)];

    /// <summary>The next this many sendMessage calls are refused with 429, retry_after 1.</summary>
    public void RefuseNext(int count) => Volatile.Write(ref _tooManyRequestsLeft, count);

    public static async Task<BotApiStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var stub = new BotApiStub(builder.Build());
        stub._app.MapPost("/bot{token}/{method}", stub.HandleAsync);
        await stub._app.StartAsync();
        return stub;
    }

    public IReadOnlyList<BotApiCall> Sends(long chatId) => [.. _calls.Where(c => c.Method == "sendMessage" && c.ChatId == chatId)];

    /// <summary>Waits until the chat has received this many messages; fails with what it did receive.</summary>
    public async Task<IReadOnlyList<BotApiCall>> WaitForSendsAsync(long chatId, int count, TimeSpan? timeout = null)
    {
        var deadline = _clock.Elapsed + (timeout ?? TimeSpan.FromSeconds(20));
        while (Sends(chatId).Count < count)
        {
            if (_clock.Elapsed > deadline)
                throw new TimeoutException($"Chat {chatId} expected {count} message(s), got {Sends(chatId).Count}: "
                    + string.Join(" | ", Sends(chatId).Select(c => c.Text)));
            await Task.Delay(20);
        }
        return Sends(chatId);
    }

    private async Task<IResult> HandleAsync(string method, HttpRequest request)
    {
        var arrived = _clock.Elapsed;
        long chatId;
        string? text = null;
        JsonElement json = default;
        if (request.HasFormContentType)
        {
            // Files come as multipart, like Telegram expects them.
            var form = await request.ReadFormAsync();
            chatId = long.Parse(form["chat_id"].ToString(), CultureInfo.InvariantCulture);
            _lastBody[method] = string.Join(";", form.Files.Select(f => $"{f.FileName}:{f.Length}"));
        }
        else
        {
            // getMe and its like come with no body at all.
            var body = json = request.ContentLength is 0 or null && !request.Body.CanSeek
                ? await ReadOrEmptyAsync(request) : await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            var isObject = body.ValueKind == JsonValueKind.Object;
            chatId = isObject && body.TryGetProperty("chat_id", out var c) ? c.GetInt64() : 0;
            text = isObject && body.TryGetProperty("text", out var t) ? t.GetString() : null;
            _lastBody[method] = body.ValueKind == JsonValueKind.Undefined ? "" : body.GetRawText();
            _bodies.Enqueue((method, _lastBody[method]));
        }
        var call = new BotApiCall(method, chatId, text, arrived);
        Arriving?.Invoke(call);
        _calls.Enqueue(call);
        if (method == "getUpdates") return await GetUpdatesAsync(json, request.HttpContext.RequestAborted);
        if (method == "sendMessage" && EnforceLimits && !WithinLimits(chatId, arrived))
        {
            Interlocked.Increment(ref _limited);
            return Results.Json(new { ok = false, error_code = 429, description = "Too Many Requests: retry after 1", parameters = new { retry_after = 1 } },
                statusCode: 429);
        }
        return method switch
        {
            "sendMessage" when chatId == Blocked => Results.Json(
                new { ok = false, error_code = 403, description = "Forbidden: bot was blocked by the user" }, statusCode: 403),
            "sendMessage" when Interlocked.Decrement(ref _tooManyRequestsLeft) >= 0 => Results.Json(
                new { ok = false, error_code = 429, description = "Too Many Requests: retry after 1", parameters = new { retry_after = 1 } },
                statusCode: 429),
            "sendMessage" or "sendDocument" => Results.Json(new
            {
                ok = true,
                result = new { message_id = _calls.Count, date = 1795589215, chat = new { id = chatId, type = "private" }, text = "ok" },
            }),
            "getMe" => Results.Json(new { ok = true, result = new { id = 1, is_bot = true, first_name = "MamBot", username = "MamBot" } }),
            _ => Results.Json(new { ok = true, result = true }),
        };
    }

    /// <summary>
    /// Arrivals are stamped once Kestrel has scheduled the request, which under a loaded test run can be tens of
    /// milliseconds after they reached the socket: the second is taken as 950 ms (Telegram's limits are no finer).
    /// </summary>
    private static readonly TimeSpan LimitSecond = TimeSpan.FromMilliseconds(950);

    private static async Task<JsonElement> ReadOrEmptyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }

    private bool WithinLimits(long chatId, TimeSpan now)
    {
        lock (_limits)
        {
            while (_lastSecond.Count > 0 && now - _lastSecond.Peek() >= LimitSecond) _lastSecond.Dequeue();
            var chatBusy = _lastToChat.TryGetValue(chatId, out var last) && now - last < LimitSecond;
            if (_lastSecond.Count >= 30 || chatBusy) return false;
            _lastSecond.Enqueue(now);
            _lastToChat[chatId] = now;
            return true;
        }
    }

    /// <summary>Long polling: waits up to the timeout asked for until there is an update at or after the offset.</summary>
    private async Task<IResult> GetUpdatesAsync(JsonElement body, CancellationToken aborted)
    {
        if (Interlocked.Increment(ref _pollers) > 1)
        {
            Interlocked.Decrement(ref _pollers);
            Interlocked.Increment(ref _conflicts);
            return Results.Json(new
            {
                ok = false, error_code = 409,
                description = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
            }, statusCode: 409);
        }
        try
        {
            var offset = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("offset", out var o) ? o.GetInt32() : 0;
            var timeout = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("timeout", out var t) ? t.GetInt32() : 0;
            var until = _clock.Elapsed + TimeSpan.FromSeconds(timeout);
            while (true)
            {
                string[] ready;
                lock (_updates) ready = [.. _updates.Where(u => u.Id >= offset).Select(u => u.Json)];
                if (ready.Length > 0 || _clock.Elapsed >= until)
                    return Results.Text($"{{\"ok\":true,\"result\":[{string.Join(',', ready)}]}}", "application/json");
                await Task.Delay(50, aborted);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _pollers);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record BotApiCall(string Method, long ChatId, string? Text, TimeSpan At);
