using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Handoffs;

/// <summary>The rules and writes of handed-off conversations; what residents are told lives in the dialog layer.</summary>
public sealed class HandoffService(MamDbContext db, TimeProvider time)
{
    public const int MaxTextLength = 4000;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<Handoff?> ActiveForChatAsync(string channel, string chatId, CancellationToken ct) =>
        db.Handoffs.FirstOrDefaultAsync(h => h.Channel == channel && h.ChatId == chatId && h.Status != HandoffStatus.Closed, ct);

    public Task<Handoff?> FindAsync(long id, CancellationToken ct) =>
        db.Handoffs.Include(h => h.Messages.OrderBy(m => m.Id)).FirstOrDefaultAsync(h => h.Id == id, ct);

    /// <summary>New conversations one chat may open in a day; past that its latest one is opened again.</summary>
    public const int MaxNewPerChatPerDay = 3;

    /// <summary>
    /// The chat's handoff in progress; else its latest one again when the resident left it within the day (toggling
    /// "Napisz do człowieka" is one conversation and one notice to the team) or the chat has opened
    /// <see cref="MaxNewPerChatPerDay"/> today; else a new one waiting for the team. IsNew: the resident asks anew.
    /// </summary>
    public async Task<(Handoff Handoff, bool IsNew)> StartAsync(int centreId, Guid residentId, string channel, string chatId, CancellationToken ct)
    {
        if (await ActiveForChatAsync(channel, chatId, ct) is { } active) return (active, false);
        var today = await db.Handoffs.Where(h => h.Channel == channel && h.ChatId == chatId && h.StartedUtc >= Now.AddDays(-1))
            .OrderByDescending(h => h.Id).ToListAsync(ct);
        if (today.FirstOrDefault() is { } latest && (latest.EndedBy == HandoffEnd.Resident || today.Count >= MaxNewPerChatPerDay))
        {
            latest.Status = latest.FirstStaffReplyUtc is null ? HandoffStatus.Waiting : HandoffStatus.Open;
            (latest.EndedUtc, latest.EndedBy, latest.LastResidentMessageUtc) = (null, null, Now);
            await db.SaveChangesAsync(ct);
            return (latest, true);
        }
        var handoff = new Handoff
        {
            CentreId = centreId, ResidentId = residentId, Channel = channel, ChatId = chatId,
            Status = HandoffStatus.Waiting, StartedUtc = Now, LastResidentMessageUtc = Now,
        };
        db.Handoffs.Add(handoff);
        await db.SaveChangesAsync(ct);
        return (handoff, true);
    }

    /// <summary>Stores what the resident wrote; true when it is their first message of this conversation.</summary>
    public async Task<bool> AddResidentMessageAsync(Handoff handoff, string text, CancellationToken ct)
    {
        var first = !await db.HandoffMessages.AnyAsync(m => m.HandoffId == handoff.Id && m.StaffName == null, ct);
        handoff.Messages.Add(new HandoffMessage { Text = Cut(text), CreatedUtc = Now });
        handoff.LastResidentMessageUtc = Now;
        handoff.UnreadByStaff++;
        await db.SaveChangesAsync(ct);
        return first;
    }

    /// <summary>Someone in the team is "przy czacie" now: marked so, not signed out, not away from the panel too long.</summary>
    public Task<bool> AnyoneAtTheChatAsync(CancellationToken ct) =>
        db.StaffUsers.AnyAsync(s => s.AvailableUntilUtc > Now, ct);

    /// <summary>A reply from the team; the first one opens the conversation and names who is writing.</summary>
    public async Task<HandoffMessage> AddStaffReplyAsync(Handoff handoff, string staffName, string text, CancellationToken ct)
    {
        var message = new HandoffMessage { StaffName = staffName, Text = Cut(text), CreatedUtc = Now };
        handoff.Messages.Add(message);
        handoff.Status = HandoffStatus.Open;
        handoff.FirstStaffReplyUtc ??= Now;
        handoff.StaffName ??= staffName;
        handoff.UnreadByStaff = 0;
        await db.SaveChangesAsync(ct);
        return message;
    }

    public async Task CloseAsync(Handoff handoff, HandoffEnd by, CancellationToken ct)
    {
        handoff.Status = HandoffStatus.Closed;
        handoff.EndedUtc = Now;
        handoff.EndedBy = by;
        await db.SaveChangesAsync(ct);
    }

    public async Task MarkReadAsync(Handoff handoff, CancellationToken ct)
    {
        if (handoff.UnreadByStaff == 0) return;
        handoff.UnreadByStaff = 0;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Waiting and open conversations, the longest waiting first.</summary>
    public async Task<IReadOnlyList<Handoff>> ActiveAsync(int centreId, CancellationToken ct) =>
        await db.Handoffs.AsNoTracking().Include(h => h.Messages.OrderBy(m => m.Id).Take(1))
            .Where(h => h.CentreId == centreId && h.Status != HandoffStatus.Closed)
            .OrderBy(h => h.StartedUtc).ToListAsync(ct);

    /// <summary>
    /// Ended conversations whose words are still kept (<c>Handoff:KeepDays</c>), the latest ended first, with
    /// what was written: few enough for the panel to search them in memory.
    /// </summary>
    public async Task<IReadOnlyList<Handoff>> EndedAsync(int centreId, int max, CancellationToken ct) =>
        await db.Handoffs.AsNoTracking().Include(h => h.Messages.OrderBy(m => m.Id))
            .Where(h => h.CentreId == centreId && h.Status == HandoffStatus.Closed && h.ChatId != "")
            .OrderByDescending(h => h.EndedUtc).Take(max).ToListAsync(ct);

    /// <summary>Conversations waiting for the team's first word or with messages nobody has opened (the menu's count).</summary>
    public Task<int> NeedingReplyAsync(CancellationToken ct) =>
        db.Handoffs.CountAsync(h => h.Status == HandoffStatus.Waiting || h.Status == HandoffStatus.Open && h.UnreadByStaff > 0, ct);

    /// <summary>Conversations where the resident has been quiet since <paramref name="quietSinceUtc"/>.</summary>
    public async Task<IReadOnlyList<long>> IdleSinceAsync(DateTime quietSinceUtc, CancellationToken ct) =>
        await db.Handoffs.Where(h => h.Status != HandoffStatus.Closed && h.LastResidentMessageUtc < quietSinceUtc)
            .Select(h => h.Id).ToListAsync(ct);

    /// <summary>
    /// What was written in conversations closed before then is deleted (data minimisation); the conversation stays
    /// as a count for the report, linked to nobody.
    /// </summary>
    public Task<int> ForgetClosedBeforeAsync(DateTime endedBeforeUtc, CancellationToken ct) =>
        ForgetAsync(db, db.Handoffs.Where(h => h.Status == HandoffStatus.Closed && h.EndedUtc < endedBeforeUtc && h.ChatId != ""), ct);

    /// <summary>
    /// The words of these conversations go and nothing links them to a person or a chat; each stays, closed, as a
    /// count for the report. Used after <c>Handoff:KeepDays</c> and by erasure.
    /// </summary>
    public static Task<int> ForgetAsync(MamDbContext db, IQueryable<Handoff> handoffs, CancellationToken ct) =>
        db.BulkWriteAsync(async ct =>
        {
            await db.HandoffMessages.Where(m => handoffs.Any(h => h.Id == m.HandoffId)).ExecuteDeleteAsync(ct);
            return await handoffs.ExecuteUpdateAsync(s => s.SetProperty(h => h.ChatId, "").SetProperty(h => h.ResidentId, (Guid?)null)
                .SetProperty(h => h.Status, HandoffStatus.Closed), ct);
        }, ct);

    /// <summary>The key under which a staff member's answer in this conversation is queued (the panel reads its fate).</summary>
    public static string ReplyKeyPrefix(long handoffId) => $"handoff:{handoffId}:reply:";

    private static string Cut(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength];
}
