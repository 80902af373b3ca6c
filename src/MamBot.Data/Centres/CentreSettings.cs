using MamBot.Data.Bookings;
using MamBot.Data.Residents;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Centres;

public sealed record CentreDetails(string Name, string Address, string Phone, string Email, string KeyPickup,
    int MaxActiveBookingsPerResident, string? StaffChannel, string? StaffChatId,
    string? KeyPickupUk = null, string? KeyPickupEn = null);

public sealed record OpeningWindow(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>A FAQ entry in Polish, with the team's optional Ukrainian and English versions.</summary>
public sealed record FaqItem(string Question, string Answer,
    string? QuestionUk = null, string? AnswerUk = null, string? QuestionEn = null, string? AnswerEn = null);

/// <summary>A house rule in Polish, with the team's optional Ukrainian and English versions.</summary>
public sealed record RuleItem(string Text, string? TextUk = null, string? TextEn = null);

public sealed record RoomSettings(string Name, string Aliases, int Capacity, string Description, string Equipment, bool RequiresApproval,
    int MinMinutes, int MaxMinutes, int MaxDaysAhead, int BufferMinutes, int MinNoticeMinutes,
    string? NameUk = null, string? NameEn = null, string? DescriptionUk = null, string? DescriptionEn = null,
    string? EquipmentUk = null, string? EquipmentEn = null);

/// <summary>What staff change about their centre: its details, hours, house rules, FAQ, rooms and blackouts. Residents see it at once.</summary>
public sealed class CentreSettings(MamDbContext db, TimeProvider time)
{
    public async Task SaveAsync(int centreId, CentreDetails details, IReadOnlyList<OpeningWindow> hours, IReadOnlyList<RuleItem> houseRules,
        IReadOnlyList<FaqItem> faq, CancellationToken ct)
    {
        var centre = await db.Centres.Include(c => c.OpeningHours).Include(c => c.HouseRules).Include(c => c.Faq)
            .AsSplitQuery().FirstAsync(c => c.Id == centreId, ct);
        centre.Name = details.Name.Trim();
        centre.Address = details.Address.Trim();
        centre.Phone = details.Phone.Trim();
        centre.Email = details.Email.Trim();
        centre.KeyPickup = details.KeyPickup.Trim();
        centre.KeyPickupUk = Languages.Version(details.KeyPickupUk);
        centre.KeyPickupEn = Languages.Version(details.KeyPickupEn);
        centre.MaxActiveBookingsPerResident = details.MaxActiveBookingsPerResident;
        centre.StaffChannel = string.IsNullOrWhiteSpace(details.StaffChannel) ? null : details.StaffChannel.Trim();
        centre.StaffChatId = string.IsNullOrWhiteSpace(details.StaffChatId) ? null : details.StaffChatId.Trim();
        centre.IsSample = false; // the team has made it theirs

        // Room-specific hours stay; the centre's own are replaced.
        db.RemoveRange(centre.OpeningHours.Where(h => h.RoomId is null));
        centre.OpeningHours.AddRange(hours.Select(h => new OpeningHours { Day = h.Day, Opens = h.Opens, Closes = h.Closes }));
        db.RemoveRange(centre.HouseRules);
        centre.HouseRules.AddRange(houseRules.Select((r, i) => new HouseRule
            { Order = i, Text = r.Text.Trim(), TextUk = Languages.Version(r.TextUk), TextEn = Languages.Version(r.TextEn) }));
        db.RemoveRange(centre.Faq);
        centre.Faq.AddRange(faq.Select((f, i) => new FaqEntry
        {
            Order = i, Question = f.Question.Trim(), Answer = f.Answer.Trim(),
            QuestionUk = Languages.Version(f.QuestionUk), AnswerUk = Languages.Version(f.AnswerUk),
            QuestionEn = Languages.Version(f.QuestionEn), AnswerEn = Languages.Version(f.AnswerEn),
        }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds a room (no id) or changes one; null when the id belongs to no room of the centre.</summary>
    public async Task<Room?> SaveRoomAsync(int centreId, int? roomId, RoomSettings settings, CancellationToken ct)
    {
        var room = roomId is { } id ? await db.Rooms.FirstOrDefaultAsync(r => r.Id == id && r.CentreId == centreId, ct) : new Room { CentreId = centreId, Name = "" };
        if (room is null) return null;
        room.Name = settings.Name.Trim();
        room.NameUk = Languages.Version(settings.NameUk);
        room.NameEn = Languages.Version(settings.NameEn);
        room.Aliases = settings.Aliases.Trim();
        room.Capacity = settings.Capacity;
        room.Description = settings.Description.Trim();
        room.DescriptionUk = Languages.Version(settings.DescriptionUk);
        room.DescriptionEn = Languages.Version(settings.DescriptionEn);
        room.Equipment = settings.Equipment.Trim();
        room.EquipmentUk = Languages.Version(settings.EquipmentUk);
        room.EquipmentEn = Languages.Version(settings.EquipmentEn);
        room.RequiresApproval = settings.RequiresApproval;
        room.MinMinutes = settings.MinMinutes;
        room.MaxMinutes = settings.MaxMinutes;
        room.MaxDaysAhead = settings.MaxDaysAhead;
        room.BufferMinutes = settings.BufferMinutes;
        room.MinNoticeMinutes = settings.MinNoticeMinutes;
        if (room.Id == 0) db.Rooms.Add(room);
        await db.SaveChangesAsync(ct);
        return room;
    }

    /// <summary>Blocks a room (or all, with no room) for a time; returns the bookings already there, which staff settle with the residents.</summary>
    public async Task<(Blackout Blackout, IReadOnlyList<Booking> Affected)> AddBlackoutAsync(int centreId, int? roomId, DateTime startUtc, DateTime endUtc,
        string reason, CancellationToken ct)
    {
        var blackout = new Blackout { CentreId = centreId, RoomId = roomId, StartUtc = startUtc, EndUtc = endUtc, Reason = reason.Trim() };
        db.Blackouts.Add(blackout);
        await db.SaveChangesAsync(ct);
        var rooms = db.Rooms.Where(r => r.CentreId == centreId && (roomId == null || r.Id == roomId)).Select(r => r.Id);
        var affected = await db.Bookings.AsNoTracking()
            .Where(b => rooms.Contains(b.RoomId) && b.StartUtc < endUtc && b.EndUtc > startUtc
                && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed))
            .OrderBy(b => b.StartUtc).ToListAsync(ct);
        return (blackout, affected);
    }

    public async Task<bool> RemoveBlackoutAsync(int centreId, int blackoutId, CancellationToken ct) =>
        await db.BulkWriteAsync(ct => db.Blackouts.Where(b => b.Id == blackoutId && b.CentreId == centreId).ExecuteDeleteAsync(ct), ct) == 1;

    public async Task<IReadOnlyList<Blackout>> UpcomingBlackoutsAsync(int centreId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Blackouts.AsNoTracking().Where(b => b.CentreId == centreId && b.EndUtc > now).OrderBy(b => b.StartUtc).ToListAsync(ct);
    }
}
