using MamBot.Data.Bookings;
using MamBot.Data.Centres;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Menu;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;
using static MamBot.Dialogs.Bookings.BookingSlots;

namespace MamBot.Dialogs.Bookings;

/// <summary>
/// "Zarezerwuj salę" as a form: room → day → start → length → purpose → people → name → phone → house rules →
/// summary. One sentence ("małą salę w piątek od 17 do 19 dla 8 osób") fills several slots; every slot can be
/// answered with a button or in words, "Wstecz" goes back, /anuluj stops.
/// </summary>
public sealed class BookRoomDialog(BookingService bookings, BookingDesk desk) : FormDialog
{
    public const string DialogId = "bookings.book";
    private static readonly int[] LengthChoices = [60, 90, 120, 180, 240];
    public override string Id => DialogId;

    protected override IReadOnlyList<FormSlot> Slots =>
    [
        FormSlot.Of("room", AskRoom, ParseRoom),
        new("day", AskDayAsync, ParseDayAsync),
        new("start", AskStartAsync, ParseStartAsync),
        new("length", AskLengthAsync, ParseLengthAsync),
        FormSlot.Of("purpose", _ => Reply.Plain(T.BookAskPurpose), (_, t) => t.Length is >= 3 and <= 200 ? SlotValue.Ok(t) : SlotValue.Invalid(T.BookPurposeBad)),
        FormSlot.Of("people", AskPeople, ParsePeople),
        FormSlot.Of("name", AskName, (_, t) => t.Length is >= 2 and <= 60 ? SlotValue.Ok(t) : SlotValue.Invalid(T.BookNameBad)),
        FormSlot.Of("phone", _ => Reply.WithRow(T.BookAskPhone, Option(T.ButtonSkip, "-")), ParsePhone),
        FormSlot.Of("rules", AskRules, (_, t) => Yes(t) ? SlotValue.Ok("yes") : SlotValue.Invalid(T.BookRulesNeeded)),
        FormSlot.Of("confirm", Summary, (_, t) => Yes(t) ? SlotValue.Ok("yes") : t == "no" ? SlotValue.Ok("no") : SlotValue.Invalid(T.PromptPickOne)),
    ];

    protected override IReadOnlyDictionary<string, string> Understand(DialogContext dc, string text)
    {
        var found = new Dictionary<string, string>();
        if (FindRoom(dc.Centre.Rooms, text) is { } room) found["room"] = room.Id.ToString(Polish.Culture);
        if (PolishDates.Day(text, Today(dc)) is { } day) found["day"] = Day(day);
        if (PolishDates.Times(text) is { } times)
        {
            found["start"] = Time(times.Start);
            if (times.End is { } end) found["length"] = ((int)(end - times.Start).TotalMinutes).ToString(Polish.Culture);
        }
        if (PolishDates.Length(text) is { } length) found["length"] = ((int)length.TotalMinutes).ToString(Polish.Culture);
        if (PolishDates.People(text, bareNumber: false) is { } people) found["people"] = people.ToString(Polish.Culture);
        return found;
    }

    protected override async Task CompleteAsync(DialogContext dc, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        if (values["confirm"] == "no")
        {
            await dc.EndDialogAsync(null, ct);
            dc.Say(MainMenu.Render(T.BookDropped + " " + T.MenuQuestion));
            return;
        }

        var room = RoomOf(dc)!;
        var (start, end) = Span(dc, values);
        var attempt = await desk.RequestAsync(new NewBooking(room.Id, dc.Resident!.Id, start, end, int.Parse(values["people"], Polish.Culture),
            values["purpose"], values["name"], values["phone"] == "-" ? null : values["phone"]), ct);

        if (attempt.Booking is { } booking)
        {
            var when = BookingDesk.When(booking, room, dc.TimeZone);
            await dc.EndDialogAsync(null, ct);
            dc.Say(Reply.WithRow(
                booking.Status == BookingStatus.Pending ? Polish.Format(T.BookPending, when) : Polish.Format(T.BookConfirmed, when, dc.Centre.KeyPickup).Replace("\n\n", "\n", StringComparison.Ordinal),
                new(T.ButtonAddToCalendar, $"bookings:ics:{booking.Id}"), new(T.ButtonMyBookings, "bookings:"), new(T.ButtonMenu, "menu:main")));
            return;
        }

        dc.Say(ProblemText(attempt.Problem, room, dc) + Alternatives(attempt, dc));
        if (attempt.Problem == BookingProblem.TooManyActive)
        {
            await dc.EndDialogAsync(null, ct);
            dc.Say(MainMenu.Render());
            return;
        }
        await ReaskAsync(dc, ["start", "confirm"], ct); // the time went in the meantime: choose another
    }

    private static Reply AskRoom(DialogContext dc) => new(T.BookAskRoom,
        [.. dc.Centre.Rooms.OrderBy(r => r.Id).Chunk(2).Select(row => (IReadOnlyList<Button>)[.. row.Select(r => Option(Polish.Format(T.BookRoomButton, r.Name, r.Capacity), r.Id.ToString(Polish.Culture)))])]);

    private static SlotValue ParseRoom(DialogContext dc, string text)
    {
        var room = int.TryParse(text, out var id) ? dc.Centre.Rooms.FirstOrDefault(r => r.Id == id) : FindRoom(dc.Centre.Rooms, text);
        return room is null ? SlotValue.Invalid(T.BookRoomUnknown) : SlotValue.Ok(room.Id.ToString(Polish.Culture));
    }

    private async Task<Reply> AskDayAsync(DialogContext dc, CancellationToken ct)
    {
        var room = RoomOf(dc)!;
        var today = Today(dc);
        var days = new List<DateOnly>();
        for (var d = today; days.Count < 6 && d.DayNumber - today.DayNumber <= Math.Min(room.MaxDaysAhead, 21); d = d.AddDays(1))
        {
            if ((await bookings.FreeStartsAsync(room.Id, d, TimeSpan.FromMinutes(room.MinMinutes), ct)).Count > 0) days.Add(d);
        }
        if (days.Count == 0) return Reply.Plain(Polish.Format(T.BookNoFreeDays, Polish.ContactChannels(dc.Centre)));
        return new Reply(T.BookAskDay, [.. days.Chunk(2).Select(row => (IReadOnlyList<Button>)[.. row.Select(d => Option(DayButton(d, today), Day(d)))])]);
    }

    private async Task<SlotValue> ParseDayAsync(DialogContext dc, string text, CancellationToken ct)
    {
        var day = DateOnly.TryParseExact(text, DayFormat, out var exact) ? exact : PolishDates.Day(text, Today(dc));
        if (day is not { } d) return SlotValue.Invalid(T.BookDayUnknown);
        if (d < Today(dc)) return SlotValue.Invalid(T.BookProblemInThePast);
        if (RoomOf(dc) is not { } room) return SlotValue.Ok(Day(d));
        if (d.DayNumber - Today(dc).DayNumber > room.MaxDaysAhead)
            return SlotValue.Invalid(Polish.Format(T.BookProblemTooFarAhead, Polish.Count(room.MaxDaysAhead, T.DaysForms)));
        if (BookingRules.HoursOn(dc.Centre, room, d).Count == 0) return SlotValue.Invalid(T.BookProblemClosed);
        var free = await bookings.FreeStartsAsync(room.Id, d, TimeSpan.FromMinutes(room.MinMinutes), ct);
        return free.Count == 0 ? SlotValue.Invalid(Polish.Format(T.BookDayFull, Capitalised(Polish.Date(d)))) : SlotValue.Ok(Day(d));
    }

    private async Task<Reply> AskStartAsync(DialogContext dc, CancellationToken ct)
    {
        var starts = await FreeStartsAsync(dc, ct);
        var day = Day(dc.ActiveFrame!.Values["day"]);
        if (starts.Count == 0) return Reply.Plain(Polish.Format(T.BookDayFull, Capitalised(Polish.Date(day))));
        var local = starts.Select(s => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(s, dc.TimeZone))).ToList();
        var shown = ButtonsOverTheDay(local);
        var question = Polish.Format(T.BookAskStart, Polish.Date(day));
        if (shown.Count < local.Count) question += "\n" + T.BookAskStartTypeOther;
        return new Reply(question, [.. shown.Chunk(4).Select(row => (IReadOnlyList<Button>)[.. row.Select(t => Option(Time(t), Time(t)))])]);
    }

    /// <summary>
    /// At most 12 start buttons, spread over the whole day (a free day has 20 half-hours): the full hours when
    /// there are enough of them, every n-th otherwise; the times between can be typed.
    /// </summary>
    private static List<TimeOnly> ButtonsOverTheDay(List<TimeOnly> free)
    {
        const int Most = 12;
        if (free.Count <= Most) return free;
        var full = free.Where(t => t.Minute == 0).ToList();
        var pool = full.Count >= Most / 2 ? full : free;
        if (pool.Count <= Most) return pool;
        return [.. Enumerable.Range(0, Most).Select(i => pool[i * pool.Count / Most])];
    }

    private async Task<SlotValue> ParseStartAsync(DialogContext dc, string text, CancellationToken ct)
    {
        if (PolishDates.Times(text) is not { } times) return SlotValue.Invalid(T.BookStartUnknown);
        if (RoomOf(dc) is null || !dc.ActiveFrame!.Values.ContainsKey("day")) return SlotValue.Ok(Time(times.Start)); // checked once room and day are known
        var free = (await FreeStartsAsync(dc, ct)).Select(s => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(s, dc.TimeZone)));
        if (free.Contains(times.Start)) return SlotValue.Ok(Time(times.Start));
        var open = BookingRules.HoursOn(dc.Centre, RoomOf(dc)!, Day(dc.ActiveFrame.Values["day"])).Any(h => times.Start >= h.Opens && times.Start < h.Closes);
        return SlotValue.Invalid(open ? Polish.Format(T.BookStartNotFree, Time(times.Start)) : T.BookProblemOutsideHours + " " + T.BookStartPickFree);
    }

    private async Task<Reply> AskLengthAsync(DialogContext dc, CancellationToken ct)
    {
        var room = RoomOf(dc)!;
        var options = new List<int>();
        foreach (var minutes in LengthChoices.Where(m => m >= room.MinMinutes && m <= room.MaxMinutes))
        {
            if (await FitsAsync(dc, minutes, ct)) options.Add(minutes);
        }
        return new Reply(T.BookAskLength, [.. options.Chunk(3).Select(row => (IReadOnlyList<Button>)[.. row.Select(m => Option(LengthButton(m), m.ToString(Polish.Culture)))])]);
    }

    private async Task<SlotValue> ParseLengthAsync(DialogContext dc, string text, CancellationToken ct)
    {
        var minutes = int.TryParse(text, out var m) ? m : (int?)PolishDates.Length(text)?.TotalMinutes;
        if (minutes is not { } length) return SlotValue.Invalid(T.BookLengthUnknown);
        if (RoomOf(dc) is not { } room) return SlotValue.Ok(length.ToString(Polish.Culture));
        if (length < room.MinMinutes) return SlotValue.Invalid(Polish.Format(T.BookProblemTooShort, Minutes(room.MinMinutes)));
        if (length > room.MaxMinutes) return SlotValue.Invalid(Polish.Format(T.BookProblemTooLong, Minutes(room.MaxMinutes)));
        var known = dc.ActiveFrame!.Values;
        if (known.ContainsKey("start") && known.ContainsKey("day") && !await FitsAsync(dc, length, ct))
            return SlotValue.Invalid(Polish.Format(T.BookStartNotFree, dc.ActiveFrame.Values["start"]));
        return SlotValue.Ok(length.ToString(Polish.Culture));
    }

    private static Reply AskPeople(DialogContext dc) => Reply.Plain(Polish.Format(T.BookAskPeople, Polish.Count(RoomOf(dc)!.Capacity, T.PeopleForms)));

    private static SlotValue ParsePeople(DialogContext dc, string text)
    {
        if (PolishDates.People(text, bareNumber: true) is not { } people || people < 1) return SlotValue.Invalid(T.BookPeopleUnknown);
        var capacity = RoomOf(dc)?.Capacity ?? int.MaxValue;
        return people > capacity
            ? SlotValue.Invalid(Polish.Format(T.BookProblemOverCapacity, Polish.Count(capacity, T.PeopleForms)))
            : SlotValue.Ok(people.ToString(Polish.Culture));
    }

    private static Reply AskName(DialogContext dc)
    {
        var known = dc.Resident?.DisplayName ?? dc.Activity.SenderName;
        return string.IsNullOrWhiteSpace(known) || known.Length > 20 ? Reply.Plain(T.BookAskName) : Reply.WithRow(T.BookAskName, Option(known, known));
    }

    private static SlotValue ParsePhone(DialogContext dc, string text)
    {
        var folded = PolishText.Fold(text);
        if (text == "-" || folded is "pomin" or "nie" or "brak") return SlotValue.Ok("-");
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        return digits.Length is >= 9 and <= 15 && text.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-')
            ? SlotValue.Ok(text.Trim()) : SlotValue.Invalid(T.BookPhoneBad);
    }

    private static Reply AskRules(DialogContext dc)
    {
        var rules = dc.Centre.HouseRules.OrderBy(r => r.Order).Take(3).Select(r => "• " + r.Text);
        return Reply.WithRow(Polish.Format(T.BookAskRules, string.Join("\n", rules)), Option(T.ButtonAccept, "yes"));
    }

    private static Reply Summary(DialogContext dc)
    {
        var v = dc.ActiveFrame!.Values;
        var room = RoomOf(dc)!;
        var (start, end) = Span(dc, v);
        var when = BookingDesk.When(new Booking { StartUtc = start, EndUtc = end }, room, dc.TimeZone);
        var text = Polish.Format(T.BookSummary, when, v["purpose"], v["people"],
            v["name"], v["phone"] == "-" ? T.BookNoPhone : v["phone"]);
        return Reply.WithRow(text, Option(T.ButtonConfirm, "yes"), Option(T.ButtonNoThanks, "no"));
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static bool Yes(string text) => text == "yes" || PolishText.Fold(text) is "tak" or "akceptuje" or "potwierdzam" or "ok" or "zgoda";

    private static Room? RoomOf(DialogContext dc) =>
        dc.ActiveFrame!.Values.TryGetValue("room", out var id) ? dc.Centre.Rooms.FirstOrDefault(r => r.Id.ToString(Polish.Culture) == id) : null;

    private static DateOnly Today(DialogContext dc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(dc.Now, dc.TimeZone).DateTime);

    private static (DateTime Start, DateTime End) Span(DialogContext dc, IReadOnlyDictionary<string, string> v)
    {
        var start = TimeZoneInfo.ConvertTimeToUtc(Day(v["day"]).ToDateTime(Time(v["start"])), dc.TimeZone);
        return (start, start.AddMinutes(int.Parse(v["length"], Polish.Culture)));
    }

    private Task<IReadOnlyList<DateTime>> FreeStartsAsync(DialogContext dc, CancellationToken ct)
    {
        var room = RoomOf(dc)!;
        var v = dc.ActiveFrame!.Values;
        var length = v.TryGetValue("length", out var l) ? int.Parse(l, Polish.Culture) : room.MinMinutes;
        return bookings.FreeStartsAsync(room.Id, Day(v["day"]), TimeSpan.FromMinutes(length), ct);
    }

    private async Task<bool> FitsAsync(DialogContext dc, int minutes, CancellationToken ct)
    {
        var v = dc.ActiveFrame!.Values;
        var free = await bookings.FreeStartsAsync(RoomOf(dc)!.Id, Day(v["day"]), TimeSpan.FromMinutes(minutes), ct);
        var start = TimeZoneInfo.ConvertTimeToUtc(Day(v["day"]).ToDateTime(Time(v["start"])), dc.TimeZone);
        return free.Contains(start);
    }

    private static string ProblemText(BookingProblem problem, Room room, DialogContext dc) => problem switch
    {
        BookingProblem.InThePast => T.BookProblemInThePast,
        BookingProblem.TooLittleNotice => T.BookProblemTooLittleNotice,
        BookingProblem.TooFarAhead => Polish.Format(T.BookProblemTooFarAhead, Polish.Count(room.MaxDaysAhead, T.DaysForms)),
        BookingProblem.Closed => T.BookProblemClosed,
        BookingProblem.OutsideHours => T.BookProblemOutsideHours,
        BookingProblem.TooShort => Polish.Format(T.BookProblemTooShort, Minutes(room.MinMinutes)),
        BookingProblem.TooLong => Polish.Format(T.BookProblemTooLong, Minutes(room.MaxMinutes)),
        BookingProblem.OverCapacity => Polish.Format(T.BookProblemOverCapacity, Polish.Count(room.Capacity, T.PeopleForms)),
        BookingProblem.Blackout => T.BookProblemBlackout,
        BookingProblem.TooManyActive => Polish.Format(T.BookProblemTooManyActive, Polish.Count(dc.Centre.MaxActiveBookingsPerResident, T.BookingsForms)),
        _ => T.BookProblemTaken,
    };

    /// <summary>"piątek, 27 listopada: 13:30, 14:00; sobota, 28 listopada: 10:00".</summary>
    private static string Alternatives(BookingAttempt attempt, DialogContext dc)
    {
        if (attempt.Alternatives.Count == 0) return "";
        var byDay = attempt.Alternatives
            .Select(a => TimeZoneInfo.ConvertTimeFromUtc(a, dc.TimeZone))
            .GroupBy(local => DateOnly.FromDateTime(local))
            .Select(day => $"{Polish.Date(day.Key)}: {string.Join(", ", day.Select(t => Polish.Time(TimeOnly.FromDateTime(t))))}");
        return " " + Polish.Format(T.BookAlternatives, string.Join("; ", byDay));
    }
}
