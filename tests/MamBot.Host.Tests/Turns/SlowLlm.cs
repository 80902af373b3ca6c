using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MamBot.Host.Tests.Turns;

/// <summary>An OpenAI-compatible endpoint on loopback that answers only when the test lets it.</summary>
public sealed class SlowLlm : IAsyncDisposable
{
    private readonly WebApplication _server;
    private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _mayAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SlowLlm(WebApplication server) => _server = server;

    /// <summary>Completes when a turn has asked the model (which now holds that turn).</summary>
    public Task Asked => _asked.Task.WaitAsync(TimeSpan.FromSeconds(20));

    public void Answer() => _mayAnswer.TrySetResult();

    /// <summary>The host's settings for this model, plus any extra ones.</summary>
    public Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Endpoint"] = _server.Urls.Single() + "/v1", ["Llm:Model"] = "bielik", ["Llm:TimeoutSeconds"] = "30",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    /// <param name="content">What the model says (by default a well-formed reading of an idea).</param>
    public static async Task<SlowLlm> StartAsync(string? content = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var llm = new SlowLlm(builder.Build());
        llm._server.MapPost("/v1/chat/completions", async (CancellationToken ct) =>
        {
            llm._asked.TrySetResult();
            await llm._mayAnswer.Task.WaitAsync(ct);
            return Results.Json(new
            {
                id = "chatcmpl-1", @object = "chat.completion", created = 1795589215, model = "bielik",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = content ?? """{"intent":"propose_idea","slots":{}}""" }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
            });
        });
        await llm._server.StartAsync();
        return llm;
    }

    public async ValueTask DisposeAsync()
    {
        Answer();
        await _server.DisposeAsync();
    }
}
