using MamBot.Data.Centres;
using MamBot.Data.Handoffs;
using Microsoft.Extensions.Options;
using System.Globalization;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Events;
using MamBot.Dialogs.Menu;
using MamBot.Dialogs.Settings;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Welcome;

/// <summary>The first conversation: who we are, how to reach a person, the privacy notice and the consent buttons.</summary>
public sealed class WelcomeActions(ResidentService residents, FollowUpNudge followUp, IOptions<HandoffOptions> handoff) : IButtonAction
{
    /// <summary>Bump when the privacy notice changes: consent records say which text the resident saw.</summary>
    public const string PrivacyTextVersion = "privacy-2026-11";

    public const string Prefix = "consent";
    string IButtonAction.Prefix => Prefix;
    public bool LeavesActiveDialog => true;

    public static Task StartAsync(DialogContext dc, CancellationToken ct)
    {
        dc.CancelAll();
        if (dc.Resident?.HasConsented == true)
        {
            dc.Say(MainMenu.Render(WelcomeBack(dc)));
            return Task.CompletedTask;
        }
        // An app set to Ukrainian (or Russian) or English, and no choice made yet: the welcome and the notice are in
        // that language from the first screen, with the other languages one tap away.
        if (dc.Data.Language is null && HintedLanguage(dc.Activity.LanguageHint) is { } hinted) dc.Data.Language = hinted;
        using var speaking = Language.Use(dc.Data.Language ?? Language.Current);
        dc.Say(Wording.Format(T.Welcome, dc.Centre.Name, Wording.HumanContact(dc.Centre)));
        dc.Say(AskForConsent(T.PrivacyNotice));
        return Task.CompletedTask;
    }

    /// <summary>"uk", "ru" and "be" read Ukrainian best of ours; "en" English; Polish and anything else: none.</summary>
    public static string? HintedLanguage(string? hint) =>
        hint?.Split('-', '_')[0].ToLowerInvariant() is "ru" or "be" ? Languages.Ukrainian
        : Languages.Match(hint) is { } language && language != Languages.Polish ? language : null;

    /// <summary>The privacy notice with its consent buttons; in another language than Polish the others are a tap away.</summary>
    public static Reply AskForConsent(string text) => Reply.WithButtons(text,
        [new(T.ButtonConsentYes, "consent:yes"), new(T.ButtonConsentNo, "consent:no")],
        Language.Current == Languages.Polish
            ? [new(T.ButtonPrivacyMore, "consent:info"), LanguageActions.OpenChoice]
            : [new(T.ButtonPrivacyMore, "consent:info"),
                .. LanguageActions.Buttons(Languages.All.Where(l => l != Language.Current))]);

    /// <summary>The resident when they have agreed; otherwise asks for consent (saying why) and returns null.</summary>
    public static Resident? ConsentedOrAsk(DialogContext dc, string? why = null)
    {
        if (dc.Resident is { HasConsented: true } resident) return resident;
        RememberUntilConsent(dc);
        dc.Say(AskForConsent(why ?? T.ConsentNeeded));
        return null;
    }

    /// <summary>What the resident just asked for, to be done once they agree (see ConversationEngine).</summary>
    public static void RememberUntilConsent(DialogContext dc) =>
        dc.Data.AfterConsent = dc.Payload ?? (string.IsNullOrWhiteSpace(dc.Text) ? null : ConversationEngine.TextMark + dc.Text.Trim());

    public static string WelcomeBack(DialogContext dc) => Wording.Format(T.MenuWelcomeBack,
        string.IsNullOrWhiteSpace(dc.Resident?.DisplayName) ? "" : ", " + dc.Resident.DisplayName);

    public async Task HandleAsync(DialogContext dc, string argument, CancellationToken ct)
    {
        switch (argument)
        {
            case "yes":
                await GrantAsync(dc, ct);
                break;
            case "no" when dc.Resident?.HasConsented == true:
                // An old "no" button cannot take back a consent given later; erasure is in the settings.
                dc.Say(MainMenu.Render(T.ConsentAlready + " " + T.MenuQuestion));
                break;
            case "no":
                dc.Data.AfterConsent = null; // declining keeps nothing, not even what was asked for
                dc.Say(Reply.WithRow(T.ConsentDeclined,
                    new(T.MenuAbout, "menu:about"), new(T.ButtonConsentYes, "consent:yes")));
                break;
            default:
                dc.Say(AskForConsent(Wording.Format(T.PrivacyMore, dc.Centre.Name, Wording.ContactChannels(dc.Centre),
                    Wording.Count(handoff.Value.KeepDays, T.DaysForms))));
                break;
        }
    }

    private async Task GrantAsync(DialogContext dc, CancellationToken ct)
    {
        if (dc.Resident?.HasConsented == true)
        {
            dc.Say(MainMenu.Render(T.ConsentAlready + " " + T.MenuQuestion));
            return;
        }
        var (resident, _) = await residents.GrantConsentAsync(
            dc.Centre.Id, dc.Activity.Channel, dc.Activity.ChatId, dc.Activity.SenderName, PrivacyTextVersion, ct);
        dc.Resident = resident;
        // The language chosen before consent becomes the resident's.
        if (dc.Data.Language is { } language) await residents.SetLanguageAsync(resident, language, ct);
        dc.Data.Language = null;
        await followUp.QueueAsync(dc, resident, ct);
        // With something asked for before, that is what comes next, not the menu.
        dc.Say(dc.Data.AfterConsent is null ? MainMenu.Render(T.ConsentThanks + " " + T.MenuQuestion) : Reply.Plain(T.ConsentThanks));
    }
}

/// <summary>"/start", also with a deep link's parameter: "e12" opens event 12 (from a poster, a shared link).</summary>
public sealed class StartCommand(EventsBoard events) : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["start"];

    public async Task HandleAsync(DialogContext dc, string argument, CancellationToken ct)
    {
        var eventId = argument.Length > 1 && argument[0] == 'e' && int.TryParse(argument.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
        if (eventId == 0 || dc.Resident?.HasConsented != true) await WelcomeActions.StartAsync(dc, ct);
        else dc.CancelAll();
        // Event details are public: shown before consent too; signing up asks for it.
        if (eventId > 0) await events.ShowAsync(dc, eventId, ct);
    }
}

/// <summary>"Czy wiesz, że w MAM…": the centre's first FAQ, composed when it goes.</summary>
public sealed class FollowUpRecipe(CentreDirectory centres) : IMessageRecipe
{
    public const string Name = "follow-up";
    string IMessageRecipe.Name => Name;

    public async Task<Reply?> ComposeAsync(IReadOnlyDictionary<string, string> inputs, Resident resident, CancellationToken ct) =>
        (await centres.GetAsync(resident.CentreId, ct)).Faq.OrderBy(f => f.Order).FirstOrDefault() is { } fact
            ? FollowUp(fact.Read()) : null;

    private static Reply FollowUp((string Question, string Answer, bool InLanguageSpoken) fact) =>
        Reply.Plain(Wording.Format(T.FollowUp, fact.Question, Wording.ByTheTeam(fact.Answer, fact.InLanguageSpoken)));
}

/// <summary>The day after consent, one message with something worth knowing about the centre (from its FAQ).</summary>
public sealed class FollowUpNudge(OutboxStore outbox)
{
    /// <summary>Next day, at a friendly hour in the centre's time zone.</summary>
    public static readonly TimeOnly SendAt = new(10, 0);

    public async Task QueueAsync(DialogContext dc, Resident resident, CancellationToken ct)
    {
        var fact = dc.Centre.Faq.OrderBy(f => f.Order).FirstOrDefault();
        if (fact is null) return;

        var zone = dc.TimeZone;
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(dc.Now, zone).DateTime);
        var due = TimeZoneInfo.ConvertTimeToUtc(localToday.AddDays(1).ToDateTime(SendAt), zone);

        await outbox.EnqueueAsync(new OutboxMessage
        {
            IdempotencyKey = $"followup:{resident.Id}",
            Kind = OutboxKind.FollowUp,
            ResidentId = resident.Id,
            DueUtc = due,
            Body = Reply.ComposedLater(FollowUpRecipe.Name).ToJson(), // in the resident's language then
        }, ct);
    }
}
