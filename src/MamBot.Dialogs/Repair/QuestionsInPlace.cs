using MamBot.Data.Centres;
using MamBot.Data.Residents;
using MamBot.Dialogs.About;
using MamBot.Dialogs.Bookings;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Handoffs;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Repair;

/// <summary>
/// Answers that need no form and leave none: the FAQ, opening hours, address, rules, what a room holds, whether
/// this is a person, and what MAM does not handle. Used inside a form (which then asks its question again) and
/// from the menu, so a question never starts a booking or opens the idea form.
/// </summary>
public static class QuestionsInPlace
{
    /// <summary>
    /// The answer to a question or concern; null when there is none to give here. Without <paramref name="roomFacts"/>
    /// a room named is no question about it ("a może mała sala?" chooses the room).
    /// </summary>
    public static Reply? Answer(DialogContext dc, string text, bool roomFacts = true)
    {
        var faq = FaqMatcher.Find(text, dc.Centre.Faq);
        if (ForConcern(dc, Concerns.Find(text), faq) is { } concern) return concern;
        if (faq is not null) return FaqAnswer.Render(faq);
        var folded = TypedText.Fold(text);
        var topic = Languages.All.Select(l => IntentRecognizer.RulesOnly(folded, l)).FirstOrDefault(i => i != IntentRecognizer.None);
        switch (topic)
        {
            case "opening_hours": return AboutCentre.HoursReply(dc);
            case "address_contact": return AboutCentre.ContactReply(dc);
            case "house_rules": return AboutCentre.RulesFor(dc, text);
        }
        if (TypedRepair.IsQuestion(text) && AboutCentre.RuleAnswering(dc, text) is { } rule) return rule;
        // The team's "where to turn" list knows more than the words above ("rada dzielnicy").
        if (WhereToTurn.Answer(dc, text) is { } contact) return contact;
        return roomFacts && BookingSlots.FindRoom(dc.Centre.Rooms, text) is { } room ? RoomFacts(room) : null;
    }

    /// <summary>
    /// "Czy jesteś człowiekiem?": the automated assistant says so and offers a person, starting nothing. What MAM
    /// does not handle, unless the team's FAQ speaks of it: the team's contact for it, else one line saying so; a
    /// person to write to either way.
    /// </summary>
    public static Reply? ForConcern(DialogContext dc, Concern concern, FaqEntry? faq) => concern switch
    {
        Concern.AreYouBot => Reply.WithRow(Wording.Format(T.RepairAreYouBot, T.ButtonTalkToPerson), HandoffDesk.TalkButton),
        Concern.OffTopic when faq is null => CannotHandle(dc),
        _ => null,
    };

    /// <summary>Something MAM does not handle: where to turn when the team listed it, else the honest line.</summary>
    public static Reply CannotHandle(DialogContext dc) =>
        WhereToTurn.Answer(dc, dc.Text) ?? Reply.WithRow(T.RepairCannotHandle, HandoffDesk.TalkButton);

    /// <summary>"Kuchnia mieści najwyżej 8 osób. Wyposażenie: …", with the way to book it.</summary>
    public static Reply RoomFacts(Room room)
    {
        var text = Wording.Format(T.RepairRoomHolds, room.NameNow(), Wording.Count(room.Capacity, T.PeopleForms));
        var equipment = room.EquipmentNow();
        if (!string.IsNullOrWhiteSpace(equipment.Text))
            text += "\n" + Wording.ByTheTeam(Wording.Format(T.RepairRoomEquipment, equipment.Text.Trim()), equipment.InLanguageSpoken);
        return Reply.WithRow(text, new Button(T.MenuBook, BookAtAction.Payload(room.Id, null)));
    }
}
