using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Data.Surveys;
using MamBot.Dialogs.Surveys;
using MamBot.Host.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Surveys;

/// <summary>Survey invitations through the real host: outbox, Hangfire dispatch, quiet hours, the web chat.</summary>
public sealed class SurveyInvitationTests : IDisposable
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;
    private readonly PageChat _chat;

    public SurveyInvitationTests()
    {
        _app = _bed.Start();
        _chat = new PageChat(_app.CreateClient(), "browser-surveys-cbecb9de13608157");
    }

    public void Dispose() => _bed.Dispose();

    private static DateTime At(int day, int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, day, hour, 0, 0), Krakow);

    private async Task<List<string>> ArrivedAsync(string containing) =>
        [.. PageChat.Replies(await _chat.MessagesAfterAsync(0)).Select(r => r.GetProperty("text").GetString()!).Where(t => t.Contains(containing, StringComparison.Ordinal))];

    [Fact]
    public async Task A_survey_opening_late_in_the_evening_invites_at_eight_and_the_answer_drops_the_reminder()
    {
        await _chat.PressAsync("consent:yes");
        await _chat.PressAsync("settings:off:Tips");
        int surveyId;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var centre = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Centres.Select(c => c.Id).FirstAsync();
            var (survey, _) = await scope.ServiceProvider.GetRequiredService<SurveyService>().CreateAsync(new NewSurvey(centre, "Godziny otwarcia",
                "Dwa pytania.", true, Audience.AllConsented, null, null, At(25, 22), At(30, 22), 2,
                [new("Czy godziny Ci pasują?", QuestionType.YesNo, true)]), default);
            await scope.ServiceProvider.GetRequiredService<SurveyDesk>().InviteAsync(survey!.Id, default);
            surveyId = survey.Id;
        }

        _bed.Time.SetUtcNow(At(25, 22));
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        Assert.Empty(await ArrivedAsync("pyta o zdanie"));

        _bed.Time.SetUtcNow(At(26, 8));
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        Assert.Single(await ArrivedAsync("Zespół MAM pyta o zdanie: „Godziny otwarcia”"));

        var invitation = PageChat.Replies(await _chat.MessagesAfterAsync(0)).Last(r => r.GetProperty("text").GetString()!.Contains("pyta o zdanie", StringComparison.Ordinal));
        Assert.Equal($"surveys:start:{surveyId}", invitation.GetProperty("buttons")[0][0].GetProperty("payload").GetString());
        await _chat.PressAsync($"surveys:start:{surveyId}");
        await _chat.PressAsync(_chat.Button("Tak"));
        await _chat.PressAsync(_chat.Button("Wyślij")); // after the summary
        Assert.Contains("Dziękujemy za udział w ankiecie „Godziny otwarcia”!", _chat.Text);

        _bed.Time.SetUtcNow(At(28, 10));
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        Assert.Empty(await ArrivedAsync("Przypominamy o ankiecie"));
        var reminder = await _app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.IdempotencyKey.EndsWith(":remind")));
        Assert.Equal((OutboxStatus.Skipped, OutboxReasons.SurveyAnswered), (reminder.Status, reminder.StatusReason));
    }
}
