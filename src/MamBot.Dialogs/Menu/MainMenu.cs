using MamBot.Dialogs.About;
using MamBot.Dialogs.Bookings;
using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Handoffs;
using MamBot.Dialogs.Events;
using MamBot.Dialogs.Ideas;
using MamBot.Dialogs.Surveys;
using MamBot.Dialogs.Settings;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;
using MamBot.Dialogs.Welcome;

namespace MamBot.Dialogs.Menu;

/// <summary>The main menu: its buttons ("menu:…") and what free text means when no dialog is waiting for an answer.</summary>
public sealed partial class MainMenu(
    AboutCentre about, SettingsActions settings, MyBookings myBookings, EventsBoard events, IdeasBoard ideas,
    EventService eventList, SurveysBoard surveys, IEnumerable<ICommand> commands, LlmUnderstanding llm,
    HandoffDesk handoffs, Repair.RoomAvailability availability) : IButtonAction
{
    public const string Prefix = "menu";
    string IButtonAction.Prefix => Prefix;
    public bool LeavesActiveDialog => true;

    public static Reply Render(string? text = null) => Reply.WithButtons(text ?? T.MenuQuestion,
        [new(T.MenuBook, "menu:book"), new(T.MenuEvents, "menu:events")],
        [new(T.MenuIdeas, "menu:ideas"), new(T.MenuSurveys, "menu:surveys")],
        [new(T.MenuAbout, "menu:about"), new(T.MenuSettings, "menu:settings")],
        [new(T.ButtonMyBookings, "bookings:"), HandoffDesk.TalkButton]);

    public Task HandleAsync(DialogContext dc, string argument, CancellationToken ct) => OpenAsync(dc, argument, null, ct);

    private static Button MenuButton => new(T.ButtonMenu, "menu:main");

    /// <summary>Opens a menu item; <paramref name="sentence"/> is what the resident typed, so a form can start filled.</summary>
    private Task OpenAsync(DialogContext dc, string argument, string? sentence, CancellationToken ct)
    {
        switch (argument)
        {
            case "book" when dc.Resident?.HasConsented != true:
                WelcomeActions.ConsentedOrAsk(dc);
                return Task.CompletedTask;
            case "book":
                dc.CancelAll();
                return dc.BeginDialogAsync(BookRoomDialog.DialogId, sentence, ct);
            case "events" when sentence is not null: return OpenEventsAsync(dc, sentence, ct);
            case "events": return events.HandleAsync(dc, "", ct);
            case "ideas" when dc.Resident?.HasConsented == true && sentence is not null:
                dc.CancelAll();
                return dc.BeginDialogAsync(ProposeIdeaDialog.DialogId, sentence, ct);
            case "ideas" when sentence is not null:
                WelcomeActions.ConsentedOrAsk(dc); // "mam pomysł na…": the form opens with it once she agrees
                return Task.CompletedTask;
            case "ideas":
                dc.Say(IdeasBoard.Intro());
                return Task.CompletedTask;
            case "surveys": return surveys.HandleAsync(dc, "", ct);
            case "about": return about.HandleAsync(dc, "", ct);
            case "settings": return settings.HandleAsync(dc, "", ct);
            default:
                dc.Say(Render());
                return Task.CompletedTask;
        }
    }

    /// <summary>Settings and personal data are matched offline, first: "usuń moje dane" never goes to the model.</summary>
    public static bool IsSettingsRequest(string? text) =>
        MenuIntents.Match(text) is MenuIntent.EraseData or MenuIntent.MyData or MenuIntent.Settings;

    /// <summary>Typed text with nothing in progress: the offline recognizer says what it means.</summary>
    public async Task HandleFreeTextAsync(DialogContext dc, CancellationToken ct)
    {
        var topic = dc.Data.Topic; // what the last answer was about; kept only if this one is about it again
        dc.Data.Topic = null;
        await ReadFreeTextAsync(dc, topic, ct);
        // Consent asked on the way ("to zarezerwujcie od 18" before agreeing): the room and day it leaned on still
        // hold when the request is done after "zgadzam się".
        if (dc.Data.AfterConsent is not null && dc.Data.Topic is null) dc.Data.Topic = topic;
    }

    private async Task ReadFreeTextAsync(DialogContext dc, Topic? topic, CancellationToken ct)
    {
        // Settings and personal data first: "usuń moje dane" must never be read as anything else; right under
        // her data, "ok, please delete it" means that data.
        var menuIntent = MenuIntents.Match(dc.Text);
        if (menuIntent == MenuIntent.None && ShowsOwnData(dc) && MenuIntents.SaysErase(dc.Text)
            && !IntentRules.StartsAWord(IntentRules.Padded(dc.Text), DontWords)) menuIntent = MenuIntent.EraseData;
        switch (menuIntent)
        {
            case MenuIntent.EraseData: await settings.HandleAsync(dc, "erase", ct); return;
            case MenuIntent.MyData: await settings.HandleAsync(dc, "export", ct); return;
            case MenuIntent.Settings: await settings.HandleAsync(dc, "", ct); return;
        }

        var missedBefore = dc.Data.NotUnderstoodInRow;
        dc.Data.NotUnderstoodInRow = 0;
        // Not a request: "czy jesteś człowiekiem?", a complaint (a person, with its words), what MAM does not do.
        var concern = Concerns.Find(dc.Text);
        if (concern == Concern.Complaint)
        {
            await handoffs.StartAsync(dc, dc.Text, ct, carry: true);
            return;
        }
        // "how many places are there?" at an event's card: the card says it, so it is shown again.
        if (CardOnScreen(dc) is { } shown && CardQuestions.AnsweredByTheCard(dc.Text))
        {
            await events.HandleAsync(dc, $"show:{shown}", ct);
            return;
        }
        // "mam lekarza i nie przyjdę, proszę mnie wypisać": a doctor mentioned, the request is MAM's.
        // Said in so many words (the rules), not guessed: "my cat got out on Monday" leaves no event.
        if (concern == Concern.OffTopic && IntentRecognizer.RulesInEachLanguage(TypedText.Fold(dc.Text))
                .Any(i => i is "leave_event" or "cancel_booking" or "register_event" or "stop" or "my_bookings"))
            concern = Concern.None;
        // "can I talk to a real person? I need help with papers from the urząd": she asked for a person, with why.
        if (concern == Concern.OffTopic && TypedRepair.AsksForPerson(dc.Text))
        {
            await handoffs.StartAsync(dc, dc.Text, ct, carry: true);
            return;
        }
        if (Repair.QuestionsInPlace.ForConcern(dc, concern, FaqMatcher.Find(dc.Text, dc.Centre.Faq)) is { } said)
        {
            dc.Say(said with { Buttons = [[HandoffDesk.TalkButton, MenuButton]] });
            return;
        }
        // A question asked at an event's card is about that event: what the team wrote, a person for the rest,
        // and the card again so that "ok" still signs up.
        if (TypedRepair.IsQuestion(dc.Text) && CardOnScreen(dc) is { } card && Repair.QuestionsInPlace.Answer(dc, dc.Text!) is null)
        {
            dc.Say(Reply.WithRow(T.EventQuestionAskTeam, HandoffDesk.TalkButton));
            await events.HandleAsync(dc, $"show:{card}", ct);
            return;
        }
        // A question on a topic of the team's "where to turn" list ("jak napisać do radnego?") is answered from it.
        if (TypedRepair.IsQuestion(dc.Text) && !TypedRepair.AsksToAct(dc.Text) && WhereToTurn.Answer(dc, dc.Text) is { } turn)
        {
            dc.Say(turn with { Buttons = [[HandoffDesk.TalkButton, MenuButton]] });
            return;
        }
        // The LLM's reading, asked before the turn took the write lock; otherwise or on any failure the offline recognizer.
        var smart = llm.Prepared(dc.Text);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(dc.Now, dc.TimeZone).DateTime);
        var understood = smart?.Understood ?? IntentRecognizer.Recognize(dc.Text, today, dc.Centre.Rooms);
        var intent = understood.Intent;
        // A newcomer who opens with a greeting is starting a conversation: the welcome first, then what they asked.
        if (dc.Resident?.HasConsented != true && (intent == "greeting" || IntentRules.AfterGreeting(dc.Text) is not null))
        {
            await WelcomeActions.StartAsync(dc, ct);
            await AfterWelcomeAsync(dc, today, ct);
            return;
        }
        // Times or a head count right after talking about a room and day fill a booking of it: "to od 17 do 19
        // dla 20 osób", whatever else the words alone might suggest.
        if (topic is not null && intent is not ("book_room" or "cancel_booking" or "my_bookings" or "talk_to_staff")
            && (understood.Start is not null || understood.People is not null
                || understood.Date is not null && IntentRecognizer.PartOfDay(dc.Text ?? "") is not null)
            && !TypedRepair.IsQuestion(dc.Text))
            intent = "book_room";
        // "how many people fit in there?" right after the big room's facts: still that room.
        if (topic?.RoomId is not null && intent != "book_room" && TypedRepair.IsQuestion(dc.Text)
            && IntentRules.AsksWhatRoomHas(TypedText.Fold(dc.Text))) intent = "book_room";
        // A room or a day in a question is no request to book: "czy w kuchni jest czajnik?", "czy sala jest wolna
        // w sobotę?"
        // "a rezerwacja kuchni na niedzielę zostaje, tak?": a question naming a booking she has is about hers.
        if (intent == "book_room" && TypedRepair.IsQuestion(dc.Text) && TypedRepair.NamesABooking(dc.Text)
            && await myBookings.HasOneLikeAsync(dc, understood, ct))
        {
            await myBookings.HandleAsync(dc, "", ct);
            return;
        }
        // "Is there a projector in the large room? I'd like to give a talk one day.": led by a question about what
        // a room has, the rest says why.
        if (intent == "book_room" && (TypedRepair.IsQuestion(dc.Text) || AsksWhatARoomHas(dc)) && !TypedRepair.AsksToAct(dc.Text))
        {
            await AnswerAboutRoomsAsync(dc, understood, topic, ct);
            return;
        }
        // "Скільки коштує гімнастика?": what an event costs is the FAQ's answer, not the event's card.
        if (intent is "list_events" or "register_event" && TypedRepair.IsQuestion(dc.Text) && FaqMatcher.AsksPrice(dc.Text)
            && FaqMatcher.Find(dc.Text, dc.Centre.Faq) is { } price)
        {
            dc.Say(FaqAnswer.Render(price));
            return;
        }
        // "please cancel the one on Wednesday" right under her bookings: it is one of them, not an event.
        if (intent is "leave_event" or IntentRecognizer.None && TypedRepair.SaysCancel(dc.Text)
            && dc.Data.Screen?.Values.Any(p => p.StartsWith("bookings:cancel:", StringComparison.Ordinal)) == true)
            intent = "cancel_booking";
        // "Коли сусідський сніданок?": a question naming an event is about it, whatever else its words suggest;
        // "do której jesteście otwarci?" says hours in words the rules know and needs no look at the events.
        if (intent is "opening_hours" or IntentRecognizer.None && smart?.Answer is null && TypedRepair.IsQuestion(dc.Text)
            && !IntentRecognizer.RulesInEachLanguage(TypedText.Fold(dc.Text), withRussian: false).Contains("opening_hours")
            && (await EventQueryAsync(dc, dc.Text, ct)).EventId is { } named)
        {
            await events.ShowAsync(dc, named, ct);
            return;
        }
        // "yes please", "так" with nothing asked: acknowledged, never "I don't understand" or the help text.
        if (dc.Resident?.HasConsented == true && !TypedRepair.IsQuestion(dc.Text) && Welcome.TypedConsent.Read(dc.Text) == true
            && dc.Text!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4)
        {
            dc.Say(Render(T.AckNothingPending));
            return;
        }
        // "Is it free to use the rooms? And can we bring some wine?": each question answered, not only the first.
        if (intent is "opening_hours" or "address_contact" or "house_rules" or IntentRecognizer.None && smart?.Answer is null
            && AnswersEachQuestion(dc)) return;
        switch (intent)
        {
            case "off_topic" when WhereToTurn.Answer(dc, dc.Text) is { } contact:
                dc.Say(contact with { Buttons = [[HandoffDesk.TalkButton, MenuButton]] });
                return;
            case "off_topic": dc.Say(Render(T.OffTopic)); return;
            case "opening_hours" or "address_contact" or "house_rules" or "none" when smart?.Answer is { } answer:
                dc.Say(Render(answer)); // grounded in the centre's data through the read-only functions
                return;
        }
        switch (intent)
        {
            // "Привіт, можна зарезервувати кухню?": the greeting is manners; what follows it is the request.
            case "greeting" when dc.Resident?.HasConsented == true && IntentRules.AfterGreeting(dc.Text) is { } rest
                && rest.Count(char.IsLetter) >= 3 && rest != dc.Text:
                dc.Continue(dc.Activity with { Text = rest });
                await ReadFreeTextAsync(dc, topic, ct);
                break;
            // "dziękuję… a czy trzeba coś zabrać?": the question is what needs an answer, not the thanks.
            case "greeting" or "thanks" when TypedRepair.IsQuestion(dc.Text) && dc.Resident?.HasConsented == true:
                dc.Say(Repair.QuestionsInPlace.Answer(dc, dc.Text!)
                    ?? Reply.WithRow(T.RepairAskTheTeam, HandoffDesk.TalkButton, MenuButton));
                break;
            case "greeting": dc.Say(Render(WelcomeActions.WelcomeBack(dc))); break;
            case "book_room": await OpenAsync(dc, "book", Phrase(smart?.Understood) + Phrase(topic, understood, dc) + dc.Text, ct); break;
            case "cancel_booking": await myBookings.CancelBySentenceAsync(dc, understood, ct); break;
            case "my_bookings": await myBookings.HandleAsync(dc, "", ct); break;
            case "leave_event": await events.LeaveBySentenceAsync(dc, smart?.Understood.Event + " " + dc.Text, ct); break;
            case "list_events": await OpenAsync(dc, "events", smart?.Understood.Event + " " + dc.Text, ct); break;
            case "register_event": await OpenEventsAsync(dc, smart?.Understood.Event + " " + dc.Text, ct, signUp: true); break;
            case "propose_idea": await OpenAsync(dc, "ideas", dc.Text, ct); break;
            case "browse_ideas": await ideas.HandleAsync(dc, "list:0", ct); break;
            case "surveys": await HandleAsync(dc, "surveys", ct); break;
            // "where are you, and what are your hours on Saturdays?": both asked, both answered.
            case "opening_hours" or "address_contact" when AlsoAsks(dc.Text, intent == "opening_hours" ? "address_contact" : "opening_hours"):
                await about.HandleAsync(dc, "contact", ct);
                await about.HandleAsync(dc, "hours", ct);
                break;
            case "opening_hours": await about.HandleAsync(dc, "hours", ct); break;
            case "address_contact": await about.HandleAsync(dc, "contact", ct); break;
            case "house_rules": dc.Say(AboutCentre.RulesFor(dc, dc.Text)); break;
            case "help": await Command(commands, "pomoc").HandleAsync(dc, "", ct); break;
            // "proszę mi już nie wysyłać przypomnień" says it plainly: done, with the settings to turn things back
            // on; a bare "stop" may be a slip and is asked once.
            case "stop" when dc.Text!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3:
                await settings.HandleAsync(dc, "stop", ct);
                break;
            case "stop": await Command(commands, "stop").HandleAsync(dc, "", ct); break;
            case "talk_to_staff": await handoffs.StartAsync(dc, dc.Text, ct); break;
            case "thanks": dc.Say(Render(T.Thanks)); break;
            default:
                if (MenuIntents.Match(dc.Text) == MenuIntent.About) await about.HandleAsync(dc, "", ct);
                else if (FaqMatcher.Find(dc.Text, dc.Centre.Faq) is { } faq) dc.Say(FaqAnswer.Render(faq));
                else if (WhereToTurn.Answer(dc, dc.Text) is { } contact)
                    dc.Say(contact with { Buttons = [[HandoffDesk.TalkButton, MenuButton]] });
                else if (TypedRepair.IsQuestion(dc.Text) && AboutCentre.RuleAnswering(dc, dc.Text) is { } rule) dc.Say(rule);
                // A question nothing here answers gets an honest "ask a person", not "choose from the menu".
                else if (TypedRepair.IsQuestion(dc.Text)) dc.Say(Reply.WithRow(T.RepairAskTheTeam, HandoffDesk.TalkButton, MenuButton));
                else NotUnderstood(dc, missedBefore);
                break;
        }
    }

    /// <summary>
    /// "dobryi den, shcho bude v subotu?" from a newcomer: after the welcome, what follows the greeting is answered
    /// at once when it needs no consent (events, hours, the address, the FAQ), and kept for right after consent when
    /// it does (a booking, a sign-up, an idea).
    /// </summary>
    private async Task AfterWelcomeAsync(DialogContext dc, DateOnly today, CancellationToken ct)
    {
        var rest = dc.Text;
        while (IntentRules.AfterGreeting(rest) is { } after) rest = after; // "hej, dzień dobry, …"
        if (string.IsNullOrWhiteSpace(rest) || rest == dc.Text) return;
        var intent = IntentRecognizer.Recognize(rest, today, dc.Centre.Rooms).Intent;
        var asksAboutRooms = intent == "book_room" && TypedRepair.IsQuestion(rest) && !TypedRepair.AsksToAct(rest);
        if (intent is "book_room" or "register_event" or "my_bookings" or "cancel_booking" or "leave_event" or "propose_idea"
            && !asksAboutRooms)
        {
            dc.Data.AfterConsent = ConversationEngine.TextMark + rest;
            return;
        }
        dc.Continue(dc.Activity with { Text = rest });
        if (intent is not (IntentRecognizer.None or "greeting" or "thanks")) await HandleFreeTextAsync(dc, ct);
        else if (Repair.QuestionsInPlace.Answer(dc, rest) is { } answer) dc.Say(answer);
    }

    private static bool AsksWhatARoomHas(DialogContext dc) => AsksWhatARoomHas(dc.Text, dc.Centre.Rooms);

    /// <summary>
    /// A question sentence about what a room holds or has, or the whole text when it is one ("mała zala na
    /// скільки людей"): asked about, not booked.
    /// </summary>
    internal static bool AsksWhatARoomHas(string? text, IReadOnlyList<Room> rooms)
    {
        // Short, so a story ("u pani Zosi już się nie mieścimy") is no question about a room.
        var folded = TypedText.Fold(text);
        return IntentRules.AsksHowBig(folded) && folded.Split(' ').Length <= 8 || TypedRepair.Questions(text)
            .Any(q => IntentRules.AsksWhatRoomHas(TypedText.Fold(q)) || EquipmentQuery.FindRoom(rooms, q) is not null);
    }

    private static bool ShowsOwnData(DialogContext dc) =>
        dc.Data.Screen?.ContainsValue("settings:export:file") == true;

    private static readonly string[] DontWords = IntentRules.Fold("nie ", "не ", "ні ", "dont", "don t", "do not", "not ");

    /// <summary>
    /// Two or more questions in one message, each with its own answer here (hours, the address, a rule, the FAQ):
    /// all of them said, each once. False when there are fewer than two answers to give.
    /// </summary>
    private static bool AnswersEachQuestion(DialogContext dc)
    {
        var questions = Clauses().Split(dc.Text ?? "").Where(TypedRepair.IsQuestion).ToList();
        if (questions.Count < 2) return false;
        var answers = questions.Select(q => Repair.QuestionsInPlace.Answer(dc, q, roomFacts: false)).OfType<Reply>()
            .DistinctBy(r => r.Text).ToList();
        if (answers.Count < 2) return false;
        foreach (var answer in answers) dc.Say(answer);
        return true;
    }

    /// <summary>Whether a clause of the text asks for another thing by the rules alone ("…, and your hours?").</summary>
    private static bool AlsoAsks(string? text, string intent) =>
        Clauses().Split(text ?? "").Select(TypedText.Fold).Where(c => c.Length > 0)
            .Any(c => IntentRecognizer.RulesInEachLanguage(c, withRussian: false).Contains(intent));

    [System.Text.RegularExpressions.GeneratedRegex(@"[,;.!?]+|\s(?:and|i|oraz|а також|і|та|и)\s")]
    private static partial System.Text.RegularExpressions.Regex Clauses();

    /// <summary>The second miss in a row offers a person and the menu, never a second "nie rozumiem".</summary>
    private static void NotUnderstood(DialogContext dc, int missedBefore)
    {
        if (missedBefore >= 1)
        {
            dc.Say(Reply.WithRow(T.NotUnderstoodOfferPerson, HandoffDesk.TalkButton, new(T.ButtonMenu, "menu:main")));
            return;
        }
        dc.Data.NotUnderstoodInRow = missedBefore + 1;
        dc.Say(Render(T.NotUnderstood));
    }

    /// <summary>
    /// The one event on the screen: its card, or the reply to signing up or leaving it (with "Nie przyjdę" or the
    /// calendar file); null for a list or anything else.
    /// </summary>
    private static string? CardOnScreen(DialogContext dc) =>
        EventsOnScreen(dc) is { Count: 1 } shown ? shown.Single().ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The events the buttons on the screen act on: one for a card, several for a list.</summary>
    private static HashSet<int> EventsOnScreen(DialogContext dc) =>
        [.. (dc.Data.Screen?.Values ?? Enumerable.Empty<string>()).Select(p => EventAction().Match(p)).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [System.Text.RegularExpressions.GeneratedRegex(@"^events:(?:join|leave|ics|show):(?<id>\d+)$")]
    private static partial System.Text.RegularExpressions.Regex EventAction();

    /// <summary>A question about a room or a day, which may lean on the last one's ("a wolna w sobotę?").</summary>
    private async Task AnswerAboutRoomsAsync(DialogContext dc, Understood understood, Topic? topic, CancellationToken ct)
    {
        var room = dc.Centre.Rooms.FirstOrDefault(r => r.Name == understood.Room)
            ?? BookingSlots.FindRoom(dc.Centre.Rooms, dc.Text ?? "")
            ?? dc.Centre.Rooms.FirstOrDefault(r => r.Id == topic?.RoomId);
        var day = understood.Date ?? topic?.Day;
        if (FaqMatcher.Find(dc.Text, dc.Centre.Faq) is { } faq) dc.Say(FaqAnswer.Render(faq));
        else if (day is { } asked) dc.Say(await availability.OnDayAsync(dc, room, asked, ct));
        // "kiedy kuchnia jest wolna w weekend?", "any free slots next week?": the days that have some.
        else if (room is not null && TypedRepair.SaysFree(dc.Text))
            dc.Say(await availability.OnDaysAsync(dc, room, DaysAsked(dc), ct));
        else if (room is not null) dc.Say(Repair.QuestionsInPlace.RoomFacts(room));
        else
        {
            await OpenAsync(dc, "book", dc.Text, ct);
            return;
        }
        if (room is not null || day is not null) dc.Data.Topic = new Topic(room?.Id, day);
    }

    /// <summary>The days "w weekend", "this week" or "next week" mean; otherwise the coming week.</summary>
    private static IEnumerable<DateOnly> DaysAsked(DialogContext dc)
    {
        var today = LocalCalendar.Today(dc.Now.UtcDateTime, dc.TimeZone);
        var folded = TypedText.Fold(dc.Text);
        var scope = EventQuery.Parse(dc.Text, [], today).Scope;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        if (folded.Contains("weekend", StringComparison.Ordinal) || folded.Contains("вихідн", StringComparison.Ordinal)
            || folded.Contains("выходн", StringComparison.Ordinal))
            return new[] { monday.AddDays(5), monday.AddDays(6) }.Where(d => d >= today);
        return scope switch
        {
            "w0" => Enumerable.Range(0, 7).Select(monday.AddDays).Where(d => d >= today),
            "w1" => Enumerable.Range(7, 7).Select(monday.AddDays),
            _ => Enumerable.Range(0, 7).Select(today.AddDays),
        };
    }

    /// <summary>"to zarezerwujcie od 18": the room and day the last answer was about, for what this sentence leaves out.</summary>
    private static string Phrase(Topic? topic, Understood understood, DialogContext dc)
    {
        if (topic is null) return "";
        var room = understood.Room is null && BookingSlots.FindRoom(dc.Centre.Rooms, dc.Text ?? "") is null
            ? dc.Centre.Rooms.FirstOrDefault(r => r.Id == topic.RoomId)?.Name : null;
        var day = understood.Date is null ? topic.Day?.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture) : null;
        var phrase = string.Join(' ', new[] { room, day }.Where(x => x is not null));
        return phrase.Length == 0 ? "" : phrase + " ";
    }

    /// <summary>
    /// The model's slots as a plain phrase the booking form reads like any sentence ("Sala mała 27.11.2026 od
    /// 17:00 do 19:00 dla 8 osób"), so forms have one way of being filled and the resident still confirms all.
    /// </summary>
    private static string Phrase(Understood? u)
    {
        if (u is null) return "";
        var parts = new List<string?>
        {
            u.Room,
            u.Date?.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture),
            u.Start is { } s && u.End is { } e ? $"od {Wording.Time(s)} do {Wording.Time(e)}" : u.Start is { } only ? $"o {Wording.Time(only)}" : null,
            u.DurationMinutes is { } m && u.End is null ? $"na {m} minut" : null,
            u.People is { } p ? $"dla {p} osób" : null,
        };
        var phrase = string.Join(' ', parts.Where(x => !string.IsNullOrEmpty(x)));
        return phrase.Length == 0 ? "" : phrase + " ";
    }

    /// <summary>What a sentence asks of the next four weeks' events: one event, or a list's scope.</summary>
    private async Task<EventQuery> EventQueryAsync(DialogContext dc, string? sentence, CancellationToken ct) =>
        EventQuery.Parse(sentence, await UpcomingAsync(dc, ct), LocalCalendar.Today(dc.Now.UtcDateTime, dc.TimeZone));

    private async Task<List<CommunityEvent>> UpcomingAsync(DialogContext dc, CancellationToken ct) =>
        [.. (await eventList.ListAsync(dc.Centre.Id, dc.Now.UtcDateTime, dc.Now.UtcDateTime.AddDays(28), null, ct)).Select(s => s.Event)];

    /// <summary>
    /// "zapisz mnie na gimnastykę" opens that event; "co jest dla seniorów w przyszłym tygodniu" the matching list.
    /// Asked to sign up ("zapisz mnie na jogę"), she is signed up for the next session, with the way to withdraw;
    /// before consent the card comes with the consent question, and "zgadzam się" signs her up.
    /// </summary>
    private async Task OpenEventsAsync(DialogContext dc, string sentence, CancellationToken ct, bool signUp = false)
    {
        var upcoming = await UpcomingAsync(dc, ct);
        var query = EventQuery.Parse(sentence, upcoming, LocalCalendar.Today(dc.Now.UtcDateTime, dc.TimeZone));
        // "так, записуйте" under the event just shown: that one.
        if (signUp && query is { EventId: null, Scope: null } && CardOnScreen(dc) is { } inView)
            query = query with { EventId = int.Parse(inView, System.Globalization.CultureInfo.InvariantCulture) };
        // "запишите меня на четверг" under a list of events: the one event of that list on that day.
        if (signUp && query is { EventId: null, Scope: { } dayScope } && EventQuery.DayOfScope(dayScope) is { } day
            && ListedOn(dc, day, upcoming) is { } listed)
            query = query with { EventId = listed };
        if (query.EventId is { } wanted && signUp && dc.Resident?.HasConsented != true)
        {
            await events.ShowAsync(dc, wanted, ct);
            dc.Data.AfterConsent = $"events:join:{wanted}";
            dc.Say(WelcomeActions.AskForConsent(T.ConsentNeeded));
        }
        else if (query.EventId is { } asked && signUp) await events.HandleAsync(dc, $"join:{asked}", ct); // she asked: done
        else if (query.EventId is { } id) await events.ShowAsync(dc, id, ct);
        else if (query.Scope is { } scope) await events.ListAsync(dc, scope, 0, ct);
        else await events.HandleAsync(dc, "", ct);
    }

    /// <summary>The one event among those on screen that falls on the day; null when none or several do.</summary>
    private static int? ListedOn(DialogContext dc, DateOnly day, List<CommunityEvent> upcoming)
    {
        var shown = EventsOnScreen(dc);
        if (shown.Count < 2) return null;
        var onDay = upcoming.Where(e => shown.Contains(e.Id) && LocalCalendar.Today(e.StartUtc, dc.TimeZone) == day)
            .Select(e => e.Id).Distinct().ToList();
        return onDay is [var one] ? one : null;
    }

    private static ICommand Command(IEnumerable<ICommand> all, string name) => all.First(c => c.Names.Contains(name));
}
