using MamBot.Data.Bookings;
using MamBot.Data.Centres;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Repair;

/// <summary>
/// "Czy duża sala jest wolna w sobotę?" is a question, not a booking: the free times that day, room by room,
/// and a button per room that opens the booking form with room and day filled.
/// </summary>
public sealed class RoomAvailability(BookingService bookings)
{
    public async Task<Reply> OnDayAsync(DialogContext dc, Room? asked, DateOnly day, CancellationToken ct)
    {
        var rooms = asked is null ? dc.Centre.Rooms.OrderBy(r => r.Id).ToList() : [asked];
        var lines = new List<string>();
        var buttons = new List<Button>();
        foreach (var room in rooms)
        {
            if (await FreeSpansAsync(dc, room, day, ct) is not { } spans)
            {
                lines.Add(Wording.Format(T.RepairRoomBusy, room.NameNow()));
                continue;
            }
            lines.Add(Wording.Format(T.RepairRoomFree, room.NameNow(), spans));
            buttons.Add(new Button(room.NameNow(), BookAtAction.Payload(room.Id, day)));
        }
        var text = Wording.Format(T.RepairFreeOnDay, Wording.Date(day)) + "\n" + string.Join("\n", lines);
        if (buttons.Count == 0) return Reply.Plain(text);
        return new Reply(text + "\n" + T.RepairBookWhich, [.. buttons.Chunk(2).Select(r => (IReadOnlyList<Button>)r)]);
    }

    /// <summary>
    /// "Kiedy kuchnia jest wolna w weekend?": one room's free times over a few days, at most four days that have
    /// any, with a button per day that opens the booking form with room and day filled.
    /// </summary>
    public async Task<Reply> OnDaysAsync(DialogContext dc, Room room, IEnumerable<DateOnly> days, CancellationToken ct)
    {
        var lines = new List<string>();
        var buttons = new List<Button>();
        foreach (var day in days)
        {
            if (await FreeSpansAsync(dc, room, day, ct) is not { } spans) continue;
            lines.Add(Wording.Format(T.RepairRoomFree, Wording.Capitalised(Wording.Date(day)), spans));
            buttons.Add(new Button(Wording.DayName(day.DayOfWeek) + " " + day.ToString("dd.MM", Wording.Culture), BookAtAction.Payload(room.Id, day)));
            if (lines.Count == 4) break;
        }
        if (lines.Count == 0) return Reply.Plain(Wording.Format(T.RepairNoFreeDays, room.NameNow()));
        var text = Wording.Format(T.RepairFreeDaysIn, room.NameNow()) + "\n" + string.Join("\n", lines) + "\n" + T.RepairBookWhichDay;
        return new Reply(text, [.. buttons.Chunk(2).Select(r => (IReadOnlyList<Button>)r)]);
    }

    /// <summary>A room's free time on a day as "10:00–14:00, 18:00–21:00"; null when nothing is free.</summary>
    private async Task<string?> FreeSpansAsync(DialogContext dc, Room room, DateOnly day, CancellationToken ct)
    {
        var starts = await bookings.FreeStartsAsync(room.Id, day, TimeSpan.FromMinutes(room.MinMinutes), ct);
        if (starts.Count == 0) return null;
        var local = starts.Select(s => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(s, dc.TimeZone))).ToList();
        return string.Join(", ", Spans(local, room.MinMinutes));
    }

    /// <summary>Free starts as spans of time ("10:00–14:00"): a run of starts close together is one span.</summary>
    private static IEnumerable<string> Spans(List<TimeOnly> starts, int minMinutes)
    {
        var from = starts[0];
        var last = starts[0];
        foreach (var start in starts.Skip(1))
        {
            if ((start - last).TotalMinutes > 30)
            {
                yield return $"{Wording.Time(from)}–{Wording.Time(last.AddMinutes(minMinutes))}";
                from = start;
            }
            last = start;
        }
        yield return $"{Wording.Time(from)}–{Wording.Time(last.AddMinutes(minMinutes))}";
    }
}
