using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Events;

namespace MamBot.Dialogs.Settings;

/// <summary>A resident's RODO requests, whether asked in the chat or at the centre's desk: the data file and erasure.</summary>
public sealed class PrivacyDesk(ResidentDataExport export, ResidentErasure erasure, EventDesk events, Bookings.BookingDesk bookings)
{
    private static readonly JsonSerializerOptions FileJson = new()
    {
        WriteIndented = true,
        // Keep Polish letters readable in the file instead of \u0119 escapes.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public Task<ResidentExport?> ExportAsync(Guid residentId, CancellationToken ct) => export.ExportAsync(residentId, ct);

    /// <summary>Everything held about the resident as an indented UTF-8 JSON file, message texts instead of our reply format.</summary>
    public static byte[] FileOf(ResidentExport data) => JsonSerializer.SerializeToUtf8Bytes(
        data with
        {
            MessagesToYou = [.. data.MessagesToYou.Select(m => m with { Body = DataExportFile.TextOf(m.Body) })],
            TeamNotices = [.. data.TeamNotices.Select(m => m with { Body = Reply.FromJson(m.Body).Text })],
        }, FileJson);

    /// <summary>
    /// Gives up upcoming event places first (the waiting lists move up and are told) and cancels upcoming bookings
    /// (the rooms come free, the team is told without a name), then erases the resident.
    /// </summary>
    public async Task<bool> EraseAsync(Guid residentId, CancellationToken ct)
    {
        await events.WithdrawAllAsync(residentId, ct);
        await bookings.CancelUpcomingForErasureAsync(residentId, ct);
        return await erasure.EraseAsync(residentId, ct);
    }
}
