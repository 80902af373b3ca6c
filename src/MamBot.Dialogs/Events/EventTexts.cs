using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Events;

/// <summary>How events read in Polish: category names, one-line entries, the details card, the places left.</summary>
public static class EventTexts
{
    public static string Category(EventCategory category) => category switch
    {
        EventCategory.Seniors => T.CategorySeniors,
        EventCategory.Kids => T.CategoryKids,
        EventCategory.Neighbours => T.CategoryNeighbours,
        EventCategory.Workshops => T.CategoryWorkshops,
        EventCategory.Culture => T.CategoryCulture,
        _ => category.ToString(),
    };

    /// <summary>"czwartek, 26 listopada, 17:00"</summary>
    public static string When(CommunityEvent e, TimeZoneInfo zone) => Wording.DateTime(e.StartUtc, zone);

    /// <summary>"czw. 26.11 · Gimnastyka dla seniorów": the date first, so weekly events with one title are told apart
    /// even where a platform shortens the title.</summary>
    public static string ButtonTitle(CommunityEvent e, TimeZoneInfo zone) => $"{Wording.ShortDate(e.StartUtc, zone)} · {e.TitleNow()}";

    public static string Place(CommunityEvent e, Centre centre) =>
        centre.Rooms.FirstOrDefault(r => r.Id == e.RoomId) is { } room ? $"{room.NameNow()}, {centre.Name}" : centre.Name;

    /// <summary>"czwartek, 26 listopada, 17:00 – Kawa sąsiedzka (3 wolne miejsca)"</summary>
    public static string Line(EventSummary s, TimeZoneInfo zone)
    {
        var places = s.FreePlaces switch
        {
            null => "",
            0 => $" ({T.EventFullShort})",
            var n => $" ({Wording.Format(Wording.Plural(n.Value, T.PlacesLeftShortForms), n.Value)})",
        };
        return Wording.Format(T.EventLine, When(s.Event, zone), s.Event.TitleNow(), places);
    }

    public static string Places(EventSummary s)
    {
        if (s.FreePlaces is not { } free) return T.EventOpenEntry;
        if (free > 0) return Wording.Format(Wording.Plural(free, T.PlacesLeftForms), free);
        var waiting = s.Waiting > 0 ? " " + Wording.Format(T.EventWaitingCount, Wording.Count(s.Waiting, T.PeopleForms)) : "";
        return T.EventFull + waiting;
    }

    public static string Card(EventSummary s, Centre centre)
    {
        var e = s.Event;
        var end = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(e.EndUtc, centre.TimeZone));
        var lines = new List<string>
        {
            Wording.Quoted(e.TitleNow()),
            Wording.Format(T.EventDetailsWhen, When(e, centre.TimeZone), Wording.Time(end)),
            Wording.Format(T.EventDetailsWhere, Place(e, centre)),
            Wording.Format(T.EventDetailsCategory, Category(e.Category)),
        };
        if (!string.IsNullOrWhiteSpace(e.Organiser)) lines.Add(Wording.Format(T.EventDetailsOrganiser, e.OrganiserNow()));
        if (!string.IsNullOrWhiteSpace(e.Description)) lines.Add("\n" + e.DescriptionText().Shown);
        return string.Join("\n", lines);
    }
}
