using System.Globalization;
using MamBot.Data.Events;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Menu;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Events;

/// <summary>"Jak było?": the rating comes with the button; then an optional word, typed or skipped.</summary>
public sealed class EventFeedbackDialog(EventService events) : Dialog
{
    public const string DialogId = "events.feedback";
    public const int MaxComment = 500;
    public override string Id => DialogId;

    /// <param name="argument">"eventId:rating", rating 0 when the resident could not come.</param>
    public override async Task BeginAsync(DialogContext dc, string? argument, CancellationToken ct)
    {
        var parts = (argument ?? "").Split(':');
        var eventId = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var rating = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var found = await events.FindAsync(eventId, ct);
        if (found is null || found.Event.EndUtc > dc.Now.UtcDateTime || dc.Resident is null)
        {
            await dc.EndDialogAsync(null, ct);
            dc.Say(MainMenu.Render(found is null ? T.EventNotFound : T.FeedbackTooEarly));
            return;
        }
        // Only those who had a place rate it: an event's average is not anyone's to set.
        if (await events.SignupOfAsync(eventId, dc.Resident.Id, ct) is not { Status: SignupStatus.Going })
        {
            await dc.EndDialogAsync(null, ct);
            dc.Say(MainMenu.Render(T.FeedbackOnlyParticipants));
            return;
        }

        await events.RateAsync(eventId, dc.Resident.Id, rating == 0 ? null : rating, ct);
        if (rating == 0)
        {
            await dc.EndDialogAsync(null, ct);
            dc.Say(MainMenu.Render(T.FeedbackMissed));
            return;
        }
        dc.ActiveFrame!.Values["event"] = eventId.ToString(CultureInfo.InvariantCulture);
        dc.ActiveFrame.Values["tag"] = Guid.NewGuid().ToString("N")[..6];
        await RepromptAsync(dc, ct);
    }

    public override async Task ContinueAsync(DialogContext dc, CancellationToken ct)
    {
        var frame = dc.ActiveFrame!;
        var eventId = int.Parse(frame.Values["event"], CultureInfo.InvariantCulture);
        var comment = dc.Payload is null ? dc.Text?.Trim() : null;
        if (comment is { Length: > MaxComment })
        {
            dc.Say(Wording.Format(T.PromptTooLong, Wording.Count(MaxComment, T.CharactersForms)));
            await RepromptAsync(dc, ct);
            return;
        }
        if (!string.IsNullOrEmpty(comment) && dc.Resident is { } resident) await events.CommentAsync(eventId, resident.Id, comment, ct);
        await dc.EndDialogAsync(null, ct);
        dc.Say(MainMenu.Render(T.FeedbackSaved));
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken ct)
    {
        var skip = new Button(T.ButtonSkip, $"{dc.ActiveFrame!.Values["tag"]}:skip");
        dc.ActiveFrame.Expects = [skip.Payload];
        dc.Say(Reply.WithRow(T.FeedbackThanks, skip));
        return Task.CompletedTask;
    }
}
