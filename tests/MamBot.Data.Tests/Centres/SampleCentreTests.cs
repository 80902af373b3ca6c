using MamBot.Data.Centres;
using MamBot.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Data.Tests.Centres;

public class SampleCentreTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task First_start_seeds_the_sample_centre_once_and_marks_it_as_sample(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Services.PrepareDatabaseAsync(TestCentre.Sample(), db.Time); // a second start

        await using var scope = db.Scope();
        var centre = await scope.ServiceProvider.GetRequiredService<CentreDirectory>().GetDefaultAsync(default);
        Assert.Equal(1, await db.QueryAsync(d => d.Centres.CountAsync()));
        Assert.True(centre.IsSample);
        Assert.Equal("MAM Na Kozłówce", centre.Name);
        Assert.Equal(6, centre.OpeningHours.Count);
        Assert.Equal(new TimeOnly(14, 0), centre.OpeningHours.Single(h => h.Day == DayOfWeek.Saturday).Closes);
        Assert.Equal(2, centre.Rooms.Count);
        Assert.Equal("Europe/Warsaw", centre.TimeZone.Id);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrations_match_the_model(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.False(await db.QueryAsync(d => Task.FromResult(d.Database.HasPendingModelChanges())),
            "The model changed without a migration: run `dotnet ef migrations add <Name>` in src/MamBot.Data.");
    }
}
