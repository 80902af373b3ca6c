using System.Globalization;
using MamBot.Data.Ideas;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Welcome;

namespace MamBot.Dialogs.Ideas;

/// <summary>"Pomysły" ("ideas:…"): propose one, browse published ones, support ("Popieram", once), offer help, my ideas.</summary>
public sealed class IdeasBoard(IdeaService ideas, IdeaDesk desk) : IButtonAction
{
    public const string Prefix = "ideas";
    string IButtonAction.Prefix => Prefix;
    public bool LeavesActiveDialog => true;

    public async Task HandleAsync(DialogContext dc, string argument, CancellationToken ct)
    {
        var parts = argument.Split(':');
        var id = parts.Length >= 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var n) ? n : 0;
        switch (parts[0])
        {
            case "list":
                await ListAsync(dc, id, ct);
                return;
            case "show":
                await ShowAsync(dc, id, ct);
                return;
            case not ("propose" or "support" or "help" or "mine"):
                dc.Say(Intro());
                return;
        }

        if (WelcomeActions.ConsentedOrAsk(dc) is not { } resident) return;
        switch (parts[0])
        {
            case "propose": await dc.BeginDialogAsync(ProposeIdeaDialog.DialogId, null, ct); break;
            case "support": await SupportAsync(dc, resident, id, ct); break;
            case "help" when await ideas.FindAsync(id, ct) is { IsVisible: true } idea:
                await dc.BeginDialogAsync(OfferHelpDialog.DialogId, $"{idea.Id}", ct);
                break;
            case "help": dc.Say(Intro(T.IdeaNotAvailable)); break;
            default: await MineAsync(dc, resident, ct); break;
        }
    }

    public static Reply Intro(string? before = null) => Reply.WithButtons(before is null ? T.IdeasIntro : before + "\n\n" + T.IdeasIntro,
        [new(T.ButtonProposeIdea, "ideas:propose"), new(T.ButtonBrowseIdeas, "ideas:list:0")],
        [new(T.ButtonMyIdeas, "ideas:mine"), new(T.ButtonMenu, "menu:main")]);

    private async Task ListAsync(DialogContext dc, int page, CancellationToken ct)
    {
        var visible = await ideas.VisibleAsync(dc.Centre.Id, ct);
        if (visible.Count == 0)
        {
            dc.Say(Intro(T.IdeasNone));
            return;
        }
        var list = PagedList.Of(visible, page, x => Wording.Format(T.IdeaLine, x.Idea.Title, x.Supporters, IdeaDesk.StatusName(x.Idea.Status)),
            x => (x.Idea.Title, $"ideas:show:{x.Idea.Id}"), p => $"ideas:list:{p}");
        var text = T.IdeasListHeader + "\n\n" + string.Join("\n", list.Lines) + (list.PageNote.Length > 0 ? "\n\n" + list.PageNote : "");
        var rows = list.Rows;
        rows.Add([new(T.ButtonProposeIdea, "ideas:propose"), new(T.ButtonMenu, "menu:main")]);
        dc.Say(new Reply(text, rows));
    }

    private async Task ShowAsync(DialogContext dc, int ideaId, CancellationToken ct)
    {
        if (await ideas.FindAsync(ideaId, ct) is not { IsVisible: true } idea || idea.CentreId != dc.Centre.Id)
        {
            dc.Say(Intro(T.IdeaNotAvailable));
            return;
        }
        var supporters = await ideas.SupportersAsync(idea.Id, ct);
        var text = Wording.Format(T.IdeaCard, idea.Title, idea.Description, idea.ForWhom, idea.Needs, idea.AuthorBrings,
            IdeaDesk.StatusName(idea.Status), Wording.Count(supporters, T.PeopleForms));
        dc.Say(Reply.WithButtons(text,
            [new(T.ButtonSupport, $"ideas:support:{idea.Id}"), new(T.ButtonOfferHelp, $"ideas:help:{idea.Id}")],
            [new(T.ButtonBrowseIdeas, "ideas:list:0"), new(T.ButtonMenu, "menu:main")]));
    }

    private async Task SupportAsync(DialogContext dc, Resident resident, int ideaId, CancellationToken ct)
    {
        var result = await desk.SupportAsync(ideaId, resident.Id, ct);
        if (result.Idea is not { IsVisible: true } idea)
        {
            dc.Say(Intro(T.IdeaNotAvailable));
            return;
        }
        var count = Wording.Count(result.Supporters, T.PeopleForms);
        dc.Say(Reply.WithRow(Wording.Format(result.Counted ? T.IdeaSupported : T.IdeaAlreadySupported, idea.Title, count),
            new(T.ButtonOfferHelp, $"ideas:help:{idea.Id}"), new(T.ButtonBrowseIdeas, "ideas:list:0"), new(T.ButtonMenu, "menu:main")));
    }

    private async Task MineAsync(DialogContext dc, Resident resident, CancellationToken ct)
    {
        var mine = await ideas.ByAuthorAsync(resident.Id, ct);
        if (mine.Count == 0)
        {
            dc.Say(Intro(T.MyIdeasNone));
            return;
        }
        var lines = mine.Select(i => $"• {Wording.Quoted(i.Title)} – {IdeaDesk.StatusName(i.Status)}");
        dc.Say(Reply.WithRow(Wording.Format(T.MyIdeasList, string.Join("\n", lines)), new(T.ButtonProposeIdea, "ideas:propose"), new(T.ButtonMenu, "menu:main")));
    }
}

/// <summary>"Chcę pomóc": asks how, in a few words, then passes it on.</summary>
public sealed class OfferHelpDialog(IdeaDesk desk, IdeaService ideas) : Dialog
{
    public const string DialogId = "ideas.help";
    public override string Id => DialogId;

    public override Task BeginAsync(DialogContext dc, string? argument, CancellationToken ct)
    {
        dc.ActiveFrame!.Values["idea"] = argument!;
        return RepromptAsync(dc, ct);
    }

    public override Task ContinueAsync(DialogContext dc, CancellationToken ct) => RepromptAsync(dc, ct);

    public override async Task RepromptAsync(DialogContext dc, CancellationToken ct)
    {
        var idea = await ideas.FindAsync(int.Parse(dc.ActiveFrame!.Values["idea"], CultureInfo.InvariantCulture), ct);
        await TextPrompt.AskAsync(dc, Wording.Format(T.IdeaHelpAsk, idea!.Title), 3, 500, ct);
    }

    public override async Task ResumeAsync(DialogContext dc, string? result, CancellationToken ct)
    {
        var ideaId = int.Parse(dc.ActiveFrame!.Values["idea"], CultureInfo.InvariantCulture);
        await dc.EndDialogAsync(null, ct);
        var idea = dc.Resident is { } resident && result is not null ? await desk.OfferHelpAsync(ideaId, resident.Id, result, ct) : null;
        dc.Say(idea is null ? IdeasBoard.Intro(T.IdeaNotAvailable)
            : Reply.WithRow(T.IdeaHelpThanks, new(T.ButtonBrowseIdeas, "ideas:list:0"), new(T.ButtonMenu, "menu:main")));
    }
}
