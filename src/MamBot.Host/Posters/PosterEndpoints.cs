using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MamBot.Data;
using MamBot.Data.Centres;
using MamBot.Data.Posters;
using MamBot.Data.Residents;
using MamBot.Dialogs.Events;
using MamBot.Dialogs.Settings;
using MamBot.Dialogs.Welcome;
using MamBot.Host.Channels.WebChat;
using MamBot.Dialogs.Texts;
using MamBot.Host.Admin;
using MamBot.Host.Channels.Messenger;
using MamBot.Host.Channels.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Posters;

/// <summary>Config section "Site": the address residents reach the bot at.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>E.g. https://mam.example.org; printed on posters. Empty: the address the panel was opened at.</summary>
    public string PublicUrl { get; set; } = "";
}

/// <summary>
/// "Plakat" in the panel: an A4 PDF for the centre or an event, whose QR code opens /p/{code}, a page of ours that
/// offers each configured channel in one tap and counts the visit by where the poster hangs (?z=klatka-3).
/// </summary>
public static partial class PosterEndpoints
{
    public static WebApplicationBuilder AddPosters(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiteOptions>().Bind(builder.Configuration.GetSection(SiteOptions.Section));
        builder.Services.AddSingleton<PosterVisitors>();
        return builder;
    }

    public static WebApplication MapPosters(this WebApplication app)
    {
        app.MapGet("/admin/posters/centre.pdf", CentrePosterAsync).RequireAuthorization();
        app.MapGet("/admin/posters/events/{id:int}.pdf", EventPosterAsync).RequireAuthorization();
        app.MapGet("/p/{code}", LandingAsync);
        return app;
    }

    private static async Task<IResult> CentrePosterAsync(HttpRequest request, string? z, CentreDirectory centres, PosterVisits visits,
        IOptions<SiteOptions> site, TimeProvider time, CancellationToken ct)
    {
        var centre = await centres.GetDefaultAsync(ct);
        await visits.NamePlaceAsync(PosterCodes.Centre, Place(z), Month(centre, time), ct);
        var (url, shortUrl) = Addresses(request, site.Value, PosterCodes.Centre, z);
        var poster = new Poster(T.PosterCentreHeading, centre.Name, string.Join(", ", Wording.OpeningHours(centre.OpeningHours)), centre.Address,
            [T.PosterCentreLine1, T.PosterCentreLine2], T.PosterScan, url, shortUrl);
        return Pdf(poster, "plakat-mam.pdf");
    }

    private static async Task<IResult> EventPosterAsync(int id, HttpRequest request, string? z, MamDbContext db, CentreDirectory centres,
        PosterVisits visits, IOptions<SiteOptions> site, TimeProvider time, CancellationToken ct)
    {
        if (await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } e) return Results.NotFound();
        var centre = await centres.GetAsync(e.CentreId, ct);
        await visits.NamePlaceAsync(PosterCodes.ForEvent(id), Place(z), Month(centre, time), ct);
        var zone = centre.TimeZone;
        var when = Wording.Capitalised(EventTexts.When(e, zone)) + "–" + Wording.Time(e.EndUtc, zone);
        var lines = new List<string>();
        if (FirstSentence(e.Description) is { Length: > 0 } about) lines.Add(about);
        lines.Add(e.Capacity is { } places ? Wording.Format(T.PosterEventPlaces, Wording.Count(places, T.PlaceForms)) : T.PosterEventOpen);
        var (url, shortUrl) = Addresses(request, site.Value, PosterCodes.ForEvent(id), z);
        var poster = new Poster(centre.Name, e.Title, when, EventTexts.Place(e, centre) + ", " + centre.Address, lines, T.PosterScan, url, shortUrl);
        return Pdf(poster, $"plakat-wydarzenie-{id}.pdf");
    }

    private static IResult Pdf(Poster poster, string fileName)
    {
        try
        {
            return Results.File(PosterPdf.Render(poster), "application/pdf", fileName);
        }
        catch (Printing.PrintFontMissingException)
        {
            return Results.Text(AdminText.PrintNoFont, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The QR code's full address (with where the poster hangs) and the short one printed under it.</summary>
    private static (string Url, string Short) Addresses(HttpRequest request, SiteOptions site, string code, string? place)
    {
        var root = site.PublicUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}";
        var path = "/p/" + code;
        var url = root + path + (Place(place) is { Length: > 0 } z ? "?z=" + z : "");
        return (url, new Uri(root).Authority + path);
    }

    private static string Month(Centre centre, TimeProvider time) =>
        TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, centre.TimeZone).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Where a poster hangs, as a short slug ("klatka-3"); anything else counts as unnamed.</summary>
    private static string Place(string? z) => z is { Length: > 0 and <= 40 } && SlugPattern().IsMatch(z) ? z : "";

    private static string? FirstSentence(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.IndexOfAny(['.', '!', '?', '\n']);
        var sentence = end >= 0 ? trimmed[..(end + 1)].TrimEnd('\n') : trimmed;
        return sentence.Length <= 140 ? sentence : null;
    }

    /// <summary>The page behind the QR code: each configured channel in one tap, large enough for a thumb.</summary>
    private static async Task<IResult> LandingAsync(string code, string? z, string? lang, HttpRequest request, CentreDirectory centres,
        MamDbContext db, PosterVisits visits, PosterVisitors visitors, TelegramBot telegram, IOptions<MessengerOptions> messenger, TimeProvider time, CancellationToken ct)
    {
        // In the language asked for on the page, else the one chosen in the chat before, else the phone's (Ukrainian for ru).
        using var speaking = Language.Use(Languages.Match(lang) ?? Languages.Match(request.Cookies[ChatPageTexts.Cookie])
            ?? WelcomeActions.HintedLanguage(WebChatEndpoints.BrowserLanguage(request)));
        if (!CodePattern().IsMatch(code)) return Results.NotFound();
        var centre = await centres.GetDefaultAsync(ct);
        string? title = null;
        if (PosterCodes.EventId(code) is { } id)
        {
            // The team's version of the title in the reader's language, when they wrote one.
            title = (await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct))?.TitleNow();
            if (title is null) return Results.NotFound();
        }
        if (await visitors.IsFirstTodayAsync(request, code, centre, ct))
            await visits.CountAsync(code, await visits.CountedPlaceAsync(code, Place(z), ct), Month(centre, time), ct);

        var links = new List<(string Label, string Href)>();
        if (telegram.Enabled && telegram.Username.Length > 0) links.Add((T.LandingTelegram, $"https://t.me/{telegram.Username}?start={code}"));
        if (messenger.Value is { Enabled: true, PageId: { Length: > 0 } page }) links.Add((T.LandingMessenger, $"https://m.me/{page}?ref={code}"));
        links.Add((T.LandingWebChat, code == PosterCodes.Centre ? "/" : $"/?start={code}"));
        var others = Languages.All.Where(l => l != Language.Current)
            .Select(l => (l, $"/p/{code}?lang={l}" + (Place(z) is { Length: > 0 } place ? $"&z={place}" : ""))).ToList();
        return Results.Content(LandingHtml(centre, title, links, others), "text/html; charset=utf-8");
    }

    private static string LandingHtml(Centre centre, string? eventTitle, List<(string Label, string Href)> links,
        List<(string Language, string Href)> otherLanguages)
    {
        static string H(string text) => Html.Encode(text);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"").Append(Language.Current).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(H(eventTitle ?? centre.Name)).Append("</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:0 auto;max-width:32rem;padding:1.5rem;font-size:1.2rem;line-height:1.5}")
            .Append("a.channel{display:block;margin:.8rem 0;padding:1rem;border-radius:.6rem;background:#1f5f8b;color:#fff;text-align:center;text-decoration:none;font-weight:600}")
            .Append("</style></head><body><main>")
            .Append("<p>").Append(H(centre.Name)).Append("</p>")
            .Append("<h1>").Append(H(eventTitle ?? T.LandingCentreTitle)).Append("</h1>")
            .Append("<p>").Append(H(T.LandingChoose)).Append("</p>");
        foreach (var (label, href) in links)
            html.Append("<a class=\"channel\" href=\"").Append(H(href)).Append("\">").Append(H(label)).Append("</a>");
        html.Append("<p>").Append(H(T.LandingAssistant)).Append("</p><p>");
        html.AppendJoin(" · ", otherLanguages.Select(o =>
            $"<a lang=\"{o.Language}\" href=\"{H(o.Href)}\">{H(LanguageActions.NameOf(o.Language))}</a>"));
        html.Append("</p></main></body></html>");
        return html.ToString();
    }

    /// <summary>Polish letters as they are (readable source, what screen readers get); markup characters escaped.</summary>
    private static readonly System.Text.Encodings.Web.HtmlEncoder Html =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    [GeneratedRegex("^(c|e[1-9][0-9]{0,8})$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SlugPattern();
}
