using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Conversation;

public enum CalendarState { Tentative, Confirmed, Cancelled }

/// <summary>
/// One booking or event as a calendar sees it. The UID never changes and the sequence grows with every change,
/// so importing a newer file updates the entry (or, cancelled, removes it) instead of adding a second one.
/// </summary>
public sealed record CalendarEntry(string Uid, int Sequence, CalendarState State, string Summary, string Location, string Description,
    DateTime StartUtc, DateTime EndUtc);

/// <summary>
/// An .ics file in the centre's time zone with a complete VTIMEZONE (standard and summer time), so phones show
/// the right hour across a clock change, and two alarms (a day and 2 hours before) so the phone reminds the
/// resident even where the bot cannot write.
/// </summary>
public static class CalendarFile
{
    public static ReplyFile Create(string fileName, CalendarEntry entry, TimeZoneInfo zone, DateTime nowUtc)
    {
        var calendar = new Calendar { Method = entry.State == CalendarState.Cancelled ? "CANCEL" : "PUBLISH" };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone.Id, entry.StartUtc.AddYears(-1), includeHistoricalData: false));
        var happening = new CalendarEvent
        {
            Uid = entry.Uid,
            Sequence = entry.Sequence,
            Status = entry.State switch
            {
                CalendarState.Tentative => EventStatus.Tentative,
                CalendarState.Cancelled => EventStatus.Cancelled,
                _ => EventStatus.Confirmed,
            },
            Summary = entry.Summary,
            Location = entry.Location,
            Description = entry.Description,
            DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)),
            Start = new CalDateTime(TimeZoneInfo.ConvertTimeFromUtc(entry.StartUtc, zone), zone.Id),
            End = new CalDateTime(TimeZoneInfo.ConvertTimeFromUtc(entry.EndUtc, zone), zone.Id),
        };
        if (entry.State != CalendarState.Cancelled)
        {
            happening.Alarms.Add(Alarm(Duration.FromDays(-1), Wording.Format(T.CalendarAlarmDayBefore, entry.Summary)));
            happening.Alarms.Add(Alarm(Duration.FromHours(-2), Wording.Format(T.CalendarAlarmSoon, entry.Summary)));
        }
        calendar.Events.Add(happening);
        return new ReplyFile(fileName, "text/calendar", Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? ""));
    }

    /// <summary>The file with one line saying what it is: to add, or (cancelled) to take off the calendar.</summary>
    public static Reply Offer(string fileName, string what, CalendarEntry entry, TimeZoneInfo zone, DateTime nowUtc) =>
        new(Wording.Format(entry.State == CalendarState.Cancelled ? T.CalendarFileRemoves : T.CalendarFileIntro, what), [],
            Create(fileName, entry, zone, nowUtc));

    private static Alarm Alarm(Duration before, string text) =>
        new() { Action = AlarmAction.Display, Description = text, Trigger = new Trigger(before) };
}
