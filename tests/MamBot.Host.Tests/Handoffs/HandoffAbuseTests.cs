using MamBot.Host.Tests.Admin;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Handoffs;

/// <summary>Issue 36 F3/F5: asking for a person cannot flood the team, and a resident's own data is answered meanwhile.</summary>
public sealed class HandoffAbuseTests
{
    private const string StaffGroup = "-100777";

    private static async Task<(MamApp App, PageChat Resident)> StartAsync(HostTestBed bed, string conversation)
    {
        var app = bed.Start();
        await app.QueryAsync(db => db.Centres.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.StaffChannel, "telegram").SetProperty(c => c.StaffChatId, StaffGroup)));
        var resident = new PageChat(app.CreateClient(), conversation);
        await resident.PressAsync("consent:yes");
        return (app, resident);
    }

    private static Task<int> StaffNoticesAsync(MamApp app) =>
        app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.ChatId == StaffGroup));

    [Fact]
    public async Task Toggling_talk_to_a_person_for_a_minute_is_one_conversation_and_one_notice()
    {
        using var bed = new HostTestBed();
        var (app, resident) = await StartAsync(bed, "browser-toggle-0123456789abcdef0123");

        for (var i = 0; i < 11; i++)
        {
            await resident.PressAsync("handoff:start");
            Assert.Equal("handoff:end", resident.Button("Wróć do asystenta")); // each time heard as asked
            bed.Time.Advance(TimeSpan.FromSeconds(3));
            await resident.PressAsync("handoff:end");
            bed.Time.Advance(TimeSpan.FromSeconds(3));
        }

        Assert.Equal(1, await app.QueryAsync(db => db.Handoffs.CountAsync()));
        Assert.Equal(1, await StaffNoticesAsync(app));
    }

    [Fact]
    public async Task A_chat_opens_a_few_new_conversations_a_day_then_its_latest_again()
    {
        using var bed = new HostTestBed();
        var (app, resident) = await StartAsync(bed, "browser-many-asks-0123456789abcdef01");
        var ania = await StaffSession.SignInAsync(app, "ania@mam.example");

        for (var i = 0; i < 6; i++)
        {
            await resident.PressAsync("handoff:start");
            var id = await app.QueryAsync(db => db.Handoffs.Where(h => h.Status != Data.Handoffs.HandoffStatus.Closed).Select(h => h.Id).SingleAsync());
            await ania.SubmitAsync($"/admin/conversations/{id}?handler=End", ("confirmed", "yes"));
            bed.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(Data.Handoffs.HandoffService.MaxNewPerChatPerDay, await app.QueryAsync(db => db.Handoffs.CountAsync()));
        Assert.Equal(Data.Handoffs.HandoffService.MaxNewPerChatPerDay, await StaffNoticesAsync(app));
    }

    [Fact]
    public async Task Erase_my_data_during_a_handoff_is_answered_and_not_relayed()
    {
        using var bed = new HostTestBed();
        var (app, resident) = await StartAsync(bed, "browser-erase-handoff-0123456789abcd");
        await resident.PressAsync("handoff:start");

        await resident.SendAsync("usuń moje dane");
        await resident.PressTitleAsync("Tak, usuń wszystko");

        Assert.Equal(0, await app.QueryAsync(db => db.Residents.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.HandoffMessages.CountAsync()));
    }
}
