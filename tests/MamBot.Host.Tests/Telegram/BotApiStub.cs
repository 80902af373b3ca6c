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
/// with its arrival time, answers 429 with retry_after and 403 for a blocked chat the way Telegram does.
/// </summary>
public sealed class BotApiStub : IAsyncDisposable
{
    public const long Blocked = 666;
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<BotApiCall> _calls = new();
    private readonly ConcurrentDictionary<string, string> _lastBody = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _tooManyRequestsLeft;

    private BotApiStub(WebApplication app) => _app = app;

    public string Url => _app.Urls.Single();
    public TimeSpan Now => _clock.Elapsed;
    public IReadOnlyList<BotApiCall> Calls => [.. _calls];
    public IReadOnlyDictionary<string, string> LastBody => _lastBody;

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
        long chatId;
        string? text = null;
        if (request.HasFormContentType)
        {
            // Files come as multipart, like Telegram expects them.
            var form = await request.ReadFormAsync();
            chatId = long.Parse(form["chat_id"].ToString(), CultureInfo.InvariantCulture);
            _lastBody[method] = string.Join(";", form.Files.Select(f => $"{f.FileName}:{f.Length}"));
        }
        else
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            var isObject = body.ValueKind == JsonValueKind.Object;
            chatId = isObject && body.TryGetProperty("chat_id", out var c) ? c.GetInt64() : 0;
            text = isObject && body.TryGetProperty("text", out var t) ? t.GetString() : null;
            _lastBody[method] = body.GetRawText();
        }
        _calls.Enqueue(new BotApiCall(method, chatId, text, _clock.Elapsed));
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
            "getUpdates" => Results.Json(new { ok = true, result = Array.Empty<object>() }),
            "getMe" => Results.Json(new { ok = true, result = new { id = 1, is_bot = true, first_name = "MamBot", username = "MamBot" } }),
            _ => Results.Json(new { ok = true, result = true }),
        };
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record BotApiCall(string Method, long ChatId, string? Text, TimeSpan At);
