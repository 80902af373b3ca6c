using System.Globalization;
using MamBot.Data.Centres;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages.Settings;

/// <summary>"Centrum" (admin): the centre's details, opening hours, house rules and FAQ, as residents read them in the chat.</summary>
public sealed class IndexModel(CentreDirectory centres, CentreSettings settings) : PageModel
{
    public sealed class CentreForm
    {
        public string Name { get; set => field = value ?? ""; } = "";
        public string Address { get; set => field = value ?? ""; } = "";
        public string Phone { get; set => field = value ?? ""; } = "";
        public string Email { get; set => field = value ?? ""; } = "";
        public string KeyPickup { get; set => field = value ?? ""; } = "";
        public int MaxActiveBookingsPerResident { get; set; } = 3;
        public string? StaffChannel { get; set; }
        public string? StaffChatId { get; set; }

        /// <summary>Per weekday: "10:00-20:00", several windows separated by commas, or empty for closed.</summary>
        public Dictionary<DayOfWeek, string?> Hours { get; set; } = [];
        public string HouseRules { get; set => field = value ?? ""; } = "";
        public List<FaqForm> Faq { get; set; } = [];
    }

    public sealed class FaqForm
    {
        public string? Question { get; set; }
        public string? Answer { get; set; }
    }

    public static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    [BindProperty] public CentreForm Form { get; set; } = new();
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool IsSample { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        IsSample = centre.IsSample;
        Form = new CentreForm
        {
            Name = centre.Name, Address = centre.Address, Phone = centre.Phone, Email = centre.Email, KeyPickup = centre.KeyPickup,
            MaxActiveBookingsPerResident = centre.MaxActiveBookingsPerResident, StaffChannel = centre.StaffChannel, StaffChatId = centre.StaffChatId,
            Hours = Week.ToDictionary(d => d, d => (string?)string.Join(", ", centre.OpeningHours.Where(h => h.RoomId is null && h.Day == d)
                .OrderBy(h => h.Opens).Select(h => $"{h.Opens:HH\\:mm}-{h.Closes:HH\\:mm}"))),
            HouseRules = string.Join("\n", centre.HouseRules.OrderBy(r => r.Order).Select(r => r.Text)),
            Faq = [.. centre.Faq.OrderBy(f => f.Order).Select(f => new FaqForm { Question = f.Question, Answer = f.Answer }), new FaqForm(), new FaqForm()],
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
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
        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var centre = await centres.GetDefaultAsync(ct);
        await settings.SaveAsync(centre.Id,
            new CentreDetails(Form.Name, Form.Address, Form.Phone, Form.Email, Form.KeyPickup, Form.MaxActiveBookingsPerResident, Form.StaffChannel, Form.StaffChatId),
            hours, [.. Form.HouseRules.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            [.. faq.Select(f => new FaqItem(f.Question!, f.Answer!))], ct);
        Message = AdminText.CentreSaved;
        return RedirectToPage();
    }

    private static OpeningWindow? Window(DayOfWeek day, string text)
    {
        var parts = text.Replace('–', '-').Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && TimeOnly.TryParse(parts[0], CultureInfo.InvariantCulture, out var opens)
            && TimeOnly.TryParse(parts[1], CultureInfo.InvariantCulture, out var closes)
            && opens < closes ? new OpeningWindow(day, opens, closes) : null;
    }
}
