using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Surveys;

/// <summary>One question's results: counts and shares per option, the average of a scale, the texts.</summary>
public sealed record QuestionResult(SurveyQuestion Question, int Answered, IReadOnlyList<OptionResult> Options, double? Average, IReadOnlyList<string> Texts);

/// <summary>An option (or scale point, or yes/no) with how many chose it and their share of those who answered.</summary>
public sealed record OptionResult(string Label, int Count, double Share);

/// <summary>Who answered a named survey and when; an anonymous survey has none.</summary>
public sealed record Respondent(string Name, DateTime? SubmittedUtc);

public sealed record SurveyResult(Survey Survey, int Responses, IReadOnlyList<QuestionResult> Questions, IReadOnlyList<Respondent> Respondents);

/// <summary>Results for staff: the arithmetic, and a CSV the admin panel offers for download.</summary>
public sealed class SurveyResults(MamDbContext db, SurveyService surveys)
{
    public async Task<SurveyResult?> ForAsync(int surveyId, CancellationToken ct)
    {
        var survey = await surveys.FindAsync(surveyId, ct);
        if (survey is null) return null;
        var responses = await ResponsesAsync(surveyId, ct);
        var answers = responses.SelectMany(r => r.Answers).ToList();
        var names = await NamesAsync(survey, responses, ct);
        return new SurveyResult(survey, responses.Count, [.. survey.Questions.Select(q => Of(q, [.. answers.Where(a => a.QuestionId == q.Id)]))],
            [.. responses.Where(_ => !survey.IsAnonymous).OrderBy(r => r.SubmittedUtc).Select(r => names[r.Id])]);
    }

    /// <summary>A named survey's respondents by response; never read for an anonymous one.</summary>
    private async Task<Dictionary<long, Respondent>> NamesAsync(Survey survey, List<SurveyResponse> responses, CancellationToken ct)
    {
        if (survey.IsAnonymous) return [];
        var ids = responses.Where(r => r.ResidentId is not null).Select(r => r.ResidentId!.Value).Distinct().ToList();
        var people = await db.Residents.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.DisplayName, ct);
        return responses.ToDictionary(r => r.Id, r => new Respondent(
            r.ResidentId is { } id && people.TryGetValue(id, out var name) ? (string.IsNullOrWhiteSpace(name) ? Unnamed : name) : Erased,
            r.SubmittedUtc is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null));
    }

    private const string Unnamed = "(bez imienia)", Erased = "(dane usunięte)";

    private static QuestionResult Of(SurveyQuestion q, List<SurveyAnswer> given)
    {
        var n = given.Count;
        OptionResult Option(string label, int count) => new(label, count, n == 0 ? 0 : (double)count / n);
        return q.Type switch
        {
            QuestionType.SingleChoice or QuestionType.MultipleChoice => new(q, n,
                [.. q.Choices.Select((label, i) => Option(label, given.Count(a => Indexes(a).Contains(i))))], null, []),
            QuestionType.Scale => new(q, n, [.. Enumerable.Range(1, 5).Select(v => Option(v.ToString(CultureInfo.InvariantCulture), given.Count(a => a.Number == v)))],
                n == 0 ? null : given.Average(a => a.Number ?? 0), []),
            QuestionType.YesNo => new(q, n, [Option("tak", given.Count(a => a.Number == 1)), Option("nie", given.Count(a => a.Number == 0))], null, []),
            _ => new(q, n, [], null, [.. given.Select(a => a.Text ?? "").Where(t => t.Length > 0)]),
        };
    }

    /// <summary>One row per response, one column per question, in Polish words (choices by name, tak/nie).</summary>
    public async Task<string> CsvAsync(int surveyId, CancellationToken ct)
    {
        var survey = await surveys.FindAsync(surveyId, ct) ?? throw new InvalidOperationException($"No survey {surveyId}.");
        var responses = await ResponsesAsync(surveyId, ct);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using var csv = CsvFiles.Writer(text);
        var names = await NamesAsync(survey, responses, ct);
        var zone = (await db.Centres.AsNoTracking().FirstAsync(c => c.Id == survey.CentreId, ct)).TimeZone;
        csv.WriteField("odpowiedź");
        if (!survey.IsAnonymous)
        {
            csv.WriteField("kto");
            csv.WriteField("kiedy");
        }
        foreach (var q in survey.Questions) csv.WriteField(q.Text);
        await csv.NextRecordAsync();
        // Anonymous responses have random ids: ordering by id keeps the file from reflecting the order of answering.
        var number = 0;
        foreach (var response in responses.OrderBy(r => r.Id))
        {
            csv.WriteField(++number);
            if (!survey.IsAnonymous)
            {
                csv.WriteField(names[response.Id].Name);
                var at = names[response.Id].SubmittedUtc is { } utc ? TimeZoneInfo.ConvertTimeFromUtc(utc, zone) : (DateTime?)null;
                csv.WriteField(at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "");
            }
            foreach (var q in survey.Questions)
                csv.WriteField(response.Answers.FirstOrDefault(a => a.QuestionId == q.Id) is { } a ? Words(q, a) : "");
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
        return text.ToString();
    }

    private static string Words(SurveyQuestion q, SurveyAnswer a) => q.Type switch
    {
        QuestionType.SingleChoice or QuestionType.MultipleChoice => string.Join("; ", Indexes(a).Where(i => i < q.Choices.Count).Select(i => q.Choices[i])),
        QuestionType.YesNo => a.Number == 1 ? "tak" : "nie",
        QuestionType.Scale => a.Number?.ToString(CultureInfo.InvariantCulture) ?? "",
        _ => a.Text ?? "",
    };

    private static int[] Indexes(SurveyAnswer a) =>
        [.. (a.Choices ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    private async Task<List<SurveyResponse>> ResponsesAsync(int surveyId, CancellationToken ct) =>
        await db.SurveyResponses.AsNoTracking().Include(r => r.Answers).Where(r => r.SurveyId == surveyId).ToListAsync(ct);
}
