using System.Net;
using System.Text.RegularExpressions;
using MamBot.Data.Bookings;
using MamBot.Data.Staff;
using MamBot.Dialogs.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Admin;

/// <summary>The centre's settings: details and hours, rooms and blackouts, the team's accounts (see also StaffRolesTests).</summary>
public sealed class SettingsPagesTests : IDisposable
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;

    public SettingsPagesTests() => _app = _bed.Start();

    public void Dispose() => _bed.Dispose();

    private Task<StaffSession> AdminAsync() => StaffSession.SignInAsync(_app, "szef@mam.example", StaffRoles.Admin);

    private static DateTime Friday(int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 27, hour, 0, 0), Krakow);

    private static (string, string)[] Centre(string saturday = "10:00-13:00") =>
    [
        ("Form.Name", "MAM Na Kozłówce"), ("Form.Address", "ul. Kozłówecka 1, Kraków"), ("Form.Phone", "12 345 67 89"), ("Form.Email", "mam@kozlowka.example"),
        ("Form.KeyPickup", "Klucz u dyżurnej."), ("Form.MaxActiveBookingsPerResident", "3"), ("Form.StaffChannel", ""), ("Form.StaffChatId", ""),
        ("Form.Hours[Monday]", "10:00-20:00"), ("Form.Hours[Tuesday]", "10:00-20:00"), ("Form.Hours[Wednesday]", "10:00-14:00, 16:00-20:00"),
        ("Form.Hours[Thursday]", "10:00-20:00"), ("Form.Hours[Friday]", "10:00-20:00"), ("Form.Hours[Saturday]", saturday), ("Form.Hours[Sunday]", ""),
        ("Form.HouseRules", "Sprzątamy po sobie.\r\nCisza po 21:00."),
        ("Form.Faq[0].Question", "Czy jest Wi-Fi?"), ("Form.Faq[0].Answer", "Tak, hasło wisi przy wejściu."), ("Form.Faq[1].Question", ""), ("Form.Faq[1].Answer", ""),
    ];

    [Theory]
    [InlineData("/admin/staff", "Tylko administrator może zakładać, zmieniać i usuwać konta zespołu.")]
    [InlineData("/admin/contacts", "Tylko administrator może zmieniać listę „Dokąd się zwrócić”.")]
    public async Task An_animator_is_told_only_an_admin_may_and_who_the_admins_are(string path, string refusal)
    {
        await AdminAsync();
        var animator = await StaffSession.SignInAsync(_app);
        var response = await animator.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var denied = await animator.Http.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var text = StaffSession.Text(await denied.Content.ReadAsStringAsync());
        Assert.Contains(refusal, text);
        Assert.Contains("Administratorzy: szef (szef@mam.example).", text);
        // The centre's details are the admin's too: an animator's form saves the hours, not a new name or address.
        Assert.Equal(HttpStatusCode.Redirect, (await animator.PostAsync("/admin/centre", Centre())).StatusCode);
        Assert.Equal("MAM Na Kozłówce", await _app.QueryAsync(db => db.Centres.Select(c => c.Name).SingleAsync()));
        Assert.DoesNotContain("ul. Kozłówecka", await _app.QueryAsync(db => db.Centres.Select(c => c.Address).SingleAsync()));
    }

    [Fact]
    public async Task New_hours_and_faq_reach_the_residents_chat_at_once_and_bad_hours_change_nothing()
    {
        var admin = await AdminAsync();
        Assert.Contains("To są jeszcze przykładowe dane z pliku ustawień.", StaffSession.Text(await admin.PageAsync("/admin/centre")));

        var bad = await admin.PostAsync("/admin/centre", Centre(saturday: "od rana"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Godziny (sobota): wpisz np. 10:00-20:00", StaffSession.Text(await bad.Content.ReadAsStringAsync()));

        var saved = StaffSession.Text(await admin.SubmitAsync("/admin/centre", Centre()));
        Assert.Contains("Zapisano. Mieszkańcy widzą zmiany w czacie od razu.", saved);
        Assert.DoesNotContain("przykładowe dane", saved);

        var chat = new PageChat(_app.CreateClient(), "browser-resident-71f3e186d85430e");
        await chat.PressAsync("consent:yes");
        await chat.SendAsync("o której jesteście otwarci w sobotę?");
        Assert.Contains("10:00–13:00", chat.Text);
        Assert.Contains("10:00–14:00, 16:00–20:00", chat.Text);
        await chat.PressAsync("menu:about");
        Assert.Contains("ul. Kozłówecka 1, Kraków", chat.Text);
    }

    [Fact]
    public async Task Ukrainian_versions_of_rules_and_faq_reach_a_ukrainian_resident_and_a_missing_one_says_it_is_polish()
    {
        var admin = await AdminAsync();
        var fields = Centre().Where(f => f.Item1 != "Form.HouseRules").Concat(
        [
            ("Form.HouseRules", "Sprzątamy po sobie.\r\nCisza po 21:00."),
            ("Form.HouseRulesUk", "Прибираємо за собою.\r\nТиша після 21:00."),
            ("Form.Faq[0].QuestionUk", "Чи є Wi-Fi?"), ("Form.Faq[0].AnswerUk", "Так, пароль висить біля входу."),
        ]).ToArray();
        Assert.Contains("Zapisano.", StaffSession.Text(await admin.SubmitAsync("/admin/centre", fields)));
        var page = StaffSession.Text(await admin.PageAsync("/admin/centre"));
        Assert.Contains("Прибираємо за собою.", page); // kept for the next edit

        var olena = new PageChat(_app.CreateClient(), "browser-olena-4c1d9e0b7a2f6e83d5a1");
        await olena.PressAsync("lang:uk");
        await olena.PressAsync("consent:yes");
        await olena.SendAsync("які правила?");
        Assert.Contains("• Прибираємо за собою.\n• Тиша після 21:00.", olena.Text);
        Assert.DoesNotContain("польською", olena.Text); // the team wrote it in Ukrainian: no note
        _bed.Time.Advance(TimeSpan.FromSeconds(15));
        await olena.SendAsync("чи є вайфай?");
        Assert.Contains("❓ Чи є Wi-Fi?\n💬 Так, пароль висить біля входу.", olena.Text);

        var james = new PageChat(_app.CreateClient(), "browser-james-9a7e3c5b1d0f2e4a6c8b");
        await james.PressAsync("lang:en");
        await james.PressAsync("consent:yes");
        await james.SendAsync("what are the rules?");
        Assert.Contains("• Sprzątamy po sobie.", james.Text);
        Assert.Contains("(The MAM team writes this text in Polish.)", james.Text);
    }

    [Fact]
    public async Task A_version_with_more_lines_than_the_polish_rules_or_half_a_faq_entry_is_refused_and_changes_nothing()
    {
        var admin = await AdminAsync();
        var before = await _app.QueryAsync(db => db.Set<MamBot.Data.Centres.HouseRule>().OrderBy(r => r.Order).Select(r => r.TextEn).ToListAsync());
        var fields = Centre().Concat(
        [
            ("Form.HouseRulesEn", "Tidy up after yourself.\r\nQuiet after 9 pm.\r\nNo smoking."),
            ("Form.Faq[0].QuestionUk", "Чи є Wi-Fi?"),
        ]).ToArray();
        var refused = await admin.PostAsync("/admin/centre", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = StaffSession.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Wersja „angielski” zasad ma więcej linii niż polska.", page);
        Assert.Contains("Pytanie 1: wersja „ukraiński” potrzebuje i pytania, i odpowiedzi", page);
        Assert.Equal(before, await _app.QueryAsync(db => db.Set<MamBot.Data.Centres.HouseRule>().OrderBy(r => r.Order).Select(r => r.TextEn).ToListAsync()));
    }

    [Fact]
    public async Task A_smaller_room_and_a_blackout_bind_residents_and_the_blackout_names_the_bookings_already_there()
    {
        var chat = new PageChat(_app.CreateClient(), "browser-resident-71f3e186d85430e");
        await chat.PressAsync("consent:yes");
        var resident = await _app.QueryAsync(db => db.Residents.Select(r => r.Id).SingleAsync());
        var small = await _app.QueryAsync(db => db.Rooms.Where(r => r.Name == "Sala mała").Select(r => r.Id).SingleAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<BookingDesk>();
        Assert.NotNull((await desk.RequestAsync(new NewBooking(small, resident, Friday(12), Friday(13), 3, "korepetycje", "Ola", null), default)).Booking);
        var admin = await AdminAsync();

        await admin.SubmitAsync($"/admin/rooms?handler=Room&id={small}",
            ("Room.Name", "Sala mała"), ("Room.Aliases", "mała, salka"), ("Room.Capacity", "6"), ("Room.Description", "Na rozmowy."), ("Room.Equipment", "stół"),
            ("Room.RequiresApproval", "false"), ("Room.MinMinutes", "30"), ("Room.MaxMinutes", "180"), ("Room.MaxDaysAhead", "30"), ("Room.BufferMinutes", "15"), ("Room.MinNoticeMinutes", "60"));
        Assert.Equal(BookingProblem.OverCapacity, (await desk.RequestAsync(new NewBooking(small, resident, Friday(15), Friday(16), 8, "próba", "Ola", null), default)).Problem);

        var rooms = StaffSession.Text(await admin.SubmitAsync("/admin/rooms?handler=Blackout",
            ("Blackout.RoomId", ""), ("Blackout.FromDay", "2026-11-27"), ("Blackout.FromTime", ""), ("Blackout.ToDay", "2026-11-27"), ("Blackout.ToTime", ""), ("Blackout.Reason", "malowanie")));
        Assert.Contains("Dodano przerwę. Uwaga, w tym czasie są rezerwacje", rooms);
        Assert.Contains("piątek, 27 listopada, 12:00–13:00, Sala mała (korepetycje)", rooms);
        Assert.Contains("piątek, 27 listopada, 00:00 – sobota, 28 listopada, 00:00: wszystkie sale (malowanie)", rooms);
        Assert.Equal(BookingProblem.Blackout, (await desk.RequestAsync(new NewBooking(small, resident, Friday(16), Friday(17), 2, "próba", "Ola", null), default)).Problem);

        var id = await _app.QueryAsync(db => db.Blackouts.Select(b => b.Id).SingleAsync());
        Assert.Contains("Usunięto przerwę.", StaffSession.Text(await admin.SubmitAsync($"/admin/rooms?handler=RemoveBlackout&id={id}")));
        Assert.NotNull((await desk.RequestAsync(new NewBooking(small, resident, Friday(16), Friday(17), 2, "próba", "Ola", null), default)).Booking);
    }

    [Fact]
    public async Task A_rooms_ukrainian_and_english_description_and_equipment_are_saved_and_shown_on_the_page()
    {
        var small = await _app.QueryAsync(db => db.Rooms.Where(r => r.Name == "Sala mała").Select(r => r.Id).SingleAsync());
        var admin = await AdminAsync();

        var page = await admin.SubmitAsync($"/admin/rooms?handler=Room&id={small}",
            ("Room.Name", "Sala mała"), ("Room.Aliases", "mała, salka"), ("Room.Capacity", "10"), ("Room.Description", "Na rozmowy."),
            ("Room.DescriptionUk", " Для розмов. "), ("Room.DescriptionEn", ""), ("Room.Equipment", "stół, tablica"),
            ("Room.EquipmentUk", "стіл, дошка"), ("Room.EquipmentEn", "table, whiteboard"),
            ("Room.RequiresApproval", "false"), ("Room.MinMinutes", "30"), ("Room.MaxMinutes", "180"), ("Room.MaxDaysAhead", "30"),
            ("Room.BufferMinutes", "15"), ("Room.MinNoticeMinutes", "60"));

        var room = await _app.QueryAsync(db => db.Rooms.SingleAsync(r => r.Id == small));
        Assert.Equal(("Для розмов.", (string?)null), (room.DescriptionUk, room.DescriptionEn));
        Assert.Equal(("стіл, дошка", "table, whiteboard"), (room.EquipmentUk, room.EquipmentEn));
        Assert.Contains("name=\"Room.EquipmentEn\" value=\"table, whiteboard\"", page); // the field shows it again
    }

    [Fact]
    public async Task An_admin_adds_an_animator_who_signs_in_with_the_shown_password_and_loses_access_when_removed()
    {
        var admin = await AdminAsync();

        var page = await admin.PostAsync("/admin/staff?handler=Add", ("email", "Basia@MAM.example"), ("name", "Basia"), ("role", StaffRoles.Animator));

        var html = await page.Content.ReadAsStringAsync();
        var password = Regex.Match(html, "<code id=\"new-password\">([^<]+)</code>").Groups[1].Value;
        Assert.Equal(20, password.Length);
        Assert.Contains("no-store", page.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var basia = await StaffSession.SignInWithPasswordAsync(_app, "basia@mam.example", password);
        Assert.Contains("Dziś", StaffSession.Text(await basia.PageAsync("/admin")));

        var basiaId = await _app.QueryAsync(db => db.StaffUsers.Where(u => u.Email == "basia@mam.example").Select(u => u.Id).SingleAsync());
        var ask = StaffSession.Text(await (await admin.PostAsync($"/admin/staff?handler=Remove&id={basiaId}")).Content.ReadAsStringAsync());
        Assert.Contains("Usunąć konto? basia@mam.example nie zaloguje się już do panelu.", ask); // asked once; nothing removed yet
        Assert.Contains("Dziś", StaffSession.Text(await basia.PageAsync("/admin")));
        Assert.Contains("Usunięto konto.", StaffSession.Text(await admin.SubmitAsync($"/admin/staff?handler=Remove&id={basiaId}", ("confirmed", "yes"))));
        Assert.Equal(HttpStatusCode.Redirect, (await basia.Http.GetAsync("/admin")).StatusCode); // her cookie no longer opens the panel

        var adminId = await _app.QueryAsync(db => db.StaffUsers.Where(u => u.Email == "szef@mam.example").Select(u => u.Id).SingleAsync());
        Assert.Contains("Tego konta nie można usunąć", StaffSession.Text(await admin.SubmitAsync($"/admin/staff?handler=Remove&id={adminId}", ("confirmed", "yes"))));
    }
}
