using System.Globalization;
using System.Resources;
using MamBot.Data.Bookings;
using MamBot.Data.Events;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Understanding;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Tests.Conversations;

/// <summary>
/// Plays one conversation of a set against the real engine on its own SQLite file and checks each expectation
/// where it stands, by what a resident or the team would notice (the database, the buttons, the language), never
/// by the bot's wording. The first unmet expectation ends the run with a reason a reader can act on.
/// </summary>
internal sealed class ScriptedConversation : IAsyncDisposable
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly ConversationScript _script;
    private readonly TestChat _chat;
    private readonly HashSet<int> _givenBookings = [];
    private readonly HashSet<int> _givenSignups = [];
    private Guid? _resident;
    private readonly List<string> _transcript = [];

    private ScriptedConversation(ConversationScript script, TestChat chat) => (_script, _chat) = (script, chat);

    /// <summary>Null when every expectation was met; otherwise why not.</summary>
    public static async Task<string?> RunAsync(ConversationScript script)
    {
        // "given: now: 08:00": the conversation happens earlier on the same Wednesday.
        var now = script.Givens.Where(g => g.StartsWith("now:", StringComparison.Ordinal))
            .Select(g => (DateTimeOffset?)Utc(new DateOnly(2026, 11, 25), g[4..].Trim())).FirstOrDefault();
        await using var run = new ScriptedConversation(script, await TestChat.StartAsync(
            chatId: $"chat-{script.Set}-{script.Number}", centre: ConversationWorld.Centre(script.Set), now: now));
        try
        {
            foreach (var given in script.Givens) await run.GiveAsync(given);
            foreach (var line in script.Lines)
            {
                var failure = await run.StepAsync(line);
                if (failure is not null) return $"line {line.Line}: {failure}" + run.Transcript();
            }
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private async Task GiveAsync(string given)
    {
        var (what, argument) = Split(given);
        switch (what)
        {
            case "app language": _chat.AppLanguage = argument; break;
            case "now": break; // read before the chat started
            case "consented": await ConsentAsync(); break;
            case "signed up":
                var resident = await ConsentAsync();
                var next = await NextSessionAsync(argument);
                _givenSignups.Add(await _chat.QueryAsync(async db =>
                {
                    var signup = new EventSignup { EventId = next.Id, ResidentId = resident, Status = SignupStatus.Going,
                        CreatedUtc = _chat.Time.GetUtcNow().UtcDateTime };
                    db.EventSignups.Add(signup);
                    await db.SaveChangesAsync();
                    return signup.Id;
                }));
                break;
            case "booking":
                var owner = await ConsentAsync();
                _givenBookings.Add(await GiveBookingAsync(owner, argument));
                break;
            default: throw new InvalidOperationException($"Unknown given '{given}'.");
        }
    }

    /// <summary>A returning resident: agreed before, speaks the conversation's language (Russian is answered in Ukrainian).</summary>
    private async Task<Guid> ConsentAsync()
    {
        if (_resident is { } known) return known;
        await _chat.PressPayloadAsync("consent:yes");
        var id = await ResidentAsync() ?? throw new InvalidOperationException("No resident after consent.");
        var language = _script.Language == "ru" ? "uk" : _script.Language;
        await _chat.QueryAsync(db => db.Residents.Where(r => r.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Language, language)));
        return id;
    }

    /// <summary>"Kuchnia 2026-11-29 12:00-14:00", made as the team would have confirmed it.</summary>
    private async Task<int> GiveBookingAsync(Guid resident, string argument)
    {
        var parts = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (room, day, hours) = (string.Join(' ', parts[..^2]), DateOnly.Parse(parts[^2], CultureInfo.InvariantCulture), parts[^1].Split('-'));
        return await _chat.QueryAsync(async db =>
        {
            var roomId = await db.Rooms.Where(r => r.Name == room).Select(r => r.Id).SingleAsync();
            var booking = new Booking
            {
                RoomId = roomId, ResidentId = resident, People = 4, ContactName = "Anna", Purpose = "spotkanie",
                StartUtc = Utc(day, hours[0]), EndUtc = Utc(day, hours[1]), Status = BookingStatus.Confirmed,
                CreatedUtc = _chat.Time.GetUtcNow().UtcDateTime,
            };
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            return booking.Id;
        });
    }

    private async Task<string?> StepAsync(ScriptLine line)
    {
        _chat.Time.Advance(TimeSpan.FromSeconds(30)); // a resident reads, then types
        switch (line)
        {
            case Says says:
                await _chat.SendAsync(says.Text);
                Note($"R: {says.Text}");
                break;
            case Press press:
                var title = ConsentButtonsAsTold.GetValueOrDefault(Folded(press.Title), press.Title);
                var button = Buttons().FirstOrDefault(b => Same(b.Title, title))
                    ?? Buttons().FirstOrDefault(b => Folded(b.Title).Contains(Folded(title), StringComparison.Ordinal))
                    ?? Buttons().FirstOrDefault(b => TypedText.Distance(Folded(b.Title), Folded(title)) <= 2);
                if (button is null)
                    return $"no button [{press.Title}] among: {string.Join(" / ", Buttons().Select(b => b.Title))}";
                await _chat.PressPayloadAsync(button.Payload);
                Note($"R: [{button.Title}]");
                break;
            case Expectation expectation:
                return await CheckAsync(expectation);
        }
        _resident ??= await ResidentAsync();
        return null;
    }

    private void Note(string resident)
    {
        _transcript.Add(resident);
        _transcript.AddRange(_chat.Last.Select(r => $"   bot: {Shorten(r.Text.ReplaceLineEndings(" "))}" +
            (r.Buttons.Count == 0 ? "" : $" [{string.Join(" | ", r.Buttons.SelectMany(b => b).Select(b => b.Title))}]")));
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..157] + "…";

    /// <summary>What was said, for the reader of a failure (MAMBOT_TRANSCRIPTS=1 prints it).</summary>
    private string Transcript() => Environment.GetEnvironmentVariable("MAMBOT_TRANSCRIPTS") is "1"
        ? Environment.NewLine + string.Join(Environment.NewLine, _transcript.Select(t => "      " + t)) : "";

    private async Task<string?> CheckAsync(Expectation e)
    {
        var arg = e.Argument;
        switch (e.What)
        {
            case "booked": return await BookedAsync(arg);
            case "nothing booked":
                var made = await NewBookingsAsync();
                return made.Count == 0 ? null : $"expected nothing booked, got {Describe(made)}";
            case "booking cancelled":
            case "booking kept":
                var day = DateOnly.Parse(arg, CultureInfo.InvariantCulture);
                var thatDay = await _chat.QueryAsync(db => db.Bookings.Where(b => _givenBookings.Contains(b.Id)).ToListAsync());
                var booking = thatDay.FirstOrDefault(b => LocalDay(b.StartUtc) == day);
                if (booking is null) return $"no given booking on {arg}";
                var holds = booking.HoldsTheSlot;
                return holds == (e.What == "booking kept") ? null : $"the booking on {arg} is {booking.Status}";
            case "signed up":
                var going = await SignupsAsync(arg);
                return going.Count(s => !_givenSignups.Contains(s)) == 1 ? null
                    : $"expected one sign-up for {arg}, got {going.Count}; all: {await SignupTitlesAsync()}";
            case "not signed up":
                var any = (await SignupsAsync("")).Where(s => !_givenSignups.Contains(s)).ToList();
                return any.Count == 0 ? null : $"expected no sign-up, got {await SignupTitlesAsync()}";
            case "left":
                var still = (await SignupsAsync(arg)).Where(_givenSignups.Contains).ToList();
                return still.Count == 0 ? null : $"still signed up for {arg}";
            case "idea":
                var titles = await _chat.QueryAsync(db => db.Ideas.Select(i => i.Title).ToListAsync());
                return titles.Any(t => Folded(t).Contains(Folded(arg), StringComparison.Ordinal)) ? null
                    : $"no idea '{arg}'; ideas: [{string.Join(" | ", titles)}]";
            case "no idea":
                var ideas = await _chat.QueryAsync(db => db.Ideas.Select(i => i.Title).ToListAsync());
                return ideas.Count == 0 ? null : $"expected no idea, got [{string.Join(" | ", ideas)}]";
            case "person offered":
                return await PersonHasTheChatAsync() || Buttons().Any(OffersAPerson) || Says(PersonAfterConsent) ? null
                    : $"no person offered; {Shown()}";
            case "person has the chat":
                return await PersonHasTheChatAsync() ? null : $"no person has the chat; {Shown()}";
            case "no person":
                return await PersonHasTheChatAsync() ? "the chat was handed to the team" : null;
            case "team reads": return await TeamReadsAsync(arg);
            case "erased":
            case "not erased":
                // Someone who never agreed has nothing stored to keep or to erase.
                if (_resident is not { } id) return null;
                var exists = await _chat.QueryAsync(db => db.Residents.AnyAsync(r => r.Id == id));
                return exists == (e.What == "not erased") ? null : exists ? "the resident's data is still there" : "the resident's data is gone";
            case "reminders stopped":
                var resident = await ResidentWithAsync();
                return resident is null || Enum.GetValues<NudgeKind>().All(k => !resident.Wants(k)) ? null
                    : "reminders are still on";
            case "language": return await LanguageAsync(arg);
            case "says":
                return Folded(Shown()).Contains(Folded(arg), StringComparison.Ordinal) ? null : $"'{arg}' not said; {Shown()}";
            case "understood":
                return Says(NotUnderstood) ? $"not understood; {Shown()}" : null;
            case "in a form":
                return await _chat.InProgressAsync() ? null : $"no form waits; {Shown()}";
            case "no form":
                return await _chat.InProgressAsync() ? $"a form still waits; {Shown()}" : null;
            case "consented":
            case "not consented":
                var who = await ResidentWithAsync();
                var agreed = who?.HasConsented == true;
                return agreed == (e.What == "consented") ? null : agreed ? "consent recorded" : "no consent recorded";
            default: return $"unknown expectation '{e}'";
        }
    }

    private async Task<string?> BookedAsync(string fields)
    {
        var want = fields.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => f.Split('=', 2)).ToDictionary(f => f[0].Trim(), f => f[1].Trim());
        var made = await NewBookingsAsync();
        var rooms = await _chat.QueryAsync(db => db.Rooms.ToDictionaryAsync(r => r.Id, r => r.Name));
        bool Matches(Booking b) => want.All(w => w.Key switch
        {
            "room" => Same(rooms[b.RoomId], w.Value),
            "date" => LocalDay(b.StartUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == w.Value,
            "start" => LocalTime(b.StartUtc) == w.Value,
            "end" => LocalTime(b.EndUtc) == w.Value,
            "people" => b.People.ToString(CultureInfo.InvariantCulture) == w.Value,
            "name" => Same(b.ContactName, w.Value),
            "purpose" => w.Value == "-" ? string.IsNullOrWhiteSpace(b.Purpose)
                : Folded(b.Purpose).Contains(Folded(w.Value), StringComparison.Ordinal),
            _ => throw new InvalidOperationException($"Unknown booking field '{w.Key}'."),
        });
        return made.Any(Matches) ? null : $"no booking {fields}; got {Describe(made)}; {Shown()}";

        string Describe(List<Booking> list) => list.Count == 0 ? "none" : string.Join(" | ", list.Select(b =>
            $"{rooms[b.RoomId]} {LocalDay(b.StartUtc):yyyy-MM-dd} {LocalTime(b.StartUtc)}-{LocalTime(b.EndUtc)} " +
            $"{b.People} '{b.ContactName}' '{b.Purpose}'"));
    }

    private Task<List<Booking>> NewBookingsAsync() => _chat.QueryAsync(db => db.Bookings
        .Where(b => !_givenBookings.Contains(b.Id) && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed))
        .ToListAsync());

    private static string Describe(List<Booking> made) =>
        string.Join(" | ", made.Select(b => $"room {b.RoomId} {LocalDay(b.StartUtc):yyyy-MM-dd} {LocalTime(b.StartUtc)}"));

    /// <summary>Active sign-ups for events whose Polish title starts so ("" for all).</summary>
    private Task<List<int>> SignupsAsync(string title) => _chat.QueryAsync(async db =>
    {
        var rows = await db.EventSignups.Where(s => s.Status != SignupStatus.Withdrawn)
            .Join(db.Events, s => s.EventId, e => e.Id, (s, e) => new { s.Id, e.Title }).ToListAsync();
        return rows.Where(r => Folded(r.Title).StartsWith(Folded(title), StringComparison.Ordinal)).Select(r => r.Id).ToList();
    });

    private Task<string> SignupTitlesAsync() => _chat.QueryAsync(async db => string.Join(", ",
        await db.EventSignups.Where(s => s.Status != SignupStatus.Withdrawn)
            .Join(db.Events, s => s.EventId, e => e.Id, (s, e) => e.Title).ToListAsync()));

    private Task<CommunityEvent> NextSessionAsync(string title) => _chat.QueryAsync(async db =>
        (await db.Events.OrderBy(e => e.StartUtc).ToListAsync())
            .First(e => Folded(e.Title).StartsWith(Folded(title), StringComparison.Ordinal)));

    private Task<bool> PersonHasTheChatAsync() => _chat.QueryAsync(db =>
        db.Handoffs.AnyAsync(h => h.ChatId == _chat.ChatId && h.EndedUtc == null));

    private async Task<string?> TeamReadsAsync(string words)
    {
        var first = await _chat.QueryAsync(db => db.Handoffs.Where(h => h.ChatId == _chat.ChatId).OrderByDescending(h => h.Id)
            .Join(db.HandoffMessages.Where(m => m.StaffName == null), h => h.Id, m => m.HandoffId, (h, m) => m)
            .OrderBy(m => m.Id).Select(m => m.Text).FirstOrDefaultAsync());
        if (first is null) return "the team has no message from the resident";
        return Folded(first).Contains(Folded(words), StringComparison.Ordinal) ? null : $"the team reads '{first}'";
    }

    private async Task<string?> LanguageAsync(string language)
    {
        var resident = await ResidentWithAsync();
        if (resident is not null && resident.Language != language) return $"the resident's language is {resident.Language}";
        // The centre's own names (its name, address, rooms) are the same in every language.
        var names = await _chat.QueryAsync(async db => (await db.Centres.Select(c => new[] { c.Name, c.Address }).ToListAsync())
            .SelectMany(n => n).Concat(await db.Rooms.Select(r => r.Name).ToListAsync()).ToList());
        var text = names.Aggregate(string.Join(' ', _chat.Last.Select(r => r.Text)), (t, n) => t.Replace(n, " ", StringComparison.Ordinal));
        var guess = LanguageOf(text);
        // A reply of names and numbers only (an address card) reads as any language.
        return guess == language || guess == "" ? null : $"the replies read as '{guess}': {Shown()}";
    }

    /// <summary>Cyrillic is Ukrainian here; Latin text is told apart by its commonest short words.</summary>
    private static string LanguageOf(string text)
    {
        var cyrillic = text.Count(c => c is >= 'а' and <= 'я' or 'і' or 'ї' or 'є' or 'ґ');
        var latin = text.Count(c => c is >= 'a' and <= 'z' or 'ą' or 'ć' or 'ę' or 'ł' or 'ń' or 'ó' or 'ś' or 'ź' or 'ż');
        if (cyrillic > latin) return "uk";
        var words = text.ToLowerInvariant().Split([' ', '\n', ',', '.', '!', '?', ':', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        var english = words.Count(EnglishWords.Contains);
        var polish = words.Count(PolishWords.Contains);
        return english > polish ? "en" : polish > english ? "pl" : "";
    }

    private static readonly HashSet<string> EnglishWords =
        ["the", "you", "your", "is", "for", "and", "of", "with", "can", "please", "this", "what", "are", "will", "have", "we", "it", "at", "be"];

    private static readonly HashSet<string> PolishWords =
        ["w", "na", "do", "się", "nie", "jest", "z", "że", "czy", "jak", "co", "dla", "po", "proszę", "możesz", "ale", "już", "tak", "albo"];

    /// <summary>Every language's "I don't understand", read from the resources so a better wording still counts.</summary>
    private static readonly string[] NotUnderstood = Opening("NotUnderstood", "NotUnderstoodOfferPerson");

    /// <summary>"A person will reply once you agree": the consent a person needs is the person offered.</summary>
    private static readonly string[] PersonAfterConsent = Opening("HandoffNeedsConsent", "HandoffWordsKeptForConsent");

    private static string[] Opening(params string[] keys) =>
    [
        .. keys.SelectMany(key => new[] { "pl", "uk", "en" }
            .Select(c => MamBot.Dialogs.Texts.T.ResourceManager.GetString(key, CultureInfo.GetCultureInfo(c)) ?? key))
            .Select(text => text.Split('.', '!', '–')[0]),
    ];

    private bool Says(string[] openings) =>
        openings.Any(o => _chat.Last.Any(r => r.Text.StartsWith(o, StringComparison.Ordinal)));

    /// <summary>
    /// The first world.md named the consent buttons by meaning, not by title, and the first set's writer had them
    /// in Russian: the resident presses the button that means the same.
    /// </summary>
    private static readonly Dictionary<string, string> ConsentButtonsAsTold = new()
    {
        [Folded("Nie zgadzam się")] = "Nie, dziękuję", [Folded("Не погоджуюсь")] = "Ні, дякую",
        [Folded("I don't agree")] = "No, thank you", [Folded("Согласен")] = "Погоджуюся", [Folded("Согласна")] = "Погоджуюся",
    };

    private static bool OffersAPerson(Button button) =>
        button.Payload.StartsWith("handoff:", StringComparison.Ordinal) && button.Payload != "handoff:end";

    private IEnumerable<Button> Buttons() => _chat.Last.SelectMany(r => r.Buttons).SelectMany(row => row);

    private string Shown() => $"bot said: «{string.Join(" / ", _chat.Last.Select(r => r.Text.ReplaceLineEndings(" ")))}» " +
        $"[{string.Join(" | ", Buttons().Select(b => b.Title))}]";

    private Task<Guid?> ResidentAsync() => _chat.QueryAsync(db => db.ChannelIdentities
        .Where(i => i.Channel == _chat.Channel && i.ExternalId == _chat.ChatId).Select(i => (Guid?)i.ResidentId).FirstOrDefaultAsync());

    private async Task<Resident?> ResidentWithAsync()
    {
        var id = await ResidentAsync() ?? _resident;
        return id is null ? null : await _chat.QueryAsync(db => db.Residents.Include(r => r.Consents).Include(r => r.Preferences)
            .FirstOrDefaultAsync(r => r.Id == id));
    }

    private static (string What, string Argument) Split(string line) =>
        line.IndexOf(':') is var colon and >= 0 ? (line[..colon].Trim(), line[(colon + 1)..].Trim()) : (line.Trim(), "");

    private static string Folded(string text) => TypedText.Fold(text);

    private static bool Same(string a, string b) => Folded(a).Trim() == Folded(b).Trim();

    private static DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Krakow));

    private static string LocalTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, Krakow).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static DateTime Utc(DateOnly day, string time) => DateTime.SpecifyKind(
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.Parse(time, CultureInfo.InvariantCulture)), Krakow), DateTimeKind.Utc);

    public ValueTask DisposeAsync() => _chat.DisposeAsync();
}
