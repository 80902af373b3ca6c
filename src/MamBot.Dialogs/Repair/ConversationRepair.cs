using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Handoffs;
using MamBot.Dialogs.Menu;
using MamBot.Dialogs.Settings;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Repair;

/// <summary>
/// Checks a typed message before a form, prompt or card takes it as the answer to its step, in this order:
/// leaving, a person (carrying what was written), the resident's own data, a question or concern answered in
/// place (then the same step is asked again, with its buttons); only then the step's answer. So nobody is
/// trapped in a form, and a question is never saved as a booking's purpose or an idea's title.
/// </summary>
public sealed class ConversationRepair(HandoffDesk handoffs, SettingsActions settings)
{
    /// <summary>True when the message was handled here and the step must not read it.</summary>
    public async Task<bool> TryAsync(DialogContext dc, Dialog active, CancellationToken ct)
    {
        var text = dc.Text;
        if (dc.Payload is not null || string.IsNullOrWhiteSpace(text)) return false;
        if (TypedRepair.IsLeaving(text))
        {
            dc.CancelAll();
            // "a właściwie rezygnuję… do której jesteście otwarci w niedzielę?": left, and the question answered.
            var asked = TypedRepair.LastQuestion(text);
            if (asked is not null && QuestionsInPlace.Answer(dc, asked) is { } answered)
            {
                dc.Say(T.Cancelled);
                dc.Say(answered);
            }
            else dc.Say(MainMenu.Render(T.Cancelled + " " + T.MenuQuestion));
            return true;
        }
        if (TypedRepair.AsksForPerson(text))
        {
            await handoffs.StartAsync(dc, text, ct);
            return true;
        }
        switch (MenuIntents.Match(text))
        {
            case MenuIntent.EraseData:
                await settings.HandleAsync(dc, "erase", ct);
                return true;
            case MenuIntent.MyData:
                await settings.HandleAsync(dc, "export", ct);
                if (dc.ActiveDialog is { } stillOpen) await stillOpen.RepromptAsync(dc, ct);
                return true;
        }
        var concern = Concerns.Find(text);
        // "people bring broken lamps and volunteers fix them" describes an idea; only a complaint said as one
        // leaves a free-text step.
        if (concern == Concern.Complaint && active.TakesFreeText(dc) && !Concerns.SaysComplaint(text)) concern = Concern.None;
        var question = TypedRepair.IsQuestion(text) || TypedRepair.OpensWithQuestion(text);
        if (!question && concern == Concern.None) return false;
        // "a ile kosztuje kuchnia?" at the room step asks the price; "a może w sobotę?" at the day step is the day.
        // "a czy tam jest rzutnik?" while booking the big room: "there" is the room in hand.
        var known = question && active.RoomInHand(dc) is { } room
            && (IntentRules.AsksWhatRoomHas(TypedText.Fold(text)) || EquipmentQuery.FindRoom([room], text) is not null)
            ? QuestionsInPlace.RoomFacts(room)
            : question && !active.ReadsQuestionsItself && !TypedRepair.AsksToAct(text)
            ? QuestionsInPlace.Answer(dc, text, roomFacts: false) : null;
        if (known is null && await active.AcceptsAsync(dc, text, ct)) return false;

        var answer = known ?? (concern == Concern.Complaint ? null : QuestionsInPlace.Answer(dc, text));
        // Answered here, or offered to the team; either way the form keeps its place and asks again.
        dc.Say(answer ?? Reply.WithRow(T.RepairAskTheTeam, HandoffDesk.TalkButton));
        active.NoteAside(dc, text);
        await active.RepromptAsync(dc, ct);
        return true;
    }
}
