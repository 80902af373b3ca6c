using System.Net;
using System.Text.RegularExpressions;
using MamBot.Data.Staff;
using MamBot.Host.Admin;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Admin;

/// <summary>The staff panel's door: login with hashed passwords and lockout, antiforgery, and nothing without login.</summary>
public sealed partial class AdminAccessTests : IDisposable
{
    private const string Password = "sloneczny-Kozlowek-2026";
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;
    private readonly HttpClient _browser;

    public AdminAccessTests()
    {
        _app = _bed.Start();
        _browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    public void Dispose() => _bed.Dispose();

    private async Task CreateStaffAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync("Ania@MAM.example", StaffRoles.Animator, "Ania", Password, default);
    }

    private async Task<HttpResponseMessage> LogInAsync(string email, string password)
    {
        var page = await _browser.GetStringAsync("/admin/login");
        var token = TokenField().Match(page).Groups[1].Value;
        return await _browser.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/bookings")]
    [InlineData("/admin/events/1")]
    [InlineData("/admin/ideas")]
    [InlineData("/admin/surveys/new")]
    [InlineData("/admin/residents?q=kowalska")]
    [InlineData("/admin/broadcasts")]
    [InlineData("/admin/report?handler=Csv")]
    [InlineData("/admin/centre")]
    [InlineData("/admin/rooms")]
    [InlineData("/admin/staff")]
    [InlineData("/admin/surveys/1?handler=Csv")]
    [InlineData("/admin/login?ReturnUrl=%2Fadmin")]
    public async Task Admin_pages_send_a_stranger_to_the_login_page(string path)
    {
        var response = await _browser.GetAsync(path);
        if (!path.StartsWith("/admin/login", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Panel jest tylko dla zespołu MAM.", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_jobs_dashboard_refuses_anyone_not_signed_in()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _browser.GetAsync("/admin/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _browser.GetAsync("/admin/jobs/recurring")).StatusCode);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        await CreateStaffAsync();
        var response = await _browser.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "ania@mam.example", ["Password"] = Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _browser.GetAsync("/admin")).StatusCode); // still not signed in
    }

    [Theory]
    [InlineData("/admin/broadcasts?handler=Send")]
    [InlineData("/admin/events?handler=Create")]
    [InlineData("/admin/bookings?handler=Create")]
    public async Task A_signed_in_form_post_without_the_antiforgery_token_is_refused_and_changes_nothing(string path)
    {
        var staff = await StaffSession.SignInAsync(_app, "szef@mam.example", StaffRoles.Admin);
        var before = await _app.QueryAsync(async db => (await db.Broadcasts.CountAsync(), await db.Events.CountAsync(), await db.Bookings.CountAsync()));

        var response = await staff.Http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Text"] = "Sprzątamy podwórko w sobotę o 10:00!", ["Form.Audience"] = "AllConsented", ["Form.Title"] = "Szachy",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await _app.QueryAsync(async db => (await db.Broadcasts.CountAsync(), await db.Events.CountAsync(), await db.Bookings.CountAsync())));
    }

    [Fact]
    public async Task Signing_in_opens_today_and_the_jobs_dashboard_and_signing_out_closes_them()
    {
        await CreateStaffAsync();

        var login = await LogInAsync("ania@mam.example", Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/admin", login.Headers.Location!.OriginalString);

        var today = await _browser.GetStringAsync("/admin");
        Assert.Contains("Dziś, środa, 25 listopada", today);
        Assert.Contains("Czekają na decyzję", today);
        Assert.Contains("Kawa sąsiedzka", today); // the sample centre's events this week
        Assert.Equal(HttpStatusCode.OK, (await _browser.GetAsync("/admin/jobs/recurring")).StatusCode);

        var token = TokenField().Match(today).Groups[1].Value;
        await _browser.PostAsync("/admin/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, (await _browser.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Passwords_are_stored_only_as_hashes()
    {
        await CreateStaffAsync();
        var stored = await _app.QueryAsync(db => db.StaffUsers.SingleAsync());
        Assert.Equal("ania@mam.example", stored.Email);
        Assert.DoesNotContain(Password, stored.PasswordHash, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", stored.PasswordHash, StringComparison.Ordinal); // Identity's v3 hash format
    }

    [Fact]
    public async Task The_admin_create_command_makes_an_admin_with_a_generated_password_that_signs_in()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        using var http = _app.CreateClient(); // the host prepared the database in this folder

        var exit = await AdminCommand.RunAsync(["admin", "create", "--email", "szef@mam.example", $"--Storage:DataDirectory={_app.DataDirectory}"], output, errors);

        Assert.Equal(0, exit);
        var password = Regex.Match(output.ToString(), "Password \\(shown once, write it down\\): (\\S+)").Groups[1].Value;
        Assert.Equal(20, password.Length);
        Assert.Equal(StaffRoles.Admin, (await _app.QueryAsync(db => db.StaffUsers.SingleAsync())).Role);
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync("szef@mam.example", password)).StatusCode);

        Assert.Equal(1, await AdminCommand.RunAsync(["admin", "create", "--email", "szef@mam.example", $"--Storage:DataDirectory={_app.DataDirectory}"], output, errors));
        Assert.Contains("exists already", errors.ToString());
        Assert.Equal(2, await AdminCommand.RunAsync(["admin", "create"], output, errors));
    }

    [Fact]
    public async Task The_last_admin_who_forgot_the_password_gets_a_new_one_from_the_server_command()
    {
        await CreateStaffAsync();
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await AdminCommand.RunAsync(["admin", "reset-password", "--email", "Ania@MAM.example", $"--Storage:DataDirectory={_app.DataDirectory}"], output, errors);

        Assert.Equal(0, exit);
        var fresh = Regex.Match(output.ToString(), "New password for ania@mam.example \\(shown once, write it down\\): (\\S+)").Groups[1].Value;
        Assert.Equal(20, fresh.Length);
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync("ania@mam.example", fresh)).StatusCode);
        Assert.Equal(1, await AdminCommand.RunAsync(["admin", "reset-password", "--email", "nikt@mam.example", $"--Storage:DataDirectory={_app.DataDirectory}"], output, errors));
        Assert.Contains("No staff account for nikt@mam.example", errors.ToString());
    }

    [Fact]
    public async Task An_admin_sets_a_team_members_password_in_the_panel_and_a_short_one_is_refused()
    {
        var admin = await StaffSession.SignInAsync(_app, "szef@mam.example", StaffRoles.Admin);
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync("basia@mam.example", StaffRoles.Animator, "Basia", Password, default);
        var basia = await _app.QueryAsync(db => db.StaffUsers.Where(u => u.Email == "basia@mam.example").Select(u => u.Id).SingleAsync());
        Assert.Contains("Nowe hasło dla basia@mam.example (co najmniej 12 znaków; puste – wygenerujemy je)", StaffSession.Text(await admin.PageAsync("/admin/staff")));

        var tooShort = await admin.PostAsync($"/admin/staff?handler=Reset&id={basia}", ("password", "krotkie"));
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("Hasło musi mieć co najmniej 12 znaków.", StaffSession.Text(await tooShort.Content.ReadAsStringAsync()));

        var set = await admin.PostAsync($"/admin/staff?handler=Reset&id={basia}", ("password", "Wiosna na Kozlowce 2027"));
        Assert.Contains("Ustawiono nowe hasło dla basia@mam.example.", StaffSession.Text(await set.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync("basia@mam.example", "Wiosna na Kozlowce 2027")).StatusCode);
    }

    [Fact]
    public async Task An_event_that_ends_before_it_starts_or_clashes_with_a_booking_is_refused_in_polish_and_nothing_is_stored()
    {
        await CreateStaffAsync();
        await LogInAsync("ania@mam.example", Password);
        var page = await _browser.GetStringAsync("/admin/events");
        var token = TokenField().Match(page).Groups[1].Value;
        var small = await _app.QueryAsync(db => db.Rooms.Where(r => r.Name == "Sala mała").Select(r => r.Id).SingleAsync());
        Task<HttpResponseMessage> PostAsync(string start, string end) => _browser.PostAsync("/admin/events?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Title"] = "Szachy", ["Form.Day"] = "2026-11-28", ["Form.Start"] = start, ["Form.End"] = end,
            ["Form.RoomId"] = small.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Form.Category"] = "Neighbours", ["__RequestVerificationToken"] = token,
        }));

        var backwards = await PostAsync("18:00", "17:00");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("Koniec musi być po początku.", await backwards.Content.ReadAsStringAsync());
        var clash = await PostAsync("11:30", "12:30"); // the sample "Planszówki dla dzieci" holds the small room 11:00–13:00
        Assert.Contains("Sala jest wtedy zajęta: wydarzenie „Planszówki dla dzieci” sobota, 28 listopada, 11:00.", await clash.Content.ReadAsStringAsync());
        Assert.False(await _app.QueryAsync(db => db.Events.AnyAsync(e => e.Title == "Szachy")));
    }
}
