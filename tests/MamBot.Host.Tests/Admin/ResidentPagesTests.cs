using System.Net;
using System.Text.Json;
using MamBot.Data.Bookings;
using MamBot.Data.Staff;
using MamBot.Dialogs.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Admin;

/// <summary>"Mieszkańcy" through the real pipeline: search without Polish letters, consent history, the data file, erasure by an admin only.</summary>
public sealed class ResidentPagesTests : IDisposable
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;

    public ResidentPagesTests() => _app = _bed.Start();

    public void Dispose() => _bed.Dispose();

    /// <summary>A web chat resident who agreed, chose Ukrainian, switched off tips and booked the small room as "Żaneta Kołodziej".</summary>
    private async Task<Guid> ZanetaAsync()
    {
        var chat = new PageChat(_app.CreateClient(), "browser-zaneta-4d1a0dfcdcb1e83f6");
        await chat.PressAsync("consent:yes");
        await chat.PressAsync("lang:uk");
        await chat.PressAsync("settings:off:Tips");
        DateTime Friday(int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 27, hour, 0, 0), Krakow);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.MamDbContext>();
        var resident = await db.Residents.Select(r => r.Id).SingleAsync();
        var small = await db.Rooms.Where(r => r.Name == "Sala mała").Select(r => r.Id).SingleAsync();
        var booking = await scope.ServiceProvider.GetRequiredService<BookingDesk>()
            .RequestAsync(new NewBooking(small, resident, Friday(17), Friday(18), 4, "korepetycje z matematyki", "Żaneta Kołodziej", "600 700 800"), default);
        Assert.NotNull(booking.Booking);
        return resident;
    }

    [Fact]
    public async Task Staff_find_a_resident_by_a_name_typed_without_polish_letters_and_see_the_consent_history()
    {
        var id = await ZanetaAsync();
        var staff = await StaffSession.SignInAsync(_app);

        var found = StaffSession.Text(await staff.PageAsync("/admin/residents?q=zaneta%20kolodziej"));
        Assert.Contains("W bazie: 1 osoba.", found);
        Assert.Contains("Żaneta Kołodziej 600 700 800 – czat na stronie, język ukraiński, od środy, 25 listopada, 10:00", found);
        Assert.Contains("Nikogo nie znaleziono.", StaffSession.Text(await staff.PageAsync("/admin/residents?q=Nowak")));
        Assert.Contains("Żaneta Kołodziej 600 700 800 – czat", StaffSession.Text(await staff.PageAsync("/admin/residents?q=browser-zan"))); // the chat id finds her too

        var details = StaffSession.Text(await staff.PageAsync($"/admin/residents/{id}"));
        Assert.Contains("środa, 25 listopada, 10:00 zgoda", details);
        Assert.Contains("rozmawia w języku: ukraiński", details); // the panel is Polish; the resident's language is named
        Assert.Contains("Powiadomienia: ciekawostki: nie, przypomnienia: tak", details);
        Assert.Contains("Rezerwacje: 1", details);
        Assert.Contains("Dane usuwa administrator", details); // an animator sees no erase button
    }

    [Fact]
    public async Task The_data_file_is_the_residents_whole_record_with_polish_letters()
    {
        var id = await ZanetaAsync();
        var staff = await StaffSession.SignInAsync(_app);

        var file = await staff.Http.GetAsync($"/admin/residents/{id}?handler=Export");

        Assert.Equal("application/json", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("dane-mieszkanca-2026-11-25.json", file.Content.Headers.ContentDisposition!.FileNameStar ?? file.Content.Headers.ContentDisposition.FileName);
        var text = await file.Content.ReadAsStringAsync();
        Assert.Contains("\"ContactName\": \"Żaneta Kołodziej\"", text);
        var json = JsonDocument.Parse(text).RootElement;
        Assert.Equal(id, json.GetProperty("ResidentId").GetGuid());
        Assert.Equal("korepetycje z matematyki", json.GetProperty("Bookings")[0].GetProperty("Purpose").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/admin/residents/{Guid.NewGuid()}?handler=Export")).StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_erases_and_only_after_confirming_the_request()
    {
        var id = await ZanetaAsync();
        var animator = await StaffSession.SignInAsync(_app);
        await animator.PageAsync($"/admin/residents/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, (await animator.PostAsync($"/admin/residents/{id}?handler=Erase", ("confirmed", "true"))).StatusCode);

        var admin = await StaffSession.SignInAsync(_app, "szef@mam.example", StaffRoles.Admin);
        await admin.PageAsync($"/admin/residents/{id}");
        var unconfirmed = await admin.PostAsync($"/admin/residents/{id}?handler=Erase");
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Zaznacz, że mieszkaniec poprosił o usunięcie danych.", StaffSession.Text(await unconfirmed.Content.ReadAsStringAsync()));
        Assert.True(await _app.QueryAsync(db => db.Residents.AnyAsync()));

        var after = StaffSession.Text(await admin.SubmitAsync($"/admin/residents/{id}?handler=Erase", ("confirmed", "true")));

        Assert.Contains("Usunięto dane mieszkańca.", after);
        Assert.Contains("W bazie: 0 osób.", after);
        var friday = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 27, 17, 0, 0), Krakow);
        var booking = await _app.QueryAsync(db => db.Bookings.SingleAsync(b => b.StartUtc == friday));
        Assert.Equal((null, "", null), (booking.ResidentId, booking.ContactName, booking.Phone));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/admin/residents/{id}")).StatusCode);
    }
}
