using System.Globalization;
using MamBot.Data.Centres;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.About;

/// <summary>"O MAM": address, contact, opening hours, house rules and FAQ, all from the centre's data. Needs no consent.</summary>
public sealed class AboutCentre : IButtonAction
{
    public string Prefix => "about";

    // Reading about the centre does not interrupt a dialog in progress.
    public bool LeavesActiveDialog => false;

    public Task HandleAsync(DialogContext dc, string argument, CancellationToken ct)
    {
        dc.Say(argument switch
        {
            "hours" => HoursReply(dc),
            "contact" => ContactReply(dc),
            "rules" => Rules(dc),
            "faq" => FaqList(dc, T.AboutFaqTitle),
            _ => Overview(dc),
        });
        return Task.CompletedTask;
    }

    private static Reply Overview(DialogContext dc)
    {
        var centre = dc.Centre;
        var hours = Wording.OpeningHours(centre.OpeningHours);
        var text = Wording.Format(T.AboutIntro, centre.Name, centre.Address, ContactLines(dc),
            hours.Count == 0 ? T.HoursNone : string.Join("\n", hours));
        if (centre.IsSample) text += "\n\n" + T.AboutSample;
        return Reply.WithButtons(text,
            [new(T.ButtonRules, "about:rules"), new(T.ButtonFaq, "about:faq")],
            [new(T.ButtonMenu, "menu:main")]);
    }

    public static Reply HoursReply(DialogContext dc)
    {
        var hours = Wording.OpeningHours(dc.Centre.OpeningHours);
        var text = T.ButtonHours + ":\n" + (hours.Count == 0 ? T.HoursNone : string.Join("\n", hours));
        return Reply.WithRow(text, new(T.ButtonContact, "about:contact"), new(T.ButtonMenu, "menu:main"));
    }

    public static Reply ContactReply(DialogContext dc) => Reply.WithRow(
        $"{dc.Centre.Name}\n📍 {dc.Centre.Address}\n{ContactLines(dc)}",
        new(T.ButtonHours, "about:hours"), new(T.ButtonMenu, "menu:main"));

    /// <summary>
    /// A question about the rules: with no subject ("jakie są zasady?") all of them; otherwise the FAQ entry or the
    /// rules about that subject, and when none speaks of it, that plainly, with whom to ask.
    /// </summary>
    public static Reply RulesFor(DialogContext dc, string? question)
    {
        var subject = FaqMatcher.Subject(question);
        if (subject.Count == 0) return Rules(dc);
        if (FaqMatcher.Find(question, dc.Centre.Faq) is { } faq) return FaqAnswer.Render(faq);
        var about = dc.Centre.HouseRules.OrderBy(r => r.Order).Where(r => FaqMatcher.Mentions(r.AllVersions(), subject)).Select(r => r.Words()).ToList();
        var text = about.Count > 0 ? RulesText(about) : Wording.Format(T.RulesSilent, Wording.HumanContact(dc.Centre));
        return Reply.WithRow(text, new Button(T.ButtonRules, "about:rules"), new Button(T.ButtonMenu, "menu:main"));
    }

    /// <summary>
    /// "а музыку включать можно? до какого часа?": the rules that speak of what is asked (quiet after 21:00), or
    /// null when none does. Only words of one meaning count, so a rule is never quoted for a word's spelling.
    /// </summary>
    public static Reply? RuleAnswering(DialogContext dc, string? question)
    {
        var subject = FaqMatcher.SubjectByMeaning(question);
        if (subject.Count == 0) return null;
        var about = dc.Centre.HouseRules.OrderBy(r => r.Order).Where(r => FaqMatcher.Mentions(r.AllVersions(), subject))
            .Select(r => r.Words()).ToList();
        return about.Count == 0 ? null
            : Reply.WithRow(RulesText(about), new Button(T.ButtonRules, "about:rules"), new Button(T.ButtonMenu, "menu:main"));
    }

    private static Reply Rules(DialogContext dc)
    {
        var rules = dc.Centre.HouseRules.OrderBy(r => r.Order).Select(r => r.Words()).ToList();
        var text = rules.Count == 0 ? T.AboutNoRules : RulesText(rules);
        return Reply.WithRow(text, new(T.ButtonFaq, "about:faq"), new(T.ButtonMenu, "menu:main"));
    }

    private static string RulesText(IReadOnlyList<TeamText> rules) =>
        Wording.ByTheTeam(T.AboutRulesTitle + "\n" + string.Join("\n", rules.Select(r => "• " + r.Text)), rules.All(r => r.InLanguageSpoken));

    internal static Reply FaqList(DialogContext dc, string title)
    {
        var faq = dc.Centre.Faq.OrderBy(f => f.Order).ToList();
        if (faq.Count == 0)
            return Reply.WithRow(Wording.Format(T.AboutNoFaq, Wording.ContactChannels(dc.Centre)), new Button(T.ButtonMenu, "menu:main"));

        // Questions can be long: the list is in the text, the buttons carry numbers.
        var read = faq.Select(f => f.Read()).ToList();
        var lines = read.Select((f, i) => $"{i + 1}. {f.Question}");
        var buttons = faq.Select((f, i) => new Button((i + 1).ToString(CultureInfo.InvariantCulture), $"faq:{f.Id}")).ToList();
        var rows = buttons.Chunk(4).Select(r => (IReadOnlyList<Button>)r).ToList();
        rows.Add([new(T.ButtonMenu, "menu:main")]);
        return new Reply(Wording.ByTheTeam(title + "\n" + string.Join("\n", lines), read.All(f => f.InLanguageSpoken)), rows);
    }

    private static string ContactLines(DialogContext dc) => string.Join("\n", new[]
    {
        string.IsNullOrWhiteSpace(dc.Centre.Phone) ? null : Wording.Format(T.AboutPhone, dc.Centre.Phone),
        string.IsNullOrWhiteSpace(dc.Centre.Email) ? null : Wording.Format(T.AboutEmail, dc.Centre.Email),
    }.Where(l => l is not null));
}

/// <summary>One FAQ answer ("faq:{id}"); an id that no longer exists shows the current list instead.</summary>
public sealed class FaqAnswer : IButtonAction
{
    public string Prefix => "faq";
    public bool LeavesActiveDialog => false;

    public Task HandleAsync(DialogContext dc, string argument, CancellationToken ct)
    {
        var entry = int.TryParse(argument, out var id) ? dc.Centre.Faq.FirstOrDefault(f => f.Id == id) : null;
        dc.Say(entry is null ? AboutCentre.FaqList(dc, T.FaqUnknown) : Render(entry));
        return Task.CompletedTask;
    }

    /// <summary>The question and its answer, with the way to the other questions (also for a typed question that matched).</summary>
    public static Reply Render(FaqEntry entry)
    {
        var (question, answer, inLanguageSpoken) = entry.Read();
        return Reply.WithRow(Wording.ByTheTeam($"❓ {question}\n💬 {answer}", inLanguageSpoken), new(T.ButtonFaq, "about:faq"), new(T.ButtonMenu, "menu:main"));
    }
}
