using MamBot.Data.Centres;

namespace MamBot.Data.Outbox;

/// <summary>Config section "Nudges": when unsolicited messages may go out.</summary>
public sealed class NudgeTimingOptions
{
    public const string Section = "Nudges";

    /// <summary>Local time from which nothing is sent (what falls inside waits for the morning).</summary>
    public TimeOnly QuietFrom { get; set; } = new(21, 0);
    public TimeOnly QuietUntil { get; set; } = new(8, 0);

    /// <summary>At most this many unsolicited nudges a resident gets in one day (reminders they asked for don't count).</summary>
    public int DailyCap { get; set; } = 2;

    /// <summary>When the weekly digest goes out (cron in the centre's time zone): Monday 10:00.</summary>
    public string DigestCron { get; set; } = "0 10 * * 1";

    /// <summary>"Jak było?" goes out the morning after an event, at this local time.</summary>
    public TimeOnly FeedbackAt { get; set; } = new(10, 0);
}

/// <summary>
/// When a nudge may go out: never in quiet hours, and unsolicited ones at most DailyCap a day. A nudge that may
/// not go now is postponed, not dropped: it waits for the morning or the next day.
/// </summary>
public static class NudgeTiming
{
    /// <summary>Kinds the resident did not ask for; reminders and news about their own requests are not capped.</summary>
    public static bool IsUnsolicited(OutboxKind kind) => kind is OutboxKind.FollowUp or OutboxKind.Announcement or OutboxKind.Digest or OutboxKind.Feedback or OutboxKind.SurveyInvitation
        or OutboxKind.Broadcast;

    /// <summary>
    /// Quiet hours hold nudges, not news a resident is waiting for right now: a staff decision on their booking
    /// or a change to an event they are going to (a freed place for tonight) goes out at once.
    /// </summary>
    public static bool WaitsForQuietHours(OutboxKind kind) => kind is not (OutboxKind.Reply or OutboxKind.HumanReply or OutboxKind.AccountUpdate or OutboxKind.EventUpdate);

    /// <summary>When a nudge of this kind queued now would first go out: null for now, else the end of quiet hours.</summary>
    public static DateTime? FirstChance(OutboxKind kind, DateTime nowUtc, TimeZoneInfo zone, NudgeTimingOptions options) =>
        PostponeUntil(kind, nowUtc, zone, 0, options);

    /// <summary>Null when the nudge may go now; otherwise the UTC time to try again.</summary>
    public static DateTime? PostponeUntil(OutboxKind kind, DateTime nowUtc, TimeZoneInfo zone, int unsolicitedSentToday, NudgeTimingOptions options)
    {
        if (!WaitsForQuietHours(kind)) return null;
        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone);
        var time = TimeOnly.FromDateTime(local);
        var today = DateOnly.FromDateTime(local);

        if (InQuiet(time, options))
        {
            var morning = time >= options.QuietFrom && options.QuietFrom > options.QuietUntil ? today.AddDays(1) : today;
            return ToUtc(morning, options.QuietUntil, zone);
        }
        if (IsUnsolicited(kind) && unsolicitedSentToday >= options.DailyCap)
            return ToUtc(today.AddDays(1), options.QuietUntil, zone);
        return null;
    }

    /// <summary>The same wall-clock time a day earlier, in UTC (right across a clock change; a skipped hour falls back to 24 h).</summary>
    public static DateTime DayBefore(DateTime startUtc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(startUtc, zone).AddDays(-1);
        return zone.IsInvalidTime(local) ? startUtc.AddDays(-1) : TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The start of the centre's local day containing <paramref name="nowUtc"/>, in UTC (for "sent today").</summary>
    public static DateTime StartOfLocalDay(DateTime nowUtc, TimeZoneInfo zone) => LocalCalendar.StartUtc(LocalCalendar.Today(nowUtc, zone), zone);

    private static bool InQuiet(TimeOnly time, NudgeTimingOptions o) =>
        o.QuietFrom > o.QuietUntil ? time >= o.QuietFrom || time < o.QuietUntil : time >= o.QuietFrom && time < o.QuietUntil;

    private static DateTime ToUtc(DateOnly day, TimeOnly at, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(at);
        return TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(local) ? local.AddHours(1) : local, zone);
    }
}
