using System.Globalization;
using MamBot.Dialogs.Bookings;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Welcome;

namespace MamBot.Dialogs.Repair;

/// <summary>
/// "Zarezerwuj" under an answer about a room or its free times ("bookat:2:2026-11-28"): the booking form opens
/// with that room and day already filled, so the question the resident asked is not asked again.
/// </summary>
public sealed class BookAtAction : IButtonAction
{
    public const string Prefix = "bookat";
    string IButtonAction.Prefix => Prefix;
    public bool LeavesActiveDialog => true;

    public static string Payload(int roomId, DateOnly? day) =>
        $"{Prefix}:{roomId.ToString(CultureInfo.InvariantCulture)}:{day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public async Task HandleAsync(DialogContext dc, string argument, CancellationToken ct)
    {
        if (WelcomeActions.ConsentedOrAsk(dc) is null) return;
        var parts = argument.Split(':');
        var room = int.TryParse(parts[0], CultureInfo.InvariantCulture, out var id) ? dc.Centre.Rooms.FirstOrDefault(r => r.Id == id) : null;
        var day = parts.Length > 1 && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : "";
        await dc.BeginDialogAsync(BookRoomDialog.DialogId, $"{room?.Name} {day}".Trim(), ct);
    }
}
