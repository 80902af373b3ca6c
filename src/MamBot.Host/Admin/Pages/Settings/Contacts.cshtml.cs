using MamBot.Data.Centres;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages.Settings;

/// <summary>"Dokąd się zwrócić" (admin): contacts the bot names for what MAM does not handle; add, change, remove.</summary>
public sealed class ContactsModel(CentreDirectory centres, LocalContactService contacts) : PageModel
{
    public sealed class ContactForm
    {
        public string Name { get; set => field = value ?? ""; } = "";
        public string Topics { get; set => field = value ?? ""; } = "";
        public string Phone { get; set => field = value ?? ""; } = "";
        public string Email { get; set => field = value ?? ""; } = "";
        public string Address { get; set => field = value ?? ""; } = "";
        public string Hours { get; set => field = value ?? ""; } = "";
        public string Note { get; set => field = value ?? ""; } = "";
        public string? NameUk { get; set; }
        public string? NameEn { get; set; }
        public string? NoteUk { get; set; }
        public string? NoteEn { get; set; }

        public static ContactForm Of(LocalContact c) => new()
        {
            Name = c.Name, Topics = c.Topics, Phone = c.Phone, Email = c.Email, Address = c.Address, Hours = c.Hours,
            Note = c.Note, NameUk = c.NameUk, NameEn = c.NameEn, NoteUk = c.NoteUk, NoteEn = c.NoteEn,
        };

        public LocalContactDetails Details() =>
            new(Name, Topics, Phone, Email, Address, Hours, Note, NameUk, NameEn, NoteUk, NoteEn);

        public bool HasVersions => !string.IsNullOrWhiteSpace(NameUk + NameEn + NoteUk + NoteEn);
    }

    [BindProperty] public ContactForm Contact { get; set; } = new();
    public IReadOnlyList<LocalContact> Contacts { get; private set; } = [];

    /// <summary>The contact whose form came back with errors (null: the new one), so its fields keep what was typed.</summary>
    public int? RefusedId { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Saves a contact: with an id, that contact; without, a new one.</summary>
    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        var saved = await contacts.SaveAsync(centre.Id, id, Contact.Details(), ct);
        if (saved.Problems.Count > 0)
        {
            Errors = [.. saved.Problems.Select(Explain)];
            RefusedId = id;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        if (saved.Contact is null) return NotFound();
        Message = Wording.Format(id is null ? AdminText.ContactAdded : AdminText.ContactSaved, saved.Contact.Name);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        Message = await contacts.RemoveAsync(centre.Id, id, ct) ? AdminText.ContactRemoved : AdminText.ContactGone;
        return RedirectToPage();
    }

    /// <summary>The form of a contact as shown: what was typed when it came back refused, else what is saved.</summary>
    public ContactForm FormFor(LocalContact? contact) =>
        Errors.Count > 0 && RefusedId == contact?.Id ? Contact : contact is null ? new() : ContactForm.Of(contact);

    private static string Explain(ContactProblem problem) => problem switch
    {
        ContactProblem.NameLength => AdminText.ContactNameLength,
        ContactProblem.NoTopics => AdminText.ContactNoTopics,
        ContactProblem.TooLong => AdminText.ContactTooLong,
        ContactProblem.EmailLooksWrong => AdminText.ContactEmailLooksWrong,
        ContactProblem.NoWayToReach => AdminText.ContactNoWayToReach,
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        Contacts = await contacts.ListAsync(centre.Id, ct);
    }
}
