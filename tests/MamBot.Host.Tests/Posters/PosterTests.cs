using System.Diagnostics;
using System.Net;
using MamBot.Data.Posters;
using MamBot.Host.Tests.Admin;
using MamBot.Host.Tests.Messenger;
using MamBot.Host.Tests.Telegram;
using MamBot.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;

namespace MamBot.Host.Tests.Posters;

/// <summary>
/// Posters as a resident meets them: the PDF read back by an independent reader (PdfPig for its words, poppler's
/// pdftoppm to print it to pixels, ZXing to scan the code), the page behind the code, and a phone following it.
/// </summary>
public sealed class PosterTests
{
    private static Task<int> CoffeeAsync(MamApp app) =>
        app.QueryAsync(db => db.Events.Where(e => e.Title == "Kawa sąsiedzka").OrderBy(e => e.StartUtc).Select(e => e.Id).FirstAsync());

    [Fact]
    public async Task An_event_poster_is_an_a4_page_with_what_when_and_where_in_polish_and_a_code_that_scans_to_its_page()
    {
        using var bed = new HostTestBed();
        var app = bed.Start();
        var coffee = await CoffeeAsync(app);
        var staff = await StaffSession.SignInAsync(app);

        var response = await staff.Http.GetAsync($"/admin/posters/events/{coffee}.pdf?z=klatka-3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        using (var document = PdfDocument.Open(pdf))
        {
            var page = Assert.Single(document.GetPages());
            Assert.Equal((595, 842), ((int)Math.Round(page.Width), (int)Math.Round(page.Height))); // A4 in points
            var words = string.Join(" ", page.GetWords().Select(w => w.Text));
            Assert.Contains("Kawa sąsiedzka", words);
            Assert.Contains("Czwartek, 26 listopada, 17:00–19:00", words);
            Assert.Contains("Zeskanuj kod aparatem telefonu", words);
            Assert.Contains("localhost/p/e" + coffee, words);
        }
        Assert.Equal($"http://localhost/p/e{coffee}?z=klatka-3", ScanQr(pdf));

        var anonymous = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync($"/admin/posters/events/{coffee}.pdf");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode); // to the login: posters are made by staff
    }

    [Fact]
    public async Task The_centre_poster_carries_its_name_hours_and_address_and_a_code_for_the_centre_page()
    {
        using var bed = new HostTestBed();
        var app = bed.Start(new Dictionary<string, string?> { ["Site:PublicUrl"] = "https://mam.example.org/" });
        var staff = await StaffSession.SignInAsync(app);

        var pdf = await staff.Http.GetByteArrayAsync("/admin/posters/centre.pdf");

        using (var document = PdfDocument.Open(pdf))
        {
            var words = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text));
            Assert.Contains("MAM Na Kozłówce", words);
            Assert.Contains("os. Na Kozłówce, Kraków", words);
            Assert.Contains("mam.example.org/p/c", words);
        }
        Assert.Equal("https://mam.example.org/p/c", ScanQr(pdf));
    }

    [Fact]
    public async Task The_page_behind_the_code_offers_each_configured_channel_and_counts_visits_by_place_only()
    {
        await using var telegram = await BotApiStub.StartAsync();
        await using var graph = await FakeGraphApi.StartAsync();
        using var bed = new HostTestBed();
        var settings = new Dictionary<string, string?>(graph.Settings()) { ["Telegram:BotToken"] = TelegramEmulator.Token, ["Telegram:ApiBaseUrl"] = telegram.Url };
        var app = bed.Start(settings);
        var coffee = await CoffeeAsync(app);
        var http = Phone(app, "198.51.100.7");
        string page = "";
        await Eventually.HoldsAsync(async () => (page = await http.GetStringAsync($"/p/e{coffee}?z=klatka-3")).Contains("t.me/"),
            "the Telegram link (the bot's name comes from getMe)", TimeSpan.FromSeconds(10));
        await http.GetStringAsync($"/p/e{coffee}?z=klatka-3");
        await http.GetStringAsync("/p/c");
        await http.GetStringAsync("/p/c?z=<script>");

        Assert.Contains("Kawa sąsiedzka", page);
        Assert.Contains($"href=\"https://t.me/MamBot?start=e{coffee}\"", page);
        Assert.Contains($"href=\"https://m.me/{FakeGraphApi.PageId}?ref=e{coffee}\"", page);
        Assert.Contains($"href=\"/?start=e{coffee}\"", page);
        Assert.Contains("automatyczny asystent", page);
        var visits = await app.QueryAsync(db => db.PosterVisits.OrderBy(v => v.Code).ThenBy(v => v.Place).ToListAsync());
        // One phone, once a day each; "klatka-3" was never printed by staff, so it counts as "inne".
        Assert.Equal([("c", "", 1), ("e" + coffee, PosterVisits.OtherPlace, 1)], visits.Select(v => (v.Code, v.Place, v.Count)));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/p/e999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/p/x1")).StatusCode);
    }

    [Fact]
    public async Task The_report_counts_visits_from_each_poster_and_place()
    {
        using var bed = new HostTestBed();
        var app = bed.Start(Proxied);
        var coffee = await CoffeeAsync(app);
        var staff = await StaffSession.SignInAsync(app);
        await staff.Http.GetByteArrayAsync("/admin/posters/centre.pdf?z=winda"); // staff name the place when printing
        var visits = new[] { ("/p/c?z=winda", "198.51.100.1"), ("/p/c?z=winda", "198.51.100.2"), ($"/p/e{coffee}", "198.51.100.1"), ("/p/c", "198.51.100.3") };
        foreach (var (path, address) in visits) await Phone(app, address).GetStringAsync(path);

        var report = StaffSession.Text(await staff.PageAsync("/admin/report"));

        Assert.Contains("wejścia z plakatów plakat MAM 1", report);
        Assert.Contains("wejścia z plakatów plakat MAM, winda 2", report);
        Assert.Contains("wejścia z plakatów Kawa sąsiedzka 1", report);
    }

    [Fact]
    public async Task On_a_phone_the_code_leads_through_the_web_chat_link_into_the_event()
    {
        await using var browser = await BrowserTestBed.StartAsync();
        var coffee = await CoffeeAsync(browser.App);
        var phone = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });

        await phone.GotoAsync($"{browser.Address}/p/e{coffee}?z=klatka-3");
        var link = phone.GetByRole(AriaRole.Link, new() { Name = "Napisz tutaj, na stronie" });
        var box = await link.BoundingBoxAsync();
        Assert.True(box is { Height: >= 44 }, $"the link is {box?.Height} px high: too small for a thumb");
        await link.TapAsync();

        await phone.GetByText("📅 czwartek, 26 listopada, 17:00–19:00").WaitForAsync(new() { Timeout = 15_000 });
    }

    /// <summary>The host behind its proxy, so that each visitor's address is what X-Forwarded-For says.</summary>
    internal static readonly Dictionary<string, string?> Proxied = new() { ["Security:TrustedProxies:0"] = "127.0.0.1" };

    /// <summary>A phone's browser at this address (as the proxy in front reports it).</summary>
    internal static HttpClient Phone(MamApp app, string address)
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Add("User-Agent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36");
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return http;
    }

    /// <summary>Prints the page with poppler (as a printer would rasterise it) and scans it as a phone would.</summary>
    private static string ScanQr(byte[] pdf)
    {
        using var folder = new TempFolder();
        var file = folder.File("poster.pdf");
        File.WriteAllBytes(file, pdf);
        var start = new ProcessStartInfo("pdftoppm", ["-r", "100", "-gray", "-singlefile", file, folder.File("poster")]) { RedirectStandardError = true };
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("pdftoppm is missing: run ./test.sh, which installs poppler-utils (apt-get install poppler-utils).");
        }
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        var (width, height, pixels) = ReadPgm(File.ReadAllBytes(folder.File("poster.pgm")));
        var result = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } }
            .Decode(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8));
        Assert.NotNull(result);
        return result.Text;
    }

    /// <summary>Binary PGM (P5): a header of magic, width, height, maximum, then one byte per pixel.</summary>
    private static (int Width, int Height, byte[] Pixels) ReadPgm(byte[] pgm)
    {
        var fields = new List<string>();
        var i = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)pgm[i])) i++;
            var start = i;
            while (!char.IsWhiteSpace((char)pgm[i])) i++;
            fields.Add(System.Text.Encoding.ASCII.GetString(pgm, start, i - start));
        }
        Assert.Equal("P5", fields[0]);
        var (width, height) = (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture));
        return (width, height, pgm[(i + 1)..(i + 1 + width * height)]);
    }
}
