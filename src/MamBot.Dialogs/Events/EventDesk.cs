using System.Globalization;
using MamBot.Data;
using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using Microsoft.Extensions.Options;

namespace MamBot.Dialogs.Events;

/// <summary>
/// Event operations with everything that follows them, all through the outbox with idempotency keys:
/// reminders and "Jak było?" for those going, news of a freed place, a move or a cancellation, and
/// announcements to residents who chose the category. The chat and the admin panel both come through here.
/// </summary>
public sealed partial class EventDesk(MamDbContext db, EventService events, OutboxStore outbox, CentreDirectory centres, IOptions<NudgeTimingOptions> timing, ReminderPromise promise,
    RecipientLanguage recipients, TimeProvider time)
{
    public static readonly TimeSpan SoonBefore = TimeSpan.FromHours(2);

    /// <summary>"Jak było?" is pointless after a few days.</summary>
    private static readonly TimeSpan FeedbackKeeps = TimeSpan.FromDays(3);

    public async Task<EventChange> CreateAsync(NewEvent request, CancellationToken ct)
    {
        var change = await events.CreateAsync(request, ct);
        if (change.Event is { } created)
        {
            await AnnounceAsync(created, ct);
            await events.MarkAnnouncedAsync([created.Id], ct);
        }
        return change;
    }

    public async Task<SignupResult> SignUpAsync(int eventId, Guid residentId, CancellationToken ct)
    {
        var result = await events.SignUpAsync(eventId, residentId, ct);
        if (result is { Outcome: SignupOutcome.Going, Signup: { } signup, Summary: { } summary })
            await ScheduleAsync(summary.Event, signup, ct);
        return result;
    }

    public async Task<WithdrawResult> WithdrawAsync(int eventId, Guid residentId, CancellationToken ct)
    {
        var result = await events.WithdrawAsync(eventId, residentId, ct);
        if (result.Withdrawn is { } withdrawn)
            await outbox.SkipQueuedAsync(SignupKeyPrefix(eventId, withdrawn.Id), OutboxReasons.SignupWithdrawn, ct);
        if (result is { Promoted: { } promoted, Event: { } theEvent }) await TellPromotedAsync(theEvent, promoted, ct);
        return result;
    }

    /// <summary>
    /// Edits an event (with <paramref name="following"/>, the later dates of its series too); those who moved up
    /// from a waiting list (more places) are told and get reminders.
    /// </summary>
    public async Task<EventEdit> EditAsync(int eventId, EventDetails details, CancellationToken ct, bool following = false)
    {
        var edit = await events.EditAsync(eventId, details, ct, following);
        foreach (var promoted in edit.Promoted) await TellPromotedAsync(edit.Edited.First(e => e.Id == promoted.EventId), promoted, ct);
        return edit;
    }

    /// <summary>A place came free for someone waiting: they hear it and get the reminders of those going.</summary>
    private async Task TellPromotedAsync(CommunityEvent theEvent, EventSignup promoted, CancellationToken ct)
    {
        var centre = await centres.GetAsync(theEvent.CentreId, ct);
        await TellAsync(theEvent, promoted, $"promoted:{promoted.Id}",
            () => Wording.Format(T.PromotedNotice, theEvent.TitleNow(), EventTexts.When(theEvent, centre.TimeZone)), ct);
        await ScheduleAsync(theEvent, promoted, ct);
    }

    /// <summary>Gives up every upcoming place of a resident (before their data is erased), letting the waiting list move up.</summary>
    public async Task WithdrawAllAsync(Guid residentId, CancellationToken ct)
    {
        foreach (var (summary, _) in await events.MineAsync(residentId, ct))
            await WithdrawAsync(summary.Event.Id, residentId, ct);
    }

    public async Task<EventChange> MoveAsync(int eventId, DateTime startUtc, DateTime endUtc, CancellationToken ct)
    {
        var before = await events.FindAsync(eventId, ct);
        var change = await events.MoveAsync(eventId, startUtc, endUtc, ct);
        if (change.Event is not { } moved || before is null) return change;
        await AfterMoveAsync(moved, before.Event.StartUtc, ct);
        return change;
    }

    /// <summary>Those signed up hear the new time; their reminders follow it.</summary>
    private async Task AfterMoveAsync(CommunityEvent moved, DateTime fromUtc, CancellationToken ct)
    {
        // Old reminders carry the old start in their keys: skip them all, then schedule anew for those going.
        await outbox.SkipQueuedAsync($"event:{moved.Id}:signup:", OutboxReasons.EventMoved, ct);
        var centre = await centres.GetAsync(moved.CentreId, ct);
        string Text() => Wording.Format(T.EventMovedNotice, moved.TitleNow(),
            EventTexts.When(moved, centre.TimeZone), Wording.DateTime(fromUtc, centre.TimeZone));
        foreach (var signup in await events.ActiveSignupsAsync(moved.Id, ct))
        {
            await TellAsync(moved, signup, $"moved:{Stamp(moved.StartUtc)}:{signup.Id}", Text, ct);
            if (signup.Status == SignupStatus.Going) await ScheduleAsync(moved, signup, ct);
        }
    }

    /// <summary>Cancels the event; everyone going or waiting hears it at once, with the team's reason when given.</summary>
    public async Task<CommunityEvent?> CancelAsync(int eventId, CancellationToken ct, string? reason = null)
    {
        var cancelled = await events.CancelAsync(eventId, ct);
        if (cancelled is null) return null;
        await outbox.SkipQueuedAsync($"event:{eventId}:", OutboxReasons.EventCancelled, ct);
        var centre = await centres.GetAsync(cancelled.CentreId, ct);
        foreach (var signup in await events.ActiveSignupsAsync(eventId, ct))
        {
            using var speaking = Language.Use(await recipients.OfAsync(signup.ResidentId, ct));
            var text = Wording.Format(T.EventCancelledNotice, cancelled.TitleNow(), EventTexts.When(cancelled, centre.TimeZone));
            if (!string.IsNullOrWhiteSpace(reason)) text += " " + Wording.Format(T.EventCancelledReason, reason.Trim());
            await outbox.EnqueueAsync(new OutboxMessage
            {
                // The time of this cancellation is in the key: one undone and made again is news again.
                IdempotencyKey = $"event:{eventId}:cancelled:{Stamp(cancelled.CancelledUtc ?? cancelled.StartUtc)}:{signup.Id}",
                Kind = OutboxKind.EventUpdate,
                ResidentId = signup.ResidentId,
                Body = (Reply.WithRow(text, new Button(T.ButtonRemoveFromCalendar, $"events:ics:{eventId}"), new Button(T.ButtonSeeEvents, "events:list:w0:0"))
                    with { Utility = UtilityTemplates.EventCancelled.With(cancelled.TitleNow(), EventTexts.When(cancelled, centre.TimeZone)) }).ToJson(),
            }, ct);
        }
        return cancelled;
    }

    /// <summary>
    /// Undoes a cancellation: everyone still signed up hears it is back on, and those going get their reminders
    /// again (new keys: the cancelled ones stay skipped).
    /// </summary>
    public async Task<EventChange> RestoreAsync(int eventId, CancellationToken ct)
    {
        var before = await events.FindAsync(eventId, ct);
        var change = await events.RestoreAsync(eventId, ct);
        if (change.Event is not { } restored || before is null) return change;
        var again = Stamp(before.Event.CancelledUtc ?? time.GetUtcNow().UtcDateTime);
        var centre = await centres.GetAsync(restored.CentreId, ct);
        foreach (var signup in await events.ActiveSignupsAsync(eventId, ct))
        {
            await TellAsync(restored, signup, $"restored:{again}:{signup.Id}",
                () => Wording.Format(T.EventRestoredNotice, restored.TitleNow(), EventTexts.When(restored, centre.TimeZone)), ct);
            if (signup.Status == SignupStatus.Going) await ScheduleAsync(restored, signup, ct, again);
        }
        return change;
    }

    /// <summary>
    /// What those signed up will read if the team cancels (with the reason) or restores the event now, in Polish
    /// (each resident reads their language), for the panel to show before it asks; null for an unknown event.
    /// </summary>
    public async Task<string?> NoticePreviewAsync(int eventId, bool restore, string? reason, CancellationToken ct)
    {
        if (await events.FindAsync(eventId, ct) is not { } found) return null;
        var e = found.Event;
        var when = EventTexts.When(e, (await centres.GetAsync(e.CentreId, ct)).TimeZone);
        using var speaking = Language.Use(Languages.Polish);
        if (restore) return Wording.Format(T.EventRestoredNotice, e.TitleNow(), when);
        var text = Wording.Format(T.EventCancelledNotice, e.TitleNow(), when);
        return string.IsNullOrWhiteSpace(reason) ? text : text + " " + Wording.Format(T.EventCancelledReason, reason.Trim());
    }

    /// <summary>The day before at the same wall-clock time, two hours before, and "Jak było?" the morning after.</summary>
    private async Task ScheduleAsync(CommunityEvent e, EventSignup signup, CancellationToken ct, string? again = null)
    {
        var centre = await centres.GetAsync(e.CentreId, ct);
        var zone = centre.TimeZone;
        var now = time.GetUtcNow().UtcDateTime;

        var dayBeforeUtc = NudgeTiming.DayBefore(e.StartUtc, zone);
        var localEndDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(e.EndUtc, zone));
        var feedbackUtc = TimeZoneInfo.ConvertTimeToUtc(localEndDay.AddDays(1).ToDateTime(timing.Value.FeedbackAt), zone);

        var planned = new (string Name, DateTime DueUtc, DateTime ExpiresUtc, OutboxKind Kind, Reply Body)[]
        {
            // Composed when they go: in the resident's language then, from the event as it is then.
            ("day", dayBeforeUtc, e.StartUtc, OutboxKind.Reminder, EventReminderRecipe.Queued(e.Id, "day")),
            ("soon", e.StartUtc - SoonBefore, e.StartUtc, OutboxKind.Reminder, EventReminderRecipe.Queued(e.Id, "soon")),
            ("feedback", feedbackUtc, feedbackUtc + FeedbackKeeps, OutboxKind.Feedback, EventFeedbackRecipe.Queued(e.Id)),
        };
        foreach (var (name, dueUtc, expiresUtc, kind, body) in planned)
        {
            if (dueUtc <= now && kind == OutboxKind.Reminder) continue; // signed up too late for this one
            await outbox.EnqueueAsync(new OutboxMessage
            {
                // The start is in the key: a moved event gets new reminders while the old ones stay skipped.
                IdempotencyKey = $"{SignupKeyPrefix(e.Id, signup.Id)}{name}:{Stamp(e.StartUtc)}{(again is null ? "" : ":" + again)}",
                Kind = kind,
                ResidentId = signup.ResidentId,
                DueUtc = dueUtc,
                ExpiresUtc = expiresUtc,
                Body = body.ToJson(),
            }, ct);
        }
    }

    public static Reply FeedbackQuestion(CommunityEvent e) => new(Wording.Format(T.FeedbackQuestion, e.TitleNow()),
    [
        [.. Enumerable.Range(1, 5).Select(n => new Button(n.ToString(CultureInfo.InvariantCulture), $"events:rate:{e.Id}:{n}"))],
        [new(T.ButtonMissedIt, $"events:rate:{e.Id}:0")],
    ]);

    private async Task AnnounceAsync(CommunityEvent e, CancellationToken ct)
    {
        var centre = await centres.GetAsync(e.CentreId, ct);
        foreach (var residentId in await events.SubscribersAsync(e.CentreId, e.Category, ct))
        {
            using var speaking = Language.Use(await recipients.OfAsync(residentId, ct));
            var text = Wording.Format(T.Announcement,
                EventTexts.Category(e.Category), e.TitleNow(), EventTexts.When(e, centre.TimeZone), EventTexts.Place(e, centre));
            await outbox.EnqueueAsync(new OutboxMessage
            {
                IdempotencyKey = $"event:{e.Id}:announce:{residentId}",
                Kind = OutboxKind.Announcement,
                ResidentId = residentId,
                ExpiresUtc = e.StartUtc, // an announcement held back by quiet hours or the daily cap must not arrive late
                Body = Reply.WithRow(text, new(T.ButtonEventDetails, $"events:show:{e.Id}"), new(T.ButtonSignUp, $"events:join:{e.Id}")).ToJson(),
            }, ct);
        }
    }

    /// <summary>News about the resident's place, written in their language.</summary>
    private async Task TellAsync(CommunityEvent e, EventSignup signup, string what, Func<string> text, CancellationToken ct)
    {
        using var speaking = Language.Use(await recipients.OfAsync(signup.ResidentId, ct));
        await outbox.EnqueueAsync(new OutboxMessage
        {
            IdempotencyKey = $"event:{e.Id}:{what}",
            Kind = OutboxKind.EventUpdate,
            ResidentId = signup.ResidentId,
            ExpiresUtc = e.StartUtc,
            Body = Reply.WithRow(text(), new(T.ButtonWithdraw, $"events:leave:{e.Id}"), new(T.ButtonEventCalendar, $"events:ics:{e.Id}")).ToJson(),
        }, ct);
    }

    /// <summary>The reminders queued for this place, as the confirmation may promise them.</summary>
    public Task<string> PromiseAsync(EventSignup signup, Resident resident, CancellationToken ct) =>
        promise.ForAsync(SignupKeyPrefix(signup.EventId, signup.Id), resident, ct);

    private static string SignupKeyPrefix(int eventId, int signupId) => $"event:{eventId}:signup:{signupId}:";

    private static string Stamp(DateTime utc) => utc.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
}
