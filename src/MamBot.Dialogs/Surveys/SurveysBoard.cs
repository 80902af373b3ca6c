using System.Globalization;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Menu;
using MamBot.Data.Surveys;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Welcome;

namespace MamBot.Dialogs.Surveys;

/// <summary>"Ankiety" ("surveys:…"): the open surveys this resident may answer, and starting (or continuing) one.</summary>
public sealed class SurveysBoard(SurveyService surveys) : IButtonAction
{
    public const string Prefix = "surveys";
    string IButtonAction.Prefix => Prefix;
    public bool LeavesActiveDialog => true;

    public async Task HandleAsync(DialogContext dc, string argument, CancellationToken ct)
    {
        if (WelcomeActions.ConsentedOrAsk(dc) is not { } resident) return;
        var parts = argument.Split(':');
        if (parts[0] == "start" && parts.Length == 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var id))
        {
            var survey = await surveys.FindAsync(id, ct);
            if (survey is null || survey.CentreId != dc.Centre.Id || !survey.IsOpenAt(dc.Now.UtcDateTime))
                dc.Say(MainMenu.Render(Wording.Format(T.SurveyClosed, survey?.TitleText().Text ?? "")));
            else if (await surveys.HasAnsweredAsync(id, resident.Id, ct))
                dc.Say(MainMenu.Render(Wording.Format(T.SurveyAlreadyAnswered, survey.TitleText().Text)));
            else if (!(await surveys.AudienceAsync(survey, ct)).Contains(resident.Id))
                dc.Say(MainMenu.Render(T.SurveyNotForYou));
            else
                await dc.BeginDialogAsync(AnswerSurveyDialog.DialogId, parts[1], ct);
            return;
        }

        var open = await surveys.OpenForAsync(resident, ct);
        if (open.Count == 0)
        {
            dc.Say(MainMenu.Render(T.SurveysNone));
            return;
        }
        var lines = open.Select(s => "• " + Wording.Format(T.SurveyLine, s.TitleText().Text, Wording.Count(s.Questions.Count, T.QuestionsForms), AnswerSurveyDialog.Closes(dc, s)));
        var rows = open.Take(6).Select(s => (IReadOnlyList<Button>)[new(s.TitleText().Text, $"surveys:start:{s.Id}")]).ToList();
        rows.Add([new(T.ButtonMenu, "menu:main")]);
        dc.Say(new Reply(Wording.Format(T.SurveysList, string.Join("\n", lines)), rows));
    }
}
