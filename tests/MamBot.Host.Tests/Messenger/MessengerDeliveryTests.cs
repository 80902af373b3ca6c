using MamBot.Data.Centres;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Host.Channels.Messenger;
using MamBot.Host.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Messenger;

/// <summary>What the bot may send on Messenger and when: Meta's 24-hour window (no retired tags), limits, errors.</summary>
public sealed class MessengerDeliveryTests : IAsyncLifetime
{
    private readonly HostTestBed _bed = new();
    private FakeGraphApi _graph = null!;
    private MamApp _app = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphApi.StartAsync();
        _app = _bed.Start(new Dictionary<string, string?>
        {
            ["Messenger:PageAccessToken"] = FakeGraphApi.PageToken,
            ["Messenger:AppSecret"] = FakeGraphApi.AppSecret,
            ["Messenger:VerifyToken"] = FakeGraphApi.VerifyToken,
            ["Messenger:GraphApiBaseUrl"] = _graph.BaseUrl,
            ["Nudges:DailyCap"] = "100", // every kind goes in one day here: the cap has tests of its own
        });
        _ = _app.Services;
    }

    public async Task DisposeAsync()
    {
        _bed.Dispose();
        await _graph.DisposeAsync();
    }

    private async Task<Guid> ResidentAsync(string psid)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var centre = await scope.ServiceProvider.GetRequiredService<CentreDirectory>().GetDefaultAsync(default);
        var (resident, _) = await scope.ServiceProvider.GetRequiredService<ResidentService>()
            .GrantConsentAsync(centre.Id, "messenger", psid, null, "privacy-2026-11", default);
        return resident.Id;
    }

    private async Task<OutboxMessage> DeliverAsync(OutboxMessage message)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var queued = await scope.ServiceProvider.GetRequiredService<OutboxStore>().EnqueueAsync(message, default);
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverAsync([queued.Id], default);
        return await _app.QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == queued.Id));
    }

    private static OutboxMessage Nudge(string key, OutboxKind kind, Guid resident) =>
        new() { IdempotencyKey = key, Kind = kind, ResidentId = resident, Body = Reply.Plain("Przypominamy: jutro o 18:00 spotkanie w sali małej.").ToJson() };

    [Fact]
    public async Task Inside_the_24_hour_window_a_nudge_goes_as_an_update()
    {
        var anna = await ResidentAsync("psid-anna");
        _bed.Time.Advance(TimeSpan.FromHours(23));

        var sent = await DeliverAsync(Nudge("tip", OutboxKind.FollowUp, anna));

        Assert.Equal(OutboxStatus.Sent, sent.Status);
        var call = Assert.Single(_graph.SentTo("psid-anna"));
        Assert.Equal(("UPDATE", null), (call.MessagingType, call.Tag));
    }

    private static readonly OutboxKind[] NudgeKinds = [.. Enum.GetValues<OutboxKind>().Where(k => !OutboxMessage.IsAnswer(k))];

    [Fact]
    public async Task Outside_the_window_nothing_goes_not_even_reminders_and_no_request_ever_carries_a_retired_tag()
    {
        var early = await ResidentAsync("psid-early");
        var late = await ResidentAsync("psid-late");
        _bed.Time.Advance(TimeSpan.FromHours(23));
        var inside = new List<OutboxMessage>();
        foreach (var kind in NudgeKinds) inside.Add(await DeliverAsync(Nudge("in-" + kind, kind, early)));
        _bed.Time.Advance(TimeSpan.FromHours(2));
        var outside = new List<OutboxMessage>();
        foreach (var kind in NudgeKinds) outside.Add(await DeliverAsync(Nudge("out-" + kind, kind, late)));

        Assert.All(inside, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        Assert.All(outside, m => Assert.Equal((OutboxStatus.Skipped, OutboxReasons.OutsideWindow), (m.Status, m.StatusReason)));
        Assert.Empty(_graph.SentTo("psid-late"));
        Assert.All(_graph.SentTo("psid-early"), c => Assert.Equal(("UPDATE", null), (c.MessagingType, c.Tag)));
        Assert.DoesNotContain(_graph.Calls, c => c.Tag is not null);
        Assert.Equal(0, _graph.RetiredTagRefusals);
    }

    [Fact]
    public async Task The_window_is_measured_from_the_residents_last_message()
    {
        var anna = await ResidentAsync("psid-back");
        _bed.Time.Advance(TimeSpan.FromHours(23));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var residents = scope.ServiceProvider.GetRequiredService<ResidentService>();
            await residents.NoteInboundAsync((await residents.FindAsync(anna, default))!, "messenger", "psid-back", default);
            await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().SaveChangesAsync();
        }
        _bed.Time.Advance(TimeSpan.FromHours(3)); // 26 h after consent, 3 h after her last message

        var reminder = await DeliverAsync(Nudge("reminder", OutboxKind.Reminder, anna));

        Assert.Equal(OutboxStatus.Sent, reminder.Status);
        _bed.Time.Advance(TimeSpan.FromHours(21)); // 24 h after her last message
        var late = await DeliverAsync(Nudge("late", OutboxKind.Reminder, anna));
        Assert.Equal((OutboxStatus.Skipped, OutboxReasons.OutsideWindow), (late.Status, late.StatusReason));
    }

    [Fact]
    public async Task A_reply_that_could_not_leave_within_a_day_is_skipped()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OutboxStore>().EnqueueAsync(new OutboxMessage
            {
                IdempotencyKey = "old-reply", Channel = "messenger", ChatId = "psid-x", Body = Reply.Plain("Dzień dobry").ToJson(),
            }, default);
        _bed.Time.Advance(TimeSpan.FromHours(25));
        await _app.DispatchDueAsync();

        var reply = await _app.QueryAsync(db => db.OutboxMessages.SingleAsync());
        Assert.Equal((OutboxStatus.Skipped, OutboxReasons.OutsideWindow), (reply.Status, reply.StatusReason));
        Assert.Empty(_graph.SentTo("psid-x"));
    }

    [Fact]
    public async Task Long_text_is_split_at_2000_characters_with_quick_replies_on_the_last_part()
    {
        var text = string.Join("\n\n", Enumerable.Range(1, 9).Select(i => $"Akapit {i}. " + new string('ą', 480)));
        var sent = await DeliverAsync(new OutboxMessage
        {
            IdempotencyKey = "long", Channel = "messenger", ChatId = "psid-long",
            Body = Reply.WithRow(text, new Button("Menu", "menu:main")).ToJson(),
        });

        Assert.Equal(OutboxStatus.Sent, sent.Status);
        var calls = _graph.SentTo("psid-long");
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.InRange(c.Text!.Length, 1, 2000));
        Assert.Empty(calls[0].QuickReplies);
        Assert.Equal("menu:main", calls[^1].Payload("Menu"));
    }

    [Fact]
    public async Task A_file_goes_as_an_attachment()
    {
        await DeliverAsync(new OutboxMessage
        {
            IdempotencyKey = "file", Channel = "messenger", ChatId = "psid-file",
            Body = new Reply("Oto Twoje dane.", [], new ReplyFile("mambot-moje-dane.json", "application/json", "{}"u8.ToArray())).ToJson(),
        });

        var calls = _graph.SentTo("psid-file");
        Assert.Equal(2, calls.Count);
        Assert.Equal("mambot-moje-dane.json", calls[1].FileName);
    }

    [Fact]
    public async Task Graph_errors_mark_the_chat_unreachable_retry_later_or_fail()
    {
        var blocked = await ResidentAsync("psid-blocked");
        _graph.Fail("psid-blocked", (400, 551, 1545041));
        var gone = await DeliverAsync(Nudge("n1", OutboxKind.Reminder, blocked));
        Assert.Equal((OutboxStatus.Failed, OutboxReasons.Unreachable), (gone.Status, gone.StatusReason));
        Assert.NotNull(await _app.QueryAsync(db => db.ChannelIdentities.Where(i => i.ExternalId == "psid-blocked").Select(i => i.UnreachableSinceUtc).SingleAsync()));
        var next = await DeliverAsync(Nudge("n2", OutboxKind.Reminder, blocked));
        Assert.Equal((OutboxStatus.Skipped, OutboxReasons.Unreachable), (next.Status, next.StatusReason));
        Assert.Single(_graph.SentTo("psid-blocked"));

        _graph.Fail("psid-busy", (400, 4, null));
        var busy = await DeliverAsync(new OutboxMessage { IdempotencyKey = "r1", Channel = "messenger", ChatId = "psid-busy", Body = Reply.Plain("x").ToJson() });
        Assert.Equal(OutboxStatus.Queued, busy.Status);
        Assert.True(busy.DueUtc > _bed.Time.GetUtcNow().UtcDateTime, "a rate-limited message waits before the next try");

        _graph.Fail("psid-token", (400, 190, null));
        var token = await DeliverAsync(new OutboxMessage { IdempotencyKey = "r2", Channel = "messenger", ChatId = "psid-token", Body = Reply.Plain("x").ToJson() });
        Assert.Equal(OutboxStatus.Failed, token.Status);
        Assert.StartsWith("graph-190", token.StatusReason);
    }

    [Fact]
    public void Quick_replies_keep_to_13_and_20_characters_by_shortening_or_numbering()
    {
        var fits = MessengerMessages.From(Reply.WithRow("?", new Button("Przypomnienia o rezerwacjach", "a"), new Button("Menu", "b"))).Single();
        Assert.Equal([("Przypomnienia o…", "a"), ("Menu", "b")], fits.QuickReplies);
        var dated = MessengerMessages.From(Reply.WithRow("?", new Button("czw. 26.11 · Gimnastyka dla seniorów", "e"), new Button("Menu", "b"))).Single();
        Assert.Equal("czw. 26.11 · Gimnas…", dated.QuickReplies[0].Title); // the date and a start of the title, not the date alone

        var many = Enumerable.Range(1, 15).Select(i => new Button($"Pytanie {i}", $"faq:{i}")).ToArray();
        var numbered = MessengerMessages.From(Reply.WithRow("Częste pytania:", many)).Single();
        Assert.Contains("\n15. Pytanie 15", numbered.Text);
        Assert.Equal(13, numbered.QuickReplies.Count);
        Assert.Equal(("1", "faq:1"), numbered.QuickReplies[0]);

        var clash = MessengerMessages.From(Reply.WithRow("?", new Button("Wyłącz przypomnienia o rezerwacjach", "a"), new Button("Wyłącz przypomnienia o wydarzeniach", "b"))).Single();
        Assert.Equal(["1", "2"], clash.QuickReplies.Select(q => q.Title));
    }
}
