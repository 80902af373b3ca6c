using MamBot.Data.Centres;
using MamBot.Data.Ideas;
using MamBot.Data.Surveys;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace MamBot.Dialogs.Staff;

/// <summary>A summary for staff, or why there is none (in Polish, to show as it is).</summary>
public sealed record StaffSummary(string? Text, string? Problem);

/// <summary>
/// Summaries of new ideas and of a survey's open answers for the admin panel, by the configured LLM. Only the
/// texts residents wrote go to the model: no names, contacts or who wrote what.
/// </summary>
public sealed partial class StaffSummaries(IOptions<LlmOptions> options, IdeaService ideas, SurveyResults results,
    CentreDirectory centres, ILogger<StaffSummaries> logger)
{
    private const int MaxItems = 200;
    private const int MaxItemLength = 600;

    public bool Enabled => options.Value.Enabled;

    public async Task<StaffSummary> NewIdeasAsync(int centreId, CancellationToken ct)
    {
        var waiting = await ideas.WaitingForReviewAsync(centreId, ct);
        var centre = await centres.GetAsync(centreId, ct);
        return await SummarizeAsync(Wording.Format(T.LlmSummaryIdeasPrompt, centre.Name),
            [.. waiting.Select(i => $"„{i.Title}”: {i.Description} Dla kogo: {i.ForWhom}. Potrzeby: {i.Needs}. Autor wnosi: {i.AuthorBrings}.")], ct);
    }

    public async Task<StaffSummary> OpenAnswersAsync(int surveyId, int questionId, CancellationToken ct)
    {
        var result = await results.ForAsync(surveyId, ct);
        var question = result?.Questions.FirstOrDefault(q => q.Question.Id == questionId);
        if (result is null || question is null) return new(null, T.SummaryNothingToRead);
        var centre = await centres.GetAsync(result.Survey.CentreId, ct);
        return await SummarizeAsync(Wording.Format(T.LlmSummaryAnswersPrompt, centre.Name, result.Survey.Title, question.Question.Text), question.Texts, ct);
    }

    private async Task<StaffSummary> SummarizeAsync(string instructions, IReadOnlyList<string> items, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled) return new(null, T.SummaryNotConfigured);
        if (items.Count == 0) return new(null, T.SummaryNothingToRead);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.SummaryTimeoutSeconds));
        try
        {
            var history = new ChatHistory(instructions);
            history.AddUserMessage(string.Join("\n", items.Take(MaxItems).Select((text, i) =>
                $"{i + 1}. {(text.Length > MaxItemLength ? text[..MaxItemLength] + "…" : text)}")));
            var reply = await LlmKernel.Create(o).GetRequiredService<IChatCompletionService>()
                .GetChatMessageContentAsync(history, new OpenAIPromptExecutionSettings { Temperature = 0.2 }, cancellationToken: timeout.Token);
            return string.IsNullOrWhiteSpace(reply.Content) ? new(null, T.SummaryUnavailable) : new(reply.Content.Trim(), null);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogFailed(ex.GetType().Name, ex.Message);
            return new(null, T.SummaryUnavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff summary failed ({Kind}: {Reason})")]
    private partial void LogFailed(string kind, string reason);
}
