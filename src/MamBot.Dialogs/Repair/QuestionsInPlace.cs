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
        switch (Concerns.Find(text))
        {
            case Concern.AreYouBot: return AreYouBot();
            case Concern.OffTopic when FaqMatcher.Find(text, dc.Centre.Faq) is null: return CannotHandle(dc);
        }
        if (FaqMatcher.Find(text, dc.Centre.Faq) is { } faq) return FaqAnswer.Render(faq);
        var folded = TypedText.Fold(text);
        var topic = Languages.All.Select(l => IntentRecognizer.RulesOnly(folded, l)).FirstOrDefault(i => i != IntentRecognizer.None);
        switch (topic)
        {
            case "opening_hours": return AboutCentre.HoursReply(dc);
            case "address_contact": return AboutCentre.ContactReply(dc);
            case "house_rules": return AboutCentre.RulesFor(dc, text);
        }
        return roomFacts && BookingSlots.FindRoom(dc.Centre.Rooms, text) is { } room ? RoomFacts(room) : null;
    }

    /// <summary>"Czy jesteś człowiekiem?": the centre's automated assistant says so and offers a person, starting nothing.</summary>
    public static Reply AreYouBot() => Reply.WithRow(T.RepairAreYouBot, HandoffDesk.TalkButton);

    /// <summary>One line that MAM does not handle this, and a person to write to.</summary>
    public static Reply CannotHandle(DialogContext dc) =>
        Reply.WithRow(Wording.Format(T.RepairCannotHandle, Wording.ContactChannels(dc.Centre)), HandoffDesk.TalkButton);

    /// <summary>"Kuchnia mieści najwyżej 8 osób. Wyposażenie: …", with the way to book it.</summary>
    public static Reply RoomFacts(Room room)
    {
        var text = Wording.Format(T.RepairRoomHolds, room.Name, Wording.Count(room.Capacity, T.PeopleForms));
        if (!string.IsNullOrWhiteSpace(room.Equipment))
            text += "\n" + Wording.ByTheTeam(Wording.Format(T.RepairRoomEquipment, room.Equipment.Trim()), Language.Current == Languages.Polish);
        return Reply.WithRow(text, new Button(T.MenuBook, BookAtAction.Payload(room.Id, null)));
    }
}
