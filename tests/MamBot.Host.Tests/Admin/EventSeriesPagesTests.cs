using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MamBot.Data.Events;
using MamBot.Data.Outbox;
using MamBot.Data.Staff;
using MamBot.Dialogs.Events;
using MamBot.Host.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Admin;

/// <summary>
/// Weekly series made in the panel's form (the real pipeline): announced once after a preview, each date checked
/// like a booking, one date skipped, the whole series taken from the chat; the list reaches any week.
/// </summary>
public sealed partial class EventSeriesPagesTests : IDisposable
{
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;

    public EventSeriesPagesTests() => _app = _bed.Start();

    public void Dispose() => _bed.Dispose();

    private async Task<int> SmallRoomAsync() => await _app.QueryAsync(db => db.Rooms.Where(r => r.Name == "Sala mała").Select(r => r.Id).SingleAsync());

    /// <summary>"Joga" from Wednesday 2 December, 18:00–19:00 in the small room, 10 places, weekly.</summary>
    private async Task<(string Name, string Value)[]> YogaAsync(string day = "2026-12-02", string start = "18:00", string end = "19:00", string count = "4") =>
    [
        ("Form.Title", "Joga"), ("Form.Description", "Spokojna joga dla każdego."), ("Form.Organiser", "Pani Ewa"),
        ("Form.Day", day), ("Form.Start", start), ("Form.End", end),
        ("Form.RoomId", (await SmallRoomAsync()).ToString(CultureInfo.InvariantCulture)), ("Form.Category", "Workshops"),
        ("Form.Capacity", "10"), ("Form.RepeatWeeks", "1"), ("Form.RepeatCount", count),
    ];

    private async Task<PageChat> SubscriberAsync(string conversation, string? language = null)
    {
        var chat = new PageChat(_app.CreateClient(), conversation);
        if (language is not null) await chat.PressAsync($"lang:{language}");
        await chat.PressAsync("consent:yes");
        await chat.PressAsync("events:sub:Workshops");
        return chat;
    }

    private async Task<List<string>> ArrivedAsync(PageChat chat)
    {
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        return [.. PageChat.Replies(await chat.MessagesAfterAsync(0)).Select(r => r.GetProperty("text").GetString()!)];
    }

    private Task<List<CommunityEvent>> YogaDatesAsync() =>
        _app.QueryAsync(db => db.Events.Where(e => e.Title == "Joga").OrderBy(e => e.StartUtc).ToListAsync());

    private static readonly string[] FourWednesdays =
        ["środa, 2 grudnia, 18:00", "środa, 9 grudnia, 18:00", "środa, 16 grudnia, 18:00", "środa, 23 grudnia, 18:00"];

    [Fact]
    public async Task Four_weekly_yoga_sessions_in_one_form_are_announced_once_to_each_subscriber_after_the_preview()
    {
        var (ala, bartek) = (await SubscriberAsync("browser-ala-5c1d2e3f4a5b6c7d8e9f"), await SubscriberAsync("browser-bartek-0a1b2c3d4e5f6a7b8c9d"));
        var staff = await StaffSession.SignInAsync(_app);

        var preview = StaffSession.Text(await staff.SubmitAsync("/admin/events?handler=Create", await YogaAsync()));

        Assert.Contains("Dodano „Joga” (terminów: 4). Nikt jeszcze o tym nie wie", preview);
        Assert.All(FourWednesdays, when => Assert.Contains("📅 " + when, preview));
        Assert.Contains("Dostaną ją osoby, które wybrały kategorię tego wydarzenia: 2", preview);
        var dates = await YogaDatesAsync();
        Assert.Equal(4, dates.Count);
        Assert.Single(dates.Select(d => d.SeriesId).Distinct());
        Assert.NotNull(dates[0].SeriesId);
        // Nothing is queued for residents before the team confirms.
        Assert.Equal(0, await _app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == OutboxKind.Announcement)));

        var sent = StaffSession.Text(await staff.SubmitAsync($"/admin/events/{dates[0].Id}/announce"));
        Assert.Contains("Wysłano zapowiedź „Joga” (terminów: 4, odbiorców: 2).", sent);
        // A second confirmation (a double tap, the back button) sends nothing more.
        Assert.Contains("Nie ma tu nic do zapowiedzenia", StaffSession.Text(await staff.SubmitAsync($"/admin/events/{dates[0].Id}/announce")));

        foreach (var chat in new[] { ala, bartek })
        {
            var yoga = (await ArrivedAsync(chat)).Where(t => t.Contains("„Joga”", StringComparison.Ordinal)).ToList();
            var announcement = Assert.Single(yoga);
            Assert.StartsWith("Nowe spotkania w kategorii „Warsztaty”", announcement, StringComparison.Ordinal);
            Assert.All(FourWednesdays, when => Assert.Contains(when, announcement));
        }
    }

    [Fact]
    public async Task A_closed_day_or_a_sunday_evening_in_a_series_is_refused_naming_the_date_and_nothing_is_made()
    {
        var admin = await StaffSession.SignInAsync(_app, "basia@mam.example", StaffRoles.Admin);
        await admin.SubmitAsync("/admin/rooms?handler=Blackout", ("Blackout.RoomId", (await SmallRoomAsync()).ToString(CultureInfo.InvariantCulture)),
            ("Blackout.FromDay", "2026-12-09"), ("Blackout.FromTime", ""), ("Blackout.ToDay", "2026-12-09"), ("Blackout.ToTime", ""), ("Blackout.Reason", "malowanie sali"));
        var staff = await StaffSession.SignInAsync(_app);

        var closed = await staff.PostAsync("/admin/events?handler=Create", await YogaAsync());
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        var page = StaffSession.Text(await closed.Content.ReadAsStringAsync());
        Assert.Contains("środa, 9 grudnia, 18:00 – sala jest wtedy zamknięta: malowanie sali.", page);
        Assert.DoesNotContain("środa, 2 grudnia, 18:00 –", page); // the dates that fit are not blamed
        Assert.Contains("value=\"Joga\"", await closed.Content.ReadAsStringAsync()); // the form comes back filled in

        var sunday = StaffSession.Text(await (await staff.PostAsync("/admin/events?handler=Create", await YogaAsync(day: "2026-11-29"))).Content.ReadAsStringAsync());
        Assert.Contains("niedziela, 29 listopada, 18:00 – MAM jest w ten dzień tygodnia nieczynne", sunday);
        Assert.Contains("niedziela, 6 grudnia, 18:00 – MAM jest w ten dzień tygodnia nieczynne", sunday);

        var saturdayEvening = StaffSession.Text(await (await staff.PostAsync("/admin/events?handler=Create", await YogaAsync(day: "2026-11-28", count: "2"))).Content.ReadAsStringAsync());
        Assert.Contains("sobota, 28 listopada, 18:00 – to poza godzinami otwarcia (10:00–14:00).", saturdayEvening);
        Assert.Empty(await YogaDatesAsync());
    }

    [Fact]
    public async Task Moving_one_date_to_a_sunday_is_refused_and_moving_the_following_dates_tells_their_people()
    {
        var staff = await StaffSession.SignInAsync(_app);
        await staff.SubmitAsync("/admin/events?handler=Create", await YogaAsync());
        var dates = await YogaDatesAsync();
        var ala = new PageChat(_app.CreateClient(), "browser-ala-5c1d2e3f4a5b6c7d8e9f");
        await ala.PressAsync("consent:yes");
        await ala.PressAsync($"events:joinall:{dates[0].Id}");

        var sunday = await staff.PostAsync($"/admin/events/{dates[1].Id}?handler=Move", ("Move.Day", "2026-12-13"), ("Move.Start", "18:00"), ("Move.End", "19:00"));
        Assert.Equal(HttpStatusCode.BadRequest, sunday.StatusCode);
        Assert.Contains("niedziela, 13 grudnia, 18:00 – MAM jest w ten dzień tygodnia nieczynne", StaffSession.Text(await sunday.Content.ReadAsStringAsync()));

        var moved = StaffSession.Text(await staff.SubmitAsync($"/admin/events/{dates[2].Id}?handler=Move",
            ("Move.Day", "2026-12-17"), ("Move.Start", "17:00"), ("Move.End", "18:00"), ("Scope", "following")));
        Assert.Contains("Przeniesiono terminów: 2.", moved);
        var arrived = await ArrivedAsync(ala);
        Assert.Contains(arrived, t => t.Contains("„Joga” ma nowy termin: czwartek, 17 grudnia, 17:00 (poprzednio: środa, 16 grudnia, 18:00)", StringComparison.Ordinal));
        Assert.Contains(arrived, t => t.Contains("„Joga” ma nowy termin: czwartek, 24 grudnia, 17:00 (poprzednio: środa, 23 grudnia, 18:00)", StringComparison.Ordinal));
        Assert.Equal(["środa, 2 grudnia, 18:00", "środa, 9 grudnia, 18:00"],
            (await YogaDatesAsync()).Take(2).Select(d => Dialogs.Texts.Wording.DateTime(d.StartUtc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw"))));
    }

    [Fact]
    public async Task More_places_for_this_and_the_following_dates_leave_the_earlier_ones_as_they_were()
    {
        var staff = await StaffSession.SignInAsync(_app);
        await staff.SubmitAsync("/admin/events?handler=Create", await YogaAsync());
        var dates = await YogaDatesAsync();

        var saved = StaffSession.Text(await staff.SubmitAsync($"/admin/events/{dates[2].Id}?handler=Details", ("Details.Title", "Joga"),
            ("Details.Description", "Spokojna joga dla każdego."), ("Details.Organiser", "Pani Ewa"), ("Details.Category", "Workshops"),
            ("Details.Capacity", "12"), ("Scope", "following")));

        Assert.Contains("Zapisano zmiany w terminach: 2.", saved);
        Assert.Contains("zapisani: 0/10", StaffSession.Text(await staff.PageAsync($"/admin/events/{dates[1].Id}")));
        Assert.Contains("zapisani: 0/12", StaffSession.Text(await staff.PageAsync($"/admin/events/{dates[3].Id}")));
        Assert.Equal([10, 10, 12, 12], (await YogaDatesAsync()).Select(d => d.Capacity));
    }

    [Fact]
    public async Task A_resident_takes_the_whole_series_from_the_event_card_and_skipping_one_date_cancels_only_it()
    {
        var staff = await StaffSession.SignInAsync(_app);
        await staff.SubmitAsync("/admin/events?handler=Create", await YogaAsync());
        var dates = await YogaDatesAsync();
        var ala = new PageChat(_app.CreateClient(), "browser-ala-5c1d2e3f4a5b6c7d8e9f");
        await ala.PressAsync("consent:yes");

        await ala.PressAsync($"events:show:{dates[0].Id}");
        Assert.Contains("Kolejne terminy (4): śr. 2.12, śr. 9.12, śr. 16.12, śr. 23.12", ala.Text);
        await ala.PressTitleAsync("Zapisz na wszystkie");

        Assert.StartsWith("Gotowe, „Joga” – Twoje terminy:", ala.Text, StringComparison.Ordinal);
        Assert.All(FourWednesdays, when => Assert.Contains("✅ " + when, ala.Text));
        foreach (var date in dates)
            Assert.Contains("zapisani: 1/10", StaffSession.Text(await staff.PageAsync($"/admin/events/{date.Id}")));

        var skipped = StaffSession.Text(await staff.SubmitAsync($"/admin/events?handler=Cancel&id={dates[1].Id}", ("reason", "Pani Ewa ma urlop."), ("confirmed", "yes")));
        Assert.Contains("Odwołano „Joga”.", skipped);

        var arrived = await ArrivedAsync(ala);
        var cancelled = Assert.Single(arrived, t => t.Contains("zostało odwołane", StringComparison.Ordinal));
        Assert.Contains("(środa, 9 grudnia, 18:00)", cancelled);
        Assert.Contains("Pani Ewa ma urlop.", cancelled);
        var after = await YogaDatesAsync();
        Assert.Equal([EventStatus.Scheduled, EventStatus.Cancelled, EventStatus.Scheduled, EventStatus.Scheduled], after.Select(d => d.Status));
        foreach (var date in after.Where(d => d.IsOn))
            Assert.Contains("zapisani: 1/10", StaffSession.Text(await staff.PageAsync($"/admin/events/{date.Id}")));
    }

    [Theory]
    [InlineData("uk", "Запишіть мене на всі", "Готово, «Joga» – ваші дати:")]
    [InlineData("en", "Sign me up for all", "Done! “Joga” – your dates:")]
    public async Task The_whole_series_button_speaks_the_residents_language(string language, string button, string done)
    {
        var staff = await StaffSession.SignInAsync(_app);
        await staff.SubmitAsync("/admin/events?handler=Create", await YogaAsync(count: "2"));
        var first = (await YogaDatesAsync())[0];
        var chat = new PageChat(_app.CreateClient(), $"browser-{language}-7d8e9f0a1b2c3d4e5f6a7b8c");
        await chat.PressAsync($"lang:{language}");
        await chat.PressAsync("consent:yes");

        await chat.PressAsync($"events:show:{first.Id}");
        await chat.PressTitleAsync(button);

        Assert.StartsWith(done, chat.Text, StringComparison.Ordinal);
        Assert.Equal(2, await _app.QueryAsync(db => db.EventSignups.CountAsync(s => s.Status == SignupStatus.Going)));
    }

    [Fact]
    public async Task An_event_eight_weeks_ahead_and_one_last_month_are_found_by_paging_and_by_searching()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<EventDesk>();
            var centre = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Centres.Select(c => c.Id).FirstAsync();
            var krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
            DateTime At(int year, int month, int day, int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, 0, 0), krakow);
            await desk.CreateAsync(new NewEvent(centre, "Warsztaty ceramiki", "", At(2026, 11, 27, 12), At(2026, 11, 27, 14), null, EventCategory.Workshops, null, ""), default);
            await desk.CreateAsync(new NewEvent(centre, "Kiermasz wiosenny", "", At(2027, 2, 24, 12), At(2027, 2, 24, 15), null, EventCategory.Neighbours, null, ""), default);
        }
        _bed.Time.Advance(TimeSpan.FromDays(30)); // Friday 25 December: the workshop was last month, the fair 8 weeks ahead
        var staff = await StaffSession.SignInAsync(_app);

        var now = await staff.PageAsync("/admin/events");
        Assert.DoesNotContain("Kiermasz wiosenny", now);
        Assert.DoesNotContain("Warsztaty ceramiki", now);

        var later = await staff.PageAsync(Link(await staff.PageAsync(Link(now, "dalsze 4 tygodnie ›")), "dalsze 4 tygodnie ›"));
        Assert.Contains("środa, 24 lutego, 12:00 – Kiermasz wiosenny", StaffSession.Text(later));
        var earlier = StaffSession.Text(await staff.PageAsync(Link(now, "‹ wcześniejsze 4 tygodnie")));
        Assert.Contains("piątek, 27 listopada, 12:00 – Warsztaty ceramiki", earlier);
        Assert.Contains("minęło", earlier);

        Assert.Contains("Kiermasz wiosenny", StaffSession.Text(await staff.PageAsync("/admin/events?q=kiermasz")));
        var found = StaffSession.Text(await staff.PageAsync("/admin/events?q=ceramiki+warsztaty"));
        Assert.Contains("Wyniki wyszukiwania „ceramiki warsztaty”", found);
        Assert.Contains("Warsztaty ceramiki", found);
        Assert.DoesNotContain("Kiermasz wiosenny", found);
    }

    private static string Link(string html, string text) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<a href=\"([^\"]+)\">{Regex.Escape(WebUtility.HtmlEncode(text))}</a>").Groups[1].Value) is { Length: > 0 } href
            ? href : throw new InvalidOperationException($"No link '{text}' on the page.");
}
