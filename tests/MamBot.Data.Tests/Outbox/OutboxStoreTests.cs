using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Data.Tests.Outbox;

public class OutboxStoreTests
{
    private static OutboxMessage Reply(string key, DateTime due = default) =>
        new() { IdempotencyKey = key, Channel = "webchat", ChatId = "c", Body = "{\"text\":\"x\"}", DueUtc = due };

    [Fact]
    public async Task The_same_idempotency_key_queues_one_message()
    {
        await using var db = await TestDatabase.CreateAsync();
        long first, second;
        await using (var scope = db.Scope())
            first = (await scope.ServiceProvider.GetRequiredService<OutboxStore>().EnqueueAsync(Reply("k"), default)).Id;
        await using (var scope = db.Scope())
            second = (await scope.ServiceProvider.GetRequiredService<OutboxStore>().EnqueueAsync(Reply("k"), default)).Id;

        Assert.Equal(first, second);
        Assert.Equal(1, await db.QueryAsync(d => d.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task Only_one_of_many_parallel_dispatchers_claims_a_message()
    {
        await using var db = await TestDatabase.CreateAsync();
        long id;
        await using (var scope = db.Scope())
            id = (await scope.ServiceProvider.GetRequiredService<OutboxStore>().EnqueueAsync(Reply("k"), default)).Id;

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var scope = db.Scope();
            return await scope.ServiceProvider.GetRequiredService<OutboxStore>().ClaimAsync(id, default);
        }));

        Assert.Single(claims, c => c is not null);
        Assert.Equal(OutboxStatus.Sending, await db.QueryAsync(d => d.OutboxMessages.Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task Messages_not_yet_due_stay_in_the_queue()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var scope = db.Scope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        var later = await outbox.EnqueueAsync(Reply("later", db.Time.GetUtcNow().UtcDateTime.AddHours(1)), default);
        var now = await outbox.EnqueueAsync(Reply("now"), default);

        Assert.Equal([now.Id], await outbox.DueIdsAsync(10, default));
        db.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal([now.Id, later.Id], await outbox.DueIdsAsync(10, default));
    }

    [Fact]
    public async Task A_message_left_sending_by_a_crash_is_marked_failed_and_never_resent()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var scope = db.Scope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        var message = await outbox.EnqueueAsync(Reply("k"), default);
        await outbox.ClaimAsync(message.Id, default); // ...and the process dies here

        db.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await outbox.FailInterruptedAsync(TimeSpan.FromMinutes(10), default));

        var stored = await db.QueryAsync(d => d.OutboxMessages.SingleAsync());
        Assert.Equal((OutboxStatus.Failed, OutboxReasons.Interrupted), (stored.Status, stored.StatusReason));
        Assert.Empty(await outbox.DueIdsAsync(10, default));
    }

    [Fact]
    public void Nudges_obey_consent_opt_outs_and_reachability_but_replies_always_go()
    {
        var nudge = new OutboxMessage { IdempotencyKey = "n", Kind = OutboxKind.FollowUp, Body = "{}" };
        var resident = new Resident
        {
            Consents = [new ConsentRecord { Purpose = ConsentPurpose.Privacy, Granted = true, TextVersion = "v", Channel = "webchat" }],
            Identities = [new ChannelIdentity { Channel = "webchat", ExternalId = "c" }],
        };

        Assert.Null(NudgePolicy.SkipReason(nudge, resident));
        Assert.Equal(OutboxReasons.ResidentErased, NudgePolicy.SkipReason(nudge, null));
        Assert.Null(NudgePolicy.SkipReason(Reply("r"), null));

        resident.Preferences.Add(new NotificationPreference { Kind = NudgeKind.Tips, Enabled = false });
        Assert.Equal(OutboxReasons.OptedOut, NudgePolicy.SkipReason(nudge, resident));

        resident.Preferences.Clear();
        resident.Identities[0].UnreachableSinceUtc = DateTime.UtcNow;
        Assert.Equal(OutboxReasons.Unreachable, NudgePolicy.SkipReason(nudge, resident));
    }
}
