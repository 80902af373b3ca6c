using System.Net;
using MamBot.Data.Staff;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Admin;

/// <summary>
/// Roles as the team works: animators change hours, rules, FAQ and day closures; admins keep accounts and the rooms'
/// settings, and a refusal names who can. Anyone changes their own password; a new password, a removed account and
/// a changed role or name reach every open session at its next request.
/// </summary>
public sealed class StaffRolesTests : IDisposable
{
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;

    public StaffRolesTests() => _app = _bed.Start();

    public void Dispose() => _bed.Dispose();

    private Task<StaffSession> AdminAsync() => StaffSession.SignInAsync(_app, "szef@mam.example", StaffRoles.Admin);

    private Task<int> IdOfAsync(string email) => _app.QueryAsync(db => db.StaffUsers.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static async Task<bool> SignedInAsync(StaffSession session) => (await session.Http.GetAsync("/admin")).StatusCode == HttpStatusCode.OK;

    [Fact]
    public async Task An_animator_changes_hours_rules_faq_and_closes_a_room_for_a_day_but_not_the_centres_details_nor_a_rooms_settings()
    {
        await AdminAsync();
        var animator = await StaffSession.SignInAsync(_app);
        var centre = StaffSession.Text(await animator.PageAsync("/admin/centre"));
        Assert.Contains("Tylko administrator może zmienić dane centrum i czat zespołu.", centre);
        Assert.Contains("Centrum", StaffSession.Text(await animator.PageAsync("/admin"))); // in the menu for the whole team

        await animator.SubmitAsync("/admin/centre",
            ("Form.Name", "Inna nazwa"), ("Form.Address", "ul. Inna 5"), ("Form.StaffChatId", "-100123"),
            ("Form.Hours[Monday]", "10:00-20:00"), ("Form.Hours[Saturday]", "10:00-13:00"), ("Form.Hours[Sunday]", ""),
            ("Form.HouseRules", "Psy tylko na smyczy."),
            ("Form.Faq[0].Question", "Czy jest Wi-Fi?"), ("Form.Faq[0].Answer", "Tak, hasło wisi przy wejściu."));

        var saved = await _app.QueryAsync(db => db.Centres.Include(c => c.Faq).Include(c => c.HouseRules).Include(c => c.OpeningHours).SingleAsync());
        Assert.Equal("MAM Na Kozłówce", saved.Name);
        Assert.NotEqual("ul. Inna 5", saved.Address);
        Assert.NotEqual("-100123", saved.StaffChatId);
        Assert.Equal("Czy jest Wi-Fi?", Assert.Single(saved.Faq).Question);
        Assert.Equal("Psy tylko na smyczy.", Assert.Single(saved.HouseRules).Text);
        Assert.Contains(saved.OpeningHours, h => h.RoomId is null && h.Day == DayOfWeek.Saturday && h.Closes == new TimeOnly(13, 0));

        var rooms = StaffSession.Text(await animator.SubmitAsync("/admin/rooms?handler=Blackout", ("Blackout.RoomId", ""),
            ("Blackout.FromDay", "2026-11-27"), ("Blackout.FromTime", ""), ("Blackout.ToDay", "2026-11-27"), ("Blackout.ToTime", ""),
            ("Blackout.Reason", "malowanie")));
        Assert.Contains("malowanie", rooms);
        Assert.Equal(1, await _app.QueryAsync(db => db.Blackouts.CountAsync()));

        var room = await _app.QueryAsync(db => db.Rooms.OrderBy(r => r.Id).FirstAsync());
        var refused = await animator.PostAsync($"/admin/rooms?handler=Room&id={room.Id}", ("Room.Name", "Sala balowa"), ("Room.Capacity", "200"),
            ("Room.MinMinutes", "30"), ("Room.MaxMinutes", "180"), ("Room.MaxDaysAhead", "30"), ("Room.BufferMinutes", "15"), ("Room.MinNoticeMinutes", "60"));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var denied = await animator.Http.GetAsync(refused.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var text = StaffSession.Text(await denied.Content.ReadAsStringAsync());
        Assert.Contains("Tylko administrator może zmieniać ustawienia sal.", text);
        Assert.Contains("Administratorzy: szef (szef@mam.example).", text);
        Assert.Equal(room.Name, await _app.QueryAsync(db => db.Rooms.Where(r => r.Id == room.Id).Select(r => r.Name).SingleAsync()));
    }

    [Fact]
    public async Task Anyone_changes_their_own_password_and_their_other_sessions_end_at_once()
    {
        var desk = await StaffSession.SignInAsync(_app);
        var phone = await StaffSession.SignInWithPasswordAsync(_app, "ania@mam.example", StaffSession.Password);
        await desk.PageAsync("/admin/password");
        const string chosen = "nowe-haslo-na-zime-2026";

        var wrong = await desk.PostAsync("/admin/password", ("Current", "nie-to-haslo-wcale"), ("New", chosen), ("Repeat", chosen));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Obecne hasło się nie zgadza.", StaffSession.Text(await wrong.Content.ReadAsStringAsync()));
        var differ = await desk.PostAsync("/admin/password", ("Current", StaffSession.Password), ("New", chosen), ("Repeat", chosen + "x"));
        Assert.Equal(HttpStatusCode.BadRequest, differ.StatusCode);
        Assert.True(await SignedInAsync(phone)); // nothing changed yet

        Assert.Contains("Hasło zmienione.", StaffSession.Text(await desk.SubmitAsync("/admin/password",
            ("Current", StaffSession.Password), ("New", chosen), ("Repeat", chosen))));
        Assert.True(await SignedInAsync(desk)); // this session goes on
        Assert.False(await SignedInAsync(phone)); // the other one ends at its next request
        Assert.True(await SignedInAsync(await StaffSession.SignInWithPasswordAsync(_app, "ania@mam.example", chosen)));
    }

    [Fact]
    public async Task An_admin_changes_a_members_role_and_name_and_a_reset_or_a_removal_ends_their_session_at_once()
    {
        var admin = await AdminAsync();
        var ola = await StaffSession.SignInAsync(_app, "ola@mam.example");
        var olaId = await IdOfAsync("ola@mam.example");
        await admin.PageAsync("/admin/staff");

        // The last admin stays one.
        var alone = await admin.PostAsync($"/admin/staff?handler=Edit&id={await IdOfAsync("szef@mam.example")}", ("name", "Szef"), ("role", StaffRoles.Animator));
        Assert.Equal(HttpStatusCode.BadRequest, alone.StatusCode);
        Assert.Contains("Nie można odebrać roli ostatniemu administratorowi", StaffSession.Text(await alone.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await ola.Http.GetAsync("/admin/staff")).StatusCode);
        Assert.Contains("Zapisano: ola@mam.example.", StaffSession.Text(await admin.SubmitAsync($"/admin/staff?handler=Edit&id={olaId}",
            ("name", "Ola Nowak"), ("role", StaffRoles.Admin))));
        await ola.PageAsync("/admin/staff"); // her open session: an admin at its next request, under her new name
        Assert.Contains("Ola Nowak", StaffSession.Text(await ola.PageAsync("/admin")));

        var reset = await admin.PostAsync($"/admin/staff?handler=Reset&id={olaId}", ("password", "haslo-od-szefa-2026"));
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.False(await SignedInAsync(ola)); // the old password's session ends at once
        var again = await StaffSession.SignInWithPasswordAsync(_app, "ola@mam.example", "haslo-od-szefa-2026");
        Assert.True(await SignedInAsync(again));

        await admin.SubmitAsync($"/admin/staff?handler=Remove&id={olaId}", ("confirmed", "yes"));
        Assert.False(await SignedInAsync(again));
    }
}
