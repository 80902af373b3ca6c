using MamBot.Data.Events;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Data.Surveys;
using MamBot.Dialogs.Surveys;
using MamBot.Dialogs.Tests.Events;
using Microsoft.EntityFrameworkCore;
using static MamBot.Dialogs.Tests.Events.EventsFixture;

namespace MamBot.Dialogs.Tests.Surveys;

/// <summary>"Ankiety": answering in chat, anonymity, results, audience and invitations. Now is Wednesday 25 November, 10:00.</summary>
public class SurveysChatTests
{
    private static readonly NewQuestion[] EveryType =
    [
        new("Jak często bywasz w MAM?", QuestionType.SingleChoice, true, ["Co tydzień", "Co miesiąc", "Rzadziej"]),
        new("Co Cię interesuje?", QuestionType.MultipleChoice, true, ["Warsztaty", "Koncerty", "Sport"]),
        new("Jak oceniasz godziny otwarcia?", QuestionType.Scale, true),
        new("Czy polecisz MAM sąsiadom?", QuestionType.YesNo, true),
        new("Co byś zmienił(a)?", QuestionType.ShortText, false),
    ];

    private static async Task<Survey> CreateAsync(TestChat chat, bool anonymous = true, Audience audience = Audience.AllConsented,
        EventCategory? category = null, int? eventId = null, NewQuestion[]? questions = null)
    {
        var centre = await chat.QueryAsync(db => db.Centres.Select(c => c.Id).FirstAsync());
        var (survey, problem) = await chat.UseAsync<SurveyService, (Survey?, string?)>(s => s.CreateAsync(new NewSurvey(centre, "MAM dla Ciebie",
            "Chcemy wiedzieć, co robić dalej.", anonymous, audience, category, eventId, At(25, 8), At(9, 0, month: 12), 3, questions ?? EveryType), default));
        return survey ?? throw new InvalidOperationException(problem);
    }

    /// <summary>Answers every question of <see cref="EveryType"/> with buttons, ending with a typed text.</summary>
    private static async Task AnswerAllAsync(TestChat chat, int surveyId)
    {
        await chat.PressPayloadAsync($"surveys:start:{surveyId}");
        await chat.PressAsync("2. Co miesiąc");
        await chat.PressAsync("☐ Warsztaty");
        await chat.PressAsync("☐ Sport");
        await chat.PressAsync("Gotowe");
        await chat.PressAsync("4");
        await chat.PressAsync("Tak");
        await chat.SendAsync("Dłużej w soboty");
        await chat.PressAsync("Wyślij"); // after the summary
    }

    [Fact]
    public async Task A_ukrainian_resident_answers_the_teams_ukrainian_version_and_the_answers_count_with_the_polish_ones()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("lang:uk");
        await chat.PressPayloadAsync("consent:yes");
        var centre = await chat.QueryAsync(db => db.Centres.Select(c => c.Id).FirstAsync());
        var (survey, _) = await chat.UseAsync<SurveyService, (Survey?, string?)>(s => s.CreateAsync(new NewSurvey(centre, "MAM dla Ciebie",
            "Chcemy wiedzieć, co robić dalej.", true, Audience.AllConsented, null, null, At(25, 8), At(9, 0, month: 12), 3,
            [
                new("Jak często bywasz w MAM?", QuestionType.SingleChoice, true, ["Co tydzień", "Co miesiąc", "Rzadziej"],
                    TextUk: "Як часто ви буваєте в MAM?", ChoicesUk: ["Щотижня", "Щомісяця", "Рідше"]),
                new("Czy polecisz MAM sąsiadom?", QuestionType.YesNo, true, TextUk: "Чи порадите MAM сусідам?"),
            ],
            new SurveyVersions(TitleUk: "MAM для вас", IntroUk: "Хочемо знати, що робити далі.")), default));

        await chat.PressPayloadAsync("menu:surveys");
        Assert.Contains("• «MAM для вас»", chat.Text);
        await chat.PressAsync("MAM для вас");
        Assert.StartsWith("📋 «MAM для вас»\nХочемо знати, що робити далі.", chat.Text);
        Assert.DoesNotContain("польською", chat.Text); // every part has the team's Ukrainian: no note
        Assert.Contains("Як часто ви буваєте в MAM?", chat.Text);
        Assert.NotNull(chat.ButtonPayload("2. Щомісяця"));

        await chat.SendAsync("щомісяця"); // typed
        Assert.Contains("Чи порадите MAM сусідам?", chat.Text);
        await chat.SendAsync("так");
        Assert.Empty(await chat.QueryAsync(db => db.SurveyAnswers.ToListAsync())); // the summary first
        await chat.SendAsync("надіслати");

        var answers = await chat.QueryAsync(db => db.SurveyAnswers.OrderBy(a => a.QuestionId).ToListAsync());
        Assert.Equal(["1", null], answers.Select(a => a.Choices));
        Assert.Equal([null, 1], answers.Select(a => a.Number));
        Assert.Equal("MAM dla Ciebie", survey!.Title); // the panel and the results stay Polish
    }

    [Fact]
    public async Task Every_question_type_is_answered_with_buttons_or_words_and_a_thank_you_says_what_happens_next()
    {
        await using var chat = await ConsentedAsync();
        var survey = await CreateAsync(chat);

        await chat.PressPayloadAsync("menu:surveys");
        Assert.Contains("• „MAM dla Ciebie” – 5 pytań, do 8 grudnia", chat.Text);
        await chat.PressAsync("MAM dla Ciebie");
        Assert.StartsWith("📋 „MAM dla Ciebie”\nChcemy wiedzieć, co robić dalej.\n\n5 pytań. Ankieta jest anonimowa", chat.Text);
        Assert.Contains("Pytanie 1 z 5: Jak często bywasz w MAM?", chat.Text);

        await chat.SendAsync("co miesiac"); // typed, without diacritics
        Assert.StartsWith("Pytanie 2 z 5: Co Cię interesuje?", chat.Text);
        await chat.PressAsync("Gotowe");
        Assert.StartsWith("Zaznacz przynajmniej jedną odpowiedź", chat.Text);
        await chat.PressAsync("☐ Warsztaty");
        Assert.NotNull(chat.ButtonPayload("☑ Warsztaty"));
        await chat.PressAsync("☐ Koncerty");
        await chat.PressAsync("☑ Warsztaty"); // changed my mind
        await chat.PressAsync("Gotowe");
        await chat.SendAsync("7");
        Assert.StartsWith("Oceń od 1 (bardzo źle) do 5 (bardzo dobrze).", chat.Text);
        await chat.PressAsync("5");
        await chat.SendAsync("tak");
        Assert.Contains("(to pytanie można pominąć)", chat.Text);
        await chat.PressAsync("Pomiń");
        Assert.NotNull(chat.ButtonPayload("Zmień")); // the summary, nothing sent yet
        Assert.Equal(0, await chat.QueryAsync(db => db.SurveyResponses.CountAsync()));
        await chat.PressAsync("Wyślij");

        Assert.StartsWith("Dziękujemy za udział w ankiecie „MAM dla Ciebie”! Ankieta trwa do 8 grudnia. Potem zespół MAM przejrzy odpowiedzi", chat.Text);
        var results = await chat.UseAsync<SurveyResults, SurveyResult?>(r => r.ForAsync(survey.Id, default));
        Assert.Equal(1, results!.Responses);
        Assert.Equal([0, 1, 0], results.Questions[0].Options.Select(o => o.Count));
        Assert.Equal([0, 1, 0], results.Questions[1].Options.Select(o => o.Count));
        Assert.Equal(5, results.Questions[2].Average);
        Assert.Equal(0, results.Questions[4].Answered);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://zly.example\",\"kliknij\")")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    public async Task An_answer_that_looks_like_a_formula_is_text_in_the_csv(string answer)
    {
        await using var chat = await ConsentedAsync();
        var survey = await CreateAsync(chat, questions: [new("Co byś zmienił(a)?", QuestionType.ShortText, true)]);
        await chat.PressPayloadAsync($"surveys:start:{survey.Id}");
        await chat.SendAsync(answer);
        await chat.PressAsync("Wyślij");

        var csv = await chat.UseAsync<SurveyResults, string>(r => r.CsvAsync(survey.Id, default));

        var cell = csv.Split('\n')[1].TrimEnd('\r').Split(';', 2)[1];
        Assert.StartsWith("'", cell.TrimStart('"'));
        Assert.Contains(answer.Replace("\"", "\"\"", StringComparison.Ordinal), cell);
    }

    [Fact]
    public async Task A_scale_says_what_its_ends_mean_in_the_words_staff_chose()
    {
        await using var chat = await ConsentedAsync();
        var survey = await CreateAsync(chat, questions: [new("Jak bardzo chcesz zajęć w niedziele?", QuestionType.Scale, true, ["wcale", "bardzo"])]);
        await chat.PressPayloadAsync($"surveys:start:{survey.Id}");
        Assert.Contains("Oceń od 1 (wcale) do 5 (bardzo).", chat.Text);
        await chat.SendAsync("dziesięć");
        Assert.StartsWith("Oceń od 1 (wcale) do 5 (bardzo).", chat.Text);
    }

    [Fact]
    public async Task Stopping_half_way_keeps_the_answers_and_continuing_later_even_after_a_restart_starts_where_it_stopped()
    {
        await using var chat = await ConsentedAsync();
        var survey = await CreateAsync(chat);
        await chat.PressPayloadAsync($"surveys:start:{survey.Id}");
        await chat.PressAsync("1. Co tydzień");
        await chat.PressPayloadAsync("menu:about"); // walks away

        await chat.RestartAsync();
        await chat.PressPayloadAsync($"surveys:start:{survey.Id}");

        Assert.StartsWith("Wracamy do ankiety tam, gdzie skończyliśmy.", chat.Text);
        Assert.Contains("Pytanie 2 z 5: Co Cię interesuje?", chat.Text);
    }

    [Fact]
    public async Task A_second_answer_is_refused_and_nothing_more_about_the_survey_is_sent()
    {
        await using var chat = await ConsentedAsync();
        var survey = await CreateAsync(chat);
        await chat.UseAsync<SurveyDesk, int>(d => d.InviteAsync(survey.Id, default));
        await AnswerAllAsync(chat, survey.Id);

        await chat.PressPayloadAsync($"surveys:start:{survey.Id}");
        Assert.StartsWith("Twoje odpowiedzi na ankietę „MAM dla Ciebie” są już zapisane.", chat.Text);
        await chat.PressPayloadAsync("menu:surveys");
        Assert.StartsWith("Teraz nie ma ankiet dla Ciebie.", chat.Text);

        var invitations = (await chat.NudgesAsync()).Where(m => m.Kind == OutboxKind.SurveyInvitation).ToList();
        Assert.All(invitations, m => Assert.Equal((OutboxStatus.Skipped, OutboxReasons.SurveyAnswered), (m.Status, m.StatusReason)));
        Assert.Equal(1, await chat.QueryAsync(db => db.SurveyResponses.CountAsync()));
    }

    [Fact]
    public async Task Anonymous_answers_hold_nothing_that_points_at_the_resident_in_the_database()
    {
        await using var chat = await ConsentedAsync();
        await chat.ConsentAsAsync("chat-bogdan");
        var survey = await CreateAsync(chat);
        await AnswerAllAsync(chat, survey.Id);
        var anna = await chat.QueryAsync(db => db.ChannelIdentities.Where(i => i.ExternalId == chat.ChatId).Select(i => i.ResidentId).SingleAsync());

        var responses = await chat.QueryAsync(db => db.SurveyResponses.Include(r => r.Answers).ToListAsync());
        var response = Assert.Single(responses);
        Assert.Null(response.ResidentId);
        Assert.Null(response.SubmittedUtc);
        Assert.Empty(await chat.QueryAsync(db => db.SurveyDrafts.ToListAsync()));
        // Row ids are random, not 1, 2, 3: their order says nothing about who answered when.
        Assert.True(response.Id > int.MaxValue);
        Assert.All(response.Answers, a => Assert.True(a.Id > int.MaxValue));
        // The only trace of Anna is that she took part, with no link to what she said.
        var raw = await chat.QueryAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT COALESCE(CAST(ResidentId AS TEXT), '') AS Value FROM SurveyResponses UNION ALL SELECT COALESCE(Text, '') FROM SurveyAnswers").ToListAsync());
        Assert.DoesNotContain(raw, v => v.Contains(anna.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.True(await chat.QueryAsync(db => db.SurveyParticipations.AnyAsync(p => p.ResidentId == anna)));
        var export = await chat.UseAsync<Data.Residents.ResidentDataExport, Data.Residents.ResidentExport?>(e => e.ExportAsync(anna, default));
        Assert.Equal([("MAM dla Ciebie", true, 0)], export!.Surveys.Select(x => (x.Survey, x.Anonymous, x.Answers.Count)));
    }

    [Fact]
    public async Task A_named_survey_keeps_who_answered_and_when()
    {
        await using var chat = await ConsentedAsync();
        var survey = await CreateAsync(chat, anonymous: false);
        await AnswerAllAsync(chat, survey.Id);

        var response = await chat.QueryAsync(db => db.SurveyResponses.SingleAsync());
        Assert.NotNull(response.ResidentId);
        Assert.Equal(TestCentreNow, response.SubmittedUtc);

        var export = await chat.UseAsync<Data.Residents.ResidentDataExport, Data.Residents.ResidentExport?>(e => e.ExportAsync(response.ResidentId!.Value, default));
        var taken = Assert.Single(export!.Surveys);
        Assert.False(taken.Anonymous);
        Assert.Contains(taken.Answers, a => a.Text == "Dłużej w soboty");

        // Staff see who answered a named survey, on the results page and in the CSV (Kraków time).
        var results = (await chat.UseAsync<SurveyResults, SurveyResult?>(r => r.ForAsync(survey.Id, default)))!;
        Assert.Equal([new Respondent("Anna", TestCentreNow)], results.Respondents);
        var csv = await chat.UseAsync<SurveyResults, string>(r => r.CsvAsync(survey.Id, default));
        Assert.StartsWith("odpowiedź;kto;kiedy;Jak często bywasz w MAM?", csv);
        Assert.Contains("1;Anna;2026-11-25 10:00;Co miesiąc", csv);
    }

    private static readonly DateTime TestCentreNow = MamBot.Tests.Shared.TestCentre.Now.UtcDateTime;

    [Fact]
    public async Task Results_count_shares_averages_and_texts_and_the_csv_has_one_row_per_response()
    {
        await using var chat = await ConsentedAsync();
        var survey = await CreateAsync(chat);
        await AnswerAllAsync(chat, survey.Id);
        foreach (var (neighbour, often, scale) in new[] { ("chat-b", "1. Co tydzień", "5"), ("chat-c", "2. Co miesiąc", "3") })
        {
            await chat.ConsentAsAsync(neighbour);
            await chat.AsAsync(neighbour, null, $"surveys:start:{survey.Id}");
            await chat.AsAsync(neighbour, null, chat.ButtonPayload(often));
            await chat.AsAsync(neighbour, "2");
            await chat.AsAsync(neighbour, null, chat.ButtonPayload(scale));
            await chat.AsAsync(neighbour, "nie");
            await chat.AsAsync(neighbour, null, chat.ButtonPayload("Pomiń"));
            await chat.AsAsync(neighbour, null, chat.ButtonPayload("Wyślij"));
        }

        var results = (await chat.UseAsync<SurveyResults, SurveyResult?>(r => r.ForAsync(survey.Id, default)))!;

        Assert.Equal(3, results.Responses);
        Assert.Empty(results.Respondents); // anonymous: never who
        Assert.Equal([("Co tydzień", 1), ("Co miesiąc", 2), ("Rzadziej", 0)], results.Questions[0].Options.Select(o => (o.Label, o.Count)));
        Assert.Equal(2.0 / 3, results.Questions[0].Options[1].Share, 3);
        Assert.Equal([1, 2, 1], results.Questions[1].Options.Select(o => o.Count)); // Anna: warsztaty + sport; the two typed "2": koncerty
        Assert.Equal(4.0, results.Questions[2].Average!.Value, 3); // (4 + 5 + 3) / 3
        Assert.Equal([("tak", 1), ("nie", 2)], results.Questions[3].Options.Select(o => (o.Label, o.Count)));
        Assert.Equal(["Dłużej w soboty"], results.Questions[4].Texts);

        var csv = await chat.UseAsync<SurveyResults, string>(r => r.CsvAsync(survey.Id, default));
        var lines = csv.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("odpowiedź;Jak często bywasz w MAM?;Co Cię interesuje?;Jak oceniasz godziny otwarcia?;Czy polecisz MAM sąsiadom?;Co byś zmienił(a)?", lines[0]);
        Assert.Equal(4, lines.Count);
        Assert.Contains("Co miesiąc;\"Warsztaty; Sport\";4;tak;Dłużej w soboty", csv);
    }

    [Fact]
    public async Task The_audience_decides_who_is_invited_and_who_may_answer()
    {
        await using var chat = await ConsentedAsync(); // Anna: no categories
        await chat.ConsentAsAsync("chat-bogdan");
        await chat.AsAsync("chat-bogdan", null, "events:sub:Seniors");
        await chat.AsAsync("chat-declined", null, "consent:no");
        var seniors = await CreateAsync(chat, audience: Audience.CategorySubscribers, category: EventCategory.Seniors);
        var gym = await chat.CreateAsync("Gimnastyka", At(24, 10, month: 12));
        await chat.PressPayloadAsync($"events:join:{gym.Id}");
        var participants = await CreateAsync(chat, audience: Audience.EventParticipants, eventId: gym.Id);
        var everyone = await CreateAsync(chat);

        Assert.Equal(1, await chat.UseAsync<SurveyDesk, int>(d => d.InviteAsync(seniors.Id, default)));
        Assert.Equal(1, await chat.UseAsync<SurveyDesk, int>(d => d.InviteAsync(participants.Id, default)));
        Assert.Equal(2, await chat.UseAsync<SurveyDesk, int>(d => d.InviteAsync(everyone.Id, default)));

        await chat.PressPayloadAsync($"surveys:start:{seniors.Id}");
        Assert.StartsWith("Ta ankieta jest skierowana do innej grupy mieszkańców.", chat.Text);
        await chat.PressPayloadAsync("menu:surveys");
        Assert.Equal(["MAM dla Ciebie", "MAM dla Ciebie", "Menu"], chat.Last.Single().Buttons.SelectMany(r => r).Select(b => b.Title));
    }

    [Fact]
    public async Task Invitations_go_at_the_opening_with_one_reminder_days_later_both_expiring_at_the_close()
    {
        await using var chat = await ConsentedAsync();
        var survey = await CreateAsync(chat);
        await chat.UseAsync<SurveyDesk, int>(d => d.InviteAsync(survey.Id, default));
        await chat.UseAsync<SurveyDesk, int>(d => d.InviteAsync(survey.Id, default)); // repeated: nothing twice

        var sent = (await chat.NudgesAsync()).Where(m => m.Kind == OutboxKind.SurveyInvitation).OrderBy(m => m.DueUtc).ToList();
        Assert.Equal([TestCentreNow, At(28, 8)], sent.Select(m => m.DueUtc));
        Assert.All(sent, m => Assert.Equal(At(9, 0, month: 12), m.ExpiresUtc));
        Assert.StartsWith("Dzień dobry! Zespół MAM pyta o zdanie: „MAM dla Ciebie”.\nChcemy wiedzieć, co robić dalej.\n\nTo 5 pytań, ankieta trwa do 8 grudnia.", sent[0].Text());
        Assert.StartsWith("Przypominamy o ankiecie „MAM dla Ciebie”: trwa do 8 grudnia", sent[1].Text());
    }

    [Fact]
    public async Task A_survey_breaking_the_rules_is_not_created()
    {
        await using var chat = await TestChat.StartAsync();
        var centre = await chat.QueryAsync(db => db.Centres.Select(c => c.Id).FirstAsync());
        NewSurvey With(IReadOnlyList<NewQuestion> questions, DateTime? closes = null) =>
            new(centre, "Ankieta", "", true, Audience.AllConsented, null, null, At(25, 8), closes ?? At(9, 0, month: 12), 3, questions);

        var tooMany = Enumerable.Range(0, 11).Select(i => new NewQuestion($"Pytanie {i}", QuestionType.YesNo, true)).ToList();
        Assert.Equal("questions", (await chat.UseAsync<SurveyService, (Survey?, string?)>(s => s.CreateAsync(With(tooMany), default))).Item2);
        Assert.Equal("questions", (await chat.UseAsync<SurveyService, (Survey?, string?)>(s => s.CreateAsync(With([]), default))).Item2);
        Assert.Equal("choices", (await chat.UseAsync<SurveyService, (Survey?, string?)>(s => s.CreateAsync(With([new("Jedno?", QuestionType.SingleChoice, true, ["tylko"])]), default))).Item2);
        Assert.Equal("dates", (await chat.UseAsync<SurveyService, (Survey?, string?)>(s => s.CreateAsync(With([new("Tak?", QuestionType.YesNo, true)], At(24, 8)), default))).Item2);
        Assert.Equal(0, await chat.QueryAsync(db => db.Surveys.CountAsync()));
    }
}
