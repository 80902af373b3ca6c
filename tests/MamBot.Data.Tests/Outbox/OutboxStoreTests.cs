using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Data.Tests.Outbox;

public class OutboxStoreTests
{
    private static OutboxMessage Reply(string key, DateTime due = default) =>
        new() { IdempotencyKey = key, Channel = "webchat", ChatId = "c", Body = "{\"text\":\"x\"}", DueUtc = due };

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_idempotency_key_queues_one_message(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        long first, second;
        await using (var scope = db.Scope())
            first = (await scope.ServiceProvider.GetRequiredService<OutboxStore>().EnqueueAsync(Reply("k"), default)).Id;
        await using (var scope = db.Scope())
            second = (await scope.ServiceProvider.GetRequiredService<OutboxStore>().EnqueueAsync(Reply("k"), default)).Id;

        Assert.Equal(first, second);
        Assert.Equal(1, await db.QueryAsync(d => d.OutboxMessages.CountAsync()));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_one_of_many_parallel_dispatchers_claims_a_message(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
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

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Overlapping_batch_claims_win_each_message_once_and_only_queued_ones(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ids = new List<long>();
        await using (var scope = db.Scope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxStore>();
            for (var i = 0; i < 6; i++) ids.Add((await outbox.EnqueueAsync(Reply("k" + i), default)).Id);
            await outbox.ClaimAsync(ids[5], default); // already on its way
        }

        var batches = await Task.WhenAll(new[] { ids[..4], ids[2..] }.Select(async batch =>
        {
            await using var scope = db.Scope();
            return await scope.ServiceProvider.GetRequiredService<OutboxStore>().ClaimAllAsync(batch, default);
        }));

        var won = batches.SelectMany(b => b.Values).OfType<OutboxMessage>().ToList();
        Assert.Equal(ids[..5], won.Select(m => m.Id).Order());
        Assert.All(won, m => Assert.Equal((OutboxStatus.Sending, 1), (m.Status, m.Attempts)));
        Assert.Null(batches[1][ids[5]]);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Marking_a_batch_sent_touches_only_messages_on_their_way(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        var sending = await outbox.EnqueueAsync(Reply("sending"), default);
        var queued = await outbox.EnqueueAsync(Reply("queued"), default);
        await outbox.ClaimAllAsync([sending.Id], default);

        await outbox.MarkAllSentAsync([sending.Id, queued.Id], default);

        var stored = await db.QueryAsync(d => d.OutboxMessages.OrderBy(m => m.Id).Select(m => new { m.Status, m.DoneUtc }).ToListAsync());
        Assert.Equal(OutboxStatus.Sent, stored[0].Status);
        Assert.Equal(db.Time.GetUtcNow().UtcDateTime, stored[0].DoneUtc);
        Assert.Equal((OutboxStatus.Queued, (DateTime?)null), (stored[1].Status, stored[1].DoneUtc));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Messages_not_yet_due_stay_in_the_queue(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        var later = await outbox.EnqueueAsync(Reply("later", db.Time.GetUtcNow().UtcDateTime.AddHours(1)), default);
        var now = await outbox.EnqueueAsync(Reply("now"), default);

        Assert.Equal([now.Id], (await outbox.DueAsync(10, default)).Select(m => m.Id));
        db.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal([now.Id, later.Id], (await outbox.DueAsync(10, default)).Select(m => m.Id));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task After_a_crash_a_reply_is_sent_once_more_but_a_nudge_is_never_resent_and_counts_as_unknown(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        var reply = await outbox.EnqueueAsync(Reply("reply"), default);
        var nudge = await outbox.EnqueueAsync(new OutboxMessage
        {
            IdempotencyKey = "nudge", Kind = OutboxKind.Broadcast, ResidentId = Guid.NewGuid(), Body = "{}",
        }, default);
        await outbox.ClaimAsync(reply.Id, default);
        await outbox.ClaimAsync(nudge.Id, default); // ...and the process dies here

        db.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal((1, 1), await outbox.ResolveInterruptedAsync(db.Time.GetUtcNow().UtcDateTime, default));

        var stored = await db.QueryAsync(d => d.OutboxMessages.OrderBy(m => m.Id).ToListAsync());
        Assert.Equal((OutboxStatus.Queued, OutboxReasons.ResentAfterCrash), (stored[0].Status, stored[0].StatusReason));
        Assert.Equal((OutboxStatus.Unknown, OutboxReasons.Interrupted), (stored[1].Status, stored[1].StatusReason));
        Assert.Equal([reply.Id], (await outbox.DueAsync(10, default)).Select(m => m.Id));

        await outbox.ClaimAsync(reply.Id, default); // the resend dies too: no third try
        Assert.Equal((0, 1), await outbox.ResolveInterruptedAsync(db.Time.GetUtcNow().UtcDateTime.AddSeconds(1), default));
        Assert.Empty(await outbox.DueAsync(10, default));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_host_taking_delivery_over_resolves_the_claims_another_process_left_and_none_of_its_own(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        var mine = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        var context = scope.ServiceProvider.GetRequiredService<MamDbContext>();
        var theirs = new OutboxStore(context, db.Time, new DeliveryProcess()); // the host that died, at the same moment
        var left = await theirs.EnqueueAsync(Reply("left-behind"), default);
        var own = await mine.EnqueueAsync(Reply("being-sent"), default);
        await theirs.ClaimAsync(left.Id, default);
        await mine.ClaimAsync(own.Id, default);

        Assert.Equal((1, 0), await mine.ResolveOthersClaimsAsync([], default));

        var stored = await db.QueryAsync(d => d.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Status).ToListAsync());
        Assert.Equal([OutboxStatus.Queued, OutboxStatus.Sending], stored);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_tenure_resolves_the_hosts_own_earlier_claims_but_not_a_send_still_in_its_hands(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        var process = scope.ServiceProvider.GetRequiredService<DeliveryProcess>();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        var forgotten = await outbox.EnqueueAsync(Reply("forgotten"), default);
        var inHand = await outbox.EnqueueAsync(Reply("in-hand"), default);
        await outbox.ClaimAsync(forgotten.Id, default);
        await outbox.ClaimAsync(inHand.Id, default);

        process.BeginTenure(); // the lease lost and taken back
        Assert.Equal((1, 0), await outbox.ResolveOthersClaimsAsync([inHand.Id], default));

        var stored = await db.QueryAsync(d => d.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Status).ToListAsync());
        Assert.Equal([OutboxStatus.Queued, OutboxStatus.Sending], stored);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_outcome_kept_through_an_outage_wins_over_the_resolution_of_its_claim(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        var reply = await outbox.EnqueueAsync(Reply("sent-during-outage"), default);
        await outbox.ClaimAsync(reply.Id, default);
        scope.ServiceProvider.GetRequiredService<DeliveryProcess>().BeginTenure();
        Assert.Equal((1, 0), await outbox.ResolveOthersClaimsAsync([], default)); // queued again: it would go twice…

        var now = db.Time.GetUtcNow().UtcDateTime;
        await outbox.WriteOutcomesAsync([new OutboxOutcome(reply.Id, OutboxStatus.Sent, null, now)], default); // …but it went

        Assert.Empty(await outbox.DueAsync(10, default));
        Assert.Equal(OutboxStatus.Sent, await db.QueryAsync(d => d.OutboxMessages.Select(m => m.Status).SingleAsync()));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_claim_younger_than_the_cut_off_belongs_to_a_running_delivery_and_is_left_alone(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        var message = await outbox.EnqueueAsync(Reply("k"), default);
        await outbox.ClaimAsync(message.Id, default);

        Assert.Equal((0, 0), await outbox.ResolveInterruptedAsync(db.Time.GetUtcNow().UtcDateTime.AddMinutes(-10), default));
        Assert.Equal(OutboxStatus.Sending, await db.QueryAsync(d => d.OutboxMessages.Select(m => m.Status).SingleAsync()));
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
