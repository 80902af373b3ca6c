using System.Globalization;
using MamBot.Data.Centres;
using MamBot.Host.Security;

namespace MamBot.Host.Posters;

/// <summary>
/// Who counts as a poster's visitor: a person opening the page, once a day per poster and network address (kept
/// as a keyed hash with the day in it, forgotten the next day); not a browser's prefetch, not a link-preview or
/// search bot. Phones behind one shared address count once a day together: an undercount, never a flood.
/// </summary>
public sealed class PosterVisitors(SharedThrottles throttles, TimeProvider time)
{
    /// <summary>Parts of the user agents of crawlers and link previews (messengers fetch a link to show it).</summary>
    private static readonly string[] Bots =
    [
        "bot", "crawler", "spider", "slurp", "facebookexternalhit", "facebookcatalog", "whatsapp", "telegram", "skypeuripreview",
        "discord", "embedly", "preview", "curl/", "wget/", "python-requests", "go-http-client", "headless",
    ];

    private static readonly string[] PrefetchHeaders = ["Sec-Purpose", "Purpose", "X-Purpose", "X-Moz"];

    public async Task<bool> IsFirstTodayAsync(HttpRequest request, string code, Centre centre, CancellationToken ct)
    {
        if (IsPrefetch(request) || IsBot(request)) return false;
        var address = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "";
        var local = TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, centre.TimeZone);
        var day = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var endOfDay = TimeZoneInfo.ConvertTimeToUtc(local.Date.AddDays(1), centre.TimeZone);
        return await throttles.ChangeAsync<bool>($"poster:{day}:{code}:{address}", (seen, now) =>
            seen is null ? (new ThrottleState(1, now, now, false, endOfDay), true) : (seen, false), ct);
    }

    /// <summary>Chromium's Sec-Purpose, and the older Purpose / X-Moz headers: a page fetched in case it is opened.</summary>
    public static bool IsPrefetch(HttpRequest request) =>
        PrefetchHeaders.Any(h =>
            request.Headers[h].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase)
            || request.Headers[h].ToString().Contains("prerender", StringComparison.OrdinalIgnoreCase));

    public static bool IsBot(HttpRequest request)
    {
        var agent = request.Headers.UserAgent.ToString();
        return agent.Length == 0 || Bots.Any(b => agent.Contains(b, StringComparison.OrdinalIgnoreCase));
    }
}
