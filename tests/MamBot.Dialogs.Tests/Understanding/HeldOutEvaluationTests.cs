using System.Globalization;
using MamBot.Data.Centres;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Settings;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;
using MamBot.Dialogs.Welcome;
using Xunit.Abstractions;

using static MamBot.Dialogs.Tests.Understanding.EvaluationKit;

namespace MamBot.Dialogs.Tests.Understanding;

/// <summary>
/// Sentences and mid-form replies written by a helper who never saw the recognizer, its rules or its sets
/// (HeldOut/, see its header lines): what a senior, a parent, a Ukrainian mother, an English-speaking neighbour
/// and a Russian speaker would type. Nothing here was tuned on them: a miss is fixed by the mechanism that caused
/// it, never by adding the sentence. The figures are printed by ./test.sh; the floors stop a step backwards.
/// </summary>
public class HeldOutEvaluationTests(ITestOutputHelper output)
{
    /// <summary>
    /// Floors just under the figures measured with the mechanisms fixed by their causes (numbers and word forms,
    /// rooms asked about, Surzhyk and Latin letters; before them: pl 91.3/97.1, uk 88.2/89.2, en 88.3/88.3, ru
    /// 81.2/81.2; the set's first run: pl 85.6/91.3, uk 85.3/86.3, en 84.5/80.6, ru 68.8/70.3), so they can only go up.
    /// </summary>
    /// <remarks>
    /// v2 (HeldOut/v2/) was written by a second blind helper from world.md alone, after the mechanisms tuned on
    /// the first set's misses, and is read here before anyone looked at its misses: the figure to trust.
    /// v3 (HeldOut/v3/) was written blind the same way after v2's misses were fixed; its first run, unread: pl 89.0/85.0, uk 89.0/88.0,
    /// en 86.0/87.0, ru 82.0/86.0. v4 (HeldOut/v4/), written blind after those fixes; its first run: pl 92.0/81.0,
    /// uk 86.0/78.0, en 86.0/86.0, ru 90.0/76.0. v5 (HeldOut/v5/), written blind for other kinds of writers (long
    /// and polite, slang, dictated); its first run, unread: pl 84.0/91.0, uk 83.0/93.0, en 86.0/93.0, ru 94.0/94.0.
    /// v6 (HeldOut/v6/), written blind at the end of that session; first run, unread: pl 94.0/99.0, uk 92.0/95.0,
    /// en 95.0/95.0, ru 98.0/90.0. v7 (HeldOut/v7/), written blind at the start of the next session; first run:
    /// pl 90/85, uk 86/87, en 91/89, ru 92/80 (its misses were seen once in a diff by mistake, so v8 was written
    /// blind at once: first run, unread, pl 92/93, uk 87/88, en 85/94, ru 94/86). v9 (HeldOut/v9/), written blind
    /// at the start of the session that read v7's misses; first run (with most of those mechanisms already in):
    /// pl 93/95, uk 90/95, en 94/94, ru 94/94. Floors sit just under the
    /// latest figures. The first set gave a start for a part of the day ("jutro wieczorem" → 18:00) where every
    /// blind set since gives none; the bot now reads a part of the day as no start (the booking form offers that
    /// day's free times), and the first set's 19 such labels say so too.
    /// </remarks>
    [Theory]
    [InlineData("", "pl", 0.989, 1.0)]
    [InlineData("", "uk", 0.979, 1.0)]
    [InlineData("", "en", 0.98, 0.989)]
    [InlineData("", "ru", 1.0, 1.0)]
    [InlineData("v2", "pl", 0.917, 0.935)]
    [InlineData("v2", "uk", 0.854, 0.944)]
    [InlineData("v2", "en", 0.917, 0.963)]
    [InlineData("v2", "ru", 0.966, 0.949)]
    [InlineData("v3", "pl", 1.0, 0.979)]
    [InlineData("v3", "uk", 0.979, 1.0)]
    [InlineData("v3", "en", 0.989, 0.989)]
    [InlineData("v3", "ru", 0.959, 0.979)]
    [InlineData("v4", "pl", 1.0, 0.989)]
    [InlineData("v4", "uk", 0.979, 0.949)]
    [InlineData("v4", "en", 0.959, 0.979)]
    [InlineData("v4", "ru", 1.0, 0.979)]
    [InlineData("v5", "pl", 0.939, 0.959)]
    [InlineData("v5", "uk", 0.959, 0.969)]
    [InlineData("v5", "en", 0.969, 0.969)]
    [InlineData("v5", "ru", 1.0, 0.979)]
    [InlineData("v6", "pl", 0.979, 1.0)]
    [InlineData("v6", "uk", 0.959, 0.979)]
    [InlineData("v6", "en", 0.959, 0.979)]
    [InlineData("v6", "ru", 0.979, 0.979)]
    [InlineData("v7", "pl", 1.0, 0.989)]
    [InlineData("v7", "uk", 0.989, 0.989)]
    [InlineData("v7", "en", 0.989, 1.0)]
    [InlineData("v7", "ru", 0.979, 0.959)]
    [InlineData("v8", "pl", 0.939, 0.949)]
    [InlineData("v8", "uk", 0.909, 0.879)]
    [InlineData("v8", "en", 0.859, 0.939)]
    [InlineData("v8", "ru", 0.959, 0.919)]
    [InlineData("v9", "pl", 0.929, 0.949)]
    [InlineData("v9", "uk", 0.899, 0.949)]
    [InlineData("v9", "en", 0.939, 0.939)]
    [InlineData("v9", "ru", 0.939, 0.939)]
    public void Sentences_nobody_here_wrote_are_understood(string set, string language, double intentFloor, double slotFloor)
    {
        var lines = Lines(Path.Combine(set, $"utterances.{language}.tsv"));
        int intents = 0, slots = 0;
        foreach (var line in lines)
        {
            var (text, intent, expected) = (line[0], line[1], WithEnd(line.Length > 2 ? line[2] : ""));
            var (gotIntent, gotSlots) = set is not "" ? ReadInWorld(text, language) : Read(text, language);
            intents += gotIntent == intent ? 1 : 0;
            var slotsRight = gotSlots == expected || Incidental(intent, expected);
            slots += slotsRight ? 1 : 0;
            if (gotIntent != intent || !slotsRight) output.WriteLine($"✗ \"{text}\": {gotIntent} [{gotSlots}] expected {intent} [{expected}]");
        }
        var (intentShare, slotShare) = ((double)intents / lines.Count, (double)slots / lines.Count);
        var summary = $"held-out{(set.Length > 0 ? " " + set : "")} ({language}): {lines.Count} sentences, intent {Percent(intentShare)}, exact slots {Percent(slotShare)}";
        output.WriteLine(summary);
        Report($"heldout-{(set.Length > 0 ? set + "-" : "")}{language}", summary);
        Assert.True(intentShare >= intentFloor, $"intent accuracy {intentShare:P1} fell below {intentFloor:P0}");
        Assert.True(slotShare >= slotFloor, $"exact slot accuracy {slotShare:P1} fell below {slotFloor:P0}");
    }

    /// <summary>
    /// A room in a complaint, a day in a question about hours, a day in an idea: no action takes them, and the
    /// writers disagree whether to write them down (v2–v6 give the complaint's room, v7 does not). Where a writer
    /// gave none, the recognizer's are not counted against it; where one was given, it must be right.
    /// </summary>
    private static bool Incidental(string intent, string expected) =>
        expected.Length == 0 && intent is "report_problem" or "opening_hours" or "propose_idea";

    /// <summary>What a resident types in the middle of a form: leaving, a person, consent, a question, erasure or the answer.</summary>
    [Fact]
    public void Replies_in_the_middle_of_a_form_are_read_for_what_they_are()
    {
        var lines = Lines("repairs.tsv");
        var byLanguage = new Dictionary<string, (int Right, int All)>();
        foreach (var (language, step, text, expected) in lines.Select(l => (l[0], l[1], l[2], l[3])))
        {
            using var speaking = Language.Use(language == "ru" ? "uk" : language);
            var got = Repair(step, text);
            var (right, all) = byLanguage.GetValueOrDefault(language);
            byLanguage[language] = (right + (got == expected ? 1 : 0), all + 1);
            if (got != expected) output.WriteLine($"✗ {language} {step} \"{text}\": {got}, expected {expected}");
        }
        var total = byLanguage.Values.Sum(v => v.Right) / (double)lines.Count;
        var summary = $"held-out repairs: {lines.Count} replies, {Percent(total)} read right ("
            + string.Join(", ", byLanguage.Select(b => $"{b.Key} {Percent(b.Value.Right / (double)b.Value.All)}")) + ")";
        output.WriteLine(summary);
        Report("heldout-repairs", summary);
        Assert.True(total >= 0.84, $"only {total:P1} of mid-form replies were read right");
    }

    /// <summary>
    /// v2 was written from world.md: its rooms and events with the team's Ukrainian and English names, and an
    /// event named as the bot finds it among the upcoming ones (EventQuery), by its Polish title.
    /// </summary>
    private static (string Intent, string Slots) ReadInWorld(string text, string language)
    {
        var (intent, slots) = Read(text, language, WorldRooms);
        var named = EventQuery.Parse(text, WorldEvents, Today).EventId is { } id ? WorldEvents.First(e => e.Id == id).Title : null;
        var kept = slots.Split(';', StringSplitOptions.RemoveEmptyEntries).Where(s => !s.StartsWith("event=", StringComparison.Ordinal));
        return (intent, Normalize(string.Join(';', named is null ? kept : kept.Append($"event={named}"))));
    }

    private static readonly Room[] WorldRooms = [.. Conversations.ConversationWorld.Centre().Rooms.Select((r, i) => new Room
    {
        Id = i + 1, Name = r.Name, NameUk = r.NameUk, NameEn = r.NameEn, Aliases = r.Aliases, Capacity = r.Capacity,
    })];

    private static readonly MamBot.Data.Events.CommunityEvent[] WorldEvents =
    [
        .. Conversations.ConversationWorld.Centre().Events.Select((e, i) => new MamBot.Data.Events.CommunityEvent
        {
            Id = i + 1, Title = e.Title, TitleUk = e.TitleUk, TitleEn = e.TitleEn,
            StartUtc = new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc).AddDays(i), // order only
        }),
    ];

    /// <summary>The reading order of the engine and the menu (ConversationRepair, MainMenu), without a database.</summary>
    private static (string Intent, string Slots) Read(string text, string language, IReadOnlyList<Room>? rooms = null)
    {
        switch (MenuIntents.Match(text))
        {
            case MenuIntent.EraseData: return ("erase_data", "");
            case MenuIntent.MyData: return ("my_data", "");
        }
        var u = IntentRecognizer.Recognize(text, Today, rooms ?? Rooms, language == "ru" ? "uk" : language);
        switch (Concerns.Find(text))
        {
            case Concern.AreYouBot: return ("are_you_bot", "");
            case Concern.OffTopic: return ("off_topic", "");
            // Its words, room and all, go to a person; the first set's writer gave complaints no slots.
            case Concern.Complaint: return ("report_problem", rooms is null ? "" : Slots(u));
        }
        // A greeting before a request is manners: the menu reads what follows it (MainMenu, AfterWelcome).
        if (u.Intent == "greeting" && IntentRecognizer.AfterGreeting(text) is { } rest && rest.Count(char.IsLetter) >= 3 && rest != text)
            return Read(rest, language, rooms);
        var intent = u.Intent;
        if (intent == "book_room" && (TypedRepair.IsQuestion(text) || MamBot.Dialogs.Menu.MainMenu.AsksWhatARoomHas(text, rooms ?? Rooms))
            && !TypedRepair.AsksToAct(text))
            intent = u.Date is not null || u.Room is not null && TypedRepair.SaysFree(text) ? "check_availability"
                : u.Room is not null ? "room_question" : intent;
        return (intent, Slots(u));
    }

    private static string Repair(string step, string text)
    {
        if (step == "consent") return TypedConsent.Read(text) switch { true => "yes", false => "no", null => Other(step, text) };
        return Other(step, text);
    }

    private static string Other(string step, string text)
    {
        if (TypedRepair.IsLeaving(text)) return "leave";
        if (TypedRepair.AsksForPerson(text)) return "person";
        if (MenuIntents.Match(text) == MenuIntent.EraseData) return "erase";
        if (TypedWords.Back.Match(text)) return "back";
        if (step == "event.card" && (TypedWords.JoinEvent.Match(text) || TypedWords.JoinEvent.Match(TypedConsent.WithoutAgreeing(text))
            || TypedConsent.Read(text) == true)) return "yes";
        if (step is "booking.name" or "survey.choice" && TypedWords.Skip.Match(text)) return "skip";
        if (step == "consent") return TypedRepair.IsQuestion(text) ? "question" : "answer";
        var accepted = step switch
        {
            "booking.day" => TypedDates.Day(text, Today) is not null,
            "booking.start" => TypedDates.Times(text) is not null,
            "booking.people" => TypedDates.People(text, bareNumber: true) is not null,
            "booking.room" => MamBot.Dialogs.Bookings.BookingSlots.FindRoom(Rooms, text) is not null,
            _ => false,
        };
        if (!accepted && (TypedRepair.IsQuestion(text) || Concerns.Find(text) != Concern.None)) return "question";
        return "answer";
    }


    /// <summary>
    /// A set gives only what is said; the recognizer works out an end from a start and a length, and a length from
    /// a start and an end: the expected slots are completed the same way, as the same span.
    /// </summary>
    private static string WithEnd(string slots)
    {
        var parts = slots.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var start = parts.FirstOrDefault(p => p.StartsWith("start=", StringComparison.Ordinal));
        var length = parts.FirstOrDefault(p => p.StartsWith("durationMinutes=", StringComparison.Ordinal));
        if (start is not null && length is not null && !parts.Any(p => p.StartsWith("end=", StringComparison.Ordinal)))
        {
            var end = TimeOnly.ParseExact(start[6..], "HH:mm", CultureInfo.InvariantCulture).AddMinutes(int.Parse(length[16..], CultureInfo.InvariantCulture));
            parts.Add($"end={end.ToString("HH:mm", CultureInfo.InvariantCulture)}");
        }
        // The same span written the other way: a start and an end carry the length (v3 writes only the two).
        var until = parts.FirstOrDefault(p => p.StartsWith("end=", StringComparison.Ordinal));
        if (start is not null && until is not null && length is null
            && TimeOnly.ParseExact(until[4..], "HH:mm", CultureInfo.InvariantCulture) - TimeOnly.ParseExact(start[6..], "HH:mm", CultureInfo.InvariantCulture)
                is { TotalMinutes: > 0 } span)
            parts.Add($"durationMinutes={(int)span.TotalMinutes}");
        return EvaluationKit.Normalize(string.Join(';', parts));
    }


    private static List<string[]> Lines(string file) =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Understanding", "HeldOut", file))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'))];

}
