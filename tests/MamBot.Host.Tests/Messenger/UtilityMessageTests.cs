using System.Net;
using System.Text.Json;
using MamBot.Data.Events;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Events;
using MamBot.Host.Channels.Messenger;
using MamBot.Host.Jobs;
using MamBot.Host.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Messenger;

/// <summary>
/// Reminders a day after the resident's last Messenger message, when Messenger:UtilityTemplates is on: the bot makes
/// its Page-owned utility templates (fake Graph API, as Meta documents them), hears their status by webhook, and
/// sends a reminder as the approved template; without approval the reminder is skipped and the resident was told.
/// Now is Wednesday 25 November, 10:00; her only message is now, so the window closes Thursday 10:00.
/// </summary>
public sealed class UtilityMessageTests : IAsyncLifetime
{
    private const string Ola = "psid-ola-utility";
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly HostTestBed _bed = new();
    private FakeGraphApi _graph = null!;
    private MamApp _app = null!;
    private long _clock = 1_700_000_000_000;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphApi.StartAsync();
        _app = _bed.Start(new Dictionary<string, string?>(_graph.Settings()) { ["Messenger:UtilityTemplates"] = "true" });
    }

    public async Task DisposeAsync()
    {
        _bed.Dispose();
        await _graph.DisposeAsync();
    }

    private static DateTime At(int day, int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, day, hour, 0, 0), Krakow);

    private async Task WriteAsync(string text, string payload)
    {
        var body = JsonSerializer.Serialize(new
        {
            @object = "page",
            entry = new[]
            {
                new
                {
                    id = FakeGraphApi.PageId, time = _clock,
                    messaging = new[]
                    {
                        new
                        {
                            sender = new { id = Ola }, recipient = new { id = FakeGraphApi.PageId }, timestamp = ++_clock,
                            message = new { mid = $"m-{_clock}", text, quick_reply = new { payload } },
                        },
                    },
                },
            },
        });
        using var http = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await _graph.PostSignedAsync(http, body)).StatusCode);
    }

    private async Task<GraphCall> SentAsync(Func<GraphCall, bool> which, string what)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(_graph.SentTo(Ola).Any(which)), what);
        return _graph.SentTo(Ola).Last(which);
    }

    private int _yoga;

    /// <summary>She agrees (in the language chosen first, when one is) and signs up for Saturday's yoga: the confirmation she reads.</summary>
    private async Task<string> SignUpForYogaAsync(string? language = null, string confirmation = "Gotowe, masz miejsce")
    {
        if (language is not null) await WriteAsync(language, $"lang:{language}");
        await WriteAsync("Zgadzam się", "consent:yes");
        await SentAsync(_ => true, "the welcome");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var centre = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Centres.Select(c => c.Id).FirstAsync();
            _yoga = (await scope.ServiceProvider.GetRequiredService<EventDesk>().CreateAsync(
                new NewEvent(centre, "Joga na macie", "", At(28, 18), At(28, 19), null, EventCategory.Seniors, null, "Zespół MAM"), default)).Event!.Id;
        }
        await WriteAsync("Zapisuję się", $"events:join:{_yoga}");
        return (await SentAsync(c => c.Text?.StartsWith(confirmation, StringComparison.Ordinal) == true, "the confirmation")).Text!;
    }

    private bool _staffAccount;

    /// <summary>The panel's home page, signed in afresh (the clock moves by days here).</summary>
    private async Task<string> HomePageAsync()
    {
        var staff = _staffAccount
            ? await StaffSession.SignInWithPasswordAsync(_app, "ania@mam.example", StaffSession.Password)
            : await StaffSession.SignInAsync(_app);
        _staffAccount = true;
        return StaffSession.Text(await staff.PageAsync("/admin"));
    }

    private async Task TellAsync(string template, string status, string reason = "NONE")
    {
        using var http = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await _graph.PostSignedAsync(http, _graph.TemplateStatusWebhook(template, status, reason))).StatusCode);
    }

    [Fact]
    public async Task The_templates_are_made_once_and_a_late_reminder_goes_as_the_approved_one()
    {
        await _app.RunRecurringJobAsync(UtilityTemplateSync.Id);

        Assert.Equal(9, _graph.Templates.Count); // three kinds in Polish, Ukrainian and English
        Assert.All(_graph.TemplateRequests, r => Assert.Equal("UTILITY", r.GetProperty("category").GetString()));
        Assert.Equal(["en_GB", "pl", "uk"], _graph.TemplateRequests.Select(r => r.GetProperty("language").GetString()).Distinct().Order());
        var reminder = _graph.Templates.Values.Single(t => t.Name.StartsWith("mam_event_reminder_", StringComparison.Ordinal) && t.Language == "pl");
        Assert.Equal("⏰ Przypomnienie z MAM: „{{1}}”, {{2}}, {{3}}. Jeśli nie dasz rady przyjść, napisz nam to tutaj.", reminder.Text);

        var confirmation = await SignUpForYogaAsync();
        Assert.Contains("Przypomnę Ci dzień wcześniej i 2 godziny przed.", confirmation);
        Assert.DoesNotContain("może nie dotrzeć", confirmation);

        _bed.Time.SetUtcNow(At(27, 18)); // a day and a half after her last message
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        var sent = await SentAsync(c => c.Template is not null, "the day-before reminder");
        var centre = await _app.QueryAsync(db => db.Centres.Select(c => c.Name).FirstAsync());
        Assert.Equal("UTILITY", sent.MessagingType);
        Assert.Equal(reminder.Name, sent.Template!.Value.Name);
        Assert.Equal(["Joga na macie", "sobota, 28 listopada, 18:00", centre], sent.Template.Value.Facts);
        Assert.Null(sent.Tag);

        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<EventDesk>().CancelAsync(_yoga, default, "choroba prowadzącej");
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        var cancelled = await SentAsync(c => c.Template?.Name.StartsWith("mam_event_cancelled_", StringComparison.Ordinal) == true, "the cancellation");
        Assert.Equal(["Joga na macie", "sobota, 28 listopada, 18:00"], cancelled.Template!.Value.Facts);

        await _app.RunRecurringJobAsync(UtilityTemplateSync.Id); // the hourly check finds them on the Page
        Assert.Equal(9, _graph.TemplateRequests.Count);
        Assert.Contains("przypomnienie o wydarzeniu (polski): zatwierdzony przez Meta", await HomePageAsync());
    }

    [Fact]
    public async Task A_resident_who_speaks_ukrainian_gets_the_late_reminder_in_the_ukrainian_template()
    {
        await _app.RunRecurringJobAsync(UtilityTemplateSync.Id);
        var ukrainian = _graph.Templates.Values.Single(t => t.Name.StartsWith("mam_event_reminder_", StringComparison.Ordinal) && t.Language == "uk");
        Assert.Equal("⏰ Нагадування від MAM: «{{1}}», {{2}}, {{3}}. Якщо не зможете прийти, напишіть нам тут.", ukrainian.Text);

        Assert.Contains("Я нагадаю за день і за 2 години до початку.", await SignUpForYogaAsync("uk", "Готово, у вас є місце"));
        _bed.Time.SetUtcNow(At(27, 18));
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);

        var sent = await SentAsync(c => c.Template is not null, "the day-before reminder");
        Assert.Equal((ukrainian.Name, "uk"), (sent.Template!.Value.Name, sent.TemplateLanguage));
        Assert.Equal("субота, 28 листопада, 18:00", sent.Template.Value.Facts[1]);
    }

    [Fact]
    public async Task Until_Meta_approves_the_resident_is_told_and_after_a_pause_the_reminder_is_skipped()
    {
        _graph.NewTemplateStatus = "PENDING";
        await _app.RunRecurringJobAsync(UtilityTemplateSync.Id);
        var reminder = _graph.Templates.Values.Single(t => t.Name.StartsWith("mam_event_reminder_", StringComparison.Ordinal) && t.Language == "pl").Name;

        var confirmation = await SignUpForYogaAsync();
        Assert.Contains("przypomnienie może nie dotrzeć. Naciśnij „Dodaj do kalendarza”", confirmation);
        Assert.Contains("przypomnienie o wydarzeniu (polski): czeka na decyzję Meta", await HomePageAsync());

        _graph.SetTemplateStatus(reminder, "APPROVED");
        await TellAsync(reminder, "APPROVED");
        await TellAsync("somebody_elses_template", "APPROVED"); // not ours: not recorded
        Assert.Contains("przypomnienie o wydarzeniu (polski): zatwierdzony przez Meta", await HomePageAsync());
        Assert.False(await _app.QueryAsync(db => db.UtilityTemplates.AnyAsync(t => t.Name == "somebody_elses_template")));

        _bed.Time.SetUtcNow(At(27, 18));
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        Assert.Equal(reminder, (await SentAsync(c => c.Template is not null, "the day-before reminder")).Template!.Value.Name);

        _graph.SetTemplateStatus(reminder, "PAUSED");
        await TellAsync(reminder, "PAUSED", "Niska jakość");
        _bed.Time.SetUtcNow(At(28, 16)); // two hours before: Meta paused it, so nothing may go
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        var soon = await _app.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == OutboxKind.Reminder && m.IdempotencyKey.Contains(":soon:")));
        Assert.Equal((OutboxStatus.Skipped, OutboxReasons.OutsideWindow), (soon.Status, soon.StatusReason));
        Assert.Single(_graph.SentTo(Ola), c => c.Template is not null);
        Assert.Contains("przypomnienie o wydarzeniu (polski): wstrzymany przez Meta (Niska jakość)", await HomePageAsync());
    }
}

/// <summary>The switch is off by default: no template is made, nothing but the window decides.</summary>
public sealed class UtilityMessagesOffTests : IAsyncLifetime
{
    private readonly HostTestBed _bed = new();
    private FakeGraphApi _graph = null!;
    private MamApp _app = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphApi.StartAsync();
        _app = _bed.Start(_graph.Settings());
    }

    public async Task DisposeAsync()
    {
        _bed.Dispose();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task Without_the_switch_the_job_asks_meta_nothing_and_the_panel_shows_no_templates()
    {
        await _app.RunRecurringJobAsync(UtilityTemplateSync.Id);

        Assert.DoesNotContain(_graph.Calls, c => c.Edge == "message_templates");
        var home = StaffSession.Text(await (await StaffSession.SignInAsync(_app)).PageAsync("/admin"));
        Assert.DoesNotContain("wiadomości poza dobą", home);
    }
}
