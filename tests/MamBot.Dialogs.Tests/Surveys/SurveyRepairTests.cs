using System.Text.Json;
using MamBot.Data.Residents;
using MamBot.Data.Surveys;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Surveys;
using MamBot.Dialogs.Texts;
using Microsoft.EntityFrameworkCore;
using static MamBot.Dialogs.Tests.Events.EventsFixture;

namespace MamBot.Dialogs.Tests.Surveys;

/// <summary>
/// A survey answered the way residents really answer: typing choices in their own words, going back, asking a
/// question in the middle, changing an answer at the summary. Each row is a conversation (what the resident types,
/// or "[Button]" pressed, turn by turn) and its outcome: the step the chat is at and the answers kept, per question
/// in the Polish labels ("?" not answered yet, "-" skipped); "sent" when the answers were stored. Nothing is stored
/// before "Wyślij", and a mention of "Pomiń" always comes with its button.
/// </summary>
public class SurveyRepairTests
{
    private static readonly NewQuestion[] Questions =
    [
        new("Która pora Ci pasuje?", QuestionType.SingleChoice, true,
            ["Rano (9–12)", "Po południu (15–18)", "Wieczorem (18–21)"],
            TextUk: "Яка пора вам підходить?", ChoicesUk: ["Вранці (9–12)", "Вдень (15–18)", "Увечері (18–21)"],
            TextEn: "Which time suits you?", ChoicesEn: ["Morning (9–12)", "Afternoon (15–18)", "Evening (18–21)"]),
        new("Ile razy w miesiącu?", QuestionType.SingleChoice, true, ["1", "2", "3", "4"],
            TextUk: "Скільки разів на місяць?", ChoicesUk: ["1", "2", "3", "4"],
            TextEn: "How many times a month?", ChoicesEn: ["1", "2", "3", "4"]),
        new("Jak oceniasz zajęcia?", QuestionType.Scale, true,
            TextUk: "Як оцінюєте заняття?", TextEn: "How do you rate the classes?"),
        new("Co byś zmienił(a)?", QuestionType.ShortText, false,
            TextUk: "Що б ви змінили?", TextEn: "What would you change?"),
    ];

    [Theory]
    // Typed choices: any case, no diacritics, without the brackets, a unique part, a slip, number words.
    [InlineData("pl", "po południu", "q2", "Po południu (15–18) | ? | ? | ?")]
    [InlineData("pl", "PO POLUDNIU", "q2", "Po południu (15–18) | ? | ? | ?")]
    [InlineData("pl", "wieczorem", "q2", "Wieczorem (18–21) | ? | ? | ?")]
    [InlineData("pl", "popołudniu", "q2", "Po południu (15–18) | ? | ? | ?")]
    [InlineData("pl", "wieczorem / trzy", "q3", "Wieczorem (18–21) | 3 | ? | ?")]
    [InlineData("pl", "rano / 3 / pięć", "q4", "Rano (9–12) | 3 | 5 | ?")]
    [InlineData("pl", "rano / 3 / bardzo dobrze", "q4", "Rano (9–12) | 3 | 5 | ?")]
    [InlineData("pl", "coś innego", "q1", "? | ? | ? | ?")]
    [InlineData("pl", "po", "q1", "? | ? | ? | ?")]
    [InlineData("uk", "вдень / три / чотири", "q4", "Po południu (15–18) | 3 | 4 | ?")]
    [InlineData("en", "evening / three / 5", "q4", "Wieczorem (18–21) | 3 | 5 | ?")]
    // Back: the earlier answer stays until replaced; "Bez zmian" keeps it; nothing is before the first question.
    [InlineData("pl", "rano / wstecz", "q1", "Rano (9–12) | ? | ? | ?")]
    [InlineData("pl", "rano / 2 / [Wstecz] / [Wstecz]", "q1", "Rano (9–12) | 2 | ? | ?")]
    [InlineData("pl", "rano / 2 / [Wstecz] / [Wstecz] / wieczorem", "q3", "Wieczorem (18–21) | 2 | ? | ?")]
    [InlineData("pl", "rano / 2 / cofnij / [Bez zmian]", "q3", "Rano (9–12) | 2 | ? | ?")]
    [InlineData("pl", "wstecz", "q1", "? | ? | ? | ?")]
    [InlineData("uk", "увечері / назад", "q1", "Wieczorem (18–21) | ? | ? | ?")]
    [InlineData("en", "morning / 2 / back / 4", "q3", "Rano (9–12) | 4 | ? | ?")]
    // The summary comes before anything is sent; "Zmień" picks a question and comes back to the summary.
    [InlineData("pl", "rano / 3 / 4 / Dłużej w soboty", "summary", "Rano (9–12) | 3 | 4 | Dłużej w soboty")]
    [InlineData("pl", "rano / 3 / 4 / [Pomiń]", "summary", "Rano (9–12) | 3 | 4 | -")]
    [InlineData("pl", "rano / 3 / 4 / [Pomiń] / [Zmień]", "change", "Rano (9–12) | 3 | 4 | -")]
    [InlineData("pl", "rano / 3 / 4 / [Pomiń] / [Zmień] / 2 / dwa", "summary", "Rano (9–12) | 2 | 4 | -")]
    [InlineData("pl", "rano / 3 / 4 / [Pomiń] / zmień / 1 / [Bez zmian]", "summary", "Rano (9–12) | 3 | 4 | -")]
    [InlineData("pl", "rano / 3 / 4 / [Pomiń] / [Zmień] / wstecz", "summary", "Rano (9–12) | 3 | 4 | -")]
    [InlineData("pl", "rano / 3 / 4 / [Pomiń] / [Zmień] / [4] / Więcej jogi", "summary",
        "Rano (9–12) | 3 | 4 | Więcej jogi")]
    [InlineData("pl", "rano / 3 / 4 / Więcej jogi / [Wyślij]", "sent", "Rano (9–12) | 3 | 4 | Więcej jogi")]
    [InlineData("pl", "rano / 3 / 4 / [Pomiń] / wyślij", "sent", "Rano (9–12) | 3 | 4 | -")]
    [InlineData("uk", "вранці / 2 / 5 / Більше йоги / [Змінити] / 3 / 1 / [Надіслати]", "sent",
        "Rano (9–12) | 2 | 1 | Більше йоги")]
    [InlineData("en", "afternoon / 1 / 2 / [Skip] / send", "sent", "Po południu (15–18) | 1 | 2 | -")]
    // A question typed at a free-text step is answered, not saved; "To moja odpowiedź" saves it after all.
    [InlineData("pl", "rano / 3 / 4 / czy mogę przyjść z psem?", "q4", "Rano (9–12) | 3 | 4 | ?")]
    [InlineData("pl", "rano / 3 / 4 / a ile kosztuje sala", "q4", "Rano (9–12) | 3 | 4 | ?")]
    [InlineData("pl", "rano / 3 / 4 / kiedy będzie joga / [To moja odpowiedź]", "summary",
        "Rano (9–12) | 3 | 4 | kiedy będzie joga")]
    [InlineData("uk", "вранці / 2 / 5 / скільки коштує заняття", "q4", "Rano (9–12) | 2 | 5 | ?")]
    [InlineData("en", "morning / 2 / 5 / can I bring my dog", "q4", "Rano (9–12) | 2 | 5 | ?")]
    public async Task A_conversation_ends_at_its_step_with_its_answers_kept(string language, string turns, string step,
        string kept)
    {
        await using var chat = await SpeakingAsync(language);
        var survey = await CreateAsync(chat, Questions);
        await chat.PressPayloadAsync($"surveys:start:{survey.Id}");

        foreach (var turn in turns.Split(" / "))
        {
            await (turn.StartsWith('[') ? chat.PressAsync(turn[1..^1]) : chat.SendAsync(turn));
            SkipAgreesWithItsButton(chat, language);
            if (await StepAsync(chat) != "sent")
                Assert.Equal(0, await chat.QueryAsync(db => db.SurveyResponses.CountAsync())); // not before "Wyślij"
        }

        Assert.Equal(step, await StepAsync(chat));
        var sent = step == "sent";
        Assert.Equal(kept, Render(survey, sent ? await SentAsync(chat) : await DraftAsync(chat, survey), sent));
        using var speaking = Language.Use(language);
        if (step == "summary") Assert.NotNull(chat.ButtonPayload(T.ButtonChange));
    }

    [Theory]
    [InlineData("pl", "a ile kosztuje sala?")]
    [InlineData("uk", "скільки коштує заняття?")]
    [InlineData("en", "how much does it cost?")]
    public async Task A_question_the_faq_answers_gets_that_answer_and_the_survey_question_again(string language,
        string asked)
    {
        await using var chat = await SpeakingAsync(language);
        var survey = await CreateAsync(chat, [Questions[3] with { Required = true }]);
        await chat.PressPayloadAsync($"surveys:start:{survey.Id}");

        await chat.SendAsync(asked);

        var faq = await chat.QueryAsync(db => db.FaqEntries.Select(f => f.Answer).ToListAsync());
        Assert.Contains(faq, answer => chat.Text.Contains(answer, StringComparison.Ordinal));
        Assert.False(OffersPerson(chat));
        Assert.Equal("q1", await StepAsync(chat));
        Assert.Empty(await DraftAsync(chat, survey));
    }

    [Theory]
    [InlineData("pl", "czy mogę przyjść z psem?")]
    [InlineData("uk", "чи можна прийти з собакою")]
    [InlineData("en", "what about parking?")]
    public async Task A_question_the_faq_cannot_answer_offers_a_person_and_asks_the_survey_question_again(
        string language, string asked)
    {
        await using var chat = await SpeakingAsync(language);
        var survey = await CreateAsync(chat, [Questions[3] with { Required = true }]);
        await chat.PressPayloadAsync($"surveys:start:{survey.Id}");

        await chat.SendAsync(asked);

        Assert.True(OffersPerson(chat));
        Assert.Equal("q1", await StepAsync(chat));
        Assert.Empty(await DraftAsync(chat, survey));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Pomin_is_offered_and_named_only_for_optional_questions(bool required)
    {
        await using var chat = await SpeakingAsync("pl");
        var survey = await CreateAsync(chat,
            [new("Co Cię interesuje?", QuestionType.MultipleChoice, required, ["Warsztaty", "Sport"])]);
        await chat.PressPayloadAsync($"surveys:start:{survey.Id}");
        Assert.Equal(!required, HasButton(chat, T.ButtonSkip));

        await chat.PressAsync(T.ButtonDone); // nothing ticked

        Assert.Equal(!required, HasButton(chat, T.ButtonSkip));
        SkipAgreesWithItsButton(chat, "pl");
        Assert.Equal("q1", await StepAsync(chat));
    }

    [Fact]
    public async Task The_summary_shows_every_answer_and_a_button_from_an_earlier_question_changes_nothing()
    {
        await using var chat = await SpeakingAsync("pl");
        var survey = await CreateAsync(chat, Questions);
        await chat.PressPayloadAsync($"surveys:start:{survey.Id}");
        await chat.SendAsync("wieczorem");
        var oldButton = chat.ButtonPayload("3. 3");
        foreach (var turn in new[] { "3", "4", "Dłużej w soboty" }) await chat.SendAsync(turn);

        Assert.All(new[] { "Wieczorem (18–21)", "Dłużej w soboty" }, answer => Assert.Contains(answer, chat.Text));
        await chat.PressPayloadAsync(oldButton); // question 2's "3", pressed at the summary

        Assert.Equal("summary", await StepAsync(chat));
        Assert.Equal("Wieczorem (18–21) | 3 | 4 | Dłużej w soboty", Render(survey, await DraftAsync(chat, survey)));
    }

    private static async Task<TestChat> SpeakingAsync(string language)
    {
        var chat = await TestChat.StartAsync();
        if (language != "pl") await chat.PressPayloadAsync($"lang:{language}");
        await chat.PressPayloadAsync("consent:yes");
        return chat;
    }

    private static async Task<Survey> CreateAsync(TestChat chat, NewQuestion[] questions)
    {
        var centre = await chat.QueryAsync(db => db.Centres.Select(c => c.Id).FirstAsync());
        var versions = new SurveyVersions("Заняття в MAM", "Classes at MAM", "Чотири запитання.", "Four questions.");
        var request = new NewSurvey(centre, "Zajęcia w MAM", "Cztery pytania.", true, Audience.AllConsented, null, null,
            At(25, 8), At(9, 0, month: 12), 3, questions, versions);
        var (survey, problem) =
            await chat.UseAsync<SurveyService, (Survey?, string?)>(s => s.CreateAsync(request, default));
        return survey ?? throw new InvalidOperationException(problem);
    }

    /// <summary>The survey's step ("q2", "summary", "change"), or "sent" when no survey is answered any more.</summary>
    private static Task<string> StepAsync(TestChat chat) => chat.QueryAsync(async db =>
    {
        var json = await db.ConversationStates.Where(s => s.ChatId == chat.ChatId)
            .Select(s => s.StateJson).SingleAsync();
        var frame = ConversationData.FromJson(json).Stack.LastOrDefault();
        return frame is { DialogId: AnswerSurveyDialog.DialogId } ? frame.Step : "sent";
    });

    private static async Task<Dictionary<int, GivenAnswer>> DraftAsync(TestChat chat, Survey survey)
    {
        var resident = await chat.QueryAsync(db => db.Residents.Select(r => r.Id).SingleAsync());
        return await chat.UseAsync<SurveyService, Dictionary<int, GivenAnswer>>(
            s => s.DraftAsync(survey.Id, resident, default));
    }

    private static async Task<Dictionary<int, GivenAnswer>> SentAsync(TestChat chat)
    {
        var response = await chat.QueryAsync(db => db.SurveyResponses.Include(r => r.Answers).SingleAsync());
        var answers = response.Answers.ToDictionary(a => a.QuestionId, a => new GivenAnswer(
            a.Choices?.Split(',').Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            a.Number, a.Text));
        return answers;
    }

    /// <summary>"Rano (9–12) | 3 | 4 | -": in Polish; "?" none yet, "-" skipped (not stored when sent).</summary>
    private static string Render(Survey survey, Dictionary<int, GivenAnswer> answers, bool sent = false) =>
        string.Join(" | ", survey.Questions.Select(q => !answers.TryGetValue(q.Id, out var a) ? (sent ? "-" : "?")
        : a.IsEmpty ? "-"
        : a.Choices is { Count: > 0 } c ? string.Join(" + ", c.Select(i => q.Choices[i]))
        : a.Number is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : a.Text!));

    private static bool OffersPerson(TestChat chat) =>
        chat.Last.SelectMany(r => r.Buttons).SelectMany(b => b).Any(b => b.Payload == "handoff:start");

    private static bool HasButton(TestChat chat, string title) =>
        chat.Last.SelectMany(r => r.Buttons).SelectMany(b => b).Any(b => b.Title == title);

    /// <summary>Whatever names "Pomiń" (hint, error) comes with its button, and the button with its hint.</summary>
    private static void SkipAgreesWithItsButton(TestChat chat, string language)
    {
        using var speaking = Language.Use(language);
        var named = chat.Last.Any(r => r.Text.Contains(T.ButtonSkip, StringComparison.Ordinal)
            || r.Text.Contains(T.SurveyOptional, StringComparison.Ordinal));
        Assert.Equal(HasButton(chat, T.ButtonSkip), named);
    }
}
