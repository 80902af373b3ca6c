using MamBot.Data.Centres;
using MamBot.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Data.Tests.Centres;

/// <summary>The team's Ukrainian and English room descriptions and equipment: seeded, saved from the panel, blank as none.</summary>
public class RoomTextVersionsTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_sample_seeds_versions_of_a_rooms_description_and_equipment(StorageProvider provider)
    {
        var sample = TestCentre.Sample();
        var small = sample.Rooms.Single(r => r.Name == "Sala mała");
        small.EquipmentUk = "стіл, дошка";
        small.EquipmentEn = "table, whiteboard";
        small.DescriptionEn = "For conversations and tutoring.";
        await using var db = await TestDatabase.CreateAsync(provider, sample);

        var room = await db.QueryAsync(d => d.Rooms.SingleAsync(r => r.Name == "Sala mała"));
        Assert.Equal(("стіл, дошка", "table, whiteboard"), (room.EquipmentUk, room.EquipmentEn));
        Assert.Equal(((string?)null, "For conversations and tutoring."), (room.DescriptionUk, room.DescriptionEn));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Versions_saved_from_the_panel_are_trimmed_and_blank_is_none(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        var settings = scope.ServiceProvider.GetRequiredService<CentreSettings>();
        var centreId = await db.QueryAsync(d => d.Centres.Select(c => c.Id).SingleAsync());
        var room = await settings.SaveRoomAsync(centreId, null,
            new RoomSettings("Pracownia", "", 8, "Na warsztaty.", "stół, tablica", false, 30, 120, 30, 15, 60,
                DescriptionUk: " Для майстер-класів. ", DescriptionEn: " ", EquipmentUk: "", EquipmentEn: " table, whiteboard "),
            default);

        var saved = await db.QueryAsync(d => d.Rooms.SingleAsync(r => r.Id == room!.Id));
        Assert.Equal(("Для майстер-класів.", (string?)null), (saved.DescriptionUk, saved.DescriptionEn));
        Assert.Equal(((string?)null, "table, whiteboard"), (saved.EquipmentUk, saved.EquipmentEn));
    }
}
