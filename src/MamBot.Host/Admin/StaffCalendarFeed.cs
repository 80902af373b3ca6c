using System.Globalization;
using System.Text;
using MamBot.Data.Calendar;
using MamBot.Data.Centres;
using MamBot.Data.Staff;

namespace MamBot.Host.Admin;

/// <summary>
/// A staff member's private iCalendar feed (RFC 5545) of the centre's bookings and events, for Google Calendar,
/// Outlook or a phone: opened by the secret in its link alone (a calendar app sends no cookie), 404 once revoked.
/// Bookings say what and where, never who or a phone number: the feed leaves the panel for someone else's servers.
/// </summary>
public static class StaffCalendarFeed
{
    public const string Prefix = "/calendar/";

    /// <summary>A month back (what just happened) and a year ahead.</summary>
    private static readonly TimeSpan Back = TimeSpan.FromDays(31), Ahead = TimeSpan.FromDays(366);

    public static string Path(string secret) => $"{Prefix}{secret}.ics";

    public static WebApplication MapStaffCalendarFeed(this WebApplication app)
    {
        app.MapGet(Prefix + "{file}", async (string file, CalendarFeedService feeds, CentreCalendar calendar, CentreDirectory centres,
            TimeProvider time, HttpContext http, CancellationToken ct) =>
        {
            if (!file.EndsWith(".ics", StringComparison.Ordinal) || await feeds.OwnerAsync(file[..^4], ct) is null) return Results.NotFound();
            var centre = await centres.GetDefaultAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            var items = await calendar.ItemsAsync(centre.Id, now - Back, now + Ahead, ct);
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.Text(Render(centre, items, now), "text/calendar; charset=utf-8", Encoding.UTF8);
        }).AllowAnonymous();
        return app;
    }

    /// <summary>The calendar: bookings (tentative while they wait) and events; times in UTC, so no zone can be misread.</summary>
    public static string Render(Centre centre, IReadOnlyList<CalendarItem> items, DateTime nowUtc)
    {
        var rooms = centre.Rooms.ToDictionary(r => r.Id, r => r.Name);
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//MamBot//Kalendarz zespołu//PL");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "METHOD:PUBLISH");
        Line(ics, "X-WR-CALNAME:" + Text(Dialogs.Texts.Wording.Format(AdminText.FeedName, centre.Name)));
        Line(ics, "X-WR-TIMEZONE:" + centre.TimeZone.Id);
        Line(ics, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        foreach (var item in items.Where(i => i.Kind != CalendarKind.Closure))
        {
            var room = item.RoomId is { } id && rooms.TryGetValue(id, out var name) ? name : null;
            var booking = item.Kind == CalendarKind.Booking;
            Line(ics, "BEGIN:VEVENT");
            Line(ics, $"UID:{(booking ? "booking" : "event")}-{item.Id}@mambot");
            Line(ics, "DTSTAMP:" + Utc(nowUtc));
            Line(ics, "DTSTART:" + Utc(item.StartUtc));
            Line(ics, "DTEND:" + Utc(item.EndUtc));
            Line(ics, "SEQUENCE:" + item.Sequence.ToString(CultureInfo.InvariantCulture));
            Line(ics, "STATUS:" + (item.Pending ? "TENTATIVE" : "CONFIRMED"));
            Line(ics, "SUMMARY:" + Text(booking
                ? Dialogs.Texts.Wording.Format(item.Pending ? AdminText.FeedBookingPending : AdminText.FeedBooking, item.Title)
                : item.Title));
            Line(ics, "LOCATION:" + Text(room is null ? centre.Name : $"{room}, {centre.Name}"));
            if (booking)
                Line(ics, "DESCRIPTION:" + Text(Dialogs.Texts.Wording.Format(AdminText.FeedBookingPeople, item.People)));
            Line(ics, "END:VEVENT");
        }
        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    private static string Utc(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545, 3.3.11).</summary>
    public static string Text(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>
    /// One content line, folded so no line is longer than 75 octets (RFC 5545, 3.1): a continuation starts with a
    /// space, and a Polish letter (two octets in UTF-8) is never cut in half.
    /// </summary>
    public static void Line(StringBuilder ics, string line)
    {
        var octets = 0;
        var elements = StringInfo.GetTextElementEnumerator(line);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > 75)
            {
                ics.Append("\r\n ");
                octets = 1;
            }
            ics.Append(element);
            octets += size;
        }
        ics.Append("\r\n");
    }
}
