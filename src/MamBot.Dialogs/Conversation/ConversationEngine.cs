using MamBot.Data;
using MamBot.Data.Centres;
using MamBot.Data.Conversations;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Menu;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MamBot.Dialogs.Conversation;

/// <summary>
/// Runs one turn: activity in, replies queued in the outbox, all in one transaction, so a turn either
/// happened completely (state, domain changes, replies) or not at all, and a redelivered update is a no-op.
/// A turn that fails in our code is answered with an apology and the conversation starts afresh; a storage
/// fault is thrown to the channel, which tries the update again later.
/// </summary>
public sealed partial class ConversationEngine(
    MamDbContext db,
    ConversationStore conversations,
    InboundStore inbound,
    ResidentService residents,
    CentreDirectory centres,
    OutboxStore outbox,
    DialogSet dialogs,
    IEnumerable<IButtonAction> buttonActions,
    IEnumerable<ICommand> commands,
    MainMenu menu,
    LlmUnderstanding llm,
    Handoffs.HandoffDesk handoffs,
    Settings.LanguageActions languages,
    Repair.ConversationRepair repair,
    ILogger<ConversationEngine> logger)
{
    public async Task<TurnResult> HandleAsync(Activity activity, CancellationToken ct)
    {
        await UnderstandFirstAsync(activity, ct);
        try
        {
            return await RunTurnAsync(activity, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && !StorageFault.Is(ex))
        {
            LogTurnFailed(ex, activity.Channel, activity.ChatId, activity.UpdateId);
            db.ChangeTracker.Clear(); // the failed turn's changes were rolled back with its transaction
            return await RecoverAsync(activity, ct);
        }
    }

    private async Task<TurnResult> RunTurnAsync(Activity activity, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);

        if (activity.UpdateId is { } updateId && !await conversations.TryMarkProcessedAsync(activity.Channel, updateId, ct))
            return await DuplicateAsync(activity, updateId, ct);
        await inbound.ForgetWithTurnAsync(ct); // the stored update goes in the turn's commit

        var resident = await residents.FindByChatAsync(activity.Channel, activity.ChatId, ct);
        if (resident is not null) await residents.NoteInboundAsync(resident, activity.Channel, activity.ChatId, ct);
        var centre = await CentreOfAsync(resident, ct);
        var state = ReadState(await conversations.LoadAsync(activity.Channel, activity.ChatId, ct));
        // Who has not chosen a language is answered in the one they write in: Cyrillic (Ukrainian, or Russian) in
        // Ukrainian, English in English, from the first reply.
        // A typed button ("zgadzam się", "tak") or a command is no sign of a language.
        string? pressed;
        using (Language.Use(resident?.Language ?? state.Language))
        {
            var consent = activity.Payload is null ? Consent(activity.Text, resident, state) : null;
            // "ok" or "tak" at an event's card answer the card: only the consent question on screen, or words of
            // consenting, make a yes agree to the privacy notice.
            if (consent == "consent:yes" && state.Screen is { } shown && !shown.ContainsValue("consent:no")
                && !Welcome.TypedConsent.SaysConsent(activity.Text)) consent = null;
            var onScreen = activity.Payload is null ? TypedButtons.Pressed(activity.Text, state) : null;
            // "zgadzam się" typed at a card whose button needs consent: she agrees, and what the card offers is done.
            if (consent == "consent:yes" && onScreen is { } action && !action.StartsWith("consent:", StringComparison.Ordinal)
                && state.AfterConsent is null) state.AfterConsent = onScreen;
            pressed = consent ?? onScreen;
        }
        var followed = activity.Payload is null && pressed is null && FindCommand(activity.Text).Command is null
            ? Settings.LanguageActions.Followed(activity.Text, resident, state) : null;
        if (followed is not null && resident is { HasConsented: true }) await residents.SetLanguageAsync(resident, followed, ct);
        else if (followed is not null) state.Language = followed;
        using var speaking = Language.Use(resident?.Language ?? state.Language);
        if (pressed is not null) activity = activity with { Text = null, Payload = pressed };

        var dc = new DialogContext(activity, centre, resident, state, dialogs);
        var (command, argument) = activity.Payload is null ? FindCommand(activity.Text) : (null, "");
        // Words for a person asked for before consent are kept with that request, not read as a new one.
        // A language asked for meanwhile is the resident's own business, done at once ("a możesz po angielsku?").
        var keptForPerson = command is null && followed is null && Settings.LanguageRequest.Match(dc.Text, inForm: false) is null
            && Handoffs.HandoffDesk.KeepForPersonBeforeConsent(dc);
        if (!keptForPerson && !await handoffs.RelayAsync(dc, command, ct)) await RouteAsync(dc, command, argument, ct);
        await ResumeAfterConsentAsync(dc, resident, ct);
        if (followed is not null && !state.LanguageChosen && !dc.Forgotten)
            Settings.LanguageActions.KeepChoiceInReach(dc, russian: TypedText.LooksRussian(activity.Text));
        // The buttons on screen let typed words press them. Before consent only a screen offering what needs it
        // (an event's sign-up) is kept, so "zgadzam się" typed there can do it; after a "no" nothing is kept.
        var screen = TypedButtons.OnScreen(dc.Replies);
        state.Screen = dc.Resident?.HasConsented == true || state.Stack.Count > 0 || TypedButtons.NeedsConsent(screen) ? screen : null;

        await conversations.KeepAsync(activity.Channel, activity.ChatId, dc.Forgotten ? null : state.ToJson(), ct);
        var ids = await QueueRepliesAsync(dc, ct);
        await transaction.CommitAsync(ct);
        return new TurnResult(ids, IsDuplicate: false)
        {
            Forwarded = dc.Forwarded,
            Language = dc.Resident?.Language ?? dc.Data.Language ?? Data.Residents.Languages.Polish,
        };
    }

    /// <summary>
    /// The apology and the main menu, with the conversation reset and the update recorded as handled, so it is
    /// neither retried into the same fault nor leaves the resident stuck in a broken step.
    /// </summary>
    private async Task<TurnResult> RecoverAsync(Activity activity, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        if (activity.UpdateId is { } updateId && !await conversations.TryMarkProcessedAsync(activity.Channel, updateId, ct))
            return await DuplicateAsync(activity, updateId, ct);
        await inbound.ForgetWithTurnAsync(ct); // the stored update goes in the turn's commit

        await conversations.KeepAsync(activity.Channel, activity.ChatId, null, ct);
        using var speaking = Language.Use((await residents.FindByChatAsync(activity.Channel, activity.ChatId, ct))?.Language);
        var dc = new DialogContext(activity, await centres.GetDefaultAsync(ct), null, new ConversationData(), dialogs);
        dc.Say(MainMenu.Render(T.TurnFailed));
        var ids = await QueueRepliesAsync(dc, ct);
        await transaction.CommitAsync(ct);
        return new TurnResult(ids, IsDuplicate: false);
    }

    private async Task<TurnResult> DuplicateAsync(Activity activity, string updateId, CancellationToken ct) =>
        new(await outbox.ReplyIdsOfTurnAsync(activity.Channel, activity.ChatId, updateId, ct), IsDuplicate: true);

    /// <summary>Before consent, typed "zgadzam się", "так", "yes, I agree" is the consent button; a refusal its "no".</summary>
    private static string? Consent(string? text, Resident? resident, ConversationData state)
    {
        if (resident?.HasConsented == true) return null;
        var waitingPerson = state.AfterConsent?.StartsWith(Handoffs.HandoffDesk.WaitingPerson, StringComparison.Ordinal) == true;
        var asked = state.Screen?.ContainsValue("consent:no") == true;
        // With the question on screen a yes may say more; asking for the person again agrees to what it needs.
        var read = asked ? Welcome.TypedConsent.ReadAtQuestion(text) : Welcome.TypedConsent.Read(text);
        if (read is null && asked && waitingPerson && TypedRepair.AsksForPerson(text)) read = true;
        // What the yes said besides goes to the person too: "tak, chcę, żeby ktoś się tym zajął".
        if (read == true && asked && waitingPerson && Welcome.TypedConsent.Read(text) is null && TypedRepair.SaysMore(text))
            state.AfterConsent = Handoffs.HandoffDesk.WithWords(state.AfterConsent!, text!);
        return read switch
        {
            true => "consent:yes",
            false => "consent:no",
            null => null,
        };
    }

    /// <summary>What the resident asked for before agreeing is done as soon as they agree: she is signed up.</summary>
    private async Task ResumeAfterConsentAsync(DialogContext dc, Resident? before, CancellationToken ct)
    {
        if (before?.HasConsented == true || dc.Resident?.HasConsented != true) return;
        if (dc.Data.AfterConsent is not { } wanted) return;
        dc.Data.AfterConsent = null;
        if (wanted.StartsWith(Handoffs.HandoffDesk.WaitingPerson, StringComparison.Ordinal))
        {
            await handoffs.StartAfterConsentAsync(dc, wanted, ct);
            return;
        }
        var text = wanted.StartsWith(TextMark, StringComparison.Ordinal) ? wanted[TextMark.Length..] : null;
        dc.Continue(dc.Activity with { Text = text, Payload = text is null ? wanted : null });
        var (command, argument) = text is null ? (null, "") : FindCommand(text);
        await RouteAsync(dc, command, argument, ct);
    }

    /// <summary>Marks typed words kept for after consent, as opposed to a button's payload.</summary>
    public const string TextMark = "text:";

    /// <summary>The resident's centre; before consent (no resident yet) the default one.</summary>
    private Task<Centre> CentreOfAsync(Resident? resident, CancellationToken ct) =>
        resident is null ? centres.GetDefaultAsync(ct) : centres.GetAsync(resident.CentreId, ct);

    /// <summary>A stack naming a dialog this version does not have is as unreadable as broken JSON.</summary>
    private ConversationData ReadState(string? json)
    {
        var state = ConversationData.FromJson(json);
        if (state.Stack.FirstOrDefault(f => dialogs.TryFind(f.DialogId) is null) is { } unknown)
            throw new InvalidDataException($"The saved conversation names an unknown dialog '{unknown.DialogId}'.");
        return state;
    }

    /// <summary>
    /// Free text for the main menu goes to the LLM (seconds) here, before the turn takes the write lock, so no
    /// other resident waits for this one's model. The turn reads the answer; it never calls the model itself.
    /// </summary>
    private async Task UnderstandFirstAsync(Activity activity, CancellationToken ct)
    {
        if (!llm.Enabled || activity.Payload is not null || string.IsNullOrWhiteSpace(activity.Text)) return;
        if (FindCommand(activity.Text).Command is not null || MainMenu.IsSettingsRequest(activity.Text)) return;
        if (Settings.LanguageRequest.Match(activity.Text, inForm: false) is not null) return;
        try
        {
            var state = ConversationData.FromJson(await conversations.LoadAsync(activity.Channel, activity.ChatId, ct));
            // A dialog in progress reads the text itself; a typed button title is that button; words meant for a
            // person in the team never go to the model.
            if (state.Stack.Count > 0 || state.HandoffId is not null || TypedButtons.Pressed(activity.Text, state) is not null) return;
            var resident = await residents.FindByChatAsync(activity.Channel, activity.ChatId, ct);
            var centre = await CentreOfAsync(resident, ct);
            using var speaking = Language.Use(resident?.Language ?? state.Language);
            await llm.PrepareAsync(new DialogContext(activity, centre, resident, state, dialogs), ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && !StorageFault.Is(ex))
        {
            // E.g. an unreadable state: the turn goes on without the model and recovers from it there.
        }
        finally
        {
            db.ChangeTracker.Clear(); // the turn reads everything again under its lock
        }
    }

    /// <summary>A button, else a command (found once per turn by the caller), else the open dialog, else the menu.</summary>
    private async Task RouteAsync(DialogContext dc, ICommand? command, string argument, CancellationToken ct)
    {
        if (dc.Payload is { } payload)
        {
            await RouteButtonAsync(dc, payload, ct);
            return;
        }

        if (command is not null)
        {
            await command.HandleAsync(dc, argument, ct);
            return;
        }

        if (Settings.LanguageRequest.Match(dc.Text, inForm: dc.ActiveDialog is not null) is { } language)
        {
            await languages.HandleAsync(dc, language, ct);
            return;
        }

        if (dc.ActiveDialog is { } active)
        {
            if (!await repair.TryAsync(dc, active, ct)) await active.ContinueAsync(dc, ct);
            return;
        }

        await menu.HandleFreeTextAsync(dc, ct);
    }

    private async Task RouteButtonAsync(DialogContext dc, string payload, CancellationToken ct)
    {
        var separator = payload.IndexOf(':', StringComparison.Ordinal);
        var prefix = separator < 0 ? payload : payload[..separator];
        var action = buttonActions.FirstOrDefault(a => a.Prefix == prefix);
        if (action is not null)
        {
            if (action.LeavesActiveDialog) dc.CancelAll();
            await action.HandleAsync(dc, separator < 0 ? "" : payload[(separator + 1)..], ct);
            return;
        }

        // A refusal's offer ("f!room=1;people=12") changes the open form's answers; the form checks them again.
        if (dc.ActiveDialog is { } active && (dc.ActiveFrame!.Expects.Contains(payload)
            || active is FormDialog && payload.StartsWith(FormDialog.ChangePrefix, StringComparison.Ordinal)))
        {
            await active.ContinueAsync(dc, ct);
            return;
        }

        // A button from an earlier message: say so kindly and show where we are now.
        dc.Say(T.StaleButton);
        if (dc.ActiveDialog is { } current) await current.RepromptAsync(dc, ct);
        else dc.Say(MainMenu.Render());
    }

    private (ICommand? Command, string Argument) FindCommand(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "");
        var trimmed = text.Trim();
        var isSlash = trimmed.StartsWith('/');
        var parts = trimmed.TrimStart('/').Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return (null, "");
        var name = parts[0].Split('@')[0]; // Telegram appends @BotName in groups
        var argument = parts.Length > 1 ? parts[1] : "";

        // A bare word is a command only when it is the whole message: "menu", not "menu na jutro?".
        if (!isSlash && argument.Length > 0) return (null, "");
        var folded = TypedText.Fold(name);
        var command = commands.FirstOrDefault(c => c.Names.Any(n => TypedText.Fold(n) == folded));
        return (command, argument);
    }

    /// <summary>The turn's replies, saved with everything else the turn changed.</summary>
    private Task<IReadOnlyList<long>> QueueRepliesAsync(DialogContext dc, CancellationToken ct)
    {
        var (channel, chatId) = (dc.Activity.Channel, dc.Activity.ChatId);
        var keyPrefix = dc.Forgotten
            ? OutboxStore.ForgetfulReplyKeyPrefix()
            : OutboxStore.ReplyKeyPrefix(channel, chatId, dc.Activity.UpdateId ?? Guid.NewGuid().ToString("N"));
        var bodies = dc.Replies.Select(r => r.ToJson()).ToList();
        return outbox.QueueTurnRepliesAsync(channel, chatId, keyPrefix, bodies, ChannelNames.FetchesFromMailbox(channel), ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed in conversation {Channel}:{ChatId} (update {UpdateId}); apologised and started afresh")]
    private partial void LogTurnFailed(Exception ex, string channel, string chatId, string? updateId);
}

/// <summary>
/// The outbox rows holding this turn's replies, in order. For a repeated update: the rows its first handling
/// queued, so a reply a crash kept from leaving can still go, and a repeated web request gets the same answer.
/// </summary>
public sealed record TurnResult(IReadOnlyList<long> OutboxIds, bool IsDuplicate)
{
    /// <summary>Messages the turn queued for other chats (a staff member's answer to a resident), to go at once.</summary>
    public IReadOnlyList<OutboxMessage> Forwarded { get; init; } = [];

    /// <summary>The language the chat speaks after the turn ("uk"); null when not known (a repeated update).</summary>
    public string? Language { get; init; }
}
