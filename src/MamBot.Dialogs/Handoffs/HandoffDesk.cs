using System.Globalization;
using MamBot.Data.Centres;
using MamBot.Data.Handoffs;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Menu;
using MamBot.Dialogs.Welcome;
using MamBot.Dialogs.Staff;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;
using Microsoft.Extensions.Options;

namespace MamBot.Dialogs.Handoffs;

/// <summary>
/// Handing a resident's chat to the team and back. While it is handed off the assistant stays silent: what the
/// resident writes goes to the panel, what staff write goes to the resident's own channel through the outbox.
/// </summary>
public sealed class HandoffDesk(HandoffService handoffs, OutboxStore outbox, IOptions<HandoffOptions> options, RecipientLanguage recipients,
    TimeProvider time)
{
    public const string EndPayload = "handoff:end";
    public static Button TalkButton => new(T.ButtonTalkToPerson, "handoff:start");
    public static Button BackButton => new(T.ButtonBackToBot, EndPayload);

    /// <summary>The resident asks for a person: the team is told, the resident hears when to expect an answer.</summary>
    public Task StartAsync(DialogContext dc, CancellationToken ct) => StartAsync(dc, null, ct);

    /// <summary>
    /// As above, from typed words: when they already say what it is about ("…zgubiłem klucz"), or always for a
    /// complaint (<paramref name="carry"/>), they are the first message the team reads, and are not asked for again.
    /// </summary>
    public async Task StartAsync(DialogContext dc, string? words, CancellationToken ct, bool carry = false)
    {
        if (dc.Resident is not { HasConsented: true } resident)
        {
            // Passing words on keeps them: asked first, and on "tak" the request and its words go to the team.
            dc.Data.AfterConsent = WaitingPerson + (carry || TypedRepair.SaysMore(words) ? words?.Trim() : null);
            dc.Say(Welcome.WelcomeActions.AskForConsent(Wording.Format(T.HandoffNeedsConsent, Wording.ContactChannels(dc.Centre))));
            return;
        }
        dc.CancelAll();
        var (handoff, isNew) = await handoffs.StartAsync(dc.Centre.Id, resident.Id, dc.Activity.Channel, dc.Activity.ChatId, ct);
        dc.Data.HandoffId = handoff.Id;
        if (!isNew)
        {
            dc.Say(Reply.WithRow(T.HandoffAlready, BackButton));
            return;
        }
        var carried = !string.IsNullOrWhiteSpace(words) && (carry || TypedRepair.SaysMore(words));
        var next = carried ? T.HandoffWordsPassedOn : T.HandoffAskWhat;
        var howBack = Wording.Format(T.HandoffHowBack, T.ButtonBackToBot);
        dc.Say(Reply.WithRow($"{await ExpectationAsync(dc.Centre, ct)} {next}\n\n{howBack}", BackButton));
        await outbox.QueueForTeamAsync(dc.Centre, $"handoff:{handoff.Id}:staff", () => Reply.Plain(Wording.Format(T.StaffHandoffAsked,
            string.IsNullOrWhiteSpace(resident.DisplayName) ? T.SomeoneWithoutName : resident.DisplayName,
            Wording.ChannelName(handoff.Channel), Marker(handoff.Id), PanelLink(handoff.Id))), ct);
        if (carried) await PassOnAsync(dc, handoff, words!.Trim(), ct);
    }

    /// <summary>Marks a person asked for before consent (and the words for them) in ConversationData.AfterConsent.</summary>
    public const string WaitingPerson = "person:";

    /// <summary>
    /// Before consent, what the resident goes on to say for the person they asked for ("w małej sali było zimno")
    /// is kept with the request, not read as a new one; true when it was.
    /// </summary>
    public static bool KeepForPersonBeforeConsent(DialogContext dc)
    {
        if (dc.Data.AfterConsent is not { } waiting || !waiting.StartsWith(WaitingPerson, StringComparison.Ordinal)) return false;
        if (dc.Resident?.HasConsented == true || string.IsNullOrWhiteSpace(dc.Text) || dc.Payload is not null) return false;
        if (TypedRepair.IsLeaving(dc.Text) || TypedRepair.IsQuestion(dc.Text) && Concerns.Find(dc.Text) != Concern.Complaint)
            return false;
        dc.Data.AfterConsent = WithWords(waiting, dc.Text);
        dc.Say(Welcome.WelcomeActions.AskForConsent(T.HandoffWordsKeptForConsent));
        return true;
    }

    /// <summary>The person asked for before consent, with more of the resident's words kept for them.</summary>
    public static string WithWords(string waiting, string text) =>
        (waiting + " " + text.Trim()).Replace(WaitingPerson + " ", WaitingPerson, StringComparison.Ordinal);

    /// <summary>Agreed at last: the person asked for before, with the words kept for them.</summary>
    public Task StartAfterConsentAsync(DialogContext dc, string waiting, CancellationToken ct)
    {
        var words = waiting[WaitingPerson.Length..];
        return StartAsync(dc, words.Length == 0 ? null : words, ct, carry: words.Length > 0);
    }

    /// <summary>The resident's words to the panel, and the first of them to the staff chat.</summary>
    private async Task<bool> PassOnAsync(DialogContext dc, Handoff handoff, string text, CancellationToken ct)
    {
        if (!await handoffs.AddResidentMessageAsync(handoff, text, ct)) return false;
        await outbox.QueueForTeamAsync(dc.Centre, $"handoff:{handoff.Id}:staff:first", () => Reply.Plain(Wording.Format(
            T.StaffHandoffFirstWords, text, Marker(handoff.Id))), ct);
        return true;
    }

    /// <summary>
    /// A turn of a handed-off chat. True when the handoff took it (the assistant says nothing, or only how to
    /// come back); false when the chat is the assistant's again and the turn goes on as usual.
    /// </summary>
    public async Task<bool> RelayAsync(DialogContext dc, ICommand? command, CancellationToken ct)
    {
        if (dc.Data.HandoffId is null) return false;
        var handoff = await handoffs.ActiveForChatAsync(dc.Activity.Channel, dc.Activity.ChatId, ct);
        if (handoff is null || dc.Resident is null)
        {
            dc.Data.HandoffId = null; // ended by staff or after a quiet spell: the resident was told then
            return false;
        }
        var backToBot = dc.Payload == EndPayload || IsBackToBot(dc.Text);
        if (backToBot || command is MenuCommand or StartCommand or CancelCommand)
        {
            await handoffs.CloseAsync(handoff, HandoffEnd.Resident, ct);
            dc.Data.HandoffId = null;
            if (backToBot) dc.Say(MainMenu.Render(T.HandoffBackToBot));
            return backToBot; // a command goes on to be answered as usual
        }
        if (command is not null) return false; // "/pomoc" and the like are answered; the team is still there
        // The resident's own data and messages are the assistant's to answer, also now: never relayed unanswered.
        if (dc.ActiveFrame is not null || MenuIntents.Match(dc.Text) is MenuIntent.EraseData or MenuIntent.MyData) return false;
        if (dc.Payload is not null)
        {
            dc.Say(Reply.WithRow(T.HandoffButtonsPaused, BackButton));
            return true;
        }
        if (string.IsNullOrWhiteSpace(dc.Text)) return true;
        // The staff chat sees what it is about; answering that message there answers the resident.
        await PassOnAsync(dc, handoff, dc.Text.Trim(), ct);
        // Until a person answers, each message is acknowledged, with the way back at hand.
        if (handoff.FirstStaffReplyUtc is null) dc.Say(Reply.WithRow(T.HandoffReceived, BackButton));
        return true;
    }

    private string PanelLink(long handoffId) => string.IsNullOrWhiteSpace(options.Value.PanelUrl) ? ""
        : $"\n{options.Value.PanelUrl.TrimEnd('/')}/admin/conversations/{handoffId}";

    /// <summary>"rozmowa nr 5": names the conversation in the staff chat, so a reply to that message can find it.</summary>
    public static string Marker(long handoffId) => Wording.Format(T.HandoffMarker, handoffId);

    /// <summary>
    /// The conversation whose staff-chat notice the platform knows as <paramref name="platformMessageId"/>: the
    /// notice's own outbox row says which ("handoff:5:staff…"), whatever anyone wrote in it.
    /// </summary>
    public async Task<long?> NoticedAsAsync(string channel, string chatId, string platformMessageId, CancellationToken ct)
    {
        var key = await outbox.KeyOfSentAsync(channel, chatId, platformMessageId, ct);
        if (key is null || !key.StartsWith("handoff:", StringComparison.Ordinal)) return null;
        var parts = key.Split(':');
        return parts.Length >= 3 && parts[2] == "staff" && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>
    /// A reply from the panel: stored, and queued to the resident's chat (the first one says who writes). Returns
    /// the queued message, for the caller to hand to delivery at once; null when the conversation has ended.
    /// </summary>
    public async Task<OutboxMessage?> ReplyAsync(long handoffId, string staffName, string text, CancellationToken ct)
    {
        var handoff = await handoffs.FindAsync(handoffId, ct);
        if (handoff is not { IsActive: true } || string.IsNullOrWhiteSpace(text)) return null;
        var first = handoff.FirstStaffReplyUtc is null;
        var message = await handoffs.AddStaffReplyAsync(handoff, staffName, text.Trim(), ct);
        using var speaking = Language.Use(await recipients.OfAsync(handoff.ResidentId, ct)); // the frame; the words are the team's
        var body = first ? Wording.Format(T.HandoffStaffJoined, staffName, message.Text) : message.Text;
        return await SendAsync(handoff, HandoffService.ReplyKeyPrefix(handoff.Id) + message.Id, Reply.WithRow(body, BackButton), ct);
    }

    /// <summary>Staff close the conversation: the resident hears that the assistant answers again.</summary>
    public async Task<bool> EndByStaffAsync(long handoffId, CancellationToken ct)
    {
        var handoff = await handoffs.FindAsync(handoffId, ct);
        if (handoff is not { IsActive: true }) return false;
        await handoffs.CloseAsync(handoff, HandoffEnd.Staff, ct);
        await TellAsync(handoff, () => MainMenu.Render(T.HandoffEndedByStaff), ct);
        return true;
    }

    /// <summary>Conversations quiet for <c>Handoff:IdleHours</c> go back to the assistant; the resident is told.</summary>
    public async Task<int> CloseIdleAsync(CancellationToken ct)
    {
        var quietSince = time.GetUtcNow().UtcDateTime.AddHours(-options.Value.IdleHours);
        var idle = await handoffs.IdleSinceAsync(quietSince, ct);
        foreach (var id in idle)
        {
            var handoff = (await handoffs.FindAsync(id, ct))!;
            await handoffs.CloseAsync(handoff, HandoffEnd.Idle, ct);
            await TellAsync(handoff, () => MainMenu.Render(T.HandoffEndedIdle), ct);
        }
        await handoffs.ForgetClosedBeforeAsync(time.GetUtcNow().UtcDateTime.AddDays(-options.Value.KeepDays), ct);
        return idle.Count;
    }

    /// <summary>A person's words, to the chat the resident wrote from.</summary>
    private Task<OutboxMessage> SendAsync(Handoff handoff, string key, Reply reply, CancellationToken ct) =>
        outbox.EnqueueAsync(new OutboxMessage
        {
            IdempotencyKey = key,
            Kind = OutboxKind.HumanReply,
            Channel = handoff.Channel,
            ChatId = handoff.ChatId,
            Body = reply.ToJson(),
        }, ct);

    /// <summary>
    /// The assistant's notice that the conversation ended: news about the resident's own request, so it keeps to
    /// the platforms' rules for such news (on Messenger only inside the window), never sent as a person's reply.
    /// </summary>
    private async Task TellAsync(Handoff handoff, Func<Reply> reply, CancellationToken ct)
    {
        if (handoff.ResidentId is not { } resident) return;
        using var speaking = Language.Use(await recipients.OfAsync(resident, ct));
        await outbox.EnqueueAsync(new OutboxMessage
        {
            IdempotencyKey = $"handoff:{handoff.Id}:ended",
            Kind = OutboxKind.AccountUpdate,
            ResidentId = resident,
            Body = reply().ToJson(),
        }, ct);
    }

    /// <summary>What the resident may expect: someone soon, or the next opening hours.</summary>
    private async Task<string> ExpectationAsync(Centre centre, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (CentreHours.ClosingLocal(centre, now) is { } closes)
            return await handoffs.AnyoneAtTheChatAsync(ct)
                ? Wording.Format(T.HandoffStartedNow, Wording.Count(options.Value.UsualReplyMinutes, T.MinutesFormsGenitive))
                : Wording.Format(T.HandoffStartedOpenNobody, Wording.Time(TimeOnly.FromDateTime(closes)));
        if (CentreHours.NextOpeningLocal(centre, now) is not { } opens)
            return Wording.Format(T.HandoffStartedLater, Wording.ContactChannels(centre));
        var today = LocalCalendar.Today(now, centre.TimeZone);
        var day = DateOnly.FromDateTime(opens);
        var at = Wording.Time(TimeOnly.FromDateTime(opens));
        var when = day == today ? Wording.Format(T.HandoffOpensToday, at)
            : day == today.AddDays(1) ? Wording.Format(T.HandoffOpensTomorrow, at)
            : Wording.Format(T.HandoffOpensOnDay, Wording.OnDay(day.DayOfWeek), at);
        return Wording.Format(T.HandoffStartedClosed, when);
    }

    private static bool IsBackToBot(string? text) =>
        text is not null && TypedText.Fold(text.Trim()) == TypedText.Fold(T.ButtonBackToBot);

}
