using System.Globalization;
using MamBot.Data;
using MamBot.Data.Bookings;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Welcome;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Bookings;

/// <summary>"Moje rezerwacje" ("bookings:…"): the upcoming ones, cancelling (asked once more), a calendar file.</summary>
public sealed class MyBookings(BookingService bookings, MamDbContext db) : IButtonAction
{
    public string Prefix => "bookings";
    public bool LeavesActiveDialog => true;

    public async Task HandleAsync(DialogContext dc, string argument, CancellationToken ct)
    {
        if (WelcomeActions.ConsentedOrAsk(dc) is not { } resident) return;
        var parts = argument.Split(':');
        var id = parts.Length == 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var n) ? n : 0;
        var mine = await bookings.UpcomingAsync(resident.Id, ct);
        var booking = mine.FirstOrDefault(b => b.Id == id);

        switch (parts[0])
        {
            case "cancel" when booking is not null:
                await dc.BeginDialogAsync(CancelBookingDialog.DialogId, id.ToString(CultureInfo.InvariantCulture), ct);
                break;
            case "ics" when await CalendarOfAsync(dc, resident.Id, id, ct) is { } file:
                dc.Say(file);
                break;
            case "cancel" or "ics":
                dc.Say(T.BookingGone);
                await ListAsync(dc, mine, ct);
                break;
            default:
                await ListAsync(dc, mine, ct);
                break;
        }
    }

    /// <summary>
    /// "odwołaj moją rezerwację na niedzielę", "scrap my reservation for sunday": when the day (or the room) points
    /// at one upcoming booking, or there is only one, cancelling it is asked at once; otherwise the list.
    /// </summary>
    public async Task CancelBySentenceAsync(DialogContext dc, Understanding.Understood understood, CancellationToken ct)
    {
        if (WelcomeActions.ConsentedOrAsk(dc) is not { } resident) return;
        var mine = await bookings.UpcomingAsync(resident.Id, ct);
        var meant = Like(dc, mine, understood);
        if (meant.Count == 1)
            await dc.BeginDialogAsync(CancelBookingDialog.DialogId, meant[0].Id.ToString(CultureInfo.InvariantCulture), ct);
        else await ListAsync(dc, mine, ct);
    }

    /// <summary>Whether the resident has an upcoming booking on the day (and in the room) the sentence names.</summary>
    public async Task<bool> HasOneLikeAsync(DialogContext dc, Understanding.Understood understood, CancellationToken ct) =>
        dc.Resident is { HasConsented: true } resident && (understood.Date is not null || understood.Room is not null)
        && Like(dc, await bookings.UpcomingAsync(resident.Id, ct), understood).Count > 0;

    private static List<Booking> Like(DialogContext dc, IEnumerable<Booking> mine, Understanding.Understood understood) =>
    [
        .. mine.Where(b =>
            (understood.Date is not { } day || DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(b.StartUtc, dc.TimeZone)) == day)
            && (understood.Room is not { } room || dc.Centre.Rooms.FirstOrDefault(r => r.Id == b.RoomId)?.Name == room)),
    ];

    /// <summary>
    /// The resident's own booking as a calendar file: tentative while staff decide, confirmed, or (cancelled or
    /// refused, still ahead) a cancelling file that takes it off the phone's calendar.
    /// </summary>
    private async Task<Reply?> CalendarOfAsync(DialogContext dc, Guid residentId, int id, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.ResidentId == residentId, ct);
        if (booking is null || booking.EndUtc <= dc.Now.UtcDateTime) return null;
        var room = await db.Rooms.AsNoTracking().FirstAsync(r => r.Id == booking.RoomId, ct);
        var state = booking.Status switch
        {
            BookingStatus.Pending => CalendarState.Tentative,
            BookingStatus.Confirmed => CalendarState.Confirmed,
            _ => CalendarState.Cancelled,
        };
        var entry = new CalendarEntry($"booking-{booking.Id}@mambot", booking.CalendarSequence, state, $"{room.NameNow()} – {dc.Centre.Name}",
            dc.Centre.Address, booking.Purpose, booking.StartUtc, booking.EndUtc);
        return CalendarFile.Offer($"mam-rezerwacja-{booking.Id}.ics", BookingDesk.When(booking, room, dc.TimeZone), entry, dc.TimeZone, dc.Now.UtcDateTime);
    }

    private async Task ListAsync(DialogContext dc, IReadOnlyList<Booking> mine, CancellationToken ct)
    {
        if (mine.Count == 0)
        {
            dc.Say(Reply.WithRow(T.MyBookingsNone, new(T.MenuBook, "menu:book"), new(T.ButtonMenu, "menu:main")));
            return;
        }
        var rooms = await db.Rooms.AsNoTracking().ToDictionaryAsync(r => r.Id, ct);
        var lines = mine.Select(b => "• " + BookingDesk.When(b, rooms[b.RoomId], dc.TimeZone) + (b.Status == BookingStatus.Pending ? T.MyBookingsPending : ""));
        var rows = mine.Take(5).Select(b =>
        {
            var shortWhen = TimeZoneInfo.ConvertTimeFromUtc(b.StartUtc, dc.TimeZone).ToString("dd.MM HH:mm", CultureInfo.InvariantCulture);
            return (IReadOnlyList<Button>)[new(Wording.Format(T.ButtonCancelBooking, shortWhen), $"bookings:cancel:{b.Id}"), new(Wording.Format(T.ButtonCalendar, shortWhen), $"bookings:ics:{b.Id}")];
        }).ToList();
        rows.Add([new(T.ButtonMenu, "menu:main")]);
        dc.Say(new Reply(Wording.Format(T.MyBookingsList, string.Join("\n", lines)), rows));
    }
}

/// <summary>Cancelling asks once more; only "yes" to this question cancels this booking.</summary>
public sealed class CancelBookingDialog(BookingDesk desk, MamDbContext db) : Dialog
{
    public const string DialogId = "bookings.cancel";
    public override string Id => DialogId;

    public override async Task BeginAsync(DialogContext dc, string? argument, CancellationToken ct)
    {
        dc.ActiveFrame!.Values["booking"] = argument!;
        await AskAsync(dc, ct);
    }

    public override Task ContinueAsync(DialogContext dc, CancellationToken ct) => AskAsync(dc, ct);
    public override Task RepromptAsync(DialogContext dc, CancellationToken ct) => AskAsync(dc, ct);

    public override async Task ResumeAsync(DialogContext dc, string? result, CancellationToken ct)
    {
        var id = int.Parse(dc.ActiveFrame!.Values["booking"], CultureInfo.InvariantCulture);
        await dc.EndDialogAsync(null, ct);
        if (result != "yes")
        {
            dc.Say(Reply.WithRow(T.BookingNotCancelled, new(T.ButtonMyBookings, "bookings:"), new(T.ButtonMenu, "menu:main")));
            return;
        }
        var cancelled = await desk.CancelAsync(id, dc.Resident?.Id, ct);
        dc.Say(cancelled is null
            ? Reply.WithRow(T.BookingGone, new(T.ButtonMyBookings, "bookings:"), new(T.ButtonMenu, "menu:main"))
            : Reply.WithRow(Wording.Format(T.BookingCancelled, await WhenAsync(dc, cancelled, ct)),
                new(T.ButtonRemoveFromCalendar, $"bookings:ics:{cancelled.Id}"), new(T.ButtonMyBookings, "bookings:"), new(T.ButtonMenu, "menu:main")));
    }

    private async Task AskAsync(DialogContext dc, CancellationToken ct)
    {
        var id = int.Parse(dc.ActiveFrame!.Values["booking"], CultureInfo.InvariantCulture);
        var booking = await db.Bookings.AsNoTracking().FirstAsync(b => b.Id == id, ct);
        await ChoicePrompt.AskAsync(dc, Wording.Format(T.CancelBookingQuestion, await WhenAsync(dc, booking, ct)),
            ChoicePrompt.YesNo(T.ButtonCancelYes, T.ButtonCancelNo), ct);
    }

    private async Task<string> WhenAsync(DialogContext dc, Booking booking, CancellationToken ct) =>
        BookingDesk.When(booking, await db.Rooms.AsNoTracking().FirstAsync(r => r.Id == booking.RoomId, ct), dc.TimeZone);
}
