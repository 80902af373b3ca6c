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
        lines.Add(data.DisplayName is { Length: > 0 } name ? Wording.Format(T.ExportName, name) : T.ExportNoName);
        lines.Add(Wording.Format(T.ExportSince, Wording.DateTime(data.CreatedUtc, zone)));
        lines.Add(Wording.Format(T.ExportLanguage, LanguageActions.NameOf(data.Language)));
        lines.AddRange(data.Channels.Select(c => Wording.Format(T.ExportChannel,
            Wording.ChannelName(c.Channel), Wording.DateTime(c.LastMessageUtc, zone))));
        lines.AddRange(data.Consents.Select(c => ConsentLine(c, Wording.DateTime(c.AtUtc, zone))));
        var kinds = Enum.GetValues<NudgeKind>().ToLookup(resident.Wants, NudgeKindTexts.ButtonWord);
        if (kinds[true].Any()) lines.Add(Wording.Format(T.ExportNotificationsOn, string.Join(", ", kinds[true])));
        if (kinds[false].Any()) lines.Add(Wording.Format(T.ExportNotificationsOff, string.Join(", ", kinds[false])));
        lines.Add(Wording.Format(T.ExportMessages, data.MessagesToYou.Count));
        lines.Add(Wording.Format(T.ExportBookings, data.Bookings.Count));
        var categories = data.EventCategories.Select(c => Enum.TryParse<EventCategory>(c, out var cat) ? EventTexts.Category(cat) : c).ToList();
        lines.Add(Wording.Format(T.ExportEvents, data.EventSignups.Count, data.EventFeedback.Count, categories.Count == 0 ? T.EventAlertsNone : string.Join(", ", categories)));
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

    /// <summary>"• Zgoda na przetwarzanie danych: udzielona (…)", or the house rules accepted, by what was agreed to.</summary>
    public static string ConsentLine(Data.Residents.ExportedConsent consent, string when) =>
        consent.Purpose == Data.Residents.ConsentPurpose.HouseRules
            ? Wording.Format(T.ExportHouseRules, when)
            : Wording.Format(T.ExportConsent, consent.Granted ? T.ExportConsentGranted : T.ExportConsentWithdrawn, when);
}
