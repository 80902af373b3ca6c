using MamBot.Data.Events;
using MamBot.Data.Residents;

namespace MamBot.Data.Surveys;

public enum QuestionType { SingleChoice, MultipleChoice, Scale, YesNo, ShortText }


/// <summary>A short community survey: 1–10 questions, open between two dates, to an audience, anonymous or not.</summary>
public sealed class Survey
{
    public int Id { get; set; }
    public int CentreId { get; set; }
    public string Title { get; set; } = "";
    public string Intro { get; set; } = "";

    // The team's own versions for residents who chose Ukrainian or English; empty means only the Polish one.
    public string? TitleUk { get; set; }
    public string? TitleEn { get; set; }
    public string? IntroUk { get; set; }
    public string? IntroEn { get; set; }
    public bool IsAnonymous { get; set; }
    public Audience Audience { get; set; }
    public EventCategory? AudienceCategory { get; set; }
    public int? AudienceEventId { get; set; }
    public DateTime OpensUtc { get; set; }
    public DateTime ClosesUtc { get; set; }

    /// <summary>One reminder to those who have not answered, this many days after opening (0: none).</summary>
    public int ReminderAfterDays { get; set; } = 3;
    public DateTime CreatedUtc { get; set; }
    public List<SurveyQuestion> Questions { get; set; } = [];

    public bool IsOpenAt(DateTime utc) => OpensUtc <= utc && utc < ClosesUtc;
}

public sealed class SurveyQuestion
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int Order { get; set; }
    public string Text { get; set; } = "";
    public QuestionType Type { get; set; }
    public bool Required { get; set; }

    /// <summary>The choices of single and multiple choice questions, one per line.</summary>
    public string Options { get; set; } = "";

    // The team's own versions: the question, and its choices in the same order as the Polish ones.
    public string? TextUk { get; set; }
    public string? TextEn { get; set; }
    public string? OptionsUk { get; set; }
    public string? OptionsEn { get; set; }

    public IReadOnlyList<string> Choices => Lines(Options);

    public static IReadOnlyList<string> Lines(string? options) =>
        (options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// One submitted set of answers. For an anonymous survey it carries no resident and no time, and its id is
/// random, so nothing in the database ties it to a person (not even the order of rows).
/// </summary>
public sealed class SurveyResponse
{
    public long Id { get; set; }
    public int SurveyId { get; set; }
    public Guid? ResidentId { get; set; }
    public DateTime? SubmittedUtc { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}

/// <summary>An answer: chosen option indexes ("0,2"), a number (scale 1–5, yes 1 / no 0), or a text.</summary>
public sealed class SurveyAnswer
{
    public long Id { get; set; }
    public long ResponseId { get; set; }
    public int QuestionId { get; set; }
    public string? Choices { get; set; }
    public int? Number { get; set; }
    public string? Text { get; set; }
}

/// <summary>Who has answered (for "no second answer" and reminders), with no link to what they answered.</summary>
public sealed class SurveyParticipation
{
    public int SurveyId { get; set; }
    public Guid ResidentId { get; set; }
}

/// <summary>Answers so far of a survey being filled in, so a resident can stop and continue later. Deleted on submit.</summary>
public sealed class SurveyDraft
{
    public int SurveyId { get; set; }
    public Guid ResidentId { get; set; }
    public string AnswersJson { get; set; } = "{}";
    public DateTime UpdatedUtc { get; set; }
}
