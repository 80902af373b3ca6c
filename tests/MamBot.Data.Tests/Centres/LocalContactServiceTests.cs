using MamBot.Data.Centres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Data.Tests.Centres;

/// <summary>The "where to turn" list staff keep in the panel: add, change, remove, and what cannot be saved.</summary>
public class LocalContactServiceTests
{
    private static readonly LocalContactDetails Cooperative = new(
        "Spółdzielnia Mieszkaniowa Prokocim", "spółdzielnia, winda,dach ;czynsz, lift, ліфт",
        Phone: "12 000 00 01", Email: "adm@spoldzielnia.example", Hours: "pon.–pt. 7–15",
        NameUk: "Житловий кооператив «Прокоцім»", NameEn: " ", NoteUk: "  ");

    private static async Task<T> UseAsync<T>(TestDatabase db, Func<LocalContactService, Task<T>> use)
    {
        await using var scope = db.Scope();
        return await use(scope.ServiceProvider.GetRequiredService<LocalContactService>());
    }

    private static async Task<Centre> CentreAsync(TestDatabase db)
    {
        await using var scope = db.Scope();
        return await scope.ServiceProvider.GetRequiredService<CentreDirectory>().GetDefaultAsync(default);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_contact_added_changed_and_removed_reaches_the_centre_residents_read_at_once(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var centre = await CentreAsync(db); // a copy is kept in memory now: the change must replace it
        Assert.Empty(centre.Contacts);

        var added = await UseAsync(db, s => s.SaveAsync(centre.Id, null, Cooperative, default));
        Assert.True(added.Saved);
        var seen = Assert.Single((await CentreAsync(db)).Contacts);
        Assert.Equal("spółdzielnia, winda, dach, czynsz, lift, ліфт", seen.Topics);
        Assert.Equal(["spółdzielnia", "winda", "dach", "czynsz", "lift", "ліфт"], seen.TopicWords);
        Assert.Equal("Житловий кооператив «Прокоцім»", seen.NameUk);
        Assert.Null(seen.NameEn); // blank is no version
        Assert.Null(seen.NoteUk);

        var changed = await UseAsync(db, s => s.SaveAsync(centre.Id, seen.Id, Cooperative with { Phone = "12 000 00 09" }, default));
        Assert.True(changed.Saved);
        Assert.Equal("12 000 00 09", Assert.Single((await CentreAsync(db)).Contacts).Phone);

        Assert.True(await UseAsync(db, s => s.RemoveAsync(centre.Id, seen.Id, default)));
        Assert.False(await UseAsync(db, s => s.RemoveAsync(centre.Id, seen.Id, default))); // already gone
        Assert.Empty((await CentreAsync(db)).Contacts);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_contact_of_another_centre_or_none_is_not_found(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var centre = await CentreAsync(db);
        var missing = await UseAsync(db, s => s.SaveAsync(centre.Id, 999, Cooperative, default));
        Assert.False(missing.Saved);
        Assert.Empty(missing.Problems);
        Assert.Equal(0, await db.QueryAsync(d => d.LocalContacts.CountAsync()));
    }

    [Theory]
    [InlineData("S", "winda", "12 000 00 01", "", ContactProblem.NameLength)]
    [InlineData("Spółdzielnia", "", "12 000 00 01", "", ContactProblem.NoTopics)]
    [InlineData("Spółdzielnia", "winda, ul", "12 000 00 01", "", ContactProblem.NoTopics)]
    [InlineData("Spółdzielnia", "winda", "", "adm.spoldzielnia.example", ContactProblem.EmailLooksWrong)]
    [InlineData("Spółdzielnia", "winda", "", "", ContactProblem.NoWayToReach)]
    public async Task A_contact_that_would_not_help_is_refused_with_the_reason(
        string name, string topics, string phone, string email, ContactProblem problem)
    {
        await using var db = await TestDatabase.CreateAsync();
        var centre = await CentreAsync(db);
        var refused = await UseAsync(db, s => s.SaveAsync(centre.Id, null, new(name, topics, phone, email), default));
        Assert.Contains(problem, refused.Problems);
        Assert.Equal(0, await db.QueryAsync(d => d.LocalContacts.CountAsync()));
    }

    [Fact]
    public void Too_long_a_detail_is_refused()
    {
        Assert.Contains(ContactProblem.TooLong, LocalContactRules.Check(Cooperative with { Address = new string('a', 201) }));
        Assert.Empty(LocalContactRules.Check(Cooperative));
    }
}
