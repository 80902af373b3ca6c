using System.Globalization;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Host.Channels.Messenger;

namespace MamBot.Host.Admin;

/// <summary>Polish names the panel shows for values that several pages use.</summary>
public static class AdminNames
{
    /// <summary>"ukraiński" for "uk": the language a resident talks to the assistant in.</summary>
    public static string OfLanguage(string language) =>
        AdminText.LanguageNamesInPolish.Split('|')[Math.Max(0, Languages.All.ToList().IndexOf(language))];

    public static string Of(Audience audience) => audience switch
    {
        Audience.CategorySubscribers => AdminText.AudienceCategory,
        Audience.EventParticipants => AdminText.AudienceEvent,
        _ => AdminText.AudienceAll,
    };

    /// <summary>What a Messenger utility template is for: "przypomnienie o wydarzeniu".</summary>
    public static string Of(UtilityTemplateText template) => template.Key switch
    {
        "event_reminder" => AdminText.TemplateEventReminder,
        "booking_reminder" => AdminText.TemplateBookingReminder,
        "event_cancelled" => AdminText.TemplateEventCancelled,
        _ => template.Key,
    };

    /// <summary>Meta's word for a template's state, in Polish; the reason Meta gave follows it.</summary>
    public static string Of(UtilityTemplate? known)
    {
        var state = known?.Status switch
        {
            null => AdminText.TemplateMissing,
            UtilityTemplate.Approved => AdminText.TemplateApproved,
            "PENDING" => AdminText.TemplatePending,
            "REJECTED" => AdminText.TemplateRejected,
            "PAUSED" => AdminText.TemplatePaused,
            "DISABLED" => AdminText.TemplateDisabled,
            UtilityTemplateSync.NotCreated => AdminText.TemplateNotCreated,
            var other => string.Format(CultureInfo.InvariantCulture, AdminText.TemplateOther, other),
        };
        return known?.Reason is { } reason ? $"{state} ({reason})" : state;
    }
}
