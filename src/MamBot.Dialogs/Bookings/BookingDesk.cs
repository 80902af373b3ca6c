using MamBot.Data;
using MamBot.Data.Bookings;
using MamBot.Data.Centres;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Staff;
using MamBot.Dialogs.Texts;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Bookings;

/// <summary>The team's decisions a resident is told about.</summary>
public enum BookingNotice { Approved, Rejected, Cancelled }

/// <summary>
/// Booking operations with everything that follows them: reminders, the resident hearing staff decisions,
/// staff hearing about bookings that wait for them. The chat and the admin panel both come through here.
/// </summary>
public sealed class BookingDesk(BookingService bookings, OutboxStore outbox, ResidentService residents, MamDbContext db, ReminderPromise promise,
    RecipientLanguage recipients, TimeProvider time)
{
    public static readonly TimeSpan SoonBefore = TimeSpan.FromHours(2);

    public async Task<BookingAttempt> RequestAsync(NewBooking request, CancellationToken ct)
    {
        var attempt = await bookings.RequestAsync(request, ct);
        if (attempt.Booking is { } booking)
        {
            if (booking.Status == BookingStatus.Confirmed) await ScheduleRemindersAsync(booking, ct);
            else await TellStaffAsync(booking, ct);
        }
        return attempt;
    }

    /// <summary>A booking made by the team: confirmed, no resident to remind or tell.</summary>
    public Task<BookingAttempt> BookForStaffAsync(StaffBooking request, CancellationToken ct) => bookings.BookForStaffAsync(request, ct);

    public async Task<Booking?> ApproveAsync(int bookingId, string? note, CancellationToken ct)
    {
        var booking = await bookings.ApproveAsync(bookingId, note, ct);
        if (booking is null) return null;
        await ScheduleRemindersAsync(booking, ct);
        var resident = booking.ResidentId is { } id ? await residents.FindAsync(id, ct) : null;
        await TellResidentAsync(booking, "decision", async when => Wording.Format(T.BookingApproved, when, await PromiseAsync(booking, resident, ct)), ct);
        return booking;
    }

    public async Task<Booking?> RejectAsync(int bookingId, string? note, CancellationToken ct)
    {
        var booking = await bookings.RejectAsync(bookingId, note, ct);
        if (booking is null) return null;
        await TellResidentAsync(booking, "decision", when => Task.FromResult(Wording.Format(T.BookingRejected, when,
            string.IsNullOrWhiteSpace(note) ? "" : Wording.Format(T.BookingReason, note.Trim()))), ct);
        return booking;
    }

    /// <summary>
    /// What the resident would read if the team approved, rejected (with the note) or cancelled now, in their own
    /// language, for the panel to show before it asks "are you sure"; null when nobody would be told.
    /// </summary>
    public async Task<ResidentNotice?> NoticePreviewAsync(int bookingId, BookingNotice notice, string? note, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking?.ResidentId is null) return null;
        var (room, centre) = await RoomAsync(booking, ct);
        var language = await recipients.OfAsync(booking.ResidentId, ct);
        using var speaking = Language.Use(language);
        var when = When(booking, room, centre.TimeZone);
        return new((notice switch
        {
            BookingNotice.Approved => Wording.Format(T.BookingApproved, when, ""),
            BookingNotice.Rejected => Wording.Format(T.BookingRejected, when,
                string.IsNullOrWhiteSpace(note) ? "" : Wording.Format(T.BookingReason, note.Trim())),
            _ => Wording.Format(T.BookingCancelledByStaff, when, Wording.ContactChannels(centre)),
        }).TrimEnd(), language);
    }

    /// <summary>Cancels; the resident's own cancellation needs no message, staff's is explained to them.</summary>
    public async Task<Booking?> CancelAsync(int bookingId, Guid? byResident, CancellationToken ct)
    {
        var booking = await bookings.CancelAsync(bookingId, byResident, ct);
        if (booking is null) return null;
        await outbox.SkipQueuedAsync(ReminderKeyPrefix(booking.Id), OutboxReasons.BookingCancelled, ct);
        if (byResident is null)
        {
            var (_, centre) = await RoomAsync(booking, ct);
            await TellResidentAsync(booking, "cancelled",
                when => Task.FromResult(Wording.Format(T.BookingCancelledByStaff, when, Wording.ContactChannels(centre))), ct);
        }
        return booking;
    }

    public async Task<BookingAttempt> MoveAsync(int bookingId, DateTime startUtc, DateTime endUtc, CancellationToken ct)
    {
        var attempt = await bookings.MoveAsync(bookingId, startUtc, endUtc, ct);
        if (attempt.Booking is not { } booking) return attempt;
        await outbox.SkipQueuedAsync(ReminderKeyPrefix(booking.Id), OutboxReasons.BookingMoved, ct);
        await TellResidentAsync(booking, $"moved:{booking.StartUtc:yyyyMMddHHmm}", when => Task.FromResult(Wording.Format(T.BookingMoved, when)), ct);
        if (booking.Status == BookingStatus.Confirmed) await ScheduleRemindersAsync(booking, ct);
        return attempt;
    }

    /// <summary>The day before at the same wall-clock time (right across a clock change), and two hours before.</summary>
    private async Task ScheduleRemindersAsync(Booking booking, CancellationToken ct)
    {
        if (booking.ResidentId is null) return;
        var (_, centre) = await RoomAsync(booking, ct);
        var dayBeforeUtc = NudgeTiming.DayBefore(booking.StartUtc, centre.TimeZone);
        var now = time.GetUtcNow().UtcDateTime;

        foreach (var (name, dueUtc) in new[] { ("day", dayBeforeUtc), ("soon", booking.StartUtc - SoonBefore) })
        {
            if (dueUtc <= now) continue; // booked too late for this one
            await outbox.EnqueueAsync(new OutboxMessage
            {
                // The start is in the key: a moved booking gets new reminders, the old ones are skipped.
                IdempotencyKey = $"{ReminderKeyPrefix(booking.Id)}{name}:{booking.StartUtc:yyyyMMddHHmm}",
                Kind = OutboxKind.Reminder,
                ResidentId = booking.ResidentId,
                DueUtc = dueUtc,
                // Composed when it goes, in the resident's language then.
                Body = BookingReminderRecipe.Queued(booking.Id, name).ToJson(),
            }, ct);
        }
    }

    /// <summary>News about the resident's booking, written in their language (staff decide in Polish in the panel).</summary>
    /// <param name="text">The message, given the booking's "when".</param>
    private async Task TellResidentAsync(Booking booking, string what, Func<string, Task<string>> text, CancellationToken ct)
    {
        if (booking.ResidentId is null) return;
        var (room, centre) = await RoomAsync(booking, ct);
        using var speaking = Language.Use(await recipients.OfAsync(booking.ResidentId, ct));
        var body = Reply.Plain((await text(When(booking, room, centre.TimeZone))).TrimEnd()).ToJson();
        await outbox.EnqueueAsync(new OutboxMessage
        {
            IdempotencyKey = $"booking:{booking.Id}:{what}",
            Kind = OutboxKind.AccountUpdate,
            ResidentId = booking.ResidentId,
            Body = body,
        }, ct);
    }

    private async Task TellStaffAsync(Booking booking, CancellationToken ct)
    {
        var (room, centre) = await RoomAsync(booking, ct);
        await outbox.QueueForTeamAsync(centre, $"booking:{booking.Id}:staff", () => Reply.WithRow(Wording.Format(T.StaffNewPending,
                When(booking, room, centre.TimeZone), booking.ContactName, Wording.Count(booking.People, T.PeopleForms), booking.Purpose),
            StaffChatActions.Approve(booking.Id), StaffChatActions.Reject(booking.Id)), ct);
    }

    /// <summary>
    /// Before an erasure: the resident's upcoming bookings are cancelled so the rooms are free, and the team hears
    /// which times came free, without who had them.
    /// </summary>
    public async Task CancelUpcomingForErasureAsync(Guid residentId, CancellationToken ct)
    {
        foreach (var upcoming in await bookings.UpcomingAsync(residentId, ct))
        {
            if (await bookings.CancelAsync(upcoming.Id, residentId, ct) is not { } cancelled) continue;
            var (room, centre) = await RoomAsync(cancelled, ct);
            await outbox.QueueForTeamAsync(centre, $"booking:{cancelled.Id}:freed-by-erasure",
                () => Reply.Plain(Wording.Format(T.StaffBookingFreedByErasure, When(cancelled, room, centre.TimeZone))), ct);
        }
    }

    /// <summary>The reminders queued for this booking, as the confirmation may promise them.</summary>
    public Task<string> PromiseAsync(Booking booking, Resident? resident, CancellationToken ct) =>
        promise.ForAsync(ReminderKeyPrefix(booking.Id), resident, ct);

    public static string When(Booking booking, Room room, TimeZoneInfo zone)
    {
        var start = TimeZoneInfo.ConvertTimeFromUtc(booking.StartUtc, zone);
        var end = TimeZoneInfo.ConvertTimeFromUtc(booking.EndUtc, zone);
        return Wording.Format(T.BookingWhen, Wording.Date(DateOnly.FromDateTime(start)), Wording.Time(TimeOnly.FromDateTime(start)), Wording.Time(TimeOnly.FromDateTime(end)), room.NameNow());
    }

    private static string ReminderKeyPrefix(int bookingId) => $"booking:{bookingId}:remind:";

    private Task<(Room Room, Centre Centre)> RoomAsync(Booking booking, CancellationToken ct) => RoomAsync(db, booking, ct);

    /// <summary>The booking's room and its centre, read only.</summary>
    internal static async Task<(Room Room, Centre Centre)> RoomAsync(MamDbContext db, Booking booking, CancellationToken ct)
    {
        var room = await db.Rooms.AsNoTracking().FirstAsync(r => r.Id == booking.RoomId, ct);
        var centre = await db.Centres.AsNoTracking().FirstAsync(c => c.Id == room.CentreId, ct);
        return (room, centre);
    }
}
