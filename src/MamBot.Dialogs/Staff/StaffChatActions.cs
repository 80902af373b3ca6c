using MamBot.Data.Bookings;
using MamBot.Data.Ideas;
using MamBot.Dialogs.Bookings;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Handoffs;
using MamBot.Dialogs.Ideas;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Staff;

/// <summary>
/// Buttons under the messages the staff chat gets ("staff:approve:12", "staff:reject:12", "staff:publish:7",
/// "staff:talk:7"), and answers to a resident typed as a reply to one of the bot's handoff notices in the staff chat
/// ("staff:reply:812", the notice's platform message id, made by the channel). They work only from the centre's
/// staff chat; elsewhere nothing changes.
/// </summary>
public sealed class StaffChatActions(BookingDesk bookings, IdeaDesk ideas, HandoffDesk handoffs) : IButtonAction
{
    /// <summary>What the channel makes of a staff member's reply to the bot's own message <paramref name="messageId"/>.</summary>
    public static string ReplyTo(long messageId) =>
        "staff:reply:" + messageId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Prefix => "staff";

    public bool LeavesActiveDialog => false;

    public static Button Approve(int bookingId) => new(T.ButtonStaffApprove, $"staff:approve:{bookingId}");
    public static Button Reject(int bookingId) => new(T.ButtonStaffReject, $"staff:reject:{bookingId}");
    public static Button Publish(int ideaId) => new(T.ButtonStaffPublish, $"staff:publish:{ideaId}");
    public static Button Talk(int ideaId) => new(T.ButtonStaffInTalks, $"staff:talk:{ideaId}");

    public async Task HandleAsync(DialogContext dc, string argument, CancellationToken ct)
    {
        var centre = dc.Centre;
        // Web chat ids are chosen by the browser, so a web chat can never prove it is the staff chat.
        if (dc.Activity.Channel == ChannelNames.WebChat || dc.Activity.Channel != centre.StaffChannel || dc.Activity.ChatId != centre.StaffChatId)
        {
            dc.Say(T.StaffChatOnly);
            return;
        }
        var parts = argument.Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            dc.Say(T.StaleButton);
            return;
        }
        if (parts[0] == "reply")
        {
            await AnswerAsync(dc, parts[1], ct);
            return;
        }
        var id = (int)Math.Clamp(number, int.MinValue, int.MaxValue);
        dc.Say(parts[0] switch
        {
            "approve" => await bookings.ApproveAsync(id, null, ct) is { } b ? Wording.Format(T.StaffApprovedInChat, Describe(b, dc)) : T.StaffAlreadyDecided,
            "reject" => await bookings.RejectAsync(id, null, ct) is { } b ? Wording.Format(T.StaffRejectedInChat, Describe(b, dc)) : T.StaffAlreadyDecided,
            "publish" => await ideas.ChangeStatusAsync(id, IdeaStatus.Published, null, ct) is { } i ? Wording.Format(T.StaffIdeaPublishedInChat, i.Title) : T.StaffAlreadyDecided,
            "talk" => await ideas.ChangeStatusAsync(id, IdeaStatus.InTalks, null, ct) is { } i ? Wording.Format(T.StaffIdeaInTalksInChat, i.Title) : T.StaffAlreadyDecided,
            _ => T.StaleButton,
        });
    }

    private async Task AnswerAsync(DialogContext dc, string noticeId, CancellationToken ct)
    {
        // A reply to another of our messages (a booking's notice) is the team talking among themselves: no answer.
        if (await handoffs.NoticedAsAsync(dc.Activity.Channel, dc.Activity.ChatId, noticeId, ct) is not { } handoffId) return;
        var sent = await handoffs.ReplyAsync(handoffId, dc.Activity.SenderName ?? T.StaffUnnamed, dc.Text ?? "", ct);
        if (sent is not null) dc.Forward(sent);
        dc.Say(sent is not null ? T.StaffAnswerSent : T.StaffAnswerTooLate);
    }

    private static string Describe(Booking booking, DialogContext dc) =>
        dc.Centre.Rooms.FirstOrDefault(r => r.Id == booking.RoomId) is { } room ? BookingDesk.When(booking, room, dc.TimeZone) : booking.Purpose;
}
