using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using MamBot.Host.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Jobs;

/// <summary>Quiet hours (21:00–8:00 in Kraków) and the daily cap on unsolicited nudges: postponed, never dropped.</summary>
public sealed class NudgeTimingTests : IDisposable
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;
    private readonly PageChat _chat;

    public NudgeTimingTests()
    {
        _app = _bed.Start();
        _chat = new PageChat(_app.CreateClient(), "browser-nudged-08dabce1bd406c0a2");
    }

    public void Dispose() => _bed.Dispose();

    private static DateTime At(int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, day, hour, minute, 0), Krakow);

    private async Task<Guid> ResidentAsync()
    {
        await _chat.PressAsync("consent:yes");
        var id = await _app.QueryAsync(db => db.Residents.Select(r => r.Id).SingleAsync());
        await _app.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == OutboxKind.FollowUp).ExecuteDeleteAsync()); // keep only ours
        return id;
    }

    private async Task QueueAsync(Guid resident, string key, OutboxKind kind, DateTime dueUtc)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxStore>().EnqueueAsync(new OutboxMessage
        {
            IdempotencyKey = key, Kind = kind, ResidentId = resident, DueUtc = dueUtc, Body = Reply.Plain($"wiadomość {key}").ToJson(),
        }, default);
    }

    private async Task DispatchAtAsync(DateTime utc)
    {
        _bed.Time.SetUtcNow(utc);
        await _app.DispatchDueAsync();
    }

    private Task<OutboxMessage> RowAsync(string key) => _app.QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.IdempotencyKey == key));

    [Fact]
    public async Task A_nudge_due_in_quiet_hours_waits_for_eight_in_the_morning()
    {
        var anna = await ResidentAsync();
        await QueueAsync(anna, "late-tip", OutboxKind.FollowUp, At(25, 21, 30));
        await QueueAsync(anna, "early-reminder", OutboxKind.Reminder, At(26, 7, 0));

        await DispatchAtAsync(At(25, 22, 0));
        var tip = await RowAsync("late-tip");
        Assert.Equal((OutboxStatus.Queued, At(26, 8, 0)), (tip.Status, tip.DueUtc));
        Assert.Equal(0, tip.Attempts);

        await DispatchAtAsync(At(26, 7, 30));
        Assert.Equal(At(26, 8, 0), (await RowAsync("early-reminder")).DueUtc);

        await DispatchAtAsync(At(26, 8, 0));
        Assert.Equal(OutboxStatus.Sent, (await RowAsync("late-tip")).Status);
        Assert.Equal(OutboxStatus.Sent, (await RowAsync("early-reminder")).Status);
    }

    [Fact]
    public async Task A_staff_decision_or_a_freed_place_goes_out_in_the_evening_at_once()
    {
        var anna = await ResidentAsync();
        await QueueAsync(anna, "decision", OutboxKind.AccountUpdate, At(25, 22, 0));
        await QueueAsync(anna, "freed-place", OutboxKind.EventUpdate, At(25, 22, 0));
        await QueueAsync(anna, "tip", OutboxKind.FollowUp, At(25, 22, 0));

        await DispatchAtAsync(At(25, 22, 0));

        Assert.Equal(OutboxStatus.Sent, (await RowAsync("decision")).Status);
        Assert.Equal(OutboxStatus.Sent, (await RowAsync("freed-place")).Status);
        Assert.Equal((OutboxStatus.Queued, At(26, 8, 0)), ((await RowAsync("tip")).Status, (await RowAsync("tip")).DueUtc));
    }

    [Fact]
    public async Task At_most_two_unsolicited_nudges_a_day_and_reminders_do_not_count()
    {
        var anna = await ResidentAsync();
        foreach (var key in new[] { "tip-1", "tip-2", "tip-3" }) await QueueAsync(anna, key, OutboxKind.FollowUp, At(25, 12, 0));
        await QueueAsync(anna, "reminder", OutboxKind.Reminder, At(25, 12, 0));

        await DispatchAtAsync(At(25, 12, 5));

        Assert.Equal(OutboxStatus.Sent, (await RowAsync("tip-1")).Status);
        Assert.Equal(OutboxStatus.Sent, (await RowAsync("tip-2")).Status);
        Assert.Equal(OutboxStatus.Sent, (await RowAsync("reminder")).Status);
        var third = await RowAsync("tip-3");
        Assert.Equal((OutboxStatus.Queued, At(26, 8, 0), OutboxReasons.Postponed), (third.Status, third.DueUtc, third.StatusReason));

        await DispatchAtAsync(At(26, 8, 0));
        Assert.Equal(OutboxStatus.Sent, (await RowAsync("tip-3")).Status);
        var page = PageChat.Replies(await _chat.MessagesAfterAsync(0)).Select(r => r.GetProperty("text").GetString()).ToList();
        Assert.Single(page, t => t == "wiadomość tip-3"); // postponed, delivered once
    }
}
