using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Data.Tests.Centres;

/// <summary>The team's Ukrainian and English names: seeded from the sample, saved from the panel, blank as none.</summary>
public class TeamNameVersionsTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_sample_seeds_versions_of_names_the_key_note_and_the_contacts(StorageProvider provider)
    {
        var sample = TestCentre.Sample();
        sample.KeyPickup = "Klucz u dyżurnej.";
        sample.KeyPickupEn = "The key is with the person on duty.";
        sample.Rooms[1].NameUk = "Мала зала";
        sample.Events = [new() { Title = "Warsztaty ceramiki", TitleEn = "Pottery workshop", OrganiserUk = "Команда MAM",
            Room = "Sala mała", Category = "Workshops", Weeks = 1 }];
        sample.Contacts = [new() { Name = "Straż Miejska", NameEn = "City Guard", Topics = "parking", Phone = "12 000 00 02" }];
        await using var db = await TestDatabase.CreateAsync(provider, sample);

        var centre = await db.QueryAsync(d => d.Centres.Include(c => c.Rooms).Include(c => c.Contacts).SingleAsync());
        Assert.Equal("The key is with the person on duty.", centre.KeyPickupEn);
        Assert.Null(centre.KeyPickupUk);
        Assert.Equal("Мала зала", centre.Rooms.Single(r => r.Name == "Sala mała").NameUk);
        Assert.Equal("City Guard", Assert.Single(centre.Contacts).NameEn);
        var pottery = await db.QueryAsync(d => d.Events.SingleAsync());
        Assert.Equal(("Pottery workshop", "Команда MAM"), (pottery.TitleEn, pottery.OrganiserUk));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Versions_saved_from_the_panel_are_trimmed_and_blank_is_none(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        var settings = scope.ServiceProvider.GetRequiredService<CentreSettings>();
        var centreId = await db.QueryAsync(d => d.Centres.Select(c => c.Id).SingleAsync());
        var room = await settings.SaveRoomAsync(centreId, null,
            new RoomSettings("Pracownia", "", 8, "", "", false, 30, 120, 30, 15, 60, NameUk: " Майстерня ", NameEn: " "), default);

        var saved = await db.QueryAsync(d => d.Rooms.SingleAsync(r => r.Id == room!.Id));
        Assert.Equal("Майстерня", saved.NameUk);
        Assert.Null(saved.NameEn);

        var start = db.Time.GetUtcNow().UtcDateTime.AddDays(2);
        var events = scope.ServiceProvider.GetRequiredService<EventService>();
        var created = await events.CreateAsync(new NewEvent(centreId, "Warsztaty ceramiki", "", start, start.AddHours(1), null,
            EventCategory.Workshops, null, "Zespół MAM", Names: new(TitleEn: "Pottery workshop")), default);
        await events.EditAsync(created.Event!.Id, new EventDetails("Warsztaty ceramiki", "", "Zespół MAM", EventCategory.Workshops,
            null, Names: new(TitleUk: "Гончарна майстерня", TitleEn: "")), default);
        var edited = await db.QueryAsync(d => d.Events.SingleAsync(e => e.Id == created.Event.Id));
        Assert.Equal(("Гончарна майстерня", (string?)null), (edited.TitleUk, edited.TitleEn));
    }
}
