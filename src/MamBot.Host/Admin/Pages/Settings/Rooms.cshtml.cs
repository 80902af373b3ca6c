using MamBot.Data.Centres;
using MamBot.Dialogs.Bookings;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MamBot.Host.Admin.Pages.Settings;

/// <summary>"Sale": each room's description and booking rules, a new room, and blackouts (times no one can book).</summary>
public sealed class RoomsModel(CentreDirectory centres, CentreSettings settings, TimeProvider time) : PageModel
{
    public sealed class RoomForm
    {
        public string Name { get; set => field = value ?? ""; } = "";
        public string? NameUk { get; set; }
        public string? NameEn { get; set; }
        public string Aliases { get; set => field = value ?? ""; } = "";
        public int Capacity { get; set; } = 10;
        public string Description { get; set => field = value ?? ""; } = "";
        public string Equipment { get; set => field = value ?? ""; } = "";
        public string? DescriptionUk { get; set; }
        public string? DescriptionEn { get; set; }
        public string? EquipmentUk { get; set; }
        public string? EquipmentEn { get; set; }
        public bool RequiresApproval { get; set; }
        public int MinMinutes { get; set; } = 30;
        public int MaxMinutes { get; set; } = 180;
        public int MaxDaysAhead { get; set; } = 30;
        public int BufferMinutes { get; set; } = 15;
        public int MinNoticeMinutes { get; set; } = 60;

        public static RoomForm Of(Room r) => new()
        {
            Name = r.Name, NameUk = r.NameUk, NameEn = r.NameEn, Aliases = r.Aliases, Capacity = r.Capacity,
            Description = r.Description, DescriptionUk = r.DescriptionUk, DescriptionEn = r.DescriptionEn,
            Equipment = r.Equipment, EquipmentUk = r.EquipmentUk, EquipmentEn = r.EquipmentEn,
            RequiresApproval = r.RequiresApproval, MinMinutes = r.MinMinutes, MaxMinutes = r.MaxMinutes, MaxDaysAhead = r.MaxDaysAhead,
            BufferMinutes = r.BufferMinutes, MinNoticeMinutes = r.MinNoticeMinutes,
        };
    }

    public sealed class BlackoutForm
    {
        public int? RoomId { get; set; }
        public DateOnly? FromDay { get; set; }
        public TimeOnly? FromTime { get; set; }
        public DateOnly? ToDay { get; set; }
        public TimeOnly? ToTime { get; set; }
        public string Reason { get; set => field = value ?? ""; } = "";
    }

    [BindProperty] public RoomForm Room { get; set; } = new();
    [BindProperty] public BlackoutForm Blackout { get; set; } = new();
    public IReadOnlyList<Room> Rooms { get; private set; } = [];
    public IReadOnlyList<Blackout> Blackouts { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public IReadOnlyList<string> Errors { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    /// <summary>The rooms' own settings are the admin's; closing a room for a day is anyone's in the team.</summary>
    public bool IsAdmin => User.IsInRole(Data.Staff.StaffRoles.Admin);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Saves a room: with an id, that room; without, a new one.</summary>
    public async Task<IActionResult> OnPostRoomAsync(int? id, CancellationToken ct)
    {
        if (!IsAdmin) return Forbid(); // the refusal page says only an admin may, and who the admins are
        var r = Room;
        var errors = new List<string>();
        if (r.Name.Trim().Length is < 2 or > 60 || (r.NameUk?.Trim().Length ?? 0) > 60 || (r.NameEn?.Trim().Length ?? 0) > 60)
            errors.Add(AdminText.RoomNameLength);
        if (r.Capacity is < 1 or > 500) errors.Add(AdminText.RoomCapacityRange);
        if (r.MinMinutes < 15 || r.MaxMinutes < r.MinMinutes) errors.Add(AdminText.RoomLengthRange);
        if (r.MaxDaysAhead is < 1 or > 365) errors.Add(AdminText.RoomDaysAheadRange);
        if (r.BufferMinutes is < 0 or > 240 || r.MinNoticeMinutes is < 0 or > 20_160) errors.Add(AdminText.RoomBufferRange);
        if (errors.Count > 0) return await RefuseAsync(errors, ct);

        var centre = await centres.GetDefaultAsync(ct);
        var saved = await settings.SaveRoomAsync(centre.Id, id, new RoomSettings(r.Name, r.Aliases, r.Capacity, r.Description, r.Equipment,
            r.RequiresApproval, r.MinMinutes, r.MaxMinutes, r.MaxDaysAhead, r.BufferMinutes, r.MinNoticeMinutes, r.NameUk, r.NameEn,
            r.DescriptionUk, r.DescriptionEn, r.EquipmentUk, r.EquipmentEn), ct);
        if (saved is null) return NotFound();
        Message = Wording.Format(id is null ? AdminText.RoomAdded : AdminText.RoomSaved, saved.Name);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostBlackoutAsync(CancellationToken ct)
    {
        var b = Blackout;
        var centre = await centres.GetDefaultAsync(ct);
        if (b.FromDay is null || b.ToDay is null) return await RefuseAsync([AdminText.BlackoutNeedsDays], ct);
        if (b.RoomId is { } roomId && centre.Rooms.All(x => x.Id != roomId)) return await RefuseAsync([AdminText.PickRoomFromList], ct);
        var start = TimeZoneInfo.ConvertTimeToUtc(b.FromDay.Value.ToDateTime(b.FromTime ?? TimeOnly.MinValue), centre.TimeZone);
        // Without a time the last day counts whole.
        var end = b.ToTime is { } to ? TimeZoneInfo.ConvertTimeToUtc(b.ToDay.Value.ToDateTime(to), centre.TimeZone) : LocalCalendar.StartUtc(b.ToDay.Value.AddDays(1), centre.TimeZone);
        if (end <= start) return await RefuseAsync([AdminText.BlackoutEndBeforeStart], ct);
        if (end <= time.GetUtcNow().UtcDateTime) return await RefuseAsync([AdminText.BlackoutPassed], ct);
        if (b.Reason.Trim().Length is < 3 or > 200) return await RefuseAsync([AdminText.BlackoutReasonLength], ct);

        var (_, affected) = await settings.AddBlackoutAsync(centre.Id, b.RoomId, start, end, b.Reason, ct);
        var rooms = centre.Rooms.ToDictionary(x => x.Id);
        Message = affected.Count == 0
            ? AdminText.BlackoutAdded
            : Wording.Format(AdminText.BlackoutAddedOverBookings,
                string.Join("; ", affected.Select(x => BookingDesk.When(x, rooms[x.RoomId], centre.TimeZone) + $" ({x.Purpose})")));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveBlackoutAsync(int id, CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        Message = await settings.RemoveBlackoutAsync(centre.Id, id, ct) ? AdminText.BlackoutRemoved : AdminText.BlackoutGone;
        return RedirectToPage();
    }

    public string BlackoutLine(Blackout b) =>
        $"{Wording.DateTime(b.StartUtc, Zone)} – {Wording.DateTime(b.EndUtc, Zone)}: {(b.RoomId is { } id ? Rooms.FirstOrDefault(r => r.Id == id)?.Name : AdminText.AllRooms)} ({b.Reason})";

    private async Task<IActionResult> RefuseAsync(IReadOnlyList<string> errors, CancellationToken ct)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        Zone = centre.TimeZone;
        Rooms = [.. centre.Rooms.OrderBy(r => r.Id)];
        Blackouts = await settings.UpcomingBlackoutsAsync(centre.Id, ct);
    }
}
