using System.Net;
using System.Text;
using MamBot.Data.Events;
using MamBot.Dialogs.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Admin;

/// <summary>"Kto przyjdzie": who signed up in the chat, with the phone they gave; the sign-in sheet and the CSV for the team only.</summary>
public sealed class AttendeesPageTests : IDisposable
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;

    public AttendeesPageTests() => _app = _bed.Start();

    public void Dispose() => _bed.Dispose();

    private static DateTime At(int day, int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, day, hour, 0, 0), Krakow);

    /// <summary>"Szachy" on Monday 30 November, one place: Halina (who booked the kitchen as "Halina 600 100 200") goes, Bartek waits.</summary>
    private async Task<int> ChessWithHalinaAndBartekAsync()
    {
        int id;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var centre = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Centres.Select(c => c.Id).FirstAsync();
            id = (await scope.ServiceProvider.GetRequiredService<EventDesk>().CreateAsync(
                new NewEvent(centre, "Szachy", "Gramy w szachy.", At(30, 18), At(30, 20), null, EventCategory.Neighbours, 1, "Pan Zbyszek"), default)).Event!.Id;
        }
        var halina = new PageChat(_app.CreateClient(), "browser-halina-3c1f9e0b7a2d4e6f8a0b");
        await halina.PressAsync("consent:yes");
        await halina.SendAsync("chcę zarezerwować kuchnię jutro o 12 na 2 godziny dla 6 osób");
        await halina.SendAsync("Halina 600 100 200");
        await halina.SendAsync("wspólne gotowanie pierogów");
        Assert.StartsWith("Gotowe!", halina.Text, StringComparison.Ordinal);
        await halina.PressAsync($"events:join:{id}");
        var bartek = new PageChat(_app.CreateClient(), "browser-bartek-5d7e9f1a3b5c7d9e1f2a");
        await bartek.PressAsync("consent:yes");
        await bartek.PressAsync($"events:join:{id}");
        Assert.StartsWith("Wszystkie miejsca na wydarzenie „Szachy” są zajęte", bartek.Text, StringComparison.Ordinal);
        return id;
    }

    [Fact]
    public async Task The_list_shows_who_signed_up_in_the_chat_with_the_phone_they_gave_and_the_waiting_list()
    {
        var id = await ChessWithHalinaAndBartekAsync();
        var staff = await StaffSession.SignInAsync(_app);

        var eventPage = await staff.PageAsync($"/admin/events/{id}");
        Assert.Contains($"href=\"/admin/events/{id}/attendees\"", eventPage);
        var html = await staff.PageAsync($"/admin/events/{id}/attendees");
        var text = StaffSession.Text(html);

        var going = text[text.IndexOf("Zapisani: 1 z 1", StringComparison.Ordinal)..text.IndexOf("Lista rezerwowa", StringComparison.Ordinal)];
        Assert.Contains("Halina · 600 100 200", going);
        Assert.Contains("href=\"tel:600100200\"", html); // a tap on the phone calls
        Assert.Contains("Obecność zaznaczysz tu w dniu wydarzenia.", going); // Monday; today is Wednesday
        Assert.Contains("Lista rezerwowa: 1 W tej kolejności wchodzą na zwolnione miejsca (dostają wiadomość). (bez imienia)", text);
    }

    [Fact]
    public async Task The_sign_in_sheet_and_the_csv_come_to_the_team_and_a_stranger_gets_neither()
    {
        var id = await ChessWithHalinaAndBartekAsync();
        // A name as a Telegram profile may have it: a spreadsheet must show it, never run it.
        await _app.QueryAsync(db => db.Residents.Where(r => r.DisplayName == null && !db.Bookings.Any(b => b.ResidentId == r.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DisplayName, "=HYPERLINK(\"http://x\")")));
        var staff = await StaffSession.SignInAsync(_app);

        var csv = await staff.Http.GetAsync($"/admin/events/{id}/attendees?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal($"zapisani-{id}.csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]); // a spreadsheet reads the Polish letters right
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Lp.;Imię;Telefon;Lista;Zapisano;Obecność", lines[0]);
        Assert.StartsWith("1;Halina;600 100 200;zapisani;środa, 25 listopada, 10:00;", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2;\"'=HYPERLINK(\"\"http://x\"\")\";;rezerwowa;", lines[2], StringComparison.Ordinal);

        var pdf = await staff.Http.GetAsync($"/admin/events/{id}/attendees?handler=Pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var page = Assert.Single(document.GetPages());
        Assert.Equal((595, 842), ((int)Math.Round(page.Width), (int)Math.Round(page.Height))); // A4
        var words = string.Join(" ", page.GetWords().Select(w => w.Text));
        Assert.Contains("Lista obecności Szachy poniedziałek, 30 listopada, 18:00", words);
        Assert.Contains("Lp. Imię i nazwisko Telefon Podpis 1 Halina 600 100 200 2 3 4", words); // blank rows for walk-ins
        Assert.Contains("Lista rezerwowa", words);
        Assert.Contains("=HYPERLINK", words);

        using var stranger = _app.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var handler in new[] { "Csv", "Pdf" })
        {
            var refused = await stranger.GetAsync($"/admin/events/{id}/attendees?handler={handler}");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/admin/login", refused.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
            Assert.DoesNotContain("Halina", await refused.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Attendance_cannot_be_marked_before_the_events_day()
    {
        var id = await ChessWithHalinaAndBartekAsync();
        var staff = await StaffSession.SignInAsync(_app);
        await staff.PageAsync($"/admin/events/{id}/attendees");
        var halina = await _app.QueryAsync(db => db.EventSignups.Where(s => s.EventId == id && s.Status == SignupStatus.Going).Select(s => s.Id).SingleAsync());

        var page = StaffSession.Text(await staff.SubmitAsync($"/admin/events/{id}/attendees?handler=Mark&signup={halina}", ("came", "true")));

        Assert.Contains("Obecność zaznacza się w dniu wydarzenia.", page);
        Assert.Null(await _app.QueryAsync(db => db.EventSignups.Where(s => s.Id == halina).Select(s => s.Came).SingleAsync()));
    }
}
