using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Menu;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;
using MamBot.Dialogs.Welcome;

namespace MamBot.Dialogs.Settings;

/// <summary>
/// "Ustawienia → Język", the language row of the welcome, and typed "po ukraińsku", "українською", "in English":
/// the bot speaks Polish, Ukrainian or English from then on. The choice is the resident's; before consent it lives
/// only in the conversation's state.
/// </summary>
public sealed class LanguageActions(ResidentService residents) : IButtonAction
{
    public const string Prefix = "lang";
    string IButtonAction.Prefix => Prefix;

    // Changing the language keeps a half-filled form: it is asked again in the new language.
    public bool LeavesActiveDialog => false;

    /// <summary>"Polski · Українська · English", each name in its own language.</summary>
    public static Reply Choice(string text) => Reply.WithRow(text, [.. Buttons(Languages.All)]);

    /// <summary>A button per language, each by its own name, that switches to it.</summary>
    public static IEnumerable<Button> Buttons(IEnumerable<string> languages) =>
        languages.Select(language => new Button(NameOf(language), $"{Prefix}:{language}"));

    /// <summary>"Українська" for "uk": each language by its own name.</summary>
    public static string NameOf(string language) =>
        T.LanguageNames.Split('|')[Math.Max(0, Languages.All.ToList().IndexOf(Languages.Match(language) ?? Languages.Polish))];

    /// <summary>
    /// A Russian-speaking resident is answered in Ukrainian, which the team writes and most such neighbours read,
    /// with one line offering Polish or English instead.
    /// </summary>
    public static Reply RussianReadInUkrainian() => Reply.WithRow(T.LanguageReadRussian,
        [.. Buttons(Languages.All.Where(l => l != Languages.Ukrainian))]);

    /// <summary>
    /// The language the chat follows because the resident wrote in it, while they have not chosen one: a message
    /// clearly in another language than the one spoken switches; a greeting alone ("hi") only before anything was
    /// said to a newcomer; inside a form only a long answer does ("Tom Baker" says nothing). Null: no switch.
    /// </summary>
    public static string? Followed(string? text, Resident? resident, ConversationData state)
    {
        if (state.LanguageChosen || state.HandoffId is not null || string.IsNullOrWhiteSpace(text)) return null;
        var inForm = state.Stack.Count > 0;
        if (LanguageRequest.Match(text, inForm) is not null) return null; // asked for in words: that is a choice
        var (language, evidence) = TypedLanguage.Read(text);
        var spoken = resident is { HasConsented: true } known ? known.Language : state.Language ?? Languages.Polish;
        if (language is null || language == spoken) return null;
        var needed = inForm ? LanguageEvidence.Strong
            : resident?.HasConsented != true && state.Language is null ? LanguageEvidence.Weak
            : LanguageEvidence.Clear;
        return evidence >= needed ? language : null;
    }

    /// <summary>
    /// After the chat followed the resident into another language: one line saying so with the other languages a
    /// tap away, unless the replies already offer them (the privacy notice does). Russian is always told it is read.
    /// </summary>
    public static void KeepChoiceInReach(DialogContext dc, bool russian)
    {
        if (russian) dc.SayFirst(RussianReadInUkrainian());
        else if (!dc.Replies.SelectMany(r => r.Buttons).SelectMany(row => row)
            .Any(b => b.Payload.StartsWith(Prefix + ":", StringComparison.Ordinal)))
            dc.SayFirst(Reply.WithRow(T.LanguageFollowed, [.. Buttons(Languages.All.Where(l => l != Language.Current))]));
    }

    /// <summary>The small button that opens the choice, readable whatever the resident's language.</summary>
    public static Button OpenChoice => new(T.ButtonLanguages, Prefix + ":");

    public Task HandleAsync(DialogContext dc, string argument, CancellationToken ct) =>
        Languages.Match(argument) is { } language ? SwitchAsync(dc, language, ct) : AskAsync(dc);

    private static Task AskAsync(DialogContext dc)
    {
        dc.Say(Choice(T.LanguageChoose));
        return Task.CompletedTask;
    }

    /// <summary>Stores the choice and answers in the new language: the welcome again before consent (the privacy
    /// notice must be read in it), else the open question or the menu.</summary>
    public async Task SwitchAsync(DialogContext dc, string language, CancellationToken ct)
    {
        dc.Data.LanguageChosen = true;
        if (dc.Resident is { HasConsented: true } resident)
        {
            await residents.SetLanguageAsync(resident, language, ct);
            dc.Data.Language = null;
        }
        else dc.Data.Language = language;

        using var speaking = Language.Use(language);
        dc.Say(T.LanguageChanged);
        if (dc.Resident?.HasConsented != true) await WelcomeActions.StartAsync(dc, ct);
        else if (dc.ActiveDialog is { } active) await active.RepromptAsync(dc, ct);
        else dc.Say(MainMenu.Render());
    }
}
