using System.Security.Cryptography;
using System.Text.Json;
using MamBot.Data.Events;
using MamBot.Data.Residents;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Surveys;

/// <summary>A question; its Ukrainian and English versions (text, and choices in the Polish order) are optional.</summary>
public sealed record NewQuestion(string Text, QuestionType Type, bool Required, IReadOnlyList<string>? Choices = null,
    string? TextUk = null, string? TextEn = null, IReadOnlyList<string>? ChoicesUk = null, IReadOnlyList<string>? ChoicesEn = null);

/// <summary>The team's optional Ukrainian and English title and introduction of a survey.</summary>
public sealed record SurveyVersions(string? TitleUk = null, string? TitleEn = null, string? IntroUk = null, string? IntroEn = null);

public sealed record NewSurvey(int CentreId, string Title, string Intro, bool IsAnonymous, Audience Audience,
    EventCategory? AudienceCategory, int? AudienceEventId, DateTime OpensUtc, DateTime ClosesUtc, int ReminderAfterDays, IReadOnlyList<NewQuestion> Questions,
    SurveyVersions? Versions = null);

/// <summary>What a resident answered to one question, before it is stored.</summary>
public sealed record GivenAnswer(IReadOnlyList<int>? Choices = null, int? Number = null, string? Text = null)
{
    public bool IsEmpty => (Choices is null || Choices.Count == 0) && Number is null && string.IsNullOrWhiteSpace(Text);
}

public enum SubmitOutcome { Saved, AlreadyAnswered, Closed, NotInAudience, MissingRequired }

public sealed class SurveyService(MamDbContext db, TimeProvider time)
{
    public const int MaxQuestions = 10;

    /// <summary>Creates a survey; null with the reason when it breaks a rule (1–10 questions, 2–10 choices, dates in order).</summary>
    public async Task<(Survey? Survey, string? Problem)> CreateAsync(NewSurvey request, CancellationToken ct)
    {
        if (request.Questions.Count is 0 or > MaxQuestions) return (null, "questions");
        if (request.ClosesUtc <= request.OpensUtc) return (null, "dates");
        if (request.Questions.Any(q => q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice && q.Choices is not { Count: >= 2 and <= 10 }))
            return (null, "choices");
        if (request.Audience == Audience.CategorySubscribers && request.AudienceCategory is null
            || request.Audience == Audience.EventParticipants && request.AudienceEventId is null) return (null, "audience");

        var survey = new Survey
        {
            CentreId = request.CentreId,
            Title = request.Title.Trim(),
            Intro = request.Intro.Trim(),
            TitleUk = Languages.Version(request.Versions?.TitleUk),
            TitleEn = Languages.Version(request.Versions?.TitleEn),
            IntroUk = Languages.Version(request.Versions?.IntroUk),
            IntroEn = Languages.Version(request.Versions?.IntroEn),
            IsAnonymous = request.IsAnonymous,
            Audience = request.Audience,
            AudienceCategory = request.AudienceCategory,
            AudienceEventId = request.AudienceEventId,
            OpensUtc = request.OpensUtc,
            ClosesUtc = request.ClosesUtc,
            ReminderAfterDays = request.ReminderAfterDays,
            CreatedUtc = Now,
            Questions = [.. request.Questions.Select((q, i) => new SurveyQuestion
            {
                Order = i,
                Text = q.Text.Trim(),
                Type = q.Type,
                Required = q.Required,
                Options = string.Join('\n', q.Choices ?? []),
                TextUk = Languages.Version(q.TextUk),
                TextEn = Languages.Version(q.TextEn),
                OptionsUk = ChoicesVersion(q.Choices, q.ChoicesUk),
                OptionsEn = ChoicesVersion(q.Choices, q.ChoicesEn),
            })],
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        return (survey, null);
    }

    /// <summary>A version of the choices stands only with one choice for each Polish one: answers are kept by position.</summary>
    private static string? ChoicesVersion(IReadOnlyList<string>? polish, IReadOnlyList<string>? version) =>
        version is { Count: > 0 } && version.Count == (polish?.Count ?? 0) ? string.Join('\n', version.Select(v => v.Trim())) : null;

    /// <summary>The centre's surveys, newest first, with how many have answered each.</summary>
    public async Task<IReadOnlyList<(Survey Survey, int Responses)>> ListAsync(int centreId, CancellationToken ct)
    {
        var surveys = await db.Surveys.AsNoTracking().Include(s => s.Questions).Where(s => s.CentreId == centreId)
            .OrderByDescending(s => s.OpensUtc).ToListAsync(ct);
        var counts = await db.SurveyParticipations.GroupBy(p => p.SurveyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return [.. surveys.Select(s => (s, counts.GetValueOrDefault(s.Id)))];
    }

    /// <summary>Closes an open (or not yet opened) survey now; false when it had already closed.</summary>
    public async Task<bool> CloseNowAsync(int surveyId, CancellationToken ct)
    {
        var now = Now;
        return await db.BulkWriteAsync(ct => db.Surveys.Where(s => s.Id == surveyId && s.ClosesUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosesUtc, now).SetProperty(x => x.OpensUtc, x => x.OpensUtc > now ? now : x.OpensUtc), ct), ct) == 1;
    }

    /// <summary>Opens a closed survey again until the given time (answers given stay); false when it is open or the time has passed.</summary>
    public async Task<bool> ReopenAsync(int surveyId, DateTime closesUtc, CancellationToken ct)
    {
        var now = Now;
        if (closesUtc <= now) return false;
        await using var transaction = await db.BeginWriteAsync(ct);
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == surveyId && s.ClosesUtc <= now, ct);
        if (survey is null) return false;
        survey.ClosesUtc = closesUtc;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public Task<Survey?> FindAsync(int surveyId, CancellationToken ct) =>
        db.Surveys.AsNoTracking().Include(s => s.Questions.OrderBy(q => q.Order)).FirstOrDefaultAsync(s => s.Id == surveyId, ct);

    /// <summary>Consented residents the survey is meant for.</summary>
    public Task<IReadOnlyList<Guid>> AudienceAsync(Survey survey, CancellationToken ct) =>
        db.ResidentsInAsync(survey.CentreId, survey.Audience, survey.AudienceCategory, survey.AudienceEventId, ct);

    /// <summary>Open surveys this resident may answer and has not answered yet.</summary>
    public async Task<IReadOnlyList<Survey>> OpenForAsync(Resident resident, CancellationToken ct)
    {
        var now = Now;
        var open = await db.Surveys.AsNoTracking().Include(s => s.Questions)
            .Where(s => s.CentreId == resident.CentreId && s.OpensUtc <= now && s.ClosesUtc > now)
            .OrderBy(s => s.ClosesUtc).ToListAsync(ct);
        var answered = await db.SurveyParticipations.Where(p => p.ResidentId == resident.Id).Select(p => p.SurveyId).ToListAsync(ct);
        var result = new List<Survey>();
        foreach (var survey in open.Where(s => !answered.Contains(s.Id)))
            if ((await AudienceAsync(survey, ct)).Contains(resident.Id)) result.Add(survey);
        return result;
    }

    public Task<bool> HasAnsweredAsync(int surveyId, Guid residentId, CancellationToken ct) =>
        db.SurveyParticipations.AnyAsync(p => p.SurveyId == surveyId && p.ResidentId == residentId, ct);

    public async Task<Dictionary<int, GivenAnswer>> DraftAsync(int surveyId, Guid residentId, CancellationToken ct)
    {
        var draft = await db.SurveyDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.SurveyId == surveyId && d.ResidentId == residentId, ct);
        return draft is null ? [] : JsonSerializer.Deserialize<Dictionary<int, GivenAnswer>>(draft.AnswersJson) ?? [];
    }

    public async Task SaveDraftAsync(int surveyId, Guid residentId, Dictionary<int, GivenAnswer> answers, CancellationToken ct)
    {
        var draft = await db.SurveyDrafts.FirstOrDefaultAsync(d => d.SurveyId == surveyId && d.ResidentId == residentId, ct);
        if (draft is null) db.SurveyDrafts.Add(draft = new SurveyDraft { SurveyId = surveyId, ResidentId = residentId });
        draft.AnswersJson = JsonSerializer.Serialize(answers);
        draft.UpdatedUtc = Now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Stores the answers once per resident (a second answer is refused). For anonymous surveys the response
    /// gets no resident, no time and a random id; who answered is kept apart, only to refuse a second answer.
    /// </summary>
    public async Task<SubmitOutcome> SubmitAsync(int surveyId, Guid residentId, IReadOnlyDictionary<int, GivenAnswer> answers, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        var survey = await FindAsync(surveyId, ct);
        if (survey is null || !survey.IsOpenAt(Now)) return SubmitOutcome.Closed;
        if (await HasAnsweredAsync(surveyId, residentId, ct)) return SubmitOutcome.AlreadyAnswered;
        if (!(await AudienceAsync(survey, ct)).Contains(residentId)) return SubmitOutcome.NotInAudience;
        if (survey.Questions.Any(q => q.Required && (!answers.TryGetValue(q.Id, out var a) || a.IsEmpty))) return SubmitOutcome.MissingRequired;

        var response = new SurveyResponse
        {
            Id = RandomId(),
            SurveyId = surveyId,
            ResidentId = survey.IsAnonymous ? null : residentId,
            SubmittedUtc = survey.IsAnonymous ? null : Now,
            Answers = [.. survey.Questions.Where(q => answers.TryGetValue(q.Id, out var a) && !a.IsEmpty).Select(q => new SurveyAnswer
            {
                Id = RandomId(),
                QuestionId = q.Id,
                Choices = answers[q.Id].Choices is { Count: > 0 } c ? string.Join(',', c.Order()) : null,
                Number = answers[q.Id].Number,
                Text = answers[q.Id].Text?.Trim(),
            })],
        };
        db.SurveyResponses.Add(response);
        db.SurveyParticipations.Add(new SurveyParticipation { SurveyId = surveyId, ResidentId = residentId });
        await db.SurveyDrafts.Where(d => d.SurveyId == surveyId && d.ResidentId == residentId).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return SubmitOutcome.Saved;
    }

    /// <summary>Random positive ids: rows of anonymous answers carry no order that could be matched to who answered when.</summary>
    private static long RandomId() => RandomNumberGenerator.GetInt32(1, int.MaxValue) * 4_294_967_296L + RandomNumberGenerator.GetInt32(0, int.MaxValue);

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
