using MamBot.Data.Centres;
using MamBot.Data.Conversations;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Data.Tests.Residents;

public class ResidentDataTests
{
    private static async Task<Resident> ConsentAsync(TestDatabase db, string chatId, string name)
    {
        await using var scope = db.Scope();
        var centre = await scope.ServiceProvider.GetRequiredService<CentreDirectory>().GetDefaultAsync(default);
        var (resident, _) = await scope.ServiceProvider.GetRequiredService<ResidentService>()
            .GrantConsentAsync(centre.Id, "webchat", chatId, name, "privacy-test", default);
        return resident;
    }

    private static async Task LeaveTracesAsync(TestDatabase db, Resident resident, string chatId)
    {
        await using var scope = db.Scope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        var reply = await outbox.EnqueueAsync(new OutboxMessage { IdempotencyKey = $"reply:{chatId}", Channel = "webchat", ChatId = chatId, Body = "{}" }, default);
        await outbox.EnqueueAsync(new OutboxMessage { IdempotencyKey = $"nudge:{chatId}", Kind = OutboxKind.FollowUp, ResidentId = resident.Id, Body = "{}" }, default);
        outbox.AddToMailbox(reply, "webchat", chatId);
        await outbox.SaveAsync(default);
        var conversations = scope.ServiceProvider.GetRequiredService<ConversationStore>();
        await conversations.KeepAsync("webchat", chatId, "{\"Stack\":[]}", default);
        await scope.ServiceProvider.GetRequiredService<MamDbContext>().SaveChangesAsync();
        await conversations.RecordFailureAsync("webchat", $"u-{chatId}", chatId, "boom", "{}", 3, default);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Consent_makes_a_resident_with_a_record_of_what_was_agreed_and_every_nudge_on(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var resident = await ConsentAsync(db, "chat-1", "Anna");

        var stored = await db.QueryAsync(d => d.Residents.Include(r => r.Consents).Include(r => r.Preferences).SingleAsync());
        Assert.Equal(resident.Id, stored.Id);
        Assert.True(stored.HasConsented);
        var consent = Assert.Single(stored.Consents);
        Assert.Equal(("privacy-test", "webchat", db.Time.GetUtcNow().UtcDateTime), (consent.TextVersion, consent.Channel, consent.AtUtc));
        Assert.All(Enum.GetValues<NudgeKind>(), k => Assert.True(stored.Wants(k)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Erasure_removes_the_resident_and_everything_about_their_chats_but_nobody_else(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var anna = await ConsentAsync(db, "chat-anna", "Anna");
        var jan = await ConsentAsync(db, "chat-jan", "Jan");
        await LeaveTracesAsync(db, anna, "chat-anna");
        await LeaveTracesAsync(db, jan, "chat-jan");

        await using (var scope = db.Scope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<ResidentErasure>().EraseAsync(anna.Id, default));

        Assert.Equal(["Jan"], await db.QueryAsync(d => d.Residents.Select(r => r.DisplayName).ToListAsync()));
        Assert.Equal(["chat-jan"], await db.QueryAsync(d => d.ChannelIdentities.Select(i => i.ExternalId).ToListAsync()));
        Assert.Equal(1, await db.QueryAsync(d => d.ConsentRecords.CountAsync()));
        Assert.Equal(2, await db.QueryAsync(d => d.OutboxMessages.CountAsync()));
        Assert.Equal(0, await db.QueryAsync(d => d.OutboxMessages.CountAsync(m => m.ResidentId == anna.Id || m.ChatId == "chat-anna")));
        Assert.Equal(["chat-jan"], await db.QueryAsync(d => d.MailboxMessages.Select(m => m.ChatId).ToListAsync()));
        Assert.Equal(["chat-jan"], await db.QueryAsync(d => d.ConversationStates.Select(s => s.ChatId).ToListAsync()));
        Assert.Equal(["chat-jan"], await db.QueryAsync(d => d.FailedUpdates.Select(f => f.ChatId).ToListAsync()));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_holds_identity_consent_preferences_and_messages(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var anna = await ConsentAsync(db, "chat-anna", "Anna");
        await LeaveTracesAsync(db, anna, "chat-anna");
        await using (var scope = db.Scope())
        {
            var residents = scope.ServiceProvider.GetRequiredService<ResidentService>();
            await residents.SetPreferenceAsync((await residents.FindAsync(anna.Id, default))!, NudgeKind.Digest, false, default);
        }

        await using var exportScope = db.Scope();
        var export = await exportScope.ServiceProvider.GetRequiredService<ResidentDataExport>().ExportAsync(anna.Id, default);

        Assert.NotNull(export);
        Assert.Equal("Anna", export.DisplayName);
        Assert.Equal("chat-anna", Assert.Single(export.Channels).ChatId);
        Assert.True(Assert.Single(export.Consents).Granted);
        Assert.False(export.Notifications["Digest"]);
        Assert.True(export.Notifications["Tips"]);
        Assert.Equal(2, export.MessagesToYou.Count);
        Assert.NotNull(export.ConversationState);
    }
}
