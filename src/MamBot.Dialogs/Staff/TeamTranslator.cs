using System.Text.Encodings.Web;
using System.Text.Json;
using MamBot.Data.Residents;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace MamBot.Dialogs.Staff;

/// <summary>Draft translations for staff to read and correct, or why there are none (in Polish, to show as it is).</summary>
public sealed record TranslationDraft(IReadOnlyList<string>? Texts, string? Problem);

/// <summary>
/// Drafts of the Ukrainian and English versions of what the team wrote, by the configured LLM, for the panel to
/// put in the form. Nothing is saved or sent from here: staff read the draft, correct it and save it themselves.
/// Only the team's own Polish texts go to the model.
/// </summary>
public sealed partial class TeamTranslator(IOptions<LlmOptions> options, ILogger<TeamTranslator> logger)
{
    // The model reads "sprzątamy", not "sprz\u0105tamy": a prompt is no HTML, nothing needs escaping but JSON's own.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public bool Enabled => options.Value.Enabled;

    /// <summary>The texts in the language, in the same order; all of them or none.</summary>
    public async Task<TranslationDraft> DraftAsync(IReadOnlyList<string> polish, string language, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled) return new(null, T.SummaryNotConfigured);
        if (polish.Count == 0) return new([], null);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.SummaryTimeoutSeconds));
        try
        {
            var target = language == Languages.Ukrainian ? T.StaffTranslateToUkrainian : T.StaffTranslateToEnglish;
            var history = new ChatHistory(Wording.Format(T.StaffTranslatePrompt, target));
            history.AddUserMessage(JsonSerializer.Serialize(polish, Readable));
            var reply = await LlmKernel.Create(o).GetRequiredService<IChatCompletionService>()
                .GetChatMessageContentAsync(history, new OpenAIPromptExecutionSettings { Temperature = 0.2 }, cancellationToken: timeout.Token);
            return Parse(reply.Content, polish.Count) is { } texts ? new(texts, null) : new(null, T.StaffTranslateUnavailable);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogFailed(ex.GetType().Name, ex.Message);
            return new(null, T.StaffTranslateUnavailable);
        }
    }

    /// <summary>A JSON array of as many non-empty texts as were sent; anything else is no draft.</summary>
    internal static IReadOnlyList<string>? Parse(string? content, int count)
    {
        if (string.IsNullOrWhiteSpace(content)) return null;
        var start = content.IndexOf('[', StringComparison.Ordinal);
        var end = content.LastIndexOf(']');
        if (start < 0 || end <= start) return null;
        try
        {
            var texts = JsonSerializer.Deserialize<string[]>(content[start..(end + 1)]);
            return texts is not null && texts.Length == count && texts.All(t => !string.IsNullOrWhiteSpace(t)) ? [.. texts.Select(t => t.Trim())] : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Translation draft failed ({Kind}: {Reason})")]
    private partial void LogFailed(string kind, string reason);
}
