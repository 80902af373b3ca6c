using System.Globalization;
using MamBot.Data;
using MamBot.Data.Bookings;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Bookings;

/// <summary>"Jutro masz rezerwację …" and "Za dwie godziny …", with the key pick-up, as the booking stands when it goes.</summary>
public sealed class BookingReminderRecipe(MamDbContext db) : IMessageRecipe
{
    public const string Name = "booking-reminder";
    string IMessageRecipe.Name => Name;

    /// <summary>Queued with the template it will carry (its facts come when composed), so a promise can count on it.</summary>
    public static Reply Queued(int bookingId, string when) =>
        Reply.ComposedLater(Name, ("booking", bookingId), ("when", when)) with { Utility = UtilityTemplates.BookingReminder.Promised() };

    public async Task<Reply?> ComposeAsync(IReadOnlyDictionary<string, string> inputs, Resident resident, CancellationToken ct)
    {
        var id = int.Parse(inputs["booking"], CultureInfo.InvariantCulture);
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.Status == BookingStatus.Confirmed, ct);
        if (booking is null) return null;
        var (room, centre) = await BookingDesk.RoomAsync(db, booking, ct);
        var when = BookingDesk.When(booking, room, centre.TimeZone);
        var template = inputs["when"] == "day" ? T.BookingReminderDayBefore : T.BookingReminderSoon;
        return Reply.Plain(Wording.Format(template, when, centre.KeyPickupNow()).TrimEnd())
            with { Utility = UtilityTemplates.BookingReminder.With(when) };
    }
}
