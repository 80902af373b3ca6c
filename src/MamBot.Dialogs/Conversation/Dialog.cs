namespace MamBot.Dialogs.Conversation;

/// <summary>
/// A conversation with a beginning and an end (a form, a confirmation). It lives on the stack between turns,
/// so it keeps everything it needs in its frame, never in fields.
/// </summary>
public abstract class Dialog
{
    public abstract string Id { get; }

    public abstract Task BeginAsync(DialogContext dc, string? argument, CancellationToken ct);

    /// <summary>The resident answered while this dialog was on top.</summary>
    public abstract Task ContinueAsync(DialogContext dc, CancellationToken ct);

    /// <summary>
    /// What a message said beside the question it asked, kept by the step ("a jest tam tablica? bo to na
    /// korepetycje": what the booking is for). Nothing by default.
    /// </summary>
    public virtual void NoteAside(DialogContext dc, string text) { }

    /// <summary>A child dialog (a prompt) ended with <paramref name="result"/>.</summary>
    public virtual Task ResumeAsync(DialogContext dc, string? result, CancellationToken ct) => RepromptAsync(dc, ct);

    /// <summary>
    /// Whether a typed text reads as an answer to the step waiting now (a day at the day step, a known choice);
    /// a free-text step accepts nothing here, so a question typed there is answered rather than saved.
    /// </summary>
    public virtual Task<bool> AcceptsAsync(DialogContext dc, string text, CancellationToken ct) => Task.FromResult(false);

    /// <summary>The room this dialog is about so far ("is there a projector there?" asks about it), if any.</summary>
    public virtual Data.Centres.Room? RoomInHand(DialogContext dc) => null;

    /// <summary>Whether the step waiting now takes the resident's own words (a description, a name, a purpose).</summary>
    public virtual bool TakesFreeText(DialogContext dc) => false;

    /// <summary>A dialog that answers questions typed at its steps itself (a survey), so none is answered for it.</summary>
    public virtual bool ReadsQuestionsItself => false;

    /// <summary>Shows the current question again (after a stale button, a help request…).</summary>
    public abstract Task RepromptAsync(DialogContext dc, CancellationToken ct);
}
