using System.Text;
using MamBot.Tests.Shared;
using MamBot.Data;
using MamBot.Data.Bookings;
using MamBot.Data.Events;
using MamBot.Data.Ideas;
using MamBot.Data.Residents;
using MamBot.Data.Surveys;
using MamBot.Dialogs.Bookings;
using MamBot.Dialogs.Events;
using MamBot.Dialogs.Ideas;
using MamBot.Dialogs.Settings;
using MamBot.Dialogs.Tests.Events;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Tests.Settings;

/// <summary>
/// A resident who used every feature asks to be erased: afterwards no table, and no byte of the database file or
/// its write-ahead log, holds their name, phone, chat id or what they wrote; their future booking is cancelled.
/// </summary>
public class ErasureScanTests
{
    private const string Chat = "chat-halina-7q2x";
    private const string Name = "Halina Zielińska";
    private const string Phone = "600 713 822";
    private const string Words = "sekretne-slowa-haliny";

    [Fact]
    public async Task After_erasure_nothing_of_the_person_is_left_in_any_table_or_in_the_files()
    {
        await using var chat = await TestChat.StartAsync(chatId: Chat);
        await chat.TurnAsync(new MamBot.Dialogs.Conversation.Activity(chat.Channel, Chat, null, "consent:yes", chat.Time.GetUtcNow(), "u-consent", Name));
        var halina = await chat.QueryAsync(db => db.Residents.Select(r => r.Id).SingleAsync());
        await chat.ConsentAsAsync("chat-neighbour");
        var neighbour = await chat.QueryAsync(db => db.Residents.Where(r => r.Id != halina).Select(r => r.Id).SingleAsync());
        var centre = await chat.QueryAsync(db => db.Centres.Select(c => c.Id).FirstAsync());
        var small = await chat.QueryAsync(db => db.Rooms.Where(r => r.Name == "Sala mała").Select(r => r.Id).SingleAsync());

        // A booking ahead, an idea of hers, help offered on a neighbour's idea, a rated event, a named survey.
        var booking = (await chat.UseAsync<BookingDesk, BookingAttempt>(d => d.RequestAsync(new NewBooking(small, halina,
            EventsFixture.At(27, 17), EventsFixture.At(27, 19), 4, $"urodziny {Words}", Name, Phone), default))).Booking!;
        var hers = await chat.UseAsync<IdeaDesk, Idea>(d => d.SubmitAsync(new NewIdea(centre, halina, $"Pomysł {Words}",
            $"Opis {Words} od Haliny.", "dla sąsiadów", "stoły", $"mam {Words}", Phone), default));
        var theirs = await chat.UseAsync<IdeaDesk, Idea>(d => d.SubmitAsync(new NewIdea(centre, neighbour, "Sprzątanie skweru",
            "Sprzątamy skwer razem w sobotę.", "dla wszystkich", "worki", "rękawice", null), default));
        await chat.UseAsync<IdeaDesk, Idea?>(d => d.PublishAsync(theirs.Id, default));
        await chat.UseAsync<IdeaDesk, Idea?>(d => d.OfferHelpAsync(theirs.Id, halina, $"pomogę, {Words}, tel {Phone}", default));
        var coffee = await chat.CreateAsync("Kawa sąsiedzka", EventsFixture.At(25, 12));
        await chat.PressPayloadAsync($"events:join:{coffee.Id}");
        chat.Time.SetUtcNow(EventsFixture.At(26, 9));
        await chat.UseAsync<EventService, EventFeedback>(e => e.RateAsync(coffee.Id, halina, 5, default));
        await chat.UseAsync<EventService, bool>(async e => { await e.CommentAsync(coffee.Id, halina, $"super {Words}", default); return true; });
        var (survey, _) = await chat.UseAsync<SurveyService, (Survey?, string?)>(s => s.CreateAsync(new NewSurvey(centre, "Imienna", "Wstęp.", false,
            Audience.AllConsented, null, null, EventsFixture.At(25, 8), EventsFixture.At(9, 0, month: 12), 0,
            [new("Co byś zmienił(a)?", QuestionType.ShortText, true)]), default));
        await chat.UseAsync<SurveyService, SubmitOutcome>(s => s.SubmitAsync(survey!.Id, halina,
            new Dictionary<int, GivenAnswer> { [survey.Questions[0].Id] = new(Text: $"więcej {Words}") }, default));
        await chat.SendAsync($"mam pytanie, {Words}");

        // The scan finds her before: in the rows and in the files.
        var before = await chat.QueryAsync(db => RowsContainingAsync(db, Words));
        Assert.Contains("Ideas.Description", before);
        Assert.Contains("SurveyAnswers.Text", before);
        Assert.Contains("EventFeedback.Comment", before);
        Assert.NotEmpty(await chat.QueryAsync(db => RowsContainingAsync(db, Phone)));

        Assert.True(await chat.UseAsync<PrivacyDesk, bool>(p => p.EraseAsync(halina, default)));

        Assert.Equal(BookingStatus.Cancelled, await chat.QueryAsync(db => db.Bookings.Where(b => b.Id == booking.Id).Select(b => b.Status).SingleAsync()));
        Assert.Equal(ResidentErasureTitle, await chat.QueryAsync(db => db.Ideas.Where(i => i.Id == hers.Id).Select(i => i.Title).SingleAsync()));
        var file = await chat.QueryAsync(db => Task.FromResult(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource));
        foreach (var trace in new[] { Name, "Zielińska", Phone, Chat, Words })
        {
            var rows = await chat.QueryAsync(db => RowsContainingAsync(db, trace));
            Assert.True(rows.Count == 0, $"'{trace}' is still in: {string.Join("; ", rows)}");
            var files = DatabaseScan.FilesContaining([file, file + "-wal"], trace).ToList();
            Assert.True(files.Count == 0, $"'{trace}' is still readable in {string.Join(", ", files)}");
        }
    }

    [Fact]
    public async Task The_export_holds_what_erasure_deletes_survey_drafts_parked_messages_and_the_teams_notices()
    {
        await using var chat = await TestChat.StartAsync(chatId: Chat);
        await chat.TurnAsync(new MamBot.Dialogs.Conversation.Activity(chat.Channel, Chat, null, "consent:yes", chat.Time.GetUtcNow(), "u-consent", Name));
        var halina = await chat.QueryAsync(db => db.Residents.Select(r => r.Id).SingleAsync());
        var centre = await chat.QueryAsync(async db =>
        {
            var c = await db.Centres.FirstAsync();
            (c.StaffChannel, c.StaffChatId) = ("telegram", "-1001");
            await db.SaveChangesAsync();
            return c.Id;
        });
        var large = await chat.QueryAsync(db => db.Rooms.Where(r => r.Name == "Sala duża").Select(r => r.Id).SingleAsync());
        await chat.UseAsync<BookingDesk, BookingAttempt>(d => d.RequestAsync(new NewBooking(large, halina,
            EventsFixture.At(27, 17), EventsFixture.At(27, 19), 20, $"zebranie {Words}", Name, Phone), default)); // waits for the team, who are told
        // She asked for a person: the staff chat was told, with her first words, and she went back to the assistant.
        await chat.SendAsync("chcę porozmawiać z człowiekiem");
        await chat.SendAsync($"zgubiłam klucze-haliny {Words}");
        await chat.PressPayloadAsync("handoff:end");
        var (survey, _) = await chat.UseAsync<SurveyService, (Survey?, string?)>(s => s.CreateAsync(new NewSurvey(centre, "Dwa pytania", "Wstęp.", false,
            Audience.AllConsented, null, null, EventsFixture.At(25, 8), EventsFixture.At(9, 0, month: 12), 0,
            [new("Pierwsze?", QuestionType.ShortText, true), new("Drugie?", QuestionType.ShortText, true)]), default));
        await chat.PressPayloadAsync($"surveys:start:{survey!.Id}");
        await chat.SendAsync($"pierwsza {Words}"); // one answer of two: a draft
        await chat.QueryAsync(async db =>
        {
            db.FailedUpdates.Add(new Data.Conversations.FailedUpdate { Channel = chat.Channel, UpdateId = "u-parked", ChatId = Chat,
                LastError = "test", RawJson = $"{{\"text\":\"zaparkowana {Words}\"}}" });
            return await db.SaveChangesAsync();
        });

        await chat.PressPayloadAsync("settings:export:file");
        var json = Encoding.UTF8.GetString(chat.Last.Single().File!.Content);

        Assert.Contains($"pierwsza {Words}", json); // the draft
        Assert.Contains($"zaparkowana {Words}", json); // the parked message
        var told = json[json.IndexOf("\"TeamNotices\"", StringComparison.Ordinal)..json.IndexOf("\"TalksWithTeam\"", StringComparison.Ordinal)];
        Assert.Contains(Name, told); // what the team was told: about her booking
        Assert.Contains("prosi o rozmowę", told); // and the staff chat's notices about her handoff, her words in them
        Assert.Contains("klucze-haliny", told);
        await chat.PressPayloadAsync("settings:export");
        var readable = Encoding.UTF8.GetString(chat.Last.Single().File!.Content);
        Assert.Contains("Ankiety zaczęte, niewysłane:\n• „Dwa pytania”", readable);
        Assert.Contains("Co zespół MAM wie o Twoich sprawach:\n•", readable);

        Assert.True(await chat.UseAsync<PrivacyDesk, bool>(p => p.EraseAsync(halina, default)));
        foreach (var trace in new[] { Name, Phone, Words, "klucze-haliny" })
            Assert.Empty(await chat.QueryAsync(db => RowsContainingAsync(db, trace)));
    }

    private static readonly string ResidentErasureTitle = Data.Residents.ResidentErasure.ErasedIdeaTitle;

    private static async Task<List<string>> RowsContainingAsync(MamDbContext db, string trace) =>
        await DatabaseScan.ColumnsContainingAsync(db.Database.GetDbConnection(), trace);
}
