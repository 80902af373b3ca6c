using System.Globalization;
using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;
using MamBot.Dialogs.Welcome;

namespace MamBot.Dialogs.Events;

/// <summary>
/// "Wydarzenia" ("events:…"): this week, next week or a category, paged; details; signing up and withdrawing;
/// a calendar file; the resident's sign-ups; which categories they want to hear about; "Jak było?" answers.
/// </summary>
public sealed class EventsBoard(EventService events, EventDesk desk, ResidentService residents) : IButtonAction
{
    public const string Prefix = "events";
    string IButtonAction.Prefix => Prefix;
    public bool LeavesActiveDialog => true;

    public async Task HandleAsync(DialogContext dc, string argument, CancellationToken ct)
    {
        var parts = argument.Split(':');
        var id = parts.Length >= 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var n) ? n : 0;
        switch (parts[0])
        {
            case "list" when parts.Length == 3 && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var page):
                await ListAsync(dc, parts[1], page, ct);
                return;
            case "cats":
                dc.Say(new Reply(T.EventsPickCategory, [.. Enum.GetValues<EventCategory>()
                    .Select(c => new Button(EventTexts.Category(c), $"events:list:{c}:0")).Chunk(2).Select(r => (IReadOnlyList<Button>)r)]));
                return;
            case "show":
                await ShowAsync(dc, id, ct);
                return;
            case "ics" when await events.FindAsync(id, ct) is { } found:
                dc.Say(await CalendarOfAsync(dc, found.Event, ct));
                return;
        }

        if (parts[0] is not ("join" or "joinall" or "leave" or "mine" or "alerts" or "sub" or "rate"))
        {
            dc.Say(Intro());
            return;
        }
        // Everything below is about the resident's own places and choices: consent first.
        if (WelcomeActions.ConsentedOrAsk(dc) is not { } resident) return;
        switch (parts[0])
        {
            case "join": await JoinAsync(dc, resident, id, ct); break;
            case "joinall": await JoinSeriesAsync(dc, resident, id, ct); break;
            case "leave": await LeaveAsync(dc, resident, id, ct); break;
            case "mine": await MineAsync(dc, resident, ct); break;
            case "alerts": await AlertsAsync(dc, resident, null, ct); break;
            case "sub" when Enum.TryParse<EventCategory>(parts.ElementAtOrDefault(1), out var category) && Enum.IsDefined(category):
                await AlertsAsync(dc, resident, category, ct);
                break;
            case "rate" when parts.Length == 3 && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var rating) && rating is >= 0 and <= 5:
                await dc.BeginDialogAsync(EventFeedbackDialog.DialogId, $"{id}:{rating}", ct);
                break;
            default:
                dc.Say(Intro());
                break;
        }
    }

    public static Reply Intro(string? before = null) => Reply.WithButtons(before is null ? T.EventsIntro : before + "\n\n" + T.EventsIntro,
        [new(T.ButtonThisWeek, "events:list:w0:0"), new(T.ButtonNextWeek, "events:list:w1:0")],
        [new(T.ButtonByCategory, "events:cats"), new(T.ButtonMySignups, "events:mine")],
        [new(T.ButtonEventAlerts, "events:alerts"), new(T.ButtonMenu, "menu:main")]);

    /// <summary>A page of events: "we" this weekend, "w0" this week, "w1" next week, "d20261204" one day, or a category for the next four weeks.</summary>
    public async Task ListAsync(DialogContext dc, string scope, int page, CancellationToken ct)
    {
        var today = LocalCalendar.Today(dc.Now.UtcDateTime, dc.TimeZone);
        var monday = LocalCalendar.MondayOf(today);
        EventCategory? category = Enum.TryParse<EventCategory>(scope, out var c) && Enum.IsDefined(c) ? c : null;
        var day = EventQuery.DayOfScope(scope);
        var (from, to, scopeText) = scope switch
        {
            "w1" => (monday.AddDays(7), monday.AddDays(14), T.ScopeNextWeek),
            // This weekend: Saturday and Sunday, from today when the weekend has begun.
            "we" => (monday.AddDays(5) > today ? monday.AddDays(5) : today, monday.AddDays(7), T.ScopeWeekend),
            _ when day is { } d => (d, d.AddDays(1), DayText(d, today)),
            _ when category is { } cat => (today, today.AddDays(28), Wording.Format(T.ScopeCategory, EventTexts.Category(cat))),
            _ => (today, monday.AddDays(7), T.ScopeThisWeek),
        };
        var found = await events.ListAsync(dc.Centre.Id, LocalCalendar.StartUtc(from, dc.TimeZone), LocalCalendar.StartUtc(to, dc.TimeZone), category, ct);
        if (found.Count == 0)
        {
            dc.Say(Intro(Wording.Format(T.EventsNone, scopeText)));
            return;
        }

        var list = PagedList.Of(found, page, s => EventTexts.Line(s, dc.TimeZone),
            s => (EventTexts.ButtonTitle(s.Event, dc.TimeZone), $"events:show:{s.Event.Id}"), p => $"events:list:{scope}:{p}", numberButtons: false);
        var text = Wording.Format(T.EventsListHeader, scopeText) + "\n\n" + string.Join("\n", list.Lines) + "\n\n"
            + (list.PageNote.Length > 0 ? list.PageNote + " " : "") + T.EventsPickOne;
        var rows = list.Rows;
        var elsewhere = scope switch
        {
            "w0" => new Button(T.ButtonNextWeek, "events:list:w1:0"),
            "w1" => new Button(T.ButtonThisWeek, "events:list:w0:0"),
            _ when day is not null => new Button(T.ButtonThisWeek, "events:list:w0:0"),
            _ => new Button(T.ButtonByCategory, "events:cats"),
        };
        rows.Add([elsewhere, new(T.ButtonEvents, "events:"), new(T.ButtonMenu, "menu:main")]);
        dc.Say(new Reply(text, rows));
    }

    private static string DayText(DateOnly day, DateOnly today) =>
        day == today ? T.ScopeToday
        : day == today.AddDays(1) ? T.ScopeTomorrow
        : Wording.Format(T.ScopeDay, Wording.OnDay(day.DayOfWeek), Wording.DayAndMonth(day));

    /// <summary>The details card with what the resident can do now (also where a deep link lands).</summary>
    public async Task ShowAsync(DialogContext dc, int eventId, CancellationToken ct)
    {
        if (await events.FindAsync(eventId, ct) is not { } summary || summary.Event.CentreId != dc.Centre.Id)
        {
            dc.Say(Intro(T.EventNotFound));
            return;
        }
        var e = summary.Event;
        var signup = dc.Resident is { } r ? await events.SignupOfAsync(e.Id, r.Id, ct) : null;
        var status = !e.IsOn ? T.EventIsCancelled
            : e.StartUtc <= dc.Now.UtcDateTime ? T.EventIsOver
            : signup?.Status == SignupStatus.Going ? T.EventYouAreGoing + "\n" + EventTexts.Places(summary)
            : signup?.Status == SignupStatus.Waiting ? Wording.Format(T.EventYouAreWaiting, await events.QueuePositionAsync(signup, ct))
            : EventTexts.Places(summary);

        var actions = new List<Button>();
        if (e.IsOn && e.StartUtc > dc.Now.UtcDateTime)
        {
            actions.Add(signup is not null ? new(T.ButtonWithdraw, $"events:leave:{e.Id}")
                : summary.FreePlaces == 0 ? new(T.ButtonJoinQueue, $"events:join:{e.Id}")
                : new(T.ButtonSignUp, $"events:join:{e.Id}"));
            actions.Add(new(T.ButtonEventCalendar, $"events:ics:{e.Id}"));
        }
        // A weekly series: its next dates, and one tap for a place at each.
        var dates = e.SeriesId is null || !e.IsOn ? [] : await events.UpcomingInSeriesAsync(e.Id, ct);
        var series = dates.Count < 2 ? ""
            : "\n\n" + Wording.Format(T.SeriesDatesOnCard, dates.Count,
                string.Join(", ", dates.Select(d => Wording.ShortDate(d.Event.StartUtc, dc.TimeZone))));
        List<IReadOnlyList<Button>> rows = [actions];
        if (dates.Count >= 2) rows.Add([new(T.ButtonSignUpSeries, $"events:joinall:{e.Id}")]);
        rows.Add([new(T.ButtonEvents, "events:"), new(T.ButtonMenu, "menu:main")]);
        dc.Say(new Reply(EventTexts.Card(summary, dc.Centre) + series + "\n\n" + status, rows));
    }

    /// <summary>A place (or the waiting list) at every upcoming date of the series, each date on its own line.</summary>
    private async Task JoinSeriesAsync(DialogContext dc, Resident resident, int eventId, CancellationToken ct)
    {
        var results = await desk.SignUpSeriesAsync(eventId, resident.Id, ct);
        var placed = results.Where(r => r.Signup is not null && r.Summary is not null).ToList();
        if (placed.Count == 0)
        {
            await ShowAsync(dc, eventId, ct);
            return;
        }
        var lines = new List<string>();
        foreach (var r in placed)
        {
            var when = EventTexts.When(r.Summary!.Event, dc.TimeZone);
            lines.Add(r.Signup!.Status == SignupStatus.Waiting
                ? $"⏳ {when} ({Wording.Format(T.SeriesDateWaiting, await events.QueuePositionAsync(r.Signup, ct))})"
                : $"✅ {when}");
        }
        var first = placed[0].Summary!.Event;
        dc.Say(Reply.WithRow(Wording.Format(T.SignedUpSeries, first.TitleNow(), string.Join("\n", lines)),
            new(T.ButtonMySignups, "events:mine"), new(T.ButtonEvents, "events:"), new(T.ButtonMenu, "menu:main")));
    }

    /// <summary>An event as a calendar file: tentative on the waiting list, cancelled (taken off the calendar) when called off.</summary>
    private async Task<Reply> CalendarOfAsync(DialogContext dc, CommunityEvent e, CancellationToken ct)
    {
        var mine = dc.Resident is { } resident ? await events.SignupOfAsync(e.Id, resident.Id, ct) : null;
        var state = !e.IsOn ? CalendarState.Cancelled : mine is { Status: SignupStatus.Waiting } ? CalendarState.Tentative : CalendarState.Confirmed;
        var entry = new CalendarEntry($"event-{e.Id}@mambot", e.CalendarSequence, state, e.TitleNow(), EventTexts.Place(e, dc.Centre),
            e.DescriptionText().Text, e.StartUtc, e.EndUtc);
        return CalendarFile.Offer($"mam-wydarzenie-{e.Id}.ics", $"{Wording.Quoted(e.TitleNow())}, {EventTexts.When(e, dc.TimeZone)}", entry, dc.TimeZone, dc.Now.UtcDateTime);
    }

    private async Task JoinAsync(DialogContext dc, Resident resident, int eventId, CancellationToken ct)
    {
        var result = await desk.SignUpAsync(eventId, resident.Id, ct);
        if (result.Summary is not { } summary)
        {
            dc.Say(Intro(T.EventNotFound));
            return;
        }
        var e = summary.Event;
        var when = EventTexts.When(e, dc.TimeZone);
        var queue = result.Signup is { Status: SignupStatus.Waiting } waiting ? await events.QueuePositionAsync(waiting, ct) : 0;
        var promise = result.Signup is { } going ? await desk.PromiseAsync(going, resident, ct) : "";
        var text = result.Outcome switch
        {
            SignupOutcome.Going => (Wording.Format(T.SignedUp, e.TitleNow(), when) + " " + promise).TrimEnd(),
            SignupOutcome.Waiting => Wording.Format(T.SignedUpWaiting, e.TitleNow(), queue),
            SignupOutcome.AlreadyGoing => Wording.Format(T.AlreadyGoing, e.TitleNow()),
            SignupOutcome.AlreadyWaiting => Wording.Format(T.AlreadyWaiting, e.TitleNow(), queue),
            SignupOutcome.Cancelled => Wording.Format(T.SignupCancelled, e.TitleNow()),
            _ => Wording.Format(T.SignupStarted, e.TitleNow()),
        };
        var buttons = result.Signup is null
            ? new Button[] { new(T.ButtonEvents, "events:"), new(T.ButtonMenu, "menu:main") }
            : [new(T.ButtonEventCalendar, $"events:ics:{e.Id}"), new(T.ButtonWithdraw, $"events:leave:{e.Id}"), new(T.ButtonEvents, "events:")];
        dc.Say(Reply.WithRow(text, buttons));
    }

    private async Task LeaveAsync(DialogContext dc, Resident resident, int eventId, CancellationToken ct)
    {
        var found = await events.FindAsync(eventId, ct);
        if (found is null)
        {
            dc.Say(Intro(T.EventNotFound));
            return;
        }
        var result = await desk.WithdrawAsync(eventId, resident.Id, ct);
        var title = found.Event.TitleNow();
        var text = result.Withdrawn switch
        {
            null when found.Event.StartUtc <= dc.Now.UtcDateTime => T.EventIsOver,
            null => Wording.Format(T.NothingToWithdraw, title),
            _ when !result.HadAPlace => Wording.Format(T.WithdrawnFromQueue, title),
            _ => Wording.Format(T.Withdrawn, title),
        };
        dc.Say(Reply.WithRow(text, new(T.ButtonEventDetails, $"events:show:{eventId}"), new(T.ButtonEvents, "events:"), new(T.ButtonMenu, "menu:main")));
    }

    /// <summary>
    /// "wypisz mnie z gimnastyki", "nie przyjdę w czwartek": the resident's own place, found by title or day like a
    /// sign-up, given up after one question (the yes is the "Rezygnuję" button's action). Several places and no
    /// clue which: the resident picks from their sign-ups.
    /// </summary>
    public async Task LeaveBySentenceAsync(DialogContext dc, string sentence, CancellationToken ct)
    {
        if (WelcomeActions.ConsentedOrAsk(dc) is not { } resident) return;
        var mine = (await events.MineAsync(resident.Id, ct)).Select(m => m.Summary.Event).ToList();
        var today = LocalCalendar.Today(dc.Now.UtcDateTime, dc.TimeZone);
        var upcoming = await events.ListAsync(dc.Centre.Id, dc.Now.UtcDateTime, dc.Now.UtcDateTime.AddDays(28), null, ct);
        List<CommunityEvent> nameable = [.. upcoming.Select(u => u.Event).Concat(mine).DistinctBy(e => e.Id)];
        var named = EventQuery.Parse(sentence, nameable, today);

        if (named.EventId is { } id && mine.All(e => e.Id != id))
        {
            dc.Say(Intro(Wording.Format(T.NothingToWithdraw, nameable.First(e => e.Id == id).TitleNow())));
            return;
        }
        var candidates = named.EventId is { } chosen ? mine.Where(e => e.Id == chosen).ToList()
            : named.Scope is { } scope && EventQuery.DayOfScope(scope) is { } day
                ? mine.Where(e => LocalCalendar.Today(e.StartUtc, dc.TimeZone) == day).ToList()
                : mine;
        if (mine.Count == 0 || candidates.Count == 0)
        {
            dc.Say(Intro(mine.Count == 0 ? T.MySignupsNone : T.LeaveNothingThatDay));
            return;
        }
        if (candidates.Count > 1)
        {
            dc.Say(T.LeaveWhich);
            await MineAsync(dc, resident, ct);
            return;
        }
        var e = candidates[0];
        dc.Say(Reply.WithRow(Wording.Format(T.LeaveConfirm, e.TitleNow(), EventTexts.When(e, dc.TimeZone)),
            new Button(T.ButtonLeaveYes, $"events:leave:{e.Id}"), new Button(T.ButtonLeaveNo, $"events:show:{e.Id}")));
    }

    private async Task MineAsync(DialogContext dc, Resident resident, CancellationToken ct)
    {
        var mine = await events.MineAsync(resident.Id, ct);
        if (mine.Count == 0)
        {
            dc.Say(Intro(T.MySignupsNone));
            return;
        }
        var lines = new List<string>();
        foreach (var (summary, signup) in mine)
        {
            var queue = signup.Status == SignupStatus.Waiting ? Wording.Format(T.MySignupWaiting, await events.QueuePositionAsync(signup, ct)) : "";
            lines.Add($"• {EventTexts.When(summary.Event, dc.TimeZone)} – {summary.Event.TitleNow()}{queue}");
        }
        var rows = mine.Take(6).Select(m => new Button(EventTexts.ButtonTitle(m.Summary.Event, dc.TimeZone), $"events:show:{m.Summary.Event.Id}"))
            .Chunk(2).Select(r => (IReadOnlyList<Button>)r).ToList();
        rows.Add([new(T.ButtonEvents, "events:"), new(T.ButtonMenu, "menu:main")]);
        dc.Say(new Reply(Wording.Format(T.MySignupsList, string.Join("\n", lines)), rows));
    }

    /// <summary>Shows the chosen categories; with a category, switches it first (choosing one is the opt-in).</summary>
    private async Task AlertsAsync(DialogContext dc, Resident resident, EventCategory? toggle, CancellationToken ct)
    {
        if (toggle is { } category)
        {
            var chosen = (await events.SubscriptionsAsync(resident.Id, ct)).Contains(category);
            await events.SetSubscriptionAsync(resident.Id, category, !chosen, ct);
            if (!chosen && !resident.Wants(NudgeKind.Events)) await residents.SetPreferenceAsync(resident, NudgeKind.Events, true, ct);
        }
        var now = await events.SubscriptionsAsync(resident.Id, ct);
        var names = now.Count == 0 || !resident.Wants(NudgeKind.Events) ? T.EventAlertsNone
            : string.Join(", ", Enum.GetValues<EventCategory>().Where(now.Contains).Select(EventTexts.Category));
        var rows = Enum.GetValues<EventCategory>()
            .Select(c => new Button((now.Contains(c) ? "✅ " : "") + EventTexts.Category(c), $"events:sub:{c}"))
            .Chunk(2).Select(r => (IReadOnlyList<Button>)r).ToList();
        rows.Add([new(T.ButtonEvents, "events:"), new(T.ButtonMenu, "menu:main")]);
        dc.Say(new Reply(Wording.Format(T.EventAlertsIntro, names), rows));
    }
}
