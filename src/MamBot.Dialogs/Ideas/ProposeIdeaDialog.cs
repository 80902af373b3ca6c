using System.Text.RegularExpressions;
using MamBot.Data.Ideas;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Menu;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Ideas;

/// <summary>
/// "Zgłoś pomysł" as a form: title → a few sentences → for whom → what it needs → what the author brings →
/// may staff get in touch and how → summary → send. Nothing is stored until the resident sends it.
/// </summary>
public sealed partial class ProposeIdeaDialog(IdeaDesk desk) : FormDialog
{
    public const string DialogId = "ideas.propose";
    public override string Id => DialogId;

    protected override IReadOnlyList<FormSlot> Slots { get; } =
    [
        FormSlot.Of("title", _ => Reply.Plain(T.IdeaAskTitle), (_, t) => Length(t, 3, 80)),
        FormSlot.Of("description", _ => Reply.Plain(T.IdeaAskDescription), (_, t) => Length(t, 10, 1000)),
        FormSlot.Of("forwhom", _ => Reply.WithButtons(T.IdeaAskForWhom,
            [Option(T.ForWhomEveryone, T.ForWhomEveryone), Option(T.ForWhomSeniors, T.ForWhomSeniors)],
            [Option(T.ForWhomKids, T.ForWhomKids), Option(T.ForWhomFamilies, T.ForWhomFamilies)],
            [Option(T.ForWhomYouth, T.ForWhomYouth)]), (_, t) => Length(t, 3, 200)),
        FormSlot.Of("needs", _ => Reply.WithRow(T.IdeaAskNeeds, Option(T.ButtonNotSureYet, T.ButtonNotSureYet)), (_, t) => Length(t, 2, 1000)),
        FormSlot.Of("brings", _ => Reply.WithRow(T.IdeaAskBrings, Option(T.ButtonJustTheIdea, T.ButtonJustTheIdea)), (_, t) => Length(t, 2, 1000)),
        FormSlot.Of("contact", _ => Reply.WithRow(T.IdeaAskContact, Option(T.ButtonContactChat, "chat"), Option(T.ButtonContactNo, "no")), ParseContact),
        FormSlot.Of("confirm", Summary, (_, t) => t is "yes" or "no" ? SlotValue.Ok(t)
            : TypedWords.Send.Match(t) ? SlotValue.Ok("yes") : SlotValue.Invalid(T.PromptPickOne)),
    ];

    /// <summary>
    /// "mam pomysł na warsztaty szycia" names the idea, so the form goes on to the description; "Пропоную ідею:
    /// Розмовний клуб. Раз на тиждень…" gives both: the named part up to its full stop, and the sentences after it.
    /// </summary>
    protected override IReadOnlyDictionary<string, string> Understand(DialogContext dc, string text)
    {
        var found = new Dictionary<string, string>();
        var named = IdeaName().Match(text);
        if (!named.Success) return found;
        var said = named.Groups["title"].Value.Trim();
        var end = said.IndexOfAny(['.', '!', '?']);
        var title = (end > 0 ? said[..end] : said).Trim().TrimEnd(',', ';');
        if (title.Length is < 3 or > 80) return found;
        found["title"] = char.ToUpper(title[0], Wording.Culture) + title[1..];
        var more = end > 0 ? said[(end + 1)..].Trim() : "";
        if (more.Length >= 10 && !dc.ActiveFrame!.Values.ContainsKey("description")) found["description"] = more;
        return found;
    }

    /// <summary>Once the idea has a title and a few sentences, "wyślij" sends it; the rest is for the team to ask.</summary>
    protected override IReadOnlyDictionary<string, string>? SendNow(DialogContext dc) =>
        dc.ActiveFrame!.Values.ContainsKey("description")
            ? new Dictionary<string, string>
            {
                ["forwhom"] = T.ForWhomEveryone, ["needs"] = T.ButtonNotSureYet, ["brings"] = T.ButtonJustTheIdea,
                ["contact"] = "chat", ["confirm"] = "yes",
            }
            : null;

    // Typed words are the idea itself: a question typed here is answered, never saved as the title.
    protected override bool IsFreeText(string slot) => slot is "title" or "description" or "forwhom" or "needs" or "brings";

    [GeneratedRegex(@"(?:\bpomys[lł]\w*\s+(?:na|o)\s+|(?:\bpomys[lł]\w*|\bidea|ідею|ідея|идею|идея|пропоную|предлагаю)\s*[:–—-]\s*)(?<title>\S.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex IdeaName();

    protected override async Task CompleteAsync(DialogContext dc, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        await dc.EndDialogAsync(null, ct);
        if (values["confirm"] != "yes" || dc.Resident is not { } author)
        {
            dc.Say(MainMenu.Render(T.IdeaDropped));
            return;
        }
        var contact = values["contact"] switch { "no" => null, var c => c };
        var idea = await desk.SubmitAsync(new NewIdea(dc.Centre.Id, author.Id, values["title"], values["description"],
            values["forwhom"], values["needs"], values["brings"], contact), ct);
        dc.Say(Reply.WithRow(Wording.Format(T.IdeaSent, idea.Title), new(T.ButtonMyIdeas, "ideas:mine"), new(T.ButtonMenu, "menu:main")));
    }

    private static Reply Summary(DialogContext dc)
    {
        var v = dc.ActiveFrame!.Values;
        var contact = v["contact"] switch { "chat" => T.ContactChat, "no" => T.ContactNo, var c => c };
        return Reply.WithRow(Wording.Format(T.IdeaSummary, v["title"], v["description"], v["forwhom"], v["needs"], v["brings"], contact),
            Option(T.ButtonSendIdea, "yes"), Option(T.ButtonNoThanks, "no"));
    }

    /// <summary>A phone number, an e-mail address, or the buttons' "chat" / "no".</summary>
    private static SlotValue ParseContact(DialogContext dc, string text)
    {
        var t = text.Trim();
        if (t is "chat" or "no") return SlotValue.Ok(t);
        if (TypedWords.Skip.Match(t)) return SlotValue.Ok("no");
        if (TypedWords.ByChat.Match(t)) return SlotValue.Ok("chat");
        var digits = t.Count(char.IsAsciiDigit);
        var isPhone = digits is >= 9 and <= 15 && t.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-');
        var isEmail = t.Length <= 120 && t.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && t.IndexOf('.', at) > at + 1 && !t.Contains(' ', StringComparison.Ordinal);
        return isPhone || isEmail ? SlotValue.Ok(t) : SlotValue.Invalid(T.IdeaContactBad);
    }

    private static SlotValue Length(string text, int min, int max)
    {
        var t = text.Trim();
        return TextPrompt.LengthProblem(t, min, max) is { } problem ? SlotValue.Invalid(problem) : SlotValue.Ok(t);
    }
}
