using System.Net;
using MamBot.Data.Outbox;
using MamBot.Host.Jobs;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Admin;

/// <summary>"Ogłoszenia" through the real pipeline: preview and count, sending through the outbox, scheduling, stopping.</summary>
public sealed class BroadcastPagesTests : IDisposable
{
    private const string Text = "W sobotę sprzątamy podwórko. Rękawice i worki są w MAM, zapraszamy o 10:00!";
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;

    public BroadcastPagesTests() => _app = _bed.Start();

    public void Dispose() => _bed.Dispose();

    private async Task<PageChat> ResidentAsync(string conversation, bool consent = true)
    {
        var chat = new PageChat(_app.CreateClient(), conversation);
        await chat.PressAsync(consent ? "consent:yes" : "consent:no");
        return chat;
    }

    private async Task<int> ArrivedAsync(PageChat chat) =>
        PageChat.Replies(await chat.MessagesAfterAsync(0)).Count(r => r.GetProperty("text").GetString()!.Contains("sprzątamy podwórko", StringComparison.Ordinal));

    [Fact]
    public async Task The_preview_shows_the_message_as_residents_will_read_it_and_counts_only_those_who_can_get_it()
    {
        await ResidentAsync("browser-ala-8be0362489c467998270");
        await ResidentAsync("browser-bartek-ec7f4e7856dc6c3d9");
        var quiet = await ResidentAsync("browser-cezary-882dae190a144abb7");
        await quiet.PressAsync("settings:off:Announcements");
        var noTips = await ResidentAsync("browser-edyta-a1225048f76a88b72c");
        await noTips.PressAsync("settings:off:Tips"); // tips off: announcements (a closure) still reach her
        await ResidentAsync("browser-dorota-46f4180d68ce50bc6", consent: false);
        var staff = await StaffSession.SignInAsync(_app);
        Assert.DoesNotContain("Szkic tłumaczenia", StaffSession.Text(await staff.PageAsync("/admin/broadcasts"))); // no model configured

        var preview = await staff.PostAsync("/admin/broadcasts?handler=Preview", ("Form.Text", Text), ("Form.Audience", "AllConsented"));

        var page = StaffSession.Text(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Liczba odbiorców teraz: 3", page);
        Assert.Contains($"📣 Ogłoszenie MAM: {Text} Ogłoszenia wyłączysz w „Ustawieniach”.", page);
        Assert.Contains("Wyślij (odbiorców: 3)", page);
        Assert.False(await _app.QueryAsync(db => db.Broadcasts.AnyAsync()));
    }

    [Fact]
    public async Task A_broadcast_sent_now_reaches_each_resident_once_and_the_history_counts_it()
    {
        var ala = await ResidentAsync("browser-ala-8be0362489c467998270");
        var bartek = await ResidentAsync("browser-bartek-ec7f4e7856dc6c3d9");
        var staff = await StaffSession.SignInAsync(_app);

        var after = StaffSession.Text(await staff.SubmitAsync("/admin/broadcasts?handler=Send", ("Form.Text", Text), ("Form.Audience", "AllConsented")));
        Assert.Contains("Wysyłamy. Liczba odbiorców: 2.", after);

        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        Assert.Equal(1, await ArrivedAsync(ala));
        Assert.Equal(1, await ArrivedAsync(bartek));
        Assert.Contains("wysłane: 2, czeka: 0, pominięte: 0, błędy: 0", StaffSession.Text(await staff.PageAsync("/admin/broadcasts")));
        Assert.All(await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == OutboxKind.Broadcast).ToListAsync()),
            m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task A_resident_in_ukrainian_reads_the_teams_ukrainian_version_and_one_in_english_the_polish_with_a_note()
    {
        var olena = new PageChat(_app.CreateClient(), "browser-olena-4c1d9e0b7a2f6e83d5a1");
        await olena.PressAsync("lang:uk");
        await olena.PressAsync("consent:yes");
        var james = new PageChat(_app.CreateClient(), "browser-james-9a7e3c5b1d0f2e4a6c8b");
        await james.PressAsync("lang:en");
        await james.PressAsync("consent:yes");
        var staff = await StaffSession.SignInAsync(_app);

        await staff.SubmitAsync("/admin/broadcasts?handler=Send", ("Form.Text", Text), ("Form.Audience", "AllConsented"),
            ("Form.TextUk", "У суботу прибираємо подвірʼя. Рукавиці й мішки є в MAM, чекаємо о 10:00!"), ("Form.TextEn", ""));
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);

        async Task<string> LastAsync(PageChat chat) => PageChat.Replies(await chat.MessagesAfterAsync(0)).Select(r => r.GetProperty("text").GetString()!).Last();
        await Eventually.HoldsAsync(async () => (await LastAsync(olena)).Contains("прибираємо подвірʼя", StringComparison.Ordinal),
            "the Ukrainian version reaches Olena");
        var toOlena = await LastAsync(olena);
        Assert.DoesNotContain("sprzątamy", toOlena);
        Assert.DoesNotContain("польською", toOlena);
        await Eventually.HoldsAsync(async () => await ArrivedAsync(james) == 1, "the Polish text reaches James");
        var toJames = await LastAsync(james);
        Assert.Contains("(The MAM team writes this text in Polish.)", toJames);
    }

    [Fact]
    public async Task A_broadcast_sent_in_quiet_hours_says_in_the_panel_when_residents_get_it()
    {
        var ala = await ResidentAsync("browser-ala-8be0362489c467998270");
        _bed.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 21, 30, 0, TimeSpan.Zero)); // 22:30 in Kraków
        var staff = await StaffSession.SignInAsync(_app);

        var after = StaffSession.Text(await staff.SubmitAsync("/admin/broadcasts?handler=Send", ("Form.Text", Text), ("Form.Audience", "AllConsented")));

        Assert.Contains("Teraz trwa cisza nocna: ogłoszenie wyjdzie w czwartek, 26 listopada, 08:00. Liczba odbiorców: 1.", after);
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        var held = await _app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == OutboxKind.Broadcast));
        Assert.Equal((OutboxStatus.Queued, new DateTime(2026, 11, 26, 7, 0, 0)), (held.Status, held.DueUtc));
        _bed.Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero));
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        await Eventually.HoldsAsync(async () => await ArrivedAsync(ala) == 1, "the announcement arrives at 8:00");
    }

    [Fact]
    public async Task A_scheduled_broadcast_waits_for_its_time_and_can_be_stopped_before()
    {
        var ala = await ResidentAsync("browser-ala-8be0362489c467998270");
        var staff = await StaffSession.SignInAsync(_app);

        var after = StaffSession.Text(await staff.SubmitAsync("/admin/broadcasts?handler=Send",
            ("Form.Text", Text), ("Form.Audience", "AllConsented"), ("Form.Day", "2026-11-27"), ("Form.At", "18:00")));
        Assert.Contains("Zaplanowano na piątek, 27 listopada, 18:00. Liczba odbiorców: 1.", after);
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        Assert.Equal(0, await ArrivedAsync(ala));

        var id = await _app.QueryAsync(db => db.Broadcasts.Select(b => b.Id).SingleAsync());
        var stopped = StaffSession.Text(await staff.SubmitAsync($"/admin/broadcasts?handler=Cancel&id={id}"));
        Assert.Contains("Wstrzymano. Niewysłane wiadomości nie wyjdą.", stopped);
        Assert.Contains("wysłane: 0, czeka: 0, pominięte: 1, błędy: 0, wstrzymane", stopped);

        _bed.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 17, 30, 0, TimeSpan.Zero));
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        Assert.Equal(0, await ArrivedAsync(ala));
    }

    [Fact]
    public async Task A_too_short_message_a_missing_category_or_a_past_time_is_refused_in_polish_and_nothing_is_queued()
    {
        await ResidentAsync("browser-ala-8be0362489c467998270");
        var staff = await StaffSession.SignInAsync(_app);

        async Task<string> RefusedAsync(params (string, string)[] fields)
        {
            var response = await staff.PostAsync("/admin/broadcasts?handler=Send", fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return StaffSession.Text(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("Napisz treść ogłoszenia (co najmniej 10 znaków).", await RefusedAsync(("Form.Text", "Hej"), ("Form.Audience", "AllConsented")));
        Assert.Contains("Wybierz kategorię, której subskrybenci dostaną ogłoszenie.", await RefusedAsync(("Form.Text", Text), ("Form.Audience", "CategorySubscribers")));
        Assert.Contains("Termin wysyłki już minął.", await RefusedAsync(("Form.Text", Text), ("Form.Audience", "AllConsented"), ("Form.Day", "2026-11-24")));
        Assert.Contains("Nikt z wybranej grupy nie zgodził się na wiadomości", await RefusedAsync(("Form.Text", Text), ("Form.Audience", "CategorySubscribers"), ("Form.Category", "Kids")));
        Assert.False(await _app.QueryAsync(db => db.Broadcasts.AnyAsync()));
        Assert.False(await _app.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.Kind == OutboxKind.Broadcast)));
    }
}
