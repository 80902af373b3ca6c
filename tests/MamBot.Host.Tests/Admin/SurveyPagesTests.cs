using System.Net;
using System.Text;
using MamBot.Data.Outbox;
using MamBot.Host.Jobs;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Admin;

/// <summary>"Ankiety" through the real pipeline: the builder, invitations on saving, results with shares, CSV, closing early.</summary>
public sealed class SurveyPagesTests : IDisposable
{
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;

    public SurveyPagesTests() => _app = _bed.Start();

    public void Dispose() => _bed.Dispose();

    private static (string, string)[] Survey(string opensDay = "2026-11-25", params (string, string)[] questions) =>
    [
        ("Form.Title", "Ferie w MAM"), ("Form.Intro", "Trzy krótkie pytania."), ("Form.Anonymous", "true"), ("Form.Anonymous", "false"),
        ("Form.Audience", "AllConsented"), ("Form.OpensDay", opensDay), ("Form.OpensAt", "10:00"), ("Form.ClosesDay", "2026-12-06"),
        ("Form.ReminderAfterDays", "3"), .. questions,
    ];

    private static readonly (string, string)[] TwoQuestions =
    [
        ("Form.Questions[0].Text", "Która pora Ci pasuje?"), ("Form.Questions[0].Type", "SingleChoice"),
        ("Form.Questions[0].Choices", "rano\r\npo południu\r\nwieczorem"), ("Form.Questions[0].Required", "true"),
        ("Form.Questions[1].Text", "Jak oceniasz zajęcia w tym roku?"), ("Form.Questions[1].Type", "Scale"), ("Form.Questions[1].Choices", ""),
        ("Form.Questions[2].Text", ""), ("Form.Questions[2].Type", "ShortText"),
    ];

    private async Task<PageChat> ConsentedResidentAsync(string conversation)
    {
        var chat = new PageChat(_app.CreateClient(), conversation);
        await chat.PressAsync("consent:yes");
        return chat;
    }

    [Fact]
    public async Task A_survey_with_a_one_choice_question_and_no_title_is_refused_in_polish_and_nothing_is_stored()
    {
        var staff = await StaffSession.SignInAsync(_app);
        var response = await staff.PostAsync("/admin/surveys/new?handler=Save", With(Survey(questions:
        [
            ("Form.Questions[0].Text", "Która pora?"), ("Form.Questions[0].Type", "SingleChoice"), ("Form.Questions[0].Choices", "rano"),
        ]), "Form.Title", ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = StaffSession.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Podaj tytuł ankiety (3–120 znaków).", text);
        Assert.Contains("Pytanie 1: wpisz od 2 do 10 odpowiedzi, każdą w osobnej linii.", text);
        Assert.False(await _app.QueryAsync(db => db.Surveys.AnyAsync()));

        var noQuestions = await staff.PostAsync("/admin/surveys/new?handler=Save", Survey());
        Assert.Contains("Dodaj co najmniej jedno pytanie.", StaffSession.Text(await noQuestions.Content.ReadAsStringAsync()));
        var closedAlready = await staff.PostAsync("/admin/surveys/new?handler=Save", With(Survey("2026-11-20", TwoQuestions), "Form.ClosesDay", "2026-11-24"));
        Assert.Contains("Dzień zamknięcia już minął.", StaffSession.Text(await closedAlready.Content.ReadAsStringAsync()));
        Assert.False(await _app.QueryAsync(db => db.Surveys.AnyAsync()));
    }

    [Fact]
    public async Task The_teams_ukrainian_version_invites_a_ukrainian_resident_and_a_version_with_other_choices_is_refused()
    {
        var olena = new PageChat(_app.CreateClient(), "browser-olena-4c1d9e0b7a2f6e83d5a1");
        await olena.PressAsync("lang:uk");
        await olena.PressAsync("consent:yes");
        var staff = await StaffSession.SignInAsync(_app);
        (string, string)[] ukrainian =
        [
            ("Form.TitleUk", "Канікули в MAM"), ("Form.IntroUk", "Три короткі питання."),
            ("Form.Questions[0].TextUk", "Яка пора вам підходить?"), ("Form.Questions[0].ChoicesUk", "вранці\r\nвдень\r\nввечері"),
            ("Form.Questions[1].TextUk", "Як оцінюєте заняття цього року?"),
        ];

        var refused = await staff.PostAsync("/admin/surveys/new?handler=Save",
            With([.. Survey(questions: TwoQuestions), .. ukrainian], "Form.Questions[0].ChoicesUk", "вранці\r\nввечері"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Pytanie 1: wersja „ukraiński” potrzebuje tylu odpowiedzi, ile polska", StaffSession.Text(await refused.Content.ReadAsStringAsync()));
        Assert.False(await _app.QueryAsync(db => db.Surveys.AnyAsync()));

        await staff.SubmitAsync("/admin/surveys/new?handler=Save", [.. Survey(questions: TwoQuestions), .. ukrainian]);
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        await Eventually.HoldsAsync(async () => PageChat.Replies(await olena.MessagesAfterAsync(0))
            .Any(r => r.GetProperty("text").GetString()!.Contains("«Канікули в MAM»", StringComparison.Ordinal)), "the invitation arrives in Ukrainian");
        var surveyId = await _app.QueryAsync(db => db.Surveys.Select(s => s.Id).SingleAsync());
        await olena.PressAsync($"surveys:start:{surveyId}");
        Assert.Contains("Яка пора вам підходить?", olena.Text);
        await olena.PressTitleAsync("3. ввечері");
        Assert.Contains("Як оцінюєте заняття цього року?", olena.Text);
    }

    [Fact]
    public async Task Adding_a_question_keeps_what_was_typed_and_saves_nothing()
    {
        var staff = await StaffSession.SignInAsync(_app);
        Assert.Equal(3, CountOf(await staff.PageAsync("/admin/surveys/new"), "<fieldset"));

        var response = await staff.PostAsync("/admin/surveys/new?handler=AddQuestion", Survey(questions: TwoQuestions));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(4, CountOf(html, "<fieldset"));
        Assert.Contains("value=\"Która pora Ci pasuje?\"", html);
        Assert.Contains("rano\r\npo południu\r\nwieczorem</textarea>", html.Replace("&#xD;&#xA;", "\r\n", StringComparison.Ordinal));
        Assert.False(await _app.QueryAsync(db => db.Surveys.AnyAsync()));
    }

    [Fact]
    public async Task Saving_invites_the_residents_and_the_results_show_counts_shares_the_average_and_a_csv()
    {
        var ala = await ConsentedResidentAsync("browser-ala-8be0362489c467998270");
        var bartek = await ConsentedResidentAsync("browser-bartek-ec7f4e7856dc6c3d9");
        await new PageChat(_app.CreateClient(), "browser-stranger-5b3268a0ba47d13").SendAsync("dzień dobry"); // no consent: not invited
        var staff = await StaffSession.SignInAsync(_app);

        var results = await staff.SubmitAsync("/admin/surveys/new?handler=Save", Survey(questions: TwoQuestions));

        Assert.Contains("Zapisano ankietę „Ferie w MAM”. Liczba zaproszonych osób: 2. Zaproszenia wyjdą od razu (w ciszy nocnej – rano).", StaffSession.Text(results));
        Assert.Contains("trwa do 6 grudnia · anonimowa · odpowiedzi: 0", StaffSession.Text(results));
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        var surveyId = await _app.QueryAsync(db => db.Surveys.Select(s => s.Id).SingleAsync());

        foreach (var (chat, pick, rating) in new[] { (ala, "2. po południu", "4"), (bartek, "2. po południu", "5") })
        {
            var invitation = PageChat.Replies(await chat.MessagesAfterAsync(0)).Single(r => r.GetProperty("text").GetString()!.Contains("„Ferie w MAM”", StringComparison.Ordinal));
            Assert.Equal($"surveys:start:{surveyId}", invitation.GetProperty("buttons")[0][0].GetProperty("payload").GetString());
            await chat.PressAsync($"surveys:start:{surveyId}");
            await chat.PressTitleAsync(pick);
            await chat.PressTitleAsync(rating);
            Assert.NotNull(chat.Button("Zmień")); // the summary: nothing is sent before "Wyślij"
            await chat.PressTitleAsync("Wyślij");
            Assert.Contains("Dziękujemy za udział w ankiecie „Ferie w MAM”!", chat.Text);
        }

        var text = StaffSession.Text(await staff.PageAsync($"/admin/surveys/{surveyId}"));
        Assert.Contains("odpowiedzi: 2", text);
        Assert.Contains("rano 0 (0%) po południu 2 (100%) wieczorem 0 (0%)", text);
        Assert.Contains("2. Jak oceniasz zajęcia w tym roku? odpowiedzi na to pytanie: 2 · średnia: 4,5", text);
        Assert.Contains("Ferie w MAM – trwa do 6 grudnia, pytania: 2, odpowiedzi: 2", StaffSession.Text(await staff.PageAsync("/admin/surveys")));

        var csv = await staff.Http.GetAsync($"/admin/surveys/{surveyId}?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"ankieta-{surveyId}.csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("odpowiedź;Która pora Ci pasuje?;Jak oceniasz zajęcia w tym roku?", lines[0]);
        // Rows are numbered in the random order of anonymous responses, not in the order of answering.
        Assert.Equal(["1", "2"], lines[1..].Select(l => l.Split(';')[0]));
        Assert.Equal(["po południu;4", "po południu;5"], lines[1..].Select(l => l[(l.IndexOf(';', StringComparison.Ordinal) + 1)..]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Closing_a_survey_early_drops_the_invitations_not_yet_sent()
    {
        var ala = await ConsentedResidentAsync("browser-ala-8be0362489c467998270");
        var staff = await StaffSession.SignInAsync(_app);
        await staff.SubmitAsync("/admin/surveys/new?handler=Save", Survey("2026-11-27", TwoQuestions));
        var surveyId = await _app.QueryAsync(db => db.Surveys.Select(s => s.Id).SingleAsync());
        Assert.Contains("Ferie w MAM – otwiera się w piątek, 27 listopada, 10:00, do 6 grudnia", StaffSession.Text(await staff.PageAsync("/admin/surveys")));

        var ask = StaffSession.Text(await (await staff.PostAsync($"/admin/surveys?handler=Close&id={surveyId}")).Content.ReadAsStringAsync());
        Assert.Contains("Zamknąć ankietę? „Ferie w MAM”: nikt już nie odpowie", ask); // asked once; still open
        Assert.Contains("Ferie w MAM – otwiera się", StaffSession.Text(await staff.PageAsync("/admin/surveys")));

        var list = await staff.SubmitAsync($"/admin/surveys?handler=Close&id={surveyId}", ("confirmed", "yes"));

        Assert.Contains("Zamknięto ankietę. Niewysłane zaproszenia i przypomnienia nie wyjdą.", StaffSession.Text(list));
        Assert.Contains("Ferie w MAM – zamknięta", StaffSession.Text(list));
        Assert.All(await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == OutboxKind.SurveyInvitation).ToListAsync()),
            m => Assert.Equal((OutboxStatus.Skipped, OutboxReasons.SurveyClosed), (m.Status, m.StatusReason)));
        _bed.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        await ala.PressAsync("menu:surveys");
        Assert.DoesNotContain("Ferie w MAM", ala.Text);

        // Closed by mistake: opened again, the resident finds it in the chat (the dropped invitations stay dropped).
        staff = await StaffSession.SignInWithPasswordAsync(_app, "ania@mam.example", StaffSession.Password); // two days later
        var reopened = StaffSession.Text(await staff.SubmitAsync($"/admin/surveys?handler=Reopen&id={surveyId}", ("until", "2026-12-06")));
        Assert.Contains("Otwarto ankietę ponownie, do 6 grudnia.", reopened);
        Assert.Contains("Ferie w MAM – trwa do 6 grudnia", reopened);
        await ala.PressAsync("menu:surveys");
        Assert.Contains("Ferie w MAM", ala.Text);
    }

    [Fact]
    public async Task A_survey_that_does_not_exist_is_not_found()
    {
        var staff = await StaffSession.SignInAsync(_app);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync("/admin/surveys/999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync("/admin/surveys/999?handler=Csv")).StatusCode);
    }

    private static (string, string)[] With((string Name, string Value)[] fields, string name, string value) =>
        [.. fields.Select(f => f.Name == name ? (name, value) : f)];

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
