using System.Globalization;
using MamBot.Data.Centres;
using MamBot.Data.Residents;
using MamBot.Dialogs.Staff;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages.Settings;

/// <summary>"Centrum": the centre's details, opening hours, house rules and FAQ, as residents read them in the chat.</summary>
public sealed class IndexModel(CentreDirectory centres, CentreSettings settings, TeamTranslator translator) : PageModel
{
    public sealed class CentreForm
    {
        public string Name { get; set => field = value ?? ""; } = "";
        public string Address { get; set => field = value ?? ""; } = "";
        public string Phone { get; set => field = value ?? ""; } = "";
        public string Email { get; set => field = value ?? ""; } = "";
        public string KeyPickup { get; set => field = value ?? ""; } = "";
        public string? KeyPickupUk { get; set; }
        public string? KeyPickupEn { get; set; }
        public int MaxActiveBookingsPerResident { get; set; } = 3;
        public string? StaffChannel { get; set; }
        public string? StaffChatId { get; set; }

        /// <summary>Per weekday: "10:00-20:00", several windows separated by commas, or empty for closed.</summary>
        public Dictionary<DayOfWeek, string?> Hours { get; set; } = [];
        public string HouseRules { get; set => field = value ?? ""; } = "";

        /// <summary>The team's versions for residents in Ukrainian and English: line N translates Polish line N.</summary>
        public string HouseRulesUk { get; set => field = value ?? ""; } = "";
        public string HouseRulesEn { get; set => field = value ?? ""; } = "";
        public List<FaqForm> Faq { get; set; } = [];
    }

    public sealed class FaqForm
    {
        public string? Question { get; set; }
        public string? Answer { get; set; }
        public string? QuestionUk { get; set; }
        public string? AnswerUk { get; set; }
        public string? QuestionEn { get; set; }
        public string? AnswerEn { get; set; }
    }

    public static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    [BindProperty] public CentreForm Form { get; set; } = new();
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool IsSample { get; private set; }
    [TempData] public string? Message { get; set; }

    /// <summary>What the translation draft did, shown once with the form (never kept for the next page).</summary>
    public string? DraftNote { get; private set; }
    public bool CanDraft => translator.Enabled;

    /// <summary>
    /// Drafts the empty Ukrainian and English versions of the rules and FAQ for staff to correct; saves nothing.
    /// The rules go line by line, so line N of a draft stays the version of rule N.
    /// </summary>
    [OutsideTransaction] // the language model answers in seconds: no write lock meanwhile
    public async Task<IActionResult> OnPostDraftAsync(CancellationToken ct)
    {
        var rules = Lines(Form.HouseRules);
        var (uk, en) = (Padded(Lines(Form.HouseRulesUk), rules.Count), Padded(Lines(Form.HouseRulesEn), rules.Count));
        var slots = rules.Select((rule, i) => TranslationDrafts.Slot(rule, () => uk[i], t => uk[i] = t, () => en[i], t => en[i] = t))
            .Concat(Form.Faq.SelectMany(f => new[]
            {
                TranslationDrafts.Slot(f.Question, () => f.QuestionUk, t => f.QuestionUk = t, () => f.QuestionEn, t => f.QuestionEn = t),
                TranslationDrafts.Slot(f.Answer, () => f.AnswerUk, t => f.AnswerUk = t, () => f.AnswerEn, t => f.AnswerEn = t),
            })).ToList();
        DraftNote = await TranslationDrafts.FillAsync(translator, slots, ct);
        (Form.HouseRulesUk, Form.HouseRulesEn) = (OneRulePerLine(uk), OneRulePerLine(en));
        IsSample = (await centres.GetDefaultAsync(ct)).IsSample;
        return Page();
    }

    private static string[] Padded(List<string> lines, int count) => [.. lines.Concat(Enumerable.Repeat("", Math.Max(0, count - lines.Count)))];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        IsSample = centre.IsSample;
        var rules = centre.HouseRules.OrderBy(r => r.Order).ToList();
        Form = new CentreForm
        {
            Name = centre.Name, Address = centre.Address, Phone = centre.Phone, Email = centre.Email, KeyPickup = centre.KeyPickup,
            KeyPickupUk = centre.KeyPickupUk, KeyPickupEn = centre.KeyPickupEn,
            MaxActiveBookingsPerResident = centre.MaxActiveBookingsPerResident, StaffChannel = centre.StaffChannel, StaffChatId = centre.StaffChatId,
            Hours = Week.ToDictionary(d => d, d => (string?)string.Join(", ", centre.OpeningHours.Where(h => h.RoomId is null && h.Day == d)
                .OrderBy(h => h.Opens).Select(h => $"{h.Opens:HH\\:mm}-{h.Closes:HH\\:mm}"))),
            HouseRules = OneRulePerLine(rules.Select(r => r.Text)),
            HouseRulesUk = OneRulePerLine(rules.Select(r => r.TextUk)),
            HouseRulesEn = OneRulePerLine(rules.Select(r => r.TextEn)),
            Faq = [.. centre.Faq.OrderBy(f => f.Order).Select(f => new FaqForm
            {
                Question = f.Question, Answer = f.Answer, QuestionUk = f.QuestionUk, AnswerUk = f.AnswerUk, QuestionEn = f.QuestionEn, AnswerEn = f.AnswerEn,
            }), new FaqForm(), new FaqForm()],
        };
    }

    /// <summary>The centre's details and the team's chat are the admin's; hours, rules and FAQ anyone's in the team.</summary>
    public bool IsAdmin => User.IsInRole(Data.Staff.StaffRoles.Admin);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!IsAdmin) KeepDetails(await centres.GetDefaultAsync(ct)); // whatever an animator's form carried for them
        var errors = new List<string>();
        if (Form.Name.Trim().Length is < 3 or > 100) errors.Add(AdminText.CentreNameLength);
        if (Form.Address.Trim().Length < 5) errors.Add(AdminText.CentreAddressNeeded);
        if (Form.Phone.Trim().Length == 0 && Form.Email.Trim().Length == 0) errors.Add(AdminText.CentreContactNeeded);
        if (Form.MaxActiveBookingsPerResident is < 1 or > 20) errors.Add(AdminText.CentreBookingLimit);
        var hours = new List<OpeningWindow>();
        foreach (var day in Week)
        {
            var text = Form.Hours.GetValueOrDefault(day);
            if (string.IsNullOrWhiteSpace(text)) continue;
            foreach (var window in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Window(day, window) is { } parsed) hours.Add(parsed);
                else errors.Add(Dialogs.Texts.Wording.Format(AdminText.CentreHoursFormat, Dialogs.Texts.Wording.DayName(day)));
            }
        }
        var faq = Form.Faq.Where(f => !string.IsNullOrWhiteSpace(f.Question)).ToList();
        if (faq.Any(f => string.IsNullOrWhiteSpace(f.Answer))) errors.Add(AdminText.CentreFaqNeedsAnswer);
        for (var i = 0; i < faq.Count; i++)
        {
            if (Half(faq[i].QuestionUk, faq[i].AnswerUk)) errors.Add(Wording.Format(AdminText.CentreFaqVersionHalf, i + 1, AdminNames.OfLanguage(Languages.Ukrainian)));
            if (Half(faq[i].QuestionEn, faq[i].AnswerEn)) errors.Add(Wording.Format(AdminText.CentreFaqVersionHalf, i + 1, AdminNames.OfLanguage(Languages.English)));
        }
        var (rules, rulesUk, rulesEn) = (Lines(Form.HouseRules), Lines(Form.HouseRulesUk), Lines(Form.HouseRulesEn));
        if (rulesUk.Count > rules.Count) errors.Add(Wording.Format(AdminText.CentreRulesVersionLonger, AdminNames.OfLanguage(Languages.Ukrainian)));
        if (rulesEn.Count > rules.Count) errors.Add(Wording.Format(AdminText.CentreRulesVersionLonger, AdminNames.OfLanguage(Languages.English)));
        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var centre = await centres.GetDefaultAsync(ct);
        await settings.SaveAsync(centre.Id,
            new CentreDetails(Form.Name, Form.Address, Form.Phone, Form.Email, Form.KeyPickup, Form.MaxActiveBookingsPerResident, Form.StaffChannel, Form.StaffChatId,
                Form.KeyPickupUk, Form.KeyPickupEn),
            hours, [.. rules.Select((r, i) => new RuleItem(r, rulesUk.ElementAtOrDefault(i), rulesEn.ElementAtOrDefault(i))).Where(r => r.Text.Length > 0)],
            [.. faq.Select(f => new FaqItem(f.Question!, f.Answer!, f.QuestionUk, f.AnswerUk, f.QuestionEn, f.AnswerEn))], ct);
        Message = AdminText.CentreSaved;
        return RedirectToPage();
    }

    private void KeepDetails(Centre centre)
    {
        (Form.Name, Form.Address, Form.Phone, Form.Email) = (centre.Name, centre.Address, centre.Phone, centre.Email);
        (Form.KeyPickup, Form.KeyPickupUk, Form.KeyPickupEn) = (centre.KeyPickup, centre.KeyPickupUk, centre.KeyPickupEn);
        (Form.MaxActiveBookingsPerResident, Form.StaffChannel, Form.StaffChatId) = (centre.MaxActiveBookingsPerResident, centre.StaffChannel, centre.StaffChatId);
    }

    /// <summary>The textarea's text: an empty line keeps a rule without a version in its place; none at the end.</summary>
    private static string OneRulePerLine(IEnumerable<string?> rules) => string.Join("\n", rules.Select(r => r ?? "")).TrimEnd('\n');

    /// <summary>One rule per line, empty lines kept (line N of a version is the version of line N), none at the end.</summary>
    private static List<string> Lines(string text) =>
        [.. text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Reverse().SkipWhile(l => l.Length == 0).Reverse()];

    private static bool Half(string? question, string? answer) => string.IsNullOrWhiteSpace(question) != string.IsNullOrWhiteSpace(answer);

    private static OpeningWindow? Window(DayOfWeek day, string text)
    {
        var parts = text.Replace('–', '-').Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && TimeOnly.TryParse(parts[0], CultureInfo.InvariantCulture, out var opens)
            && TimeOnly.TryParse(parts[1], CultureInfo.InvariantCulture, out var closes)
            && opens < closes ? new OpeningWindow(day, opens, closes) : null;
    }
}
