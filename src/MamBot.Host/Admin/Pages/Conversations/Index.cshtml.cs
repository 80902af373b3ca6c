using MamBot.Data.Centres;
using MamBot.Data.Handoffs;
using MamBot.Data.Residents;
using MamBot.Dialogs.Handoffs;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Admin.Pages.Conversations;

/// <summary>
/// "Rozmowy": residents who asked for a person, the longest waiting first; the staff member's availability; and
/// the ended conversations, searchable by name or by what was written.
/// </summary>
public sealed class IndexModel(HandoffService handoffs, ResidentService residents, PresenceDesk presence,
    CentreDirectory centres, IOptions<HandoffOptions> options, TimeProvider time) : PageModel
{
    /// <summary>Ended conversations read for the search (their words are kept only <c>Handoff:KeepDays</c>).</summary>
    private const int EndedSearched = 500;

    /// <summary>Ended conversations listed without a search, and found with one.</summary>
    private const int EndedShown = 10, FoundShown = 50;

    public sealed record Row(
        long Id, string Name, string Channel, HandoffStatus Status, DateTime StartedUtc, string FirstWords, int Unread);
    public sealed record EndedRow(long Id, string Name, string Channel, string Ended, string Words);

    /// <summary>How the panel names a resident whose channel gave no name and who never booked.</summary>
    public static string NoName => AdminText.ResidentWithoutName;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<EndedRow> Ended { get; private set; } = [];

    /// <summary>"przy czacie" until then (Kraków time, "10:30"); null when not.</summary>
    public string? AvailableUntil { get; private set; }
    public HandoffOptions Options => options.Value;
    public DateTime NowUtc { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        NowUtc = time.GetUtcNow().UtcDateTime;
        if (await presence.UntilAsync(StaffId, ct) is { } until)
            AvailableUntil = Wording.Time(until, centre.TimeZone);
        var active = await handoffs.ActiveAsync(centre.Id, ct);
        var ended = await handoffs.EndedAsync(centre.Id, EndedSearched, ct);
        var ids = active.Concat(ended).Select(h => h.ResidentId).OfType<Guid>().Distinct().ToList();
        var names = await residents.NamesAsync(ids, ct);
        string NameOf(Handoff h) => h.ResidentId is { } id && names.TryGetValue(id, out var name) ? name : NoName;
        Rows = [.. active.Select(h => new Row(h.Id, NameOf(h), h.Channel, h.Status, h.StartedUtc,
            h.Messages.FirstOrDefault()?.Text ?? "", h.UnreadByStaff))];

        var query = TypedText.Fold(Q?.Trim() ?? "");
        // Folded in memory, as in "Mieszkańcy": residents' words come with or without Polish letters.
        bool Matches(string text) => TypedText.Fold(text).Contains(query, StringComparison.Ordinal);
        string? WordsOf(Handoff h) => query.Length == 0
            ? h.Messages.FirstOrDefault()?.Text : h.Messages.FirstOrDefault(m => Matches(m.Text))?.Text;
        Ended = [.. ended
            .Select(h => (Handoff: h, Name: NameOf(h), Words: WordsOf(h)))
            .Where(x => query.Length == 0 || x.Words is not null || Matches(x.Name))
            .Take(query.Length == 0 ? EndedShown : FoundShown)
            .Select(x => new EndedRow(x.Handoff.Id, x.Name, x.Handoff.Channel,
                Wording.DateTime(x.Handoff.EndedUtc ?? x.Handoff.StartedUtc, centre.TimeZone),
                x.Words ?? x.Handoff.Messages.FirstOrDefault()?.Text ?? ""))];
    }

    /// <summary>"Jestem przy czacie / Odchodzę od czatu": what residents asking for a person are promised.</summary>
    public async Task<IActionResult> OnPostAvailabilityAsync(bool available, CancellationToken ct)
    {
        await presence.SetAsync(StaffId, available, ct);
        return RedirectToPage();
    }

    public static string Ago(TimeSpan waited) => waited.TotalMinutes switch
    {
        < 1 => "przed chwilą",
        < 120 => Wording.Count((long)waited.TotalMinutes, T.MinutesFormsAccusative) + " temu",
        _ => Wording.Count((long)waited.TotalHours, T.HoursForms) + " temu",
    };

    private int StaffId => AdminSetup.StaffId(User)!.Value; // the folder requires a signed-in staff member
}
