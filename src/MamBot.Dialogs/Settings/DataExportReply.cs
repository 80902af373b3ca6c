using MamBot.Data.Events;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Events;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Settings;

/// <summary>"Moje dane": a short readable summary and the full record as a JSON file.</summary>
public sealed class DataExportReply(PrivacyDesk privacy)
{
    public async Task<Reply> BuildAsync(DialogContext dc, Resident resident, CancellationToken ct)
    {
        var data = await privacy.ExportAsync(resident.Id, ct) ?? throw new InvalidOperationException("Resident vanished during export.");
        var zone = dc.TimeZone;

        var lines = new List<string> { T.ExportIntro };
        lines.Add(data.DisplayName is { Length: > 0 } name ? Polish.Format(T.ExportName, name) : T.ExportNoName);
        lines.Add(Polish.Format(T.ExportSince, Polish.DateTime(data.CreatedUtc, zone)));
        lines.AddRange(data.Channels.Select(c => Polish.Format(T.ExportChannel,
            Polish.ChannelName(c.Channel), Polish.DateTime(c.LastMessageUtc, zone))));
        lines.AddRange(data.Consents.Select(c => Polish.Format(T.ExportConsent,
            c.Granted ? T.ExportConsentGranted : T.ExportConsentWithdrawn, Polish.DateTime(c.AtUtc, zone))));
        var kinds = Enum.GetValues<NudgeKind>().ToLookup(resident.Wants, NudgeKindTexts.ButtonWord);
        if (kinds[true].Any()) lines.Add(Polish.Format(T.ExportNotificationsOn, string.Join(", ", kinds[true])));
        if (kinds[false].Any()) lines.Add(Polish.Format(T.ExportNotificationsOff, string.Join(", ", kinds[false])));
        lines.Add(Polish.Format(T.ExportMessages, data.MessagesToYou.Count));
        lines.Add(Polish.Format(T.ExportBookings, data.Bookings.Count));
        var categories = data.EventCategories.Select(c => Enum.TryParse<EventCategory>(c, out var cat) ? EventTexts.Category(cat) : c).ToList();
        lines.Add(Polish.Format(T.ExportEvents, data.EventSignups.Count, data.EventFeedback.Count, categories.Count == 0 ? T.EventAlertsNone : string.Join(", ", categories)));
        lines.Add("");
        lines.Add(T.ExportFileNote);

        return new Reply(string.Join("\n", lines), [[new(T.ButtonExportMachine, "settings:export:file"), new(T.ButtonMenu, "menu:main")]],
            DataExportFile.Readable(data, dc.Centre.Name, zone, dc.Now.UtcDateTime));
    }

    /// <summary>The same record for moving it to another service (RODO art. 20): the machine-readable file.</summary>
    public async Task<Reply> MachineReadableAsync(Resident resident, CancellationToken ct)
    {
        var data = await privacy.ExportAsync(resident.Id, ct) ?? throw new InvalidOperationException("Resident vanished during export.");
        return new Reply(T.ExportMachineIntro, [[new(T.ButtonMenu, "menu:main")]], new ReplyFile(T.ExportFileName, "application/json", PrivacyDesk.FileOf(data)));
    }
}
