using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MamBot.Data.Ideas;
using MamBot.Data.Residents;
using MamBot.Data.Surveys;
using MamBot.Dialogs.Ideas;
using MamBot.Dialogs.Surveys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Admin;

/// <summary>
/// The LLM in the panel and in the chat's tools, against a scripted OpenAI-compatible server on 127.0.0.1 (the LLM is
/// the only fake): staff summaries of new ideas and of open answers, what is sent, a timeout, the events tool, and
/// draft translations of the team's texts that staff read before saving.
/// </summary>
public sealed class LlmSummaryTests : IAsyncLifetime
{
    private readonly HostTestBed _bed = new();
    private readonly ConcurrentQueue<JsonNode> _requests = new();
    private WebApplication _llm = null!;
    private TimeSpan _delay = TimeSpan.Zero;
    private string? _tool;
    private string _content = "";
    private Func<JsonNode, string>? _answer; // an answer that depends on what was asked
    private MamApp _app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _llm = builder.Build();
        _llm.MapPost("/v1/chat/completions", async (HttpRequest request, CancellationToken ct) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body, cancellationToken: ct))!;
            _requests.Enqueue(body);
            await Task.Delay(_delay, ct);
            var toolDone = body["messages"]!.AsArray().Any(m => (string?)m!["role"] == "tool");
            var tool = _tool is null ? null : body["tools"]?.AsArray().Select(t => (string?)t!["function"]!["name"]).FirstOrDefault(n => n!.EndsWith(_tool, StringComparison.Ordinal));
            object message = toolDone || tool is null
                ? new { role = "assistant", content = _answer?.Invoke(body) ?? _content }
                : new { role = "assistant", content = (string?)null, tool_calls = new[] { new { id = "call_1", type = "function", function = new { name = tool, arguments = "{}" } } } };
            return Results.Json(new
            {
                id = "chatcmpl-1", @object = "chat.completion", created = 1795589215, model = "bielik",
                choices = new[] { new { index = 0, message, finish_reason = toolDone || tool is null ? "stop" : "tool_calls" } },
                usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
            });
        });
        await _llm.StartAsync();
        _app = _bed.Start(new Dictionary<string, string?>
        {
            ["Llm:Endpoint"] = _llm.Urls.Single() + "/v1", ["Llm:Model"] = "bielik", ["Llm:TimeoutSeconds"] = "5", ["Llm:SummaryTimeoutSeconds"] = "2",
        });
    }

    public async Task DisposeAsync()
    {
        _bed.Dispose();
        await _llm.DisposeAsync();
    }

    private async Task<Guid> ResidentAsync(string conversation)
    {
        await new PageChat(_app.CreateClient(), conversation).PressAsync("consent:yes");
        return await _app.QueryAsync(db => db.Residents.Where(r => r.Identities.Any(i => i.ExternalId == conversation)).Select(r => r.Id).SingleAsync());
    }

    private async Task IdeaAsync(Guid author, string title, string contact)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var centre = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Centres.Select(c => c.Id).FirstAsync();
        await scope.ServiceProvider.GetRequiredService<IdeaDesk>().SubmitAsync(new NewIdea(centre, author, title, "Spotykamy się co tydzień.",
            "dla sąsiadów", "sala mała", "prowadzę", contact), default);
    }

    private static string UserMessage(JsonNode request) => (string)request["messages"]!.AsArray().Single(m => (string?)m!["role"] == "user")!["content"]!;

    /// <summary>A translator: each Polish text of the JSON array it is sent, "translated" by a marker of the language asked for.</summary>
    private static string Translate(JsonNode request)
    {
        var system = (string)request["messages"]!.AsArray().First(m => (string?)m!["role"] == "system")!["content"]!;
        var marker = system.Contains("na ukraiński", StringComparison.Ordinal) ? "UK" : "EN";
        var texts = JsonNode.Parse(UserMessage(request))!.AsArray().Select(t => $"{marker}: {(string)t!}");
        return System.Text.Json.JsonSerializer.Serialize(texts);
    }

    [Fact]
    public async Task A_draft_translation_fills_only_the_empty_fields_of_an_announcement_and_saves_nothing()
    {
        _answer = Translate;
        var staff = await StaffSession.SignInAsync(_app);
        Assert.Contains("Szkic tłumaczenia (model językowy)", StaffSession.Text(await staff.PageAsync("/admin/broadcasts")));

        var page = await (await staff.PostAsync("/admin/broadcasts?handler=Draft", ("Form.Text", "W sobotę sprzątamy podwórko."),
            ("Form.Audience", "AllConsented"), ("Form.TextUk", ""), ("Form.TextEn", "On Saturday we tidy the yard."))).Content.ReadAsStringAsync();

        Assert.Contains(">UK: W sobotę sprzątamy podwórko.</textarea>", page);
        Assert.Contains(">On Saturday we tidy the yard.</textarea>", page); // staff's own words stay
        Assert.Contains("Szkic tłumaczenia od modelu językowego jest w polach po ukraińsku i angielsku.", StaffSession.Text(page));
        Assert.Equal("[\"W sobotę sprzątamy podwórko.\"]", UserMessage(Assert.Single(_requests))); // only the team's Polish text
        Assert.False(await _app.QueryAsync(db => db.Broadcasts.AnyAsync()));
    }

    [Fact]
    public async Task House_rules_are_drafted_line_by_line_and_a_model_answer_that_does_not_fit_leaves_the_fields_empty()
    {
        _answer = Translate;
        var admin = await StaffSession.SignInAsync(_app, "szef@mam.example", Data.Staff.StaffRoles.Admin);
        var before = await _app.QueryAsync(db => db.Set<Data.Centres.HouseRule>().OrderBy(r => r.Order).Select(r => r.TextUk).ToListAsync());
        (string, string)[] centre =
        [
            ("Form.Name", "MAM Na Kozłówce"), ("Form.Address", "os. Na Kozłówce, Kraków"), ("Form.Phone", "12 345 67 89"), ("Form.Email", ""),
            ("Form.HouseRules", "Sprzątamy po sobie.\r\nCisza po 21:00."), ("Form.HouseRulesUk", "\r\nТиша після 21:00."), ("Form.HouseRulesEn", ""),
            ("Form.Faq[0].Question", "Czy jest Wi-Fi?"), ("Form.Faq[0].Answer", "Tak."),
        ];

        var page = await (await admin.PostAsync("/admin/centre?handler=Draft", centre)).Content.ReadAsStringAsync();
        Assert.Contains(">UK: Sprzątamy po sobie.\nТиша після 21:00.</textarea>", page.Replace("&#xA;", "\n", StringComparison.Ordinal));
        Assert.Contains(">EN: Sprzątamy po sobie.\nEN: Cisza po 21:00.</textarea>", page.Replace("&#xA;", "\n", StringComparison.Ordinal));
        Assert.Contains("value=\"UK: Czy jest Wi-Fi?\"", page);

        _answer = _ => "[\"only one\"]";
        page = await (await admin.PostAsync("/admin/centre?handler=Draft", centre)).Content.ReadAsStringAsync();
        Assert.Contains("Model językowy nie przygotował teraz szkicu tłumaczenia.", StaffSession.Text(page));
        Assert.DoesNotContain("only one", page);
        // A draft is only shown: what is saved stays as it was.
        Assert.Equal(before, await _app.QueryAsync(db => db.Set<Data.Centres.HouseRule>().OrderBy(r => r.Order).Select(r => r.TextUk).ToListAsync()));
    }

    [Fact]
    public async Task A_surveys_choices_are_drafted_in_their_order()
    {
        _answer = Translate;
        var staff = await StaffSession.SignInAsync(_app);
        var page = await (await staff.PostAsync("/admin/surveys/new?handler=Draft",
            ("Form.Title", "Ferie w MAM"), ("Form.Intro", ""), ("Form.Audience", "AllConsented"), ("Form.OpensDay", "2026-11-25"), ("Form.ClosesDay", "2026-12-06"),
            ("Form.Questions[0].Text", "Która pora?"), ("Form.Questions[0].Type", "SingleChoice"), ("Form.Questions[0].Choices", "rano\r\nwieczorem"))).Content.ReadAsStringAsync();

        Assert.Contains("value=\"UK: Ferie w MAM\"", page);
        Assert.Contains("value=\"EN: Która pora?\"", page);
        Assert.Contains(">UK: rano\nUK: wieczorem</textarea>", page.Replace("&#xA;", "\n", StringComparison.Ordinal));
        Assert.False(await _app.QueryAsync(db => db.Surveys.AnyAsync()));
    }

    [Fact]
    public async Task Staff_get_a_summary_of_new_ideas_made_from_their_texts_only()
    {
        _content = "1. Dwa pomysły o grach (1, 2) – warto je połączyć.";
        var ala = await ResidentAsync("browser-ala-8be0362489c467998270");
        await IdeaAsync(ala, "Klub szachowy", "600 100 200");
        await IdeaAsync(ala, "Wieczór planszówek", "ala@example.org");
        var staff = await StaffSession.SignInAsync(_app);
        Assert.Contains("Podsumuj nowe pomysły (model językowy)", StaffSession.Text(await staff.PageAsync("/admin/ideas")));

        var page = StaffSession.Text(await (await staff.PostAsync("/admin/ideas?handler=Summary")).Content.ReadAsStringAsync());

        Assert.Contains("Podsumowanie nowych pomysłów 1. Dwa pomysły o grach (1, 2) – warto je połączyć.", page);
        Assert.Contains("Klub szachowy", page); // the ideas are still listed under it
        var sent = UserMessage(Assert.Single(_requests));
        Assert.Contains("„Klub szachowy”: Spotykamy się co tydzień.", sent);
        Assert.Contains("„Wieczór planszówek”", sent);
        Assert.DoesNotContain("600 100 200", sent);
        Assert.DoesNotContain("ala@example.org", sent);
        Assert.Contains("przejrzeć nowe pomysły mieszkańców", (string?)_requests.Single()["messages"]![0]!["content"]);
    }

    [Fact]
    public async Task A_model_too_slow_for_a_summary_gets_a_polish_notice_and_the_page_still_works()
    {
        _delay = TimeSpan.FromSeconds(5);
        await IdeaAsync(await ResidentAsync("browser-ala-8be0362489c467998270"), "Klub szachowy", "");
        var staff = await StaffSession.SignInAsync(_app);
        await staff.PageAsync("/admin/ideas");

        var response = await staff.PostAsync("/admin/ideas?handler=Summary");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = StaffSession.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Model językowy nie odpowiedział na czas albo zgłosił błąd.", page);
        Assert.Contains("Klub szachowy", page);
    }

    [Fact]
    public async Task Open_survey_answers_are_summarised_per_question()
    {
        _content = "Mieszkańcy chcą zajęć wieczorem (2 odpowiedzi).";
        var ala = await ResidentAsync("browser-ala-8be0362489c467998270");
        var bartek = await ResidentAsync("browser-bartek-ec7f4e7856dc6c3d9");
        int surveyId, questionId;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var centre = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Centres.Select(c => c.Id).FirstAsync();
            var service = scope.ServiceProvider.GetRequiredService<SurveyService>();
            var (survey, _) = await service.CreateAsync(new NewSurvey(centre, "Co dalej?", "", true, Audience.AllConsented, null, null,
                new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 5, 23, 0, 0, DateTimeKind.Utc), 0,
                [new("Czego brakuje w MAM?", QuestionType.ShortText, true)]), default);
            surveyId = survey!.Id;
            questionId = survey.Questions[0].Id;
            await service.SubmitAsync(surveyId, ala, new Dictionary<int, GivenAnswer> { [questionId] = new(Text: "zajęć wieczorem") }, default);
            await service.SubmitAsync(surveyId, bartek, new Dictionary<int, GivenAnswer> { [questionId] = new(Text: "jogi po pracy") }, default);
        }
        var staff = await StaffSession.SignInAsync(_app);
        await staff.PageAsync($"/admin/surveys/{surveyId}");

        var page = StaffSession.Text(await (await staff.PostAsync($"/admin/surveys/{surveyId}?handler=Summary&question={questionId}")).Content.ReadAsStringAsync());

        Assert.Contains("Mieszkańcy chcą zajęć wieczorem (2 odpowiedzi). Podsumowanie przygotował model językowy.", page);
        var sent = UserMessage(Assert.Single(_requests));
        Assert.Contains("zajęć wieczorem", sent);
        Assert.Contains("jogi po pracy", sent);
        Assert.Contains("„Co dalej?” na pytanie: „Czego brakuje w MAM?”", (string?)_requests.Single()["messages"]![0]!["content"]);
    }

    [Fact]
    public async Task In_the_chat_the_model_can_look_up_this_weeks_events()
    {
        _tool = "upcoming_events";
        _content = """{"intent":"none","slots":{},"answer":"W czwartek o 17:00 jest Kawa sąsiedzka."}""";
        var chat = new PageChat(_app.CreateClient(), "browser-ala-8be0362489c467998270");
        await chat.PressAsync("consent:yes");

        await chat.SendAsync("gdzie mogę napić się kawy z sąsiadami?");

        Assert.StartsWith("W czwartek o 17:00 jest Kawa sąsiedzka.", chat.Text, StringComparison.Ordinal);
        var toolResult = _requests.Last()["messages"]!.AsArray().Single(m => (string?)m!["role"] == "tool");
        Assert.Contains("czwartek, 26 listopada, 17:00 – Kawa sąsiedzka", (string?)toolResult!["content"]);
    }
}
