using MamBot.Data.Bookings;
using MamBot.Data.Centres;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Menu;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;
using static MamBot.Dialogs.Bookings.BookingSlots;

namespace MamBot.Dialogs.Bookings;

/// <summary>
/// "Zarezerwuj salę" as a form: room → day → start → length → people → name (a phone may follow it) → purpose,
/// the order residents answer in. The last answer sends the request: each answer was echoed on the way, and the
/// reply that says it is sent can undo it. House rules come with the last question until this version is
/// accepted. One sentence ("małą salę w piątek od 17 do 19 dla 8 osób") fills several slots; every slot can be
/// answered with a button or in words, "Wstecz" goes back, /anuluj stops.
/// </summary>
public sealed partial class BookRoomDialog(BookingService bookings, BookingDesk desk, Data.Residents.ResidentService residents) : FormDialog
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
        FormSlot.Of("people", AskPeople, ParsePeople),
        FormSlot.Of("contact", AskSameContact, ParseSameContact),
        FormSlot.Of("name", AskName, ParseName),
        FormSlot.Of("purpose", AskPurpose, ParsePurpose),
    ];

    /// <summary>No step after the purpose: a correction on the way needs nothing asked again.</summary>
    protected override string? FinalCheck => null;

    protected override IReadOnlyDictionary<string, string> Understand(DialogContext dc, string text)
    {
        var found = new Dictionary<string, string>();
        if (FindRoom(dc.Centre.Rooms, text) is { } room) found["room"] = room.Id.ToString(Wording.Culture);
        if (TypedDates.Day(text, Today(dc)) is { } day) found["day"] = Day(day);
        if (TypedDates.Times(text) is { } times)
        {
            found["start"] = Time(times.Start);
            if (times.End is { } end) found["length"] = ((int)(end - times.Start).TotalMinutes).ToString(Wording.Culture);
        }
        if (TypedDates.Length(text) is { } length) found["length"] = ((int)length.TotalMinutes).ToString(Wording.Culture);
        if (TypedDates.People(text, bareNumber: false) is { } people) found["people"] = people.ToString(Wording.Culture);
        if (NameSaidInPassing(dc, text, found.Count == 0) is { } name)
        {
            found["name"] = name;
            if (dc.ActiveFrame!.Values.ContainsKey(LastName)) found["contact"] = "change"; // not the remembered one
        }
        // "…, 15 osób, urodziny syna": kept to be shown back with the last question.
        NoteAside(dc, text);
        // The form reads the day and the start before the length; their checks must already know the length this
        // very sentence asks for ("w sobotę o 18 na 3 godziny"), or they offer times that the length then refuses.
        if (found.TryGetValue("length", out var asked)) dc.ActiveFrame!.Values[SentenceLength] = asked;
        else dc.ActiveFrame!.Values.Remove(SentenceLength);
        return found;
    }

    private const string SentenceLength = "_sentenceLength", PurposeSaid = "_purposeSaid";

    protected override bool RestatesSpan(string text) => TypedDates.Times(text)?.End is not null;

    /// <summary>
    /// The length every check of a day or a start uses: the one answered, else the one the last sentence asked
    /// for (when the room allows it), else the room's shortest. One length for all, so that the times offered
    /// are the times the next answer accepts.
    /// </summary>
    private static int LengthFor(DialogContext dc, Room room)
    {
        var v = dc.ActiveFrame!.Values;
        if (v.TryGetValue("length", out var answered)) return int.Parse(answered, Wording.Culture);
        return v.TryGetValue(SentenceLength, out var asked) && int.Parse(asked, Wording.Culture) is var minutes
            && minutes >= room.MinMinutes && minutes <= room.MaxMinutes ? minutes : room.MinMinutes;
    }

    protected override bool IsFreeText(string slot) => slot is "purpose" or "name";

    public override Room? RoomInHand(DialogContext dc) => RoomOf(dc);

    public override void NoteAside(DialogContext dc, string text)
    {
        if (dc.ActiveFrame!.Step is not ("name" or "purpose") && BookingPurpose.In(text, dc.Centre.Rooms) is { } purpose)
            dc.ActiveFrame.Values[PurposeSaid] = purpose;
    }

    /// <summary>"send it" at the last question: sent without a purpose where the team does not need one.</summary>
    protected override IReadOnlyDictionary<string, string>? SendNow(DialogContext dc) =>
        dc.ActiveFrame!.Step != "purpose" ? null
        : dc.ActiveFrame.Values.GetValueOrDefault(PurposeSaid) is { } said ? new Dictionary<string, string> { ["purpose"] = said }
        : RoomOf(dc)?.RequiresApproval == false ? new Dictionary<string, string> { ["purpose"] = "" }
        : null;

    /// <summary>Answers checked again when this one changes: another room must be free then and hold everyone.</summary>
    protected override IEnumerable<string> Invalidates(string slot) => slot switch
    {
        "room" => ["day", "start", "people"],
        "day" => ["start"],
        "length" => ["start"],
        _ => [],
    };

    /// <summary>"Rozumiem: Sala mała, piątek 4 grudnia, 17:00–19:00, 8 osób." from what the form holds so far.</summary>
    protected override string? Echo(DialogContext dc)
    {
        var v = dc.ActiveFrame!.Values;
        var parts = new List<string>();
        if (RoomOf(dc) is { } room) parts.Add(room.NameNow());
        if (v.TryGetValue("day", out var day)) parts.Add(Wording.DayName(Day(day).DayOfWeek) + " " + Wording.DayAndMonth(Day(day)));
        if (v.TryGetValue("start", out var start))
        {
            parts.Add(v.TryGetValue("length", out var length)
                ? $"{start}–{Time(Time(start).AddMinutes(int.Parse(length, Wording.Culture)))}"
                : Wording.Format(T.BookEchoFrom, start));
        }
        else if (v.TryGetValue("length", out var length)) parts.Add(Minutes(int.Parse(length, Wording.Culture)));
        if (v.TryGetValue("people", out var people)) parts.Add(Wording.Count(int.Parse(people, Wording.Culture), T.PeopleForms));
        return parts.Count == 0 ? null : Wording.Format(T.BookEcho, string.Join(", ", parts));
    }

    protected override async Task CompleteAsync(DialogContext dc, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var room = RoomOf(dc)!;
        var (start, end) = Span(dc, values);
        var phone = dc.ActiveFrame!.Values.GetValueOrDefault("phone", "-"); // kept beside the name, not a step
        var attempt = await desk.RequestAsync(new NewBooking(room.Id, dc.Resident!.Id, start, end, int.Parse(values["people"], Wording.Culture),
            values["purpose"], values["name"], phone == "-" ? null : phone), ct);

        if (attempt.Booking is { } booking)
        {
            // The rules came with the last question; sending after reading them accepts this version.
            await residents.AcceptHouseRulesAsync(dc.Resident, RulesVersion(dc.Centre), dc.Activity.Channel, ct);
            var when = BookingDesk.When(booking, room, dc.TimeZone);
            var promise = await desk.PromiseAsync(booking, dc.Resident, ct);
            await dc.EndDialogAsync(null, ct);
            var said = booking.Status == BookingStatus.Pending ? Wording.Format(T.BookPending, when)
                : Wording.Format(T.BookConfirmed, when, dc.Centre.KeyPickupNow(), promise).Replace("\n\n", "\n", StringComparison.Ordinal).TrimEnd();
            dc.Say(Reply.WithButtons(said,
                [new(T.ButtonAddToCalendar, $"bookings:ics:{booking.Id}"), new(T.ButtonUndoBooking, $"bookings:cancel:{booking.Id}")],
                [new(T.ButtonMyBookings, "bookings:"), new(T.ButtonMenu, "menu:main")]));
            return;
        }

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(start, dc.TimeZone));
        dc.Say(BookingRefusals.Explain(attempt.Problem, dc.Centre, room, day) + BookingRefusals.Alternatives(attempt.Alternatives, dc.TimeZone));
        if (attempt.Problem == BookingProblem.TooManyActive)
        {
            await dc.EndDialogAsync(null, ct);
            dc.Say(MainMenu.Render());
            return;
        }
        await ReaskAsync(dc, ["start"], ct); // the time went in the meantime: choose another
    }

    private static Reply AskRoom(DialogContext dc)
    {
        var rows = dc.Centre.Rooms.OrderBy(r => r.Id).Chunk(2).Select(row => (IReadOnlyList<Button>)[.. row.Select(r =>
            Option(Wording.Format(T.BookRoomButton, r.NameNow(), r.Capacity), r.Id.ToString(Wording.Culture)))]).ToList();
        if (!dc.ActiveFrame!.Values.TryGetValue(LastTime, out var last)) return new Reply(T.BookAskRoom, rows);
        var parts = last.Split('|', 4);
        var room = dc.Centre.Rooms.First(r => r.Id.ToString(Wording.Culture) == parts[0]);
        var described = string.Join(", ", room.NameNow(), Minutes(int.Parse(parts[1], Wording.Culture)), parts[3],
            Wording.Count(int.Parse(parts[2], Wording.Culture), T.PeopleForms));
        rows.Insert(0, [Option(T.ButtonLikeLastTime, Again)]);
        return new Reply(T.BookAskRoom + "\n" + Wording.Format(T.BookLastTime, described), rows);
    }

    private static SlotValue ParseRoom(DialogContext dc, string text)
    {
        var room = int.TryParse(text, out var id) ? dc.Centre.Rooms.FirstOrDefault(r => r.Id == id) : FindRoom(dc.Centre.Rooms, text);
        return room is null ? SlotValue.Invalid(T.BookRoomUnknown) : SlotValue.Ok(room.Id.ToString(Wording.Culture));
    }

    private async Task<Reply> AskDayAsync(DialogContext dc, CancellationToken ct)
    {
        var room = RoomOf(dc)!;
        var today = Today(dc);
        // The next six days with a free start, within three weeks: one read of the room's bookings for all of them.
        var byDay = await bookings.FreeStartsByDayAsync(room.Id, today, today.AddDays(Math.Min(room.MaxDaysAhead, 21)),
            TimeSpan.FromMinutes(LengthFor(dc, room)), ct);
        var days = byDay.Where(d => d.Starts.Count > 0).Select(d => d.Day).Take(6).ToList();
        if (days.Count == 0) return Reply.Plain(Wording.Format(T.BookNoFreeDays, Wording.ContactChannels(dc.Centre), room.NameNow()));
        return new Reply(T.BookAskDay, [.. days.Chunk(2).Select(row => (IReadOnlyList<Button>)[.. row.Select(d => Option(DayButton(d, today), Day(d)))])]);
    }

    private async Task<SlotValue> ParseDayAsync(DialogContext dc, string text, CancellationToken ct)
    {
        var day = DateOnly.TryParseExact(text, DayFormat, out var exact) ? exact : TypedDates.Day(text, Today(dc));
        if (day is not { } d) return SlotValue.Invalid(T.BookDayUnknown);
        if (d < Today(dc)) return SlotValue.Invalid(T.BookProblemInThePast);
        if (RoomOf(dc) is not { } room) return SlotValue.Ok(Day(d));
        var problem = await bookings.DayProblemAsync(room.Id, d, TimeSpan.FromMinutes(LengthFor(dc, room)), ct);
        return problem switch
        {
            BookingProblem.None => SlotValue.Ok(Day(d)),
            BookingProblem.Taken => SlotValue.Invalid(Wording.Format(T.BookDayFull, Wording.Capitalised(Wording.Date(d)), room.NameNow())),
            _ => SlotValue.Invalid(Wording.Format(T.BookDayRefused, BookingRefusals.Explain(problem, dc.Centre, room, d))),
        };
    }

    private async Task<Reply> AskStartAsync(DialogContext dc, CancellationToken ct)
    {
        var starts = await FreeStartsAsync(dc, ct);
        var day = Day(dc.ActiveFrame!.Values["day"]);
        if (starts.Count == 0) return Reply.Plain(Wording.Format(T.BookDayFull, Wording.Capitalised(Wording.Date(day)), RoomOf(dc)!.NameNow()));
        var local = starts.Select(s => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(s, dc.TimeZone))).ToList();
        var shown = ButtonsOverTheDay(local);
        var question = Wording.Format(T.BookAskStart, Wording.Date(day));
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
        if (TypedDates.Times(text) is not { } times) return SlotValue.Invalid(T.BookStartUnknown);
        if (RoomOf(dc) is null || !dc.ActiveFrame!.Values.ContainsKey("day")) return SlotValue.Ok(Time(times.Start)); // checked once room and day are known
        var refusal = await RefusalAsync(dc, times.Start, LengthFor(dc, RoomOf(dc)!), ct);
        return refusal is null ? SlotValue.Ok(Time(times.Start)) : SlotValue.Invalid(refusal);
    }

    private async Task<Reply> AskLengthAsync(DialogContext dc, CancellationToken ct)
    {
        var room = RoomOf(dc)!;
        var options = new List<int>();
        foreach (var minutes in LengthChoices.Where(m => m >= room.MinMinutes && m <= room.MaxMinutes))
        {
            if (await FitsAsync(dc, minutes, ct)) options.Add(minutes);
        }
        return new Reply(T.BookAskLength, [.. options.Chunk(3).Select(row => (IReadOnlyList<Button>)[.. row.Select(m => Option(LengthButton(m), m.ToString(Wording.Culture)))])]);
    }

    private async Task<SlotValue> ParseLengthAsync(DialogContext dc, string text, CancellationToken ct)
    {
        var minutes = int.TryParse(text, out var m) ? m : (int?)TypedDates.Length(text)?.TotalMinutes ?? UntilEnd(dc, text);
        if (minutes is not { } length) return SlotValue.Invalid(T.BookLengthUnknown);
        if (RoomOf(dc) is not { } room) return SlotValue.Ok(length.ToString(Wording.Culture));
        if (length < room.MinMinutes) return SlotValue.Invalid(Wording.Format(T.BookProblemTooShort, Minutes(room.MinMinutes)));
        if (length > room.MaxMinutes) return SlotValue.Invalid(Wording.Format(T.BookProblemTooLong, Minutes(room.MaxMinutes)));
        var known = dc.ActiveFrame!.Values;
        var refusal = known.TryGetValue("start", out var start) && known.ContainsKey("day")
            ? await RefusalAsync(dc, Time(start), length, ct) : null;
        return refusal is null ? SlotValue.Ok(length.ToString(Wording.Culture)) : SlotValue.Invalid(refusal);
    }

    /// <summary>"do 20", "until 8pm", "до 20", "by 9": the end named, the start known, the length follows.</summary>
    private static int? UntilEnd(DialogContext dc, string text)
    {
        if (!dc.ActiveFrame!.Values.TryGetValue("start", out var from) || Until.Match(text) is not { Success: true } until) return null;
        if (TypedDates.Times(until.Groups["end"].Value)?.Start is not { } end) return null;
        var start = Time(from);
        if (end <= start && end.Hour < 12) end = end.AddHours(12); // "od 18 do 9" is nine in the evening
        return end > start ? (int)(end - start).TotalMinutes : null;
    }

    private static readonly System.Text.RegularExpressions.Regex Until = new(
        @"^\W*(?:(?:a|i|and|і|и|та)\s+)?(?:do|aż do|until|till|til|to|by|до|по)\s+(?<end>.+)$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static Reply AskPeople(DialogContext dc) => Reply.Plain(Wording.Format(T.BookAskPeople, Wording.Count(RoomOf(dc)!.Capacity, T.PeopleForms)));

    private static SlotValue ParsePeople(DialogContext dc, string text)
    {
        if (TypedDates.People(text, bareNumber: true) is not { } people || people < 1) return SlotValue.Invalid(T.BookPeopleUnknown);
        if (RoomOf(dc) is not { } room || people <= room.Capacity) return SlotValue.Ok(people.ToString(Wording.Culture));
        // The rule, and where such a group fits: "Ta sala mieści najwyżej 10 osób. Sala duża mieści 30 osób."
        // The rooms that fit are offered with everything else kept: day, time, length, purpose and the head count.
        var fit = dc.Centre.Rooms.Where(r => r.Capacity >= people).OrderBy(r => r.Capacity).ToList();
        var refusal = Wording.Format(T.BookProblemOverCapacity, Wording.Count(room.Capacity, T.PeopleForms), room.NameNow());
        if (fit.Count == 0) return SlotValue.Invalid(refusal);
        var count = people.ToString(Wording.Culture);
        return SlotValue.Invalid(refusal + " " + Wording.Format(T.BookRoomHolds, fit[0].NameNow(), Wording.Count(fit[0].Capacity, T.PeopleForms)),
            [.. fit.Select(r => Change(r.NameNow(), ("room", r.Id.ToString(Wording.Culture)), ("people", count)))]);
    }

    private static Reply AskName(DialogContext dc)
    {
        var known = dc.Resident?.DisplayName ?? dc.Activity.SenderName;
        return string.IsNullOrWhiteSpace(known) || known.Length > 20 ? Reply.Plain(T.BookAskName) : Reply.WithRow(T.BookAskName, Option(known, known));
    }

    /// <summary>
    /// "Anna Nowak" or "Anna Nowak 600 100 200": a name with letters, a phone if the resident adds one. Other
    /// digits ("20") typed at this step were meant for something else.
    /// </summary>
    private static SlotValue ParseName(DialogContext dc, string text)
    {
        var phone = PhoneIn.Match(text);
        var name = (phone.Success ? text.Remove(phone.Index, phone.Length) : text).Trim(' ', ',', ';', '-', '.');
        // "ok, no oven then. name's Priya Sharma": the name, not the sentence around it.
        name = PersonNames.Introduced(name) ?? PersonNames.Clause(name) ?? name;
        // "Jadwiga Kowalczyk, spotkanie klubu seniora": the rest is what the room is for.
        if (name != text.Trim() && BookingPurpose.In(text, dc.Centre.Rooms) is { } purpose) dc.ActiveFrame!.Values[PurposeSaid] = purpose;
        // "tak", "yes that's right", "ок" answer a question; they name nobody.
        var valid = name.Length is >= 2 and <= 60 && name.Count(char.IsLetter) >= 2 && !name.Any(char.IsDigit)
            && !TypedWords.Yes.Match(name) && !TypedWords.No.Match(name) && !TypedWords.Yes.Opens(name)
            && !TypedWords.No.Opens(name) && Welcome.TypedConsent.Read(name) is null;
        return valid ? SlotValue.Ok(phone.Success ? $"{name}{PhoneMark}{phone.Groups["number"].Value}" : name) : SlotValue.Invalid(T.BookNameBad);
    }

    /// <summary>
    /// A name given before its question: introduced ("nazywam się Anna Nowak"), the last clause of an answer
    /// ("нас п'ятеро, Марія Бондар"), or a whole message of capitalised words that answers nothing else.
    /// </summary>
    private static string? NameSaidInPassing(DialogContext dc, string text, bool nothingElse)
    {
        if (dc.ActiveFrame!.Step is "name" or "purpose") return null; // their own parsing reads it
        var name = PersonNames.Introduced(text) ?? PersonNames.Clause(text) ?? PersonNames.Run(text)
            ?? (nothingElse && PersonNames.IsCapitalisedName(text) ? text.Trim() : null);
        return name is not null && ParseName(dc, name).Error is null ? name : null;
    }

    /// <summary>9–15 digits, spaces, dashes, a leading +, optionally after "tel.".</summary>
    private static readonly System.Text.RegularExpressions.Regex PhoneIn =
        new(@"(?:\b(?:tel|тел|phone)\.?:?\s*)?(?<number>\+?\d(?:[\s-]?\d){8,14})", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private const string PhoneMark = "\u001f";

    /// <summary>
    /// The last question; house rules come with it until the resident has accepted this version. A room the
    /// team approves needs the purpose to decide; for the others it may be skipped.
    /// </summary>
    private static Reply AskPurpose(DialogContext dc)
    {
        var said = dc.ActiveFrame!.Values.GetValueOrDefault(PurposeSaid);
        var text = said is null ? T.BookAskPurpose : Wording.Format(T.BookPurposeSaid, Wording.Quoted(said));
        if (dc.Resident?.AcceptedHouseRules(RulesVersion(dc.Centre)) != true && dc.Centre.HouseRules.Count > 0)
        {
            var rules = dc.Centre.HouseRules.OrderBy(r => r.Order).Take(3).Select(r => r.Words()).ToList();
            var listed = Wording.Format(T.BookAskRules, string.Join("\n", rules.Select(r => "• " + r.Text)));
            text = Wording.ByTheTeam(listed, rules.All(r => r.InLanguageSpoken)) + "\n\n" + text;
        }
        if (said is not null) return Reply.WithRow(text, Option(T.ButtonSendRequest, SendSaid));
        return RoomOf(dc)!.RequiresApproval ? Reply.Plain(text) : Reply.WithRow(text, Option(T.ButtonSkip, "-"));
    }

    private const string SendSaid = "+";

    private static SlotValue ParsePurpose(DialogContext dc, string text)
    {
        // "Wyślij", "tak, potwierdzam": what was said on the way goes with the request.
        var said = dc.ActiveFrame!.Values.GetValueOrDefault(PurposeSaid);
        var agreeing = text == SendSaid || TypedWords.Send.Match(text) || TypedWords.Yes.Match(text)
            || Welcome.TypedConsent.Read(text) == true;
        if (said is not null && agreeing) return SlotValue.Ok(said);
        // "confirm", "send it", "tak" at the last question: nothing to add, send.
        if (text == "-" || TypedWords.Skip.Match(text) || agreeing)
            return RoomOf(dc)!.RequiresApproval ? SlotValue.Invalid(T.BookPurposeNeeded) : SlotValue.Ok("");
        return text.Length is >= 3 and <= 200 ? SlotValue.Ok(text) : SlotValue.Invalid(T.BookPurposeBad);
    }

    private static Room? RoomOf(DialogContext dc) =>
        dc.ActiveFrame!.Values.TryGetValue("room", out var id) ? dc.Centre.Rooms.FirstOrDefault(r => r.Id.ToString(Wording.Culture) == id) : null;

    private static DateOnly Today(DialogContext dc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(dc.Now, dc.TimeZone).DateTime);

    private static (DateTime Start, DateTime End) Span(DialogContext dc, IReadOnlyDictionary<string, string> v)
    {
        var start = TimeZoneInfo.ConvertTimeToUtc(Day(v["day"]).ToDateTime(Time(v["start"])), dc.TimeZone);
        return (start, start.AddMinutes(int.Parse(v["length"], Wording.Culture)));
    }

    private Task<IReadOnlyList<DateTime>> FreeStartsAsync(DialogContext dc, CancellationToken ct)
    {
        var room = RoomOf(dc)!;
        var length = TimeSpan.FromMinutes(LengthFor(dc, room));
        return bookings.FreeStartsAsync(room.Id, Day(dc.ActiveFrame!.Values["day"]), length, ct);
    }

    /// <summary>Null when the room is free from this start for this long; otherwise the real rule and times that work.</summary>
    private async Task<string?> RefusalAsync(DialogContext dc, TimeOnly start, int minutes, CancellationToken ct)
    {
        var room = RoomOf(dc)!;
        var day = Day(dc.ActiveFrame!.Values["day"]);
        var startUtc = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(start), dc.TimeZone);
        var check = await bookings.CheckAsync(room.Id, startUtc, TimeSpan.FromMinutes(minutes), 0, ct);
        if (check.Problem == BookingProblem.None) return null;
        var why = check.Problem == BookingProblem.Taken ? Wording.Format(T.BookStartNotFree, Time(start)) : BookingRefusals.Explain(check.Problem, dc.Centre, room, day);
        return check.Alternatives.Count == 0
            ? Wording.Format(T.BookTimeRefused, why)
            : why + BookingRefusals.Alternatives(check.Alternatives, dc.TimeZone);
    }

    private async Task<bool> FitsAsync(DialogContext dc, int minutes, CancellationToken ct)
    {
        var v = dc.ActiveFrame!.Values;
        var free = await bookings.FreeStartsAsync(RoomOf(dc)!.Id, Day(v["day"]), TimeSpan.FromMinutes(minutes), ct);
        var start = TimeZoneInfo.ConvertTimeToUtc(Day(v["day"]).ToDateTime(Time(v["start"])), dc.TimeZone);
        return free.Contains(start);
    }
}
