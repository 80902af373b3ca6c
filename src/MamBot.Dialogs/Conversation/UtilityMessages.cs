using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Conversation;

/// <summary>
/// A nudge's facts for Meta's utility-message template of its kind, in the language they were written in: on
/// Messenger, outside the 24-hour window the resident's last message opened, only a template Meta approved may
/// carry it. Rows stored before languages had none: they are Polish.
/// </summary>
public sealed record UtilityMessage(string Template, IReadOnlyList<string> Parameters, string Language = Languages.Polish);

/// <summary>A template's text in one language ({{1}}, {{2}}… for the facts) and the example Meta's review reads.</summary>
public sealed record UtilityTemplateText(string Key, string Language, string Body, IReadOnlyList<string> Example)
{
    /// <summary>The language in Meta's code, from its list of template languages (Polish "pl", Ukrainian "uk", English (UK) "en_GB").</summary>
    public string MetaLanguage => Language switch
    {
        Languages.Ukrainian => "uk",
        Languages.English => "en_GB",
        _ => "pl",
    };

    /// <summary>"mam_event_reminder_1a2b3c": Meta cannot change an approved text, so a new text is a new name.</summary>
    public string Name => $"mam_{Key}_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Body)))[..6]}";

    /// <summary>The text as the resident reads it.</summary>
    public string Fill(IReadOnlyList<string> facts) =>
        Regex.Replace(Body, @"\{\{(\d+)\}\}", m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var n && n >= 1 && n <= facts.Count ? facts[n - 1] : m.Value);
}

/// <summary>One kind of utility message (an event reminder) with its text in each language, from the resources.</summary>
public sealed class UtilityTemplateKind
{
    // The resources do not change while the program runs: each language's text is read once.
    private readonly Dictionary<string, UtilityTemplateText> _texts;

    public UtilityTemplateKind(string key, string resource)
    {
        Key = key;
        _texts = Languages.All.ToDictionary(l => l, l =>
        {
            var culture = Texts.Language.CultureOf(l);
            return new UtilityTemplateText(key, l, T.ResourceManager.GetString(resource, culture)!,
                T.ResourceManager.GetString(resource + "Example", culture)!.Split('|'));
        });
    }

    public string Key { get; }

    /// <summary>The facts of a message composed now, in the language spoken now.</summary>
    public UtilityMessage With(params string[] facts)
    {
        var text = In(Texts.Language.Current);
        return facts.Length == text.Example.Count ? new(Key, [.. facts.Select(UtilityTemplates.Fact)], text.Language)
            : throw new ArgumentException($"Template {Key} takes {text.Example.Count} facts, got {facts.Length}.");
    }

    /// <summary>For a message composed later: the template it will carry, its facts not known yet, in the language spoken now.</summary>
    public UtilityMessage Promised() => new(Key, [], Texts.Language.Current);

    /// <summary>The text in that language (Polish for any other).</summary>
    public UtilityTemplateText In(string language) => _texts[Languages.Match(language) ?? Languages.Polish];
}

/// <summary>The utility templates the centre's Page uses, each kind in every language residents speak.</summary>
public static class UtilityTemplates
{
    public static readonly UtilityTemplateKind EventReminder = new("event_reminder", nameof(T.UtilityEventReminder));
    public static readonly UtilityTemplateKind BookingReminder = new("booking_reminder", nameof(T.UtilityBookingReminder));
    public static readonly UtilityTemplateKind EventCancelled = new("event_cancelled", nameof(T.UtilityEventCancelled));

    public static readonly IReadOnlyList<UtilityTemplateKind> Kinds = [EventReminder, BookingReminder, EventCancelled];

    /// <summary>Every template to keep on the Page: each kind in each language.</summary>
    public static readonly IReadOnlyList<UtilityTemplateText> All = [.. Kinds.SelectMany(k => Languages.All.Select(k.In))];

    public static UtilityTemplateText? Find(string key, string language) => Kinds.FirstOrDefault(k => k.Key == key)?.In(language);

    /// <summary>
    /// The template that may carry this message now (switch on, Meta approved it in the message's language), or
    /// null. A Ukrainian reminder never goes in a Polish template: the facts inside are written in Ukrainian.
    /// </summary>
    public static async Task<UtilityTemplateText?> UsableForAsync(UtilityMessage? message, UtilityTemplateStore store, CancellationToken ct) =>
        store.Enabled && message is not null && Find(message.Template, message.Language) is { } template
            && await store.UsableAsync(template.Name, template.MetaLanguage, ct) ? template : null;

    /// <summary>Meta refuses facts with line breaks, tabs or runs of spaces: one line, single spaces.</summary>
    public static string Fact(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
