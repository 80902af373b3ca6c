using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Centres;

/// <summary>The sample centre seeded on first start (config section "SampleCentre").</summary>
public sealed class SampleCentre
{
    public string Slug { get; set; } = "mam-na-kozlowce";
    public string Name { get; set; } = "MAM Na Kozłówce";
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string TimeZoneId { get; set; } = "Europe/Warsaw";
    public string KeyPickup { get; set; } = "";
    public string? KeyPickupUk { get; set; }
    public string? KeyPickupEn { get; set; }
    public int MaxActiveBookingsPerResident { get; set; } = 3;

    /// <summary>Where staff hear about bookings waiting for approval, e.g. "telegram" and a staff group's chat id.</summary>
    public string StaffChannel { get; set; } = "";
    public string StaffChatId { get; set; } = "";

    /// <summary>Day name (Monday…Sunday) → "10:00-20:00"; a missing day is closed.</summary>
    public Dictionary<string, string> OpeningHours { get; set; } = [];
    public List<string> HouseRules { get; set; } = [];

    // The team's versions of the rules, line for line with HouseRules; missing lines stay Polish only.
    public List<string> HouseRulesUk { get; set; } = [];
    public List<string> HouseRulesEn { get; set; } = [];
    public List<SampleFaq> Faq { get; set; } = [];
    public List<SampleRoom> Rooms { get; set; } = [];
    public List<SampleEvent> Events { get; set; } = [];
    public List<SampleContact> Contacts { get; set; } = [];
}

/// <summary>A "where to turn" contact; the sample's phone numbers are examples, marked as such.</summary>
public sealed class SampleContact
{
    public string Name { get; set; } = "";
    public string Topics { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string Address { get; set; } = "";
    public string Hours { get; set; } = "";
    public string Note { get; set; } = "";
    public string? NameUk { get; set; }
    public string? NameEn { get; set; }
    public string? NoteUk { get; set; }
    public string? NoteEn { get; set; }
}

/// <summary>A weekly sample event, seeded for the next few weeks so "Wydarzenia" shows something on a fresh install.</summary>
public sealed class SampleEvent
{
    public string Title { get; set; } = "";
    public string? TitleUk { get; set; }
    public string? TitleEn { get; set; }
    public string Description { get; set; } = "";
    public string Category { get; set; } = "Neighbours";
    public string Room { get; set; } = "";
    public string Day { get; set; } = "Thursday";
    public string Time { get; set; } = "17:00";
    public int Minutes { get; set; } = 90;
    public int? Capacity { get; set; }
    public string Organiser { get; set; } = "";
    public string? OrganiserUk { get; set; }
    public string? OrganiserEn { get; set; }
    public int Weeks { get; set; } = 4;
}

public sealed class SampleFaq
{
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
    public string? QuestionUk { get; set; }
    public string? AnswerUk { get; set; }
    public string? QuestionEn { get; set; }
    public string? AnswerEn { get; set; }
}

public sealed class SampleRoom
{
    public string Name { get; set; } = "";
    public string? NameUk { get; set; }
    public string? NameEn { get; set; }
    public string Aliases { get; set; } = "";
    public int Capacity { get; set; }
    public string Description { get; set; } = "";
    public string? DescriptionUk { get; set; }
    public string? DescriptionEn { get; set; }
    public string Equipment { get; set; } = "";
    public string? EquipmentUk { get; set; }
    public string? EquipmentEn { get; set; }
    public bool RequiresApproval { get; set; }
    public int MinMinutes { get; set; } = 30;
    public int MaxMinutes { get; set; } = 240;
    public int MaxDaysAhead { get; set; } = 60;
    public int BufferMinutes { get; set; } = 15;
    public int MinNoticeMinutes { get; set; } = 60;
}

internal static class SampleCentreSeeder
{
    public static async Task SeedIfEmptyAsync(MamDbContext db, SampleCentre sample, TimeProvider time, CancellationToken ct)
    {
        if (await db.Centres.AnyAsync(ct)) return;

        var centre = new Centre
        {
            Slug = sample.Slug,
            Name = sample.Name,
            Address = sample.Address,
            Phone = sample.Phone,
            Email = sample.Email,
            TimeZoneId = sample.TimeZoneId,
            KeyPickup = sample.KeyPickup,
            KeyPickupUk = sample.KeyPickupUk,
            KeyPickupEn = sample.KeyPickupEn,
            MaxActiveBookingsPerResident = sample.MaxActiveBookingsPerResident,
            StaffChannel = string.IsNullOrWhiteSpace(sample.StaffChannel) ? null : sample.StaffChannel,
            StaffChatId = string.IsNullOrWhiteSpace(sample.StaffChatId) ? null : sample.StaffChatId,
            IsSample = true,
            OpeningHours = [.. sample.OpeningHours.Select(ParseHours)],
            HouseRules = [.. sample.HouseRules.Select((text, i) => new HouseRule
            {
                Order = i, Text = text, TextUk = sample.HouseRulesUk.ElementAtOrDefault(i), TextEn = sample.HouseRulesEn.ElementAtOrDefault(i),
            })],
            Faq = [.. sample.Faq.Select((f, i) => new FaqEntry
            {
                Order = i, Question = f.Question, Answer = f.Answer, QuestionUk = f.QuestionUk, AnswerUk = f.AnswerUk,
                QuestionEn = f.QuestionEn, AnswerEn = f.AnswerEn,
            })],
            Rooms = [.. sample.Rooms.Select(r => new Room
            {
                Name = r.Name,
                NameUk = r.NameUk,
                NameEn = r.NameEn,
                Aliases = r.Aliases,
                Capacity = r.Capacity,
                Description = r.Description,
                DescriptionUk = r.DescriptionUk,
                DescriptionEn = r.DescriptionEn,
                Equipment = r.Equipment,
                EquipmentUk = r.EquipmentUk,
                EquipmentEn = r.EquipmentEn,
                RequiresApproval = r.RequiresApproval,
                MinMinutes = r.MinMinutes,
                MaxMinutes = r.MaxMinutes,
                MaxDaysAhead = r.MaxDaysAhead,
                BufferMinutes = r.BufferMinutes,
                MinNoticeMinutes = r.MinNoticeMinutes,
            })],
            Contacts = [.. sample.Contacts.Select(c => new LocalContact
            {
                Name = c.Name, Topics = c.Topics, Phone = c.Phone, Email = c.Email, Address = c.Address, Hours = c.Hours,
                Note = c.Note, NameUk = c.NameUk, NameEn = c.NameEn, NoteUk = c.NoteUk, NoteEn = c.NoteEn,
            })],
        };
        db.Centres.Add(centre);
        await db.SaveChangesAsync(ct);

        db.Events.AddRange(sample.Events.SelectMany(e => Occurrences(e, centre, time.GetUtcNow().UtcDateTime)));
        await db.SaveChangesAsync(ct);
    }

    private static IEnumerable<Events.CommunityEvent> Occurrences(SampleEvent sample, Centre centre, DateTime nowUtc)
    {
        var zone = centre.TimeZone;
        var day = Enum.Parse<DayOfWeek>(sample.Day, ignoreCase: true);
        var at = TimeOnly.Parse(sample.Time, CultureInfo.InvariantCulture);
        // From this week: today's session counts while it is still ahead.
        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone);
        var first = DateOnly.FromDateTime(local);
        while (first.DayOfWeek != day || first.ToDateTime(at) <= local) first = first.AddDays(1);
        var room = centre.Rooms.FirstOrDefault(r => r.Name == sample.Room);
        for (var week = 0; week < sample.Weeks; week++)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(first.AddDays(7 * week).ToDateTime(at), zone);
            yield return new Events.CommunityEvent
            {
                CentreId = centre.Id,
                Title = sample.Title,
                TitleUk = sample.TitleUk,
                TitleEn = sample.TitleEn,
                Description = sample.Description,
                Category = Enum.Parse<Events.EventCategory>(sample.Category, ignoreCase: true),
                RoomId = room?.Id,
                StartUtc = start,
                EndUtc = start.AddMinutes(sample.Minutes),
                Capacity = sample.Capacity,
                Organiser = sample.Organiser,
                OrganiserUk = sample.OrganiserUk,
                OrganiserEn = sample.OrganiserEn,
                Status = Events.EventStatus.Scheduled,
                CreatedUtc = nowUtc,
                AnnouncedUtc = nowUtc, // nobody to tell yet: the team is not offered to announce samples
                IsSample = true,
            };
        }
    }

    private static OpeningHours ParseHours(KeyValuePair<string, string> entry)
    {
        var day = Enum.Parse<DayOfWeek>(entry.Key, ignoreCase: true);
        var parts = entry.Value.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
            throw new FormatException($"SampleCentre:OpeningHours:{entry.Key} must look like 10:00-20:00, not '{entry.Value}'.");
        return new OpeningHours { Day = day, Opens = TimeOnly.Parse(parts[0], CultureInfo.InvariantCulture), Closes = TimeOnly.Parse(parts[1], CultureInfo.InvariantCulture) };
    }
}
