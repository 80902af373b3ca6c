using System.Text;
using MamBot.Data.Bookings;
using MamBot.Data.Events;
using MamBot.Data.Ideas;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Events;
using MamBot.Dialogs.Ideas;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Settings;

/// <summary>
/// "Moje dane" as a file a resident can read: Polish headings and words (no "Seniors", "Withdrawn"), times in
/// the centre's zone. The same record stays available as a machine-readable file for moving it elsewhere.
/// </summary>
public static class DataExportFile
{
    public static ReplyFile Readable(ResidentExport data, string centreName, TimeZoneInfo zone, DateTime nowUtc)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        void Section(string title, IEnumerable<string> items)
        {
            var list = items.ToList();
            Line();
            Line(title);
            if (list.Count == 0) Line("• " + T.ExportFileNothing);
            foreach (var item in list) Line("• " + item.TrimStart('•', ' '));
        }
        string When(DateTime utc) => Wording.DateTime(utc, zone);

        Line(Wording.Format(T.ExportFileTitle, centreName));
        Line(Wording.Format(T.ExportFileAsOf, When(nowUtc)));
        Line();
        Line((data.DisplayName is { Length: > 0 } name ? Wording.Format(T.ExportName, name) : T.ExportNoName).TrimStart('•', ' '));
        Line(Wording.Format(T.ExportSince, When(data.CreatedUtc)).TrimStart('•', ' '));
        Line(Wording.Format(T.ExportLanguage, LanguageActions.NameOf(data.Language)).TrimStart('•', ' '));
        Section(T.ExportFileChats, data.Channels.Select(c => Wording.Format(T.ExportChannel, Wording.ChannelName(c.Channel), When(c.LastMessageUtc))));
        Section(T.ExportFileConsents, data.Consents.Select(c => DataExportReply.ConsentLine(c, When(c.AtUtc))));
        Section(T.ExportFileNotifications, data.Notifications.Select(n => (Kind: Enum.Parse<NudgeKind>(n.Key), On: n.Value))
            .Select(n => $"{NudgeKindTexts.Described(n.Kind)}: {(n.On ? T.ExportFileOn : T.ExportFileOff)}"));
        Section(T.ExportFileBookings, data.Bookings.Select(b => Wording.Format(T.ExportFileBooking,
            When(b.StartUtc), Wording.Time(b.EndUtc, zone), b.Room,
            BookingStatusName(b.Status), b.Purpose, b.People, b.ContactName, b.Phone ?? T.BookNoPhone)));
        Section(T.ExportFileSignups, data.EventSignups.Select(s => Wording.Format(T.ExportFileSignup, s.Event, When(s.StartUtc), SignupStatusName(s.Status))));
        Section(T.ExportFileFeedback, data.EventFeedback.Select(f => Wording.Format(T.ExportFileRating, f.Event,
            f.Missed ? T.ExportFileMissed : f.Rating?.ToString(Wording.Culture) ?? "–",
            string.IsNullOrWhiteSpace(f.Comment) ? "" : Wording.Format(T.ExportFileComment, f.Comment))));
        Section(T.ExportFileCategories, data.EventCategories.Select(c => Enum.TryParse<EventCategory>(c, out var cat) ? EventTexts.Category(cat) : c));
        Section(T.ExportFileIdeas, data.Ideas.Select(i => Wording.Format(T.ExportFileIdea, i.Title, IdeaDesk.StatusName(Enum.Parse<IdeaStatus>(i.Status)),
            When(i.CreatedUtc), i.Description)));
        Section(T.ExportFileSupported, data.IdeasSupported.Select(s => Wording.Format(
            s.Kind == nameof(SupportKind.Help) ? T.ExportFileHelp : T.ExportFileSupport, s.Idea, s.HowToHelp ?? "")));
        Section(T.ExportFileSurveys, data.Surveys.Select(s => s.Anonymous
            ? Wording.Format(T.ExportFileSurveyAnonymous, s.Survey)
            : Wording.Format(T.ExportFileSurveyNamed, s.Survey, string.Join("; ", s.Answers.Select(a => $"{a.Question} {a.Text ?? a.Number?.ToString(Wording.Culture) ?? a.Choices}")))));
        Section(T.ExportFileDrafts, data.SurveyDrafts.Select(d => Wording.Format(T.ExportFileDraft, d.Survey, When(d.UpdatedUtc))));
        Section(T.ExportFileTeamNotices, data.TeamNotices.Select(m => Wording.Format(T.ExportFileMessage,
            When(m.DoneUtc ?? m.CreatedUtc), MessageStatusName(m.Status), TextOf(m.Body).ReplaceLineEndings(" "))));
        Section(T.ExportFileTalks, data.TalksWithTeam.Select(m => Wording.Format(T.ExportFileTalk,
            When(m.AtUtc), m.From ?? T.ExportFileYou, m.Text.ReplaceLineEndings(" "))));
        Section(T.ExportFileFromYou, data.MessagesFromYou.Select(m => Wording.Format(T.ExportFileRaw, Wording.ChannelName(m.Channel), When(m.AtUtc))));
        Section(Wording.Format(T.ExportFileMessages, data.MessagesToYou.Count), data.MessagesToYou.Select(m => Wording.Format(T.ExportFileMessage,
            When(m.DoneUtc ?? m.CreatedUtc), MessageStatusName(m.Status), TextOf(m.Body).ReplaceLineEndings(" "))));
        return new ReplyFile(T.ExportReadableFileName, "text/plain", Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static string BookingStatusName(string status) => Enum.Parse<BookingStatus>(status) switch
    {
        BookingStatus.Pending => T.ExportBookingPending,
        BookingStatus.Confirmed => T.ExportBookingConfirmed,
        BookingStatus.Rejected => T.ExportBookingRejected,
        _ => T.ExportBookingCancelled,
    };

    private static string SignupStatusName(string status) => Enum.Parse<SignupStatus>(status) switch
    {
        SignupStatus.Going => T.ExportSignupGoing,
        SignupStatus.Waiting => T.ExportSignupWaiting,
        _ => T.ExportSignupWithdrawn,
    };

    /// <summary>A message's words; a reminder still waiting is composed only when it goes.</summary>
    public static string TextOf(string body) =>
        Reply.FromJson(body) is { Later: null } reply ? reply.Text : T.ExportMessageComposedLater;

    private static string MessageStatusName(string status) => Enum.Parse<OutboxStatus>(status) switch
    {
        OutboxStatus.Sent => T.ExportMessageSent,
        OutboxStatus.Skipped => T.ExportMessageSkipped,
        OutboxStatus.Failed => T.ExportMessageFailed,
        OutboxStatus.Unknown => T.ExportMessageUnknown,
        _ => T.ExportMessageWaiting,
    };
}
