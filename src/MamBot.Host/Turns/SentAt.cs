namespace MamBot.Host.Turns;

/// <summary>When a resident wrote, as a platform reports it.</summary>
public static class SentAt
{
    /// <summary>
    /// The platform's time when it is within a day of now ("jutro" means the day after the message was written);
    /// a time further off, forged or from a broken clock, is not believed and now is used instead.
    /// </summary>
    public static DateTimeOffset OrNow(DateTimeOffset sent, DateTimeOffset now) =>
        (now - sent).Duration() < TimeSpan.FromDays(1) ? sent : now;
}
