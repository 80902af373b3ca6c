using MamBot.Data.Centres;
using MamBot.Data.Outbox;
using MamBot.Data.Surveys;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Surveys;

/// <summary>
/// Survey invitations through the outbox: one invitation at the opening time and one reminder some days later to
/// each resident in the audience (quiet hours, the daily cap and channel rules apply at delivery); answering
/// drops that resident's reminder, closing expires what is left.
/// </summary>
public sealed class SurveyDesk(SurveyService surveys, OutboxStore outbox, CentreDirectory centres, RecipientLanguage recipients, TimeProvider time)
{
    /// <summary>Queues invitations (and reminders) for the survey's audience as it is now. Safe to repeat: new audience members are added.</summary>
    public async Task<int> InviteAsync(int surveyId, CancellationToken ct)
    {
        var survey = await surveys.FindAsync(surveyId, ct) ?? throw new InvalidOperationException($"No survey {surveyId}.");
        var zone = (await centres.GetAsync(survey.CentreId, ct)).TimeZone;
        var now = time.GetUtcNow().UtcDateTime;
        if (survey.ClosesUtc <= now) return 0;
        var opens = survey.OpensUtc > now ? survey.OpensUtc : now;
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(survey.ClosesUtc.AddMinutes(-1), zone));

        var invited = 0;
        foreach (var residentId in await surveys.AudienceAsync(survey, ct))
        {
            if (await surveys.HasAnsweredAsync(survey.Id, residentId, ct)) continue;
            using var speaking = Language.Use(await recipients.OfAsync(residentId, ct));
            var closes = Wording.DayAndMonth(lastDay);
            var answer = new Button(T.ButtonAnswerSurvey, $"surveys:start:{survey.Id}");
            var title = survey.TitleText().Text;
            var intro = Wording.ByTheTeam(survey.IntroText().Text, survey.InLanguageSpoken());
            var invitation = Reply.WithRow(Wording.Format(T.SurveyInvitation,
                title, intro, Wording.Count(survey.Questions.Count, T.QuestionsForms), closes), answer).ToJson();
            var reminder = Reply.WithRow(Wording.Format(T.SurveyReminder, title, closes), answer).ToJson();
            await Queue(survey, residentId, "invite", opens, invitation, ct);
            if (survey.ReminderAfterDays > 0 && survey.OpensUtc.AddDays(survey.ReminderAfterDays) is var remindAt && remindAt < survey.ClosesUtc)
                await Queue(survey, residentId, "remind", remindAt > opens ? remindAt : opens.AddDays(survey.ReminderAfterDays), reminder, ct);
            invited++;
        }
        return invited;
    }

    /// <summary>Staff close the survey early: invitations and reminders not yet sent are dropped.</summary>
    public async Task<bool> CloseAsync(int surveyId, CancellationToken ct)
    {
        if (!await surveys.CloseNowAsync(surveyId, ct)) return false;
        await outbox.SkipQueuedAsync($"survey:{surveyId}:", OutboxReasons.SurveyClosed, ct);
        return true;
    }

    /// <summary>Undoes "Zamknij teraz": answers are taken again until the new end; dropped invitations stay dropped.</summary>
    public Task<bool> ReopenAsync(int surveyId, DateTime closesUtc, CancellationToken ct) => surveys.ReopenAsync(surveyId, closesUtc, ct);

    /// <summary>The resident answered: nothing more about this survey goes to them.</summary>
    public Task AnsweredAsync(int surveyId, Guid residentId, CancellationToken ct) =>
        outbox.SkipQueuedAsync(KeyPrefix(surveyId, residentId), OutboxReasons.SurveyAnswered, ct);

    private Task<OutboxMessage> Queue(Survey survey, Guid residentId, string what, DateTime dueUtc, string body, CancellationToken ct) =>
        outbox.EnqueueAsync(new OutboxMessage
        {
            IdempotencyKey = KeyPrefix(survey.Id, residentId) + what,
            Kind = OutboxKind.SurveyInvitation,
            ResidentId = residentId,
            DueUtc = dueUtc,
            ExpiresUtc = survey.ClosesUtc,
            Body = body,
        }, ct);

    private static string KeyPrefix(int surveyId, Guid residentId) => $"survey:{surveyId}:resident:{residentId}:";
}
