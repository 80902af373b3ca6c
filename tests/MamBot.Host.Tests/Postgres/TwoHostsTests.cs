using MamBot.Data;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MamBot.Data.Bookings;
using MamBot.Data.Staff;
using MamBot.Host.Admin;
using MamBot.Host.Tests.Admin;
using MamBot.Data.Events;
using MamBot.Dialogs.Events;
using MamBot.Dialogs.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Postgres;

/// <summary>Two hosts serving one PostgreSQL database at once, through the real pipeline, as a load balancer would spread residents.</summary>
public class TwoHostsTests
{
    private static readonly Dictionary<string, string?> NoFloodLines = new()
    {
        ["Flood:Burst"] = "0", // twenty residents type fast in this test; the flood guard has its own tests
        ["Flood:NewWebChatsPerHour"] = "0",
    };

    [Fact]
    public async Task Twenty_residents_on_alternating_hosts_sending_the_same_hour_get_exactly_one_booking()
    {
        using var bed = new HostTestBed();
        var hosts = await bed.TwoHostsAsync(NoFloodLines);
        var chats = Enumerable.Range(0, 20)
            .Select(i => new PageChat(hosts[i % 2].CreateClient(), $"browser-race-{i:D2}-5c1e0a7d2b9f4e6a"))
            .ToList();
        foreach (var chat in chats)
        {
            await chat.PressAsync("consent:yes");
            await chat.SendAsync("chcę zarezerwować kuchnię jutro o 12 na 2 godziny dla 6 osób");
            Assert.StartsWith("Rozumiem: Kuchnia, czwartek 26 listopada, 12:00–14:00, 6 osób.", chat.Text);
            await chat.SendAsync("Sąsiadka");
            Assert.Contains("W jakim celu?", chat.Text); // the last question: its answer sends the request
        }

        await Task.WhenAll(chats.Select(chat => chat.SendAsync("wspólne gotowanie")));

        var (won, lost) = (chats.Where(c => c.Text.StartsWith("Gotowe!", StringComparison.Ordinal)).ToList(), chats.Where(c => !c.Text.StartsWith("Gotowe!", StringComparison.Ordinal)));
        Assert.Single(won);
        Assert.All(lost, chat => Assert.StartsWith(T.BookProblemTaken, chat.Text));
        var bookings = await hosts[1].QueryAsync(db => db.Bookings.Where(b => b.Status != BookingStatus.Cancelled).ToListAsync());
        Assert.Single(bookings);
    }

    [Fact]
    public async Task Forty_residents_on_alternating_hosts_signing_up_for_five_places_leave_five_going_and_the_rest_queued()
    {
        using var bed = new HostTestBed();
        var hosts = await bed.TwoHostsAsync(NoFloodLines);
        int eventId;
        await using (var scope = hosts[0].Services.CreateAsyncScope())
        {
            var centre = await scope.ServiceProvider.GetRequiredService<MamDbContext>().Centres.Select(c => c.Id).FirstAsync();
            var start = bed.Time.GetUtcNow().UtcDateTime.AddDays(3);
            eventId = (await scope.ServiceProvider.GetRequiredService<EventDesk>().CreateAsync(
                new NewEvent(centre, "Warsztaty ceramiki", "", start, start.AddHours(2), null, EventCategory.Culture, 5, "Zespół MAM"), default)).Event!.Id;
        }
        var chats = Enumerable.Range(0, 40)
            .Select(i => new PageChat(hosts[i % 2].CreateClient(), $"browser-places-{i:D2}-8e2d4f6a1c3b5d7e"))
            .ToList();
        foreach (var chat in chats) await chat.PressAsync("consent:yes");

        await Task.WhenAll(chats.Select(chat => chat.PressAsync($"events:join:{eventId}")));

        var places = await hosts[0].QueryAsync(db => db.EventSignups.Where(s => s.EventId == eventId)
            .GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(5, places.GetValueOrDefault(SignupStatus.Going));
        Assert.Equal(35, places.GetValueOrDefault(SignupStatus.Waiting));
    }

    [Fact]
    public async Task Two_hosts_starting_together_on_an_empty_database_build_it_once_and_seed_one_sample_centre()
    {
        using var bed = new HostTestBed();
        var hosts = await bed.TwoHostsAsync();

        await Task.WhenAll(hosts.Select(host => Task.Run(() => host.Services))); // both start (migrate, seed) at once

        foreach (var host in hosts)
            Assert.Equal(System.Net.HttpStatusCode.OK, (await host.CreateClient().GetAsync("/healthz")).StatusCode);
        Assert.Equal(1, await hosts[0].QueryAsync(db => db.Centres.CountAsync()));
    }

    [Fact]
    public async Task A_staff_member_signed_in_on_one_host_is_signed_in_on_the_other_and_its_forms_are_accepted_there()
    {
        using var bed = new HostTestBed();
        var hosts = await bed.TwoHostsAsync();
        var (a, b) = (hosts[0], hosts[1]);
        await using (var scope = a.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync("ania@mam.example", StaffRoles.Animator, "Ania", StaffSession.Password, default);
        var browser = new CookieContainer(); // one browser, whose requests the load balancer sends to either host
        HttpClient Via(MamApp host) => host.CreateDefaultClient(new BrowserCookies(browser));

        var login = await Via(a).GetStringAsync("/admin/login");
        var signIn = await Via(b).PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "ania@mam.example", ["Password"] = StaffSession.Password, ["__RequestVerificationToken"] = TokenOn(login),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        // The key that signed the cookie is in the shared database, not in a folder of the host that made it.
        Assert.NotEmpty(await b.QueryAsync(db => db.DataProtectionKeys.ToListAsync()));

        var panel = await Via(a).GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, panel.StatusCode);
        var signOut = await Via(b).PostAsync("/admin/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenOn(await panel.Content.ReadAsStringAsync()),
        }));
        Assert.Equal("/admin/login", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await Via(a).GetAsync("/admin")).StatusCode); // signed out everywhere
    }

    [Fact]
    public async Task A_chat_writing_to_both_hosts_has_one_flood_allowance_not_one_per_host()
    {
        using var bed = new HostTestBed();
        var hosts = await bed.TwoHostsAsync(new Dictionary<string, string?> { ["Flood:Burst"] = "4", ["Flood:PerMinute"] = "1" });
        const string conversation = "browser-flood-3b9d2e7f6a1c4d5e8f0a";

        for (var i = 0; i < 4; i++)
        {
            var allowed = await hosts[i % 2].CreateClient().PostAsJsonAsync($"/api/chat/{conversation}", new { text = $"wiadomość {i}" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        var fifth = await hosts[0].CreateClient().PostAsJsonAsync($"/api/chat/{conversation}", new { text = "i jeszcze jedna" });

        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Contains(T.FloodSlowDown, await fifth.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task New_web_chats_from_one_address_count_together_on_both_hosts()
    {
        using var bed = new HostTestBed();
        var hosts = await bed.TwoHostsAsync(new Dictionary<string, string?> { ["Flood:NewWebChatsPerHour"] = "3" });

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            answers.Add((await hosts[i % 2].CreateClient().PostAsJsonAsync($"/api/chat/browser-new-{i}-7c2e9a4b1d3f5a6b8c0d", new { payload = "consent:yes" })).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Empty(await hosts[0].QueryAsync(db => db.Throttles.Where(t => t.Key.Contains("browser")).ToListAsync())); // hashed keys only
    }

    [Fact]
    public async Task Password_guesses_spread_over_both_hosts_count_together()
    {
        using var bed = new HostTestBed();
        var hosts = await bed.TwoHostsAsync();
        await using (var scope = hosts[0].Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync("ania@mam.example", StaffRoles.Animator, "Ania", StaffSession.Password, default);

        async Task<SignInOutcome> TryAsync(MamApp host, string password)
        {
            await using var scope = host.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SignInAsync("ania@mam.example", password, "203.0.113.9", default)).Outcome;
        }
        for (var i = 0; i < SignInGuard.FreeFailures; i++)
            Assert.Equal(SignInOutcome.WrongEmailOrPassword, await TryAsync(hosts[i % 2], $"zgaduje-{i}-haslo"));

        Assert.Equal(SignInOutcome.TooManyFailures, await TryAsync(hosts[1], StaffSession.Password));
        Assert.Equal(SignInOutcome.TooManyFailures, await TryAsync(hosts[0], StaffSession.Password));
    }

    [Fact]
    public async Task A_change_to_the_centre_made_on_one_host_is_what_residents_on_the_other_read_within_seconds()
    {
        using var bed = new HostTestBed();
        var hosts = await bed.TwoHostsAsync(NoFloodLines); // the resident asks again and again below
        var chat = new PageChat(hosts[1].CreateClient(), "browser-centre-4f1a9c2e7b3d5f6a8c0e");
        await chat.PressAsync("menu:about");
        Assert.Contains("12 000 00 00", chat.Text); // host b has the centre in memory now

        await using (var scope = hosts[0].Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MamDbContext>();
            (await db.Centres.FirstAsync()).Phone = "12 999 88 77";
            await db.SaveChangesAsync();
        }

        await Eventually.HoldsAsync(async () => (await chat.PressAsync("menu:about")).ToString().Contains("12 999 88 77"),
            "host b to tell the new phone number", TimeSpan.FromSeconds(5));
    }

    private static string TokenOn(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    /// <summary>Keeps cookies as a browser does, whichever host answered; follows no redirects.</summary>
    private sealed class BrowserCookies(CookieContainer jar) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var uri = request.RequestUri!;
            if (jar.GetCookieHeader(uri) is { Length: > 0 } cookies) request.Headers.Add("Cookie", cookies);
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var cookie in set) jar.SetCookies(uri, cookie);
            return response;
        }
    }
}
