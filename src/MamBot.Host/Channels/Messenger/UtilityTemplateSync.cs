using Hangfire;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Channels.Messenger;

/// <summary>
/// Every hour, and at start, when <c>Messenger:UtilityTemplates</c> is on: each utility template in the resources,
/// in each language residents speak, exists on the Page (made when missing) and we hold what Meta last said of it. Between runs the
/// message_template_status_update webhook tells us of approvals, rejections and pauses.
/// </summary>
public sealed partial class UtilityTemplateSync(
    GraphApiClient graph, UtilityTemplateStore store, IOptions<MessengerOptions> options, ILogger<UtilityTemplateSync> logger)
{
    public const string Id = "messenger-templates";

    /// <summary>What is recorded when Meta refused to list or make a template: never sent, the reason shown to staff.</summary>
    public const string NotCreated = "NOT_CREATED";

    // Safe to repeat: a template found on the Page is only read, never made twice; one run at a time on all hosts.
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (!options.Value.Enabled || !store.Enabled) return 0;
        var approved = 0;
        foreach (var template in UtilityTemplates.All)
        {
            var (result, found) = await graph.FindTemplateAsync(template.Name, template.MetaLanguage, ct);
            if (result.Ok && found is null)
            {
                (result, found) = await graph.CreateTemplateAsync(template.Name, template.MetaLanguage, template.Body, template.Example, ct);
                // Refused because it exists after all (made meanwhile): then the Page has it, read it.
                if (found is null) found = (await graph.FindTemplateAsync(template.Name, template.MetaLanguage, ct)).Template;
            }
            if (found is null)
            {
                LogRefused(template.Name, result.Code, result.Message);
                await store.RecordAsync(template.Name, template.MetaLanguage, null, NotCreated, result.Message, create: true, ct);
                continue;
            }
            await store.RecordAsync(template.Name, template.MetaLanguage, found.Id, found.Status, found.Reason, create: true, ct);
            if (found.Status == UtilityTemplate.Approved) approved++;
        }
        return approved;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Messenger utility template {Name} not listed or made: Graph error {Code}: {Reason}")]
    private partial void LogRefused(string name, int? code, string? reason);
}
