using System.Globalization;
using MamBot.Data;
using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Events;

/// <summary>"Jutro …" and "Już za 2 godziny …" before an event, as it stands when the reminder goes.</summary>
public sealed class EventReminderRecipe(MamDbContext db, CentreDirectory centres) : IMessageRecipe
{
    public const string Name = "event-reminder";
    string IMessageRecipe.Name => Name;

    /// <summary>Queued with the template it will carry (its facts come when composed), so a promise can count on it.</summary>
    public static Reply Queued(int eventId, string when) =>
        Reply.ComposedLater(Name, ("event", eventId), ("when", when)) with { Utility = UtilityTemplates.EventReminder.Promised() };

    public async Task<Reply?> ComposeAsync(IReadOnlyDictionary<string, string> inputs, Resident resident, CancellationToken ct)
    {
        var e = await ScheduledEventAsync(db, inputs, ct);
        if (e is null) return null;
        var centre = await centres.GetAsync(e.CentreId, ct);
        var (when, place) = (EventTexts.When(e, centre.TimeZone), EventTexts.Place(e, centre));
        var template = inputs["when"] == "day" ? T.EventReminderDayBefore : T.EventReminderSoon;
        return Reply.WithRow(Wording.Format(template, e.TitleNow(), when, place),
                new(T.ButtonWithdraw, $"events:leave:{e.Id}"), new(T.ButtonEventDetails, $"events:show:{e.Id}"))
            with { Utility = UtilityTemplates.EventReminder.With(e.TitleNow(), when, place) };
    }

    /// <summary>The event, unless it was cancelled or deleted since the message was queued.</summary>
    public static Task<CommunityEvent?> ScheduledEventAsync(MamDbContext db, IReadOnlyDictionary<string, string> inputs, CancellationToken ct)
    {
        var id = int.Parse(inputs["event"], CultureInfo.InvariantCulture);
        return db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.Status == EventStatus.Scheduled, ct);
    }
}

/// <summary>"Jak było?" the morning after an event, with the rating buttons.</summary>
public sealed class EventFeedbackRecipe(MamDbContext db) : IMessageRecipe
{
    public const string Name = "event-feedback";
    string IMessageRecipe.Name => Name;

    public static Reply Queued(int eventId) => Reply.ComposedLater(Name, ("event", eventId));

    public async Task<Reply?> ComposeAsync(IReadOnlyDictionary<string, string> inputs, Resident resident, CancellationToken ct) =>
        await EventReminderRecipe.ScheduledEventAsync(db, inputs, ct) is { } e ? EventDesk.FeedbackQuestion(e) : null;
}
