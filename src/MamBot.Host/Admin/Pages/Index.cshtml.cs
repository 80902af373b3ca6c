using MamBot.Data;
using MamBot.Data.Bookings;
using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Data.Ideas;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Texts;
using MamBot.Host.Admin;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Admin.Pages;

/// <summary>"Dziś": what needs the team's attention today, at a glance.</summary>
public sealed class IndexModel(MamDbContext db, CentreDirectory centres, UtilityTemplateStore templates, TimeProvider time) : PageModel
{
    public string Today { get; private set; } = "";
    public IReadOnlyList<string> BookingsToday { get; private set; } = [];
    public int PendingApprovals { get; private set; }
    public IReadOnlyList<string> UpcomingEvents { get; private set; } = [];
    public IReadOnlyList<string> NewIdeas { get; private set; } = [];
    public int SurveysRunning { get; private set; }
    public IReadOnlyDictionary<OutboxStatus, int> NudgesLastWeek { get; private set; } = new Dictionary<OutboxStatus, int>();

    /// <summary>Skipped because Messenger allows nothing more than 24 hours after the resident's last message.</summary>
    public int OutsideMessengerWindow { get; private set; }

    /// <summary>Each Messenger utility template and its state, when they are switched on; else empty.</summary>
    public IReadOnlyList<(string Purpose, string State)> UtilityTemplates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (templates.Enabled)
        {
            var known = await templates.AllAsync(ct);
            UtilityTemplates = [.. Dialogs.Conversation.UtilityTemplates.All.Select(t => ($"{AdminNames.Of(t)} ({AdminNames.OfLanguage(t.Language)})",
                AdminNames.Of(known.FirstOrDefault(k => k.Name == t.Name && k.Language == t.MetaLanguage))))];
        }

        var centre = await centres.GetDefaultAsync(ct);
        var zone = centre.TimeZone;
        var now = time.GetUtcNow().UtcDateTime;
        var day = LocalCalendar.Today(now, zone);
        var dayStart = LocalCalendar.StartUtc(day, zone);
        var dayEnd = LocalCalendar.StartUtc(day.AddDays(1), zone);
        Today = Wording.Date(day);

        var rooms = centre.Rooms.ToDictionary(r => r.Id, r => r.Name);
        BookingsToday = [.. (await db.Bookings.AsNoTracking()
                .Where(b => b.StartUtc >= dayStart && b.StartUtc < dayEnd && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Pending))
                .OrderBy(b => b.StartUtc).ToListAsync(ct))
            .Select(b => $"{Wording.Time(b.StartUtc, zone)}–{Wording.Time(b.EndUtc, zone)} {rooms.GetValueOrDefault(b.RoomId)}: {b.Purpose}")];
        PendingApprovals = await db.Bookings.CountAsync(b => b.Status == BookingStatus.Pending && b.EndUtc > now, ct);
        // "This week" is what the chat calls it: from now until Sunday night, Kraków time.
        var nextMonday = LocalCalendar.StartUtc(LocalCalendar.MondayOf(day).AddDays(7), zone);
        UpcomingEvents = [.. (await db.Events.AsNoTracking()
                .Where(e => e.CentreId == centre.Id && e.Status == EventStatus.Scheduled && e.StartUtc >= now && e.StartUtc < nextMonday)
                .OrderBy(e => e.StartUtc).ToListAsync(ct))
            .Select(e => $"{Wording.DateTime(e.StartUtc, zone)} – {e.Title}")];
        NewIdeas = [.. await db.Ideas.AsNoTracking().Where(i => i.CentreId == centre.Id && i.Status == IdeaStatus.New)
            .OrderBy(i => i.CreatedUtc).Select(i => i.FlaggedWords == null ? i.Title : i.Title + " ⚠️").ToListAsync(ct)];
        SurveysRunning = await db.Surveys.CountAsync(s => s.CentreId == centre.Id && s.OpensUtc <= now && s.ClosesUtc > now, ct);
        var weekAgo = now.AddDays(-7);
        NudgesLastWeek = (await db.OutboxMessages.AsNoTracking()
                .Where(m => !OutboxMessage.AnswerKinds.Contains(m.Kind) && m.DoneUtc >= weekAgo)
                .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        OutsideMessengerWindow = await db.OutboxMessages.CountAsync(
            m => !OutboxMessage.AnswerKinds.Contains(m.Kind) && m.DoneUtc >= weekAgo && m.StatusReason == OutboxReasons.OutsideWindow, ct);
    }
}
