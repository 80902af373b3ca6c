using System.Net;
using System.Text;
using MamBot.Data.Bookings;
using MamBot.Data.Ideas;
using MamBot.Dialogs.Bookings;
using MamBot.Dialogs.Ideas;
using MamBot.Dialogs.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Admin;

/// <summary>
/// "Raport": a month's, a quarter's or the whole pilot's figures on the page and as a printed PDF, all months in one
/// CSV, counts surviving a resident's erasure.
/// </summary>
public sealed class ReportPageTests : IDisposable
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;

    public ReportPageTests() => _app = _bed.Start();

    public void Dispose() => _bed.Dispose();

    private async Task<(PageChat Chat, Guid Id)> ResidentAsync(string conversation)
    {
        var chat = new PageChat(_app.CreateClient(), conversation);
        await chat.PressAsync("consent:yes");
        var id = await _app.QueryAsync(db => db.Residents.Where(r => r.Identities.Any(i => i.ExternalId == conversation)).Select(r => r.Id).SingleAsync());
        return (chat, id);
    }

    /// <summary>November: two residents, a two-hour booking of the small room, a sign-up, an idea.</summary>
    private async Task<Guid> NovemberAsync()
    {
        var (ala, alaId) = await ResidentAsync("browser-ala-8be0362489c467998270");
        await ResidentAsync("browser-bartek-ec7f4e7856dc6c3d9");
        DateTime Friday(int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 27, hour, 0, 0), Krakow);
        var coffee = await _app.QueryAsync(db => db.Events.Where(e => e.Title == "Kawa sąsiedzka").OrderBy(e => e.StartUtc).Select(e => e.Id).FirstAsync());
        await ala.PressAsync($"events:join:{coffee}");
        await using var scope = _app.Services.CreateAsyncScope();
        var small = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Rooms.Where(r => r.Name == "Sala mała").Select(r => r.Id).SingleAsync();
        var booking = await scope.ServiceProvider.GetRequiredService<BookingDesk>()
            .RequestAsync(new NewBooking(small, alaId, Friday(17), Friday(19), 4, "korepetycje", "Ala", null), default);
        Assert.Equal(BookingStatus.Confirmed, booking.Booking!.Status);
        var centre = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Centres.Select(c => c.Id).FirstAsync();
        await scope.ServiceProvider.GetRequiredService<IdeaDesk>().SubmitAsync(new NewIdea(centre, alaId, "Klub szachowy", "Gramy w szachy co tydzień.",
            "dla wszystkich", "szachownice", "uczę grać", null), default);
        return alaId;
    }

    [Fact]
    public async Task Each_figure_is_a_chart_drawn_on_the_server_with_its_numbers_in_a_table_under_it()
    {
        await NovemberAsync();
        var staff = await StaffSession.SignInAsync(_app);

        var html = await staff.PageAsync("/admin/report");

        var charts = System.Text.RegularExpressions.Regex.Matches(html, "<img src=\"([^\"]+)\" alt=\"([^\"]+)\"")
            .Select(m => (Src: WebUtility.HtmlDecode(m.Groups[1].Value), Alt: WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        // residents (all, active and new by channel), bookings, hours, events, ideas, surveys, talks; no ratings yet: no chart
        Assert.Equal(9, charts.Count);
        const string prefix = "data:image/svg+xml;base64,";
        Assert.All(charts, chart => Assert.StartsWith(prefix, chart.Src));
        var residents = System.Xml.Linq.XDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(charts[0].Src[prefix.Length..])));
        Assert.Equal("svg", residents.Root!.Name.LocalName);
        Assert.Contains("lis 2026", residents.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()));
        Assert.Contains("Liczby są w tabeli pod wykresem", charts[0].Alt);
        var text = StaffSession.Text(html);
        Assert.Contains("Mieszkańcy, którzy pisali do MamBota miesiąc mieszkańcy aktywni nowi mieszkańcy lis 2026 2 2", text);
        Assert.Contains("Rezerwacje sal miesiąc Sala duża Sala mała Kuchnia lis 2026 0 1 0", text);
        Assert.Contains("Mieszkańcy aktywni według kanału miesiąc czat na stronie lis 2026 2", text);
        Assert.Contains("Godziny rezerwacji według sal miesiąc Sala duża Sala mała Kuchnia lis 2026 0 2 0", text);
        // No ratings yet: "brak ocen" where the chart would be (not an axis running −10 to 10), "–" in the table.
        Assert.Contains("Średnia ocena wydarzeń (od 1 do 5) brak ocen miesiąc średnia ocena lis 2026 –", text);
        Assert.Matches("Pomysły mieszkańców według tego, co się z nimi stało miesiąc .* lis 2026 1 0", text); // Ala's chess club, new
    }

    [Fact]
    public async Task The_month_shows_residents_by_channel_room_hours_sign_ups_and_ideas()
    {
        await NovemberAsync();
        var staff = await StaffSession.SignInAsync(_app);

        var page = StaffSession.Text(await staff.PageAsync("/admin/report"));

        Assert.Contains("Raport: listopad 2026", page);
        Assert.Contains("W listopadzie z MAM skorzystały 2 osoby, o 2 więcej niż w październiku.", page);
        Assert.Contains("W listopadzie sale zarezerwowano 1 raz, o 1 więcej niż w październiku.", page);
        Assert.Contains("mieszkańcy aktywni czat na stronie 2 mieszkańcy aktywni razem 2", page);
        Assert.Contains("nowi mieszkańcy razem 2", page);
        Assert.Contains("mieszkańcy aktywni według języka polski 2", page);
        Assert.Contains("rezerwacje potwierdzone Sala mała 1 godziny rezerwacji Sala mała 2", page);
        Assert.Contains("wydarzenia odbyte 0 wydarzenia zaplanowane 2 wydarzenia zapisani 1", page); // Kawa 26.11, Planszówki 28.11
        Assert.Contains("pomysły zgłoszone nowy, czeka na przejrzenie 1", page);
        Assert.Contains("wydarzenia średnia ocena –", page);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.Http.GetAsync("/admin/report?month=listopad")).StatusCode);
    }

    /// <summary>November as above; on 2 December Bartek writes again. Returns Ala's id.</summary>
    private async Task<Guid> NovemberAndDecemberAsync()
    {
        var alaId = await NovemberAsync();
        _bed.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        await new PageChat(_app.CreateClient(), "browser-bartek-ec7f4e7856dc6c3d9").SendAsync("dzień dobry");
        return alaId;
    }

    [Fact]
    public async Task A_quarter_or_the_whole_pilot_counts_each_resident_once_and_compares_in_plain_polish()
    {
        await NovemberAndDecemberAsync();
        var staff = await StaffSession.SignInAsync(_app);

        var december = StaffSession.Text(await staff.PageAsync("/admin/report"));
        var quarter = StaffSession.Text(await staff.PageAsync("/admin/report?period=2026-Q4"));
        var pilot = StaffSession.Text(await staff.PageAsync("/admin/report?period=pilot"));

        Assert.Contains("Raport: grudzień 2026", december);
        Assert.Contains("W grudniu z MAM skorzystała 1 osoba, o 1 mniej niż w listopadzie.", december);
        Assert.Contains("Okres grudzień 2026 listopad 2026 IV kwartał 2026 cały pilotaż (listopad 2026 – grudzień 2026) Pokaż", december);
        Assert.Contains("‹ listopad 2026 · Pobierz PDF", december); // nothing after the current month
        Assert.Contains("Raport: IV kwartał 2026", quarter);
        // Ala and Bartek in November, Bartek again in December: two people, not three.
        Assert.Contains("W IV kwartale z MAM skorzystały 2 osoby, o 2 więcej niż w III kwartale.", quarter);
        Assert.Contains("W IV kwartale sale zarezerwowano 1 raz, o 1 więcej niż w III kwartale.", quarter);
        Assert.Contains("‹ III kwartał 2026 · Pobierz PDF", quarter);
        Assert.Contains("Raport: cały pilotaż (listopad 2026 – grudzień 2026)", pilot);
        Assert.Contains("Od początku pilotażu z MAM skorzystały 2 osoby.", pilot);
        Assert.Contains("mieszkańcy aktywni razem 2 mieszkańcy aktywni według języka polski 2 nowi mieszkańcy czat na stronie 2", pilot);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.Http.GetAsync("/admin/report?period=2026-Q5")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.Http.GetAsync("/admin/report?handler=Pdf&period=kwartał")).StatusCode);
    }

    [Fact]
    public async Task The_pdf_is_the_same_report_on_a4_pages_with_the_centre_the_period_and_the_charts()
    {
        await NovemberAndDecemberAsync();
        var staff = await StaffSession.SignInAsync(_app);
        Assert.Contains("/admin/report?handler=Pdf&period=2026-Q4", WebUtility.HtmlDecode(await staff.PageAsync("/admin/report?period=2026-Q4")));

        var response = await staff.Http.GetAsync("/admin/report?handler=Pdf&period=2026-Q4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("raport-mam-2026-Q4.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var pages = document.GetPages().ToList();
        Assert.All(pages, page => Assert.Equal((595, 842), ((int)Math.Round(page.Width), (int)Math.Round(page.Height))));
        var text = string.Join(" ", pages.Select(page => string.Join(" ", page.GetWords().Select(w => w.Text))));
        Assert.Contains("MAM Na Kozłówce", text);
        Assert.Contains("Raport pilotażu: IV kwartał 2026", text);
        Assert.Contains("Stan na 2 grudnia 2026.", text);
        Assert.Contains("W IV kwartale z MAM skorzystały 2 osoby, o 2 więcej niż w III kwartale.", text);
        Assert.Contains("godziny rezerwacji Sala mała 2", text);
        Assert.Contains("pomysły zgłoszone nowy, czeka na przejrzenie 1", text);
        Assert.Contains("Pomysły mieszkańców według tego, co się z nimi stało", text);
        Assert.Contains($"strona {pages.Count} z {pages.Count}", text);
        var charts = pages.SelectMany(page => page.GetImages()).ToList();
        Assert.Equal(9, charts.Count); // the ratings chart has no ratings: "brak ocen" in its place
        Assert.Contains("Średnia ocena wydarzeń (od 1 do 5) brak ocen", text);
        // Nothing printed over anything else: a long area name ("mieszkańcy aktywni według języka") wraps in its column.
        foreach (var page in pages)
        {
            var words = page.GetWords().ToList();
            foreach (var (a, i) in words.Select((w, i) => (w, i)))
                foreach (var b in words.Skip(i + 1))
                {
                    var (x, y) = (a.BoundingBox, b.BoundingBox);
                    var overlap = Math.Max(0, Math.Min(x.Right, y.Right) - Math.Max(x.Left, y.Left))
                        * Math.Max(0, Math.Min(x.Top, y.Top) - Math.Max(x.Bottom, y.Bottom));
                    Assert.True(overlap < 1, $"'{a.Text}' is printed over '{b.Text}' on page {page.Number}");
                }
        }
        Assert.Contains("mieszkańcy aktywni według polski 2 języka", text); // two lines in its column, "polski" beside them
        Assert.All(charts, chart =>
        {
            Assert.True(chart.TryGetPng(out var png), "a chart in the PDF is not a picture a reader can open");
            Assert.True(chart.WidthInSamples >= 800, $"a chart of {chart.WidthInSamples} pixels blurs on paper");
            Assert.Equal(0x89, png[0]);
        });
        var anonymous = await _app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/admin/report?handler=Pdf");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_csv_has_every_month_so_far_and_an_erased_resident_still_counts_as_anonymous()
    {
        var alaId = await NovemberAndDecemberAsync();
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PrivacyDesk>().EraseAsync(alaId, default);
        var staff = await StaffSession.SignInAsync(_app);

        var file = await staff.Http.GetAsync("/admin/report?handler=Csv");

        Assert.Equal("raport-pilotazu-2026-12-02.csv", file.Content.Headers.ContentDisposition!.FileNameStar ?? file.Content.Headers.ContentDisposition.FileName);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("miesiąc;obszar;pozycja;wartość", lines[0]);
        Assert.Contains("2026-11;mieszkańcy aktywni;razem;2", lines);
        Assert.Contains("2026-11;nowi mieszkańcy;czat na stronie;2", lines);
        Assert.Contains("2026-11;godziny rezerwacji;Sala mała;2", lines);
        Assert.Contains("2026-11;wydarzenia;odbyte;2", lines); // by 2 December both November events have taken place
        Assert.Contains("2026-11;wydarzenia;zaplanowane;0", lines);
        Assert.Contains("2026-12;mieszkańcy aktywni;razem;1", lines);
        Assert.Contains("2026-11;mieszkańcy aktywni według języka;polski;1", lines); // Bartek
        Assert.Contains("2026-11;mieszkańcy aktywni według języka;nieznany (dane usunięte);1", lines); // Ala, erased
        Assert.Contains("2026-12;nowi mieszkańcy;razem;0", lines);
        Assert.Contains("2026-11;pomysły zgłoszone;nowy, czeka na przejrzenie;1", lines);
        Assert.Contains("‹ listopad 2026", StaffSession.Text(await staff.PageAsync("/admin/report?month=2026-12")));
    }
}
