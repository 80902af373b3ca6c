using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Conversation;

/// <summary>
/// A nudge's facts for Meta's utility-message template of its kind: on Messenger, outside the 24-hour window the
/// resident's last message opened, only a template Meta approved may carry it.
/// </summary>
public sealed record UtilityMessage(string Template, IReadOnlyList<string> Parameters);

/// <summary>A template's text ({{1}}, {{2}}… for the facts) and the example Meta's review reads.</summary>
public sealed record UtilityTemplateText(string Key, string Body, IReadOnlyList<string> Example)
{
    /// <summary>Polish, in Meta's code.</summary>
    public const string Language = "pl_PL";

    /// <summary>"mam_event_reminder_1a2b3c": Meta cannot change an approved text, so a new text is a new name.</summary>
    public string Name => $"mam_{Key}_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Body)))[..6]}";

    public UtilityMessage With(params string[] facts) =>
        facts.Length == Example.Count ? new(Key, [.. facts.Select(UtilityTemplates.Fact)])
            : throw new ArgumentException($"Template {Key} takes {Example.Count} facts, got {facts.Length}.");

    /// <summary>For a message composed later: the template it will carry, its facts not known yet.</summary>
    public UtilityMessage Promised() => new(Key, []);

    /// <summary>The text as the resident reads it.</summary>
    public string Fill(IReadOnlyList<string> facts) =>
        Regex.Replace(Body, @"\{\{(\d+)\}\}", m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var n && n >= 1 && n <= facts.Count ? facts[n - 1] : m.Value);
}

/// <summary>The utility templates the centre's Page uses, all in the resources.</summary>
public static class UtilityTemplates
{
    public static readonly UtilityTemplateText EventReminder = Make("event_reminder", T.UtilityEventReminder, T.UtilityEventReminderExample);
    public static readonly UtilityTemplateText BookingReminder = Make("booking_reminder", T.UtilityBookingReminder, T.UtilityBookingReminderExample);
    public static readonly UtilityTemplateText EventCancelled = Make("event_cancelled", T.UtilityEventCancelled, T.UtilityEventCancelledExample);

    public static readonly IReadOnlyList<UtilityTemplateText> All = [EventReminder, BookingReminder, EventCancelled];

    public static UtilityTemplateText? Find(string key) => All.FirstOrDefault(t => t.Key == key);

    /// <summary>The template that may carry this message now (switch on, Meta approved it), or null.</summary>
    public static async Task<UtilityTemplateText?> UsableForAsync(UtilityMessage? message, UtilityTemplateStore store, CancellationToken ct) =>
        store.Enabled && message is not null && Find(message.Template) is { } template
            && await store.UsableAsync(template.Name, UtilityTemplateText.Language, ct) ? template : null;

    private static UtilityTemplateText Make(string key, string body, string example) => new(key, body, example.Split('|'));

    /// <summary>Meta refuses facts with line breaks, tabs or runs of spaces: one line, single spaces.</summary>
    public static string Fact(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
