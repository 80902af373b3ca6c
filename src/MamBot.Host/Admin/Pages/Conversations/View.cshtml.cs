using MamBot.Data;
using MamBot.Data.Centres;
using MamBot.Data.Handoffs;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Handoffs;
using MamBot.Dialogs.Texts;
using MamBot.Host.Cluster;
using MamBot.Host.Channels.Messenger;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Admin.Pages.Conversations;

/// <summary>One conversation: what the assistant said just before, the talk since, a reply box and "Zakończ".</summary>
public sealed class ViewModel(HandoffService handoffs, HandoffDesk desk, Handover handover, CentreDirectory centres, MamDbContext db,
    Data.Residents.ResidentService residents, IOptions<MessengerOptions> messenger, TimeProvider time, PanelTransaction transaction) : PageModel
{
    private const int BotMessagesBefore = 3;

    public Handoff Handoff { get; private set; } = null!;
    public string Name { get; private set; } = "";

    /// <summary>The resident's language ("uk"); Polish when unknown.</summary>
    public string Language { get; private set; } = Data.Residents.Languages.Polish;
    public IReadOnlyList<string> BotBefore { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Messenger lets a reply through only so long after the resident's last message: then they must write first.</summary>
    public bool MustWriteFirst { get; private set; }

    /// <summary>Staff messages that did not reach the resident (the platform's window had closed).</summary>
    public IReadOnlySet<long> NotDelivered { get; private set; } = new HashSet<long>();
    [BindProperty] public string Text { get; set => field = value ?? ""; } = "";
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await handoffs.MarkReadAsync(Handoff, ct);
        return Page();
    }

    /// <summary>Messages after <paramref name="after"/>, for the page to show without reloading (conversation.js).</summary>
    [Polled]
    public async Task<IActionResult> OnGetMessagesAsync(long id, long after, CancellationToken ct)
    {
        if (await handoffs.FindAsync(id, ct) is not { } handoff) return NotFound();
        var zone = (await centres.GetDefaultAsync(ct)).TimeZone;
        var name = await NameAsync(handoff, ct);
        await handoffs.MarkReadAsync(handoff, ct);
        return new JsonResult(handoff.Messages.Where(m => m.Id > after).Select(m => new
        {
            m.Id,
            Who = m.StaffName ?? name,
            Time = Wording.Time(m.CreatedUtc, zone),
            m.Text,
        }));
    }

    public async Task<IActionResult> OnPostReplyAsync(long id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Text) || Text.Length > HandoffService.MaxTextLength)
        {
            Message = $"Napisz odpowiedź (najwyżej {HandoffService.MaxTextLength} znaków).";
            return RedirectToPage(new { id });
        }
        Message = await DeliverAsync(await desk.ReplyAsync(id, StaffFirstName(User.Identity?.Name), Text, ct), ct)
            ? "Wysłane." : "Ta rozmowa jest już zakończona.";
        return RedirectToPage(new { id });
    }

    /// <summary>Asks first (the button sits under "Wyślij"), showing what the resident will read in their language.</summary>
    public async Task<IActionResult> OnPostEndAsync(long id, CancellationToken ct)
    {
        if (!this.IsConfirmed())
        {
            if (await handoffs.FindAsync(id, ct) is not { } handoff) return NotFound();
            var name = await NameAsync(handoff, ct);
            string notice;
            using (Dialogs.Texts.Language.Use(Language)) notice = T.HandoffEndedByStaff;
            return this.Confirm(new Confirmation(AdminText.ConfirmEndTitle, Wording.Format(AdminText.ConfirmEndQuestion, name),
                AdminText.ConfirmEndButton, $"/admin/conversations/{id}") { Notice = new(notice, Language) });
        }
        Message = await desk.EndByStaffAsync(id, ct)
            ? "Rozmowa zakończona. Znów odpowiada asystent." : "Ta rozmowa jest już zakończona.";
        return RedirectToPage(new { id });
    }

    /// <summary>A person's answer goes as soon as it is committed, in the chat's lane, not with the next minute's dispatch.</summary>
    private async Task<bool> DeliverAsync(OutboxMessage? message, CancellationToken ct)
    {
        if (message is null) return false;
        await transaction.AfterCommit(ct => handover.RepliesAsync(message.Channel!, message.ChatId!, [message.Id], ct), ct);
        return true;
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await handoffs.FindAsync(id, ct) is not { } handoff) return false;
        Handoff = handoff;
        Zone = (await centres.GetDefaultAsync(ct)).TimeZone;
        Name = await NameAsync(handoff, ct);
        var before = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == OutboxKind.Reply && m.Channel == handoff.Channel && m.ChatId == handoff.ChatId && m.CreatedUtc <= handoff.StartedUtc)
            .OrderByDescending(m => m.Id).Take(BotMessagesBefore).Select(m => m.Body).ToListAsync(ct);
        BotBefore = [.. before.AsEnumerable().Reverse().Select(body => Reply.FromJson(body).Text)];
        var replyKeys = HandoffService.ReplyKeyPrefix(handoff.Id);
        NotDelivered = (await db.OutboxMessages.AsNoTracking()
            .Where(m => m.IdempotencyKey.StartsWith(replyKeys) && (m.Status == OutboxStatus.Skipped || m.Status == OutboxStatus.Failed))
            .Select(m => m.IdempotencyKey).ToListAsync(ct))
            .Select(k => long.Parse(k[replyKeys.Length..], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        if (handoff.Channel == ChannelNames.Messenger)
        {
            // The same clock the sender reads: the resident's last message of any kind, buttons included.
            var lastInbound = await db.ChannelIdentities.Where(i => i.Channel == handoff.Channel && i.ExternalId == handoff.ChatId)
                .Select(i => (DateTime?)i.LastInboundUtc).FirstOrDefaultAsync(ct) ?? handoff.LastResidentMessageUtc;
            MustWriteFirst = time.GetUtcNow().UtcDateTime - lastInbound >= MessengerSender.HumanReplyWindow(messenger.Value);
        }
        return true;
    }

    private async Task<string> NameAsync(Handoff handoff, CancellationToken ct)
    {
        if (handoff.ResidentId is not { } id) return IndexModel.NoName;
        Language = (await residents.FindAsync(id, ct))?.Language ?? Data.Residents.Languages.Polish;
        return (await residents.NamesAsync([id], ct)).GetValueOrDefault(id) ?? IndexModel.NoName;
    }

    /// <summary>Residents read "Pisze do Ciebie Ania z MAM": the first word of the staff member's name.</summary>
    public static string StaffFirstName(string? name)
    {
        var first = (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (first.Contains('@')) first = first[..first.IndexOf('@')];
        return first.Length == 0 ? "Zespół" : char.ToUpperInvariant(first[0]) + first[1..];
    }
}
