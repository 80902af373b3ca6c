using MamBot.Data.Broadcasts;
using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Data.Residents;
using MamBot.Data.Surveys;

namespace MamBot.Dialogs.Texts;

/// <summary>
/// Words the team wrote: in Polish, and in Ukrainian and English when they added those versions in the panel.
/// A resident reads the version in the language spoken now, else the Polish one with a line saying so
/// (<see cref="Wording.ByTheTeam(string, bool)"/>).
/// </summary>
public readonly record struct TeamText(string Polish, string? Ukrainian = null, string? English = null)
{
    /// <summary>The team's version in the language spoken now; null when they wrote none.</summary>
    public string? Now => Language.Current switch
    {
        Languages.Ukrainian => Languages.Version(Ukrainian),
        Languages.English => Languages.Version(English),
        _ => Polish,
    };

    /// <summary>What the resident reads: the version in their language, else the Polish one.</summary>
    public string Text => Now ?? Polish;

    /// <summary>Whether the resident reads it in the language spoken now.</summary>
    public bool InLanguageSpoken => Now is not null;

    /// <summary>The text on its own in a message: with the line saying it is Polish when it is.</summary>
    public string Shown => Wording.ByTheTeam(Text, InLanguageSpoken);
}

/// <summary>The team's texts of each kind, with their versions.</summary>
public static class TeamTexts
{
    public static TeamText Words(this HouseRule rule) => new(rule.Text, rule.TextUk, rule.TextEn);

    public static TeamText DescriptionText(this CommunityEvent e) => new(e.Description, e.DescriptionUk, e.DescriptionEn);

    // Names read as they are: in the resident's language when the team wrote it, else the Polish one, with no line
    // saying so (a name is no text to translate).

    /// <summary>"Гончарна майстерня" for a Ukrainian resident when the team wrote it, else "Warsztaty ceramiki".</summary>
    public static string TitleNow(this CommunityEvent e) => new TeamText(e.Title, e.TitleUk, e.TitleEn).Text;

    public static string OrganiserNow(this CommunityEvent e) => new TeamText(e.Organiser, e.OrganiserUk, e.OrganiserEn).Text;

    public static string NameNow(this Room r) => new TeamText(r.Name, r.NameUk, r.NameEn).Text;

    /// <summary>What a room has, in the resident's language when the team wrote it, else Polish (with the note when shown).</summary>
    public static TeamText EquipmentNow(this Room r) => new(r.Equipment, r.EquipmentUk, r.EquipmentEn);

    public static TeamText DescriptionNow(this Room r) => new(r.Description, r.DescriptionUk, r.DescriptionEn);

    /// <summary>Where to get the key, in the resident's language when the team wrote it (an empty note stays empty).</summary>
    public static string KeyPickupNow(this Centre c) => new TeamText(c.KeyPickup, c.KeyPickupUk, c.KeyPickupEn).Text;

    public static TeamText Words(this Broadcast broadcast) => new(broadcast.Text, broadcast.TextUk, broadcast.TextEn);

    /// <summary>A question and its answer, both in the language spoken when the team wrote both, else both in Polish.</summary>
    public static (string Question, string Answer, bool InLanguageSpoken) Read(this FaqEntry f)
    {
        var question = new TeamText(f.Question, f.QuestionUk, f.QuestionEn);
        var answer = new TeamText(f.Answer, f.AnswerUk, f.AnswerEn);
        return question.Now is { } q && answer.Now is { } a ? (q, a, true) : (f.Question, f.Answer, false);
    }

    public static TeamText TitleText(this Survey s) => new(s.Title, s.TitleUk, s.TitleEn);

    public static TeamText IntroText(this Survey s) => new(s.Intro, s.IntroUk, s.IntroEn);

    public static TeamText Words(this SurveyQuestion q) => new(q.Text, q.TextUk, q.TextEn);

    /// <summary>A question's choices, one per line, as the team wrote them in each language.</summary>
    private static TeamText ChoicesText(this SurveyQuestion q) => new(q.Options, q.OptionsUk, q.OptionsEn);

    /// <summary>The choices the resident reads: the team's version in their language, else the Polish ones (same order).</summary>
    public static IReadOnlyList<string> ChoicesNow(this SurveyQuestion q) =>
        q.ChoicesText().Now is { } version ? SurveyQuestion.Lines(version) : q.Choices;

    /// <summary>Whether the whole survey (title, introduction, every question and its choices) reads in the language spoken.</summary>
    public static bool InLanguageSpoken(this Survey s) =>
        s.TitleText().InLanguageSpoken && (s.Intro.Length == 0 || s.IntroText().InLanguageSpoken)
        && s.Questions.All(q => q.Words().InLanguageSpoken && (q.Options.Length == 0 || q.ChoicesText().InLanguageSpoken));

    /// <summary>Every version of a FAQ question, for matching what a resident typed in any language.</summary>
    public static string AllVersions(this FaqEntry f) => string.Join(' ', f.Question, f.QuestionUk, f.QuestionEn);

    /// <summary>Every version of a house rule, for matching what a resident asked in any language.</summary>
    public static string AllVersions(this HouseRule r) => string.Join(' ', r.Text, r.TextUk, r.TextEn);
}
