using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace MamBot.Dialogs.Conversation;

/// <summary>An .ics file with one event in the centre's time zone, so phones show the right hour also across a clock change.</summary>
public static class CalendarFile
{
    public static ReplyFile Create(string fileName, string uid, string summary, string location, string description,
        DateTime startUtc, DateTime endUtc, TimeZoneInfo zone)
    {
        var calendar = new Ical.Net.Calendar();
        calendar.AddTimeZone(new VTimeZone(zone.Id));
        calendar.Events.Add(new CalendarEvent
        {
            Uid = uid,
            Summary = summary,
            Location = location,
            Description = description,
            Start = new CalDateTime(TimeZoneInfo.ConvertTimeFromUtc(startUtc, zone), zone.Id),
            End = new CalDateTime(TimeZoneInfo.ConvertTimeFromUtc(endUtc, zone), zone.Id),
        });
        return new ReplyFile(fileName, "text/calendar", Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? ""));
    }
}
