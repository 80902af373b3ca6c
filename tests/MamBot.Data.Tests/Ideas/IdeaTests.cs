using MamBot.Data.Ideas;
using MamBot.Data.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Data.Tests.Ideas;

public class IdeaTests
{
    private static async Task<T> WithAsync<T>(TestDatabase db, Func<IdeaService, Task<T>> use)
    {
        await using var scope = db.Scope();
        return await use(scope.ServiceProvider.GetRequiredService<IdeaService>());
    }

    private static async Task<Idea> SubmitAsync(TestDatabase db, string title = "Wspólne sadzenie kwiatów", string description = "Posadźmy kwiaty przy bloku 5.", Guid? author = null)
    {
        var centre = await db.QueryAsync(d => d.Centres.Select(c => c.Id).FirstAsync());
        return await WithAsync(db, s => s.SubmitAsync(new NewIdea(centre, author ?? Guid.NewGuid(), title, description, "Dla wszystkich", "łopaty, sadzonki", "mam doniczki", null), default));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_idea_moves_only_along_its_lifecycle_and_setting_aside_needs_a_reason(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var idea = await SubmitAsync(db);
        Assert.Equal(IdeaStatus.New, idea.Status);

        Assert.Null(await WithAsync(db, s => s.ChangeStatusAsync(idea.Id, IdeaStatus.Done, null, default))); // not straight to done
        Assert.Null(await WithAsync(db, s => s.ChangeStatusAsync(idea.Id, IdeaStatus.Shelved, " ", default))); // no reason
        Assert.Equal(IdeaStatus.InTalks, (await WithAsync(db, s => s.ChangeStatusAsync(idea.Id, IdeaStatus.InTalks, null, default)))!.Status);
        Assert.Equal(IdeaStatus.Published, (await WithAsync(db, s => s.ChangeStatusAsync(idea.Id, IdeaStatus.Published, null, default)))!.Status);
        Assert.Equal(IdeaStatus.InProgress, (await WithAsync(db, s => s.ChangeStatusAsync(idea.Id, IdeaStatus.InProgress, null, default)))!.Status);
        var done = await WithAsync(db, s => s.ChangeStatusAsync(idea.Id, IdeaStatus.Done, null, default));

        Assert.Equal((IdeaStatus.Done, 4), (done!.Status, done.StatusVersion));
        Assert.Null(await WithAsync(db, s => s.ChangeStatusAsync(idea.Id, IdeaStatus.Shelved, "za późno", default)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Support_counts_once_per_resident_also_when_pressed_at_the_same_moment_and_only_for_published_ideas(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var idea = await SubmitAsync(db);
        var anna = Guid.NewGuid();
        Assert.False((await WithAsync(db, s => s.SupportAsync(idea.Id, anna, default))).Counted); // not reviewed yet
        await WithAsync(db, s => s.ChangeStatusAsync(idea.Id, IdeaStatus.Published, null, default));

        var presses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => WithAsync(db, s => s.SupportAsync(idea.Id, anna, default)))));
        await WithAsync(db, s => s.SupportAsync(idea.Id, Guid.NewGuid(), default));

        Assert.Single(presses, p => p.Counted);
        Assert.Equal(2, await WithAsync(db, s => s.SupportersAsync(idea.Id, default)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Merging_a_duplicate_moves_its_supporters_without_counting_anyone_twice(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var flowers = await SubmitAsync(db);
        var duplicate = await SubmitAsync(db, "Kwiaty pod blokiem");
        foreach (var id in new[] { flowers.Id, duplicate.Id }) await WithAsync(db, s => s.ChangeStatusAsync(id, IdeaStatus.Published, null, default));
        var (anna, bogdan) = (Guid.NewGuid(), Guid.NewGuid());
        await WithAsync(db, s => s.SupportAsync(flowers.Id, anna, default));
        await WithAsync(db, s => s.SupportAsync(duplicate.Id, anna, default));
        await WithAsync(db, s => s.SupportAsync(duplicate.Id, bogdan, default));

        var merged = await WithAsync(db, s => s.MergeAsync(duplicate.Id, flowers.Id, default));

        Assert.Equal((IdeaStatus.Shelved, flowers.Id, "Wspólne sadzenie kwiatów"), (merged!.Status, merged.MergedIntoId!.Value, merged.StatusReason!));
        Assert.Equal(2, await WithAsync(db, s => s.SupportersAsync(flowers.Id, default)));
        Assert.Equal(0, await WithAsync(db, s => s.SupportersAsync(duplicate.Id, default)));
        Assert.Null(await WithAsync(db, s => s.MergeAsync(duplicate.Id, flowers.Id, default))); // once
    }

    [Theory]
    [InlineData("Sprzątanie trawnika", "Ten kurwidołek pod blokiem trzeba ogarnąć", "kurwidolek")]
    [InlineData("Turniej szachowy", "Dla każdego, kto lubi myśleć. Zapraszam idiotów też", "idiotow")]
    [InlineData("Ławki", "Te k*rwa ławki są do niczego", "k*rwa")]
    [InlineData("Plac zabaw", "Jakiś pojebany pomysł z tym płotem", "pojebany")]
    [InlineData("Sprzątanie", "Wszędzie GÓWNO po psach", "gowno")]
    [InlineData("Sprzątanie", "wszedzie g0wno po psach, ch.j z tym", "g0wno, ch.j")]
    [InlineData("Parking", "spierdalać z samochodami z trawnika", "spierdalac")]
    public async Task Rude_words_flag_an_idea_for_review_but_never_reject_it(string title, string description, string flagged)
    {
        await using var db = await TestDatabase.CreateAsync();
        var idea = await SubmitAsync(db, title, description);
        Assert.Equal(flagged, idea.FlaggedWords);
        Assert.Equal(IdeaStatus.New, idea.Status);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Plain_ideas_about_pedals_or_shoes_are_not_flagged(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var idea = await SubmitAsync(db, "Naprawa rowerów", "Wymienimy pedały, łańcuchy i dętki. Przynieś swój rower, zaproś ciotkę. Zbiórka o 10.30.");
        Assert.Null(idea.FlaggedWords);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Erasing_the_author_keeps_the_idea_counted_and_its_support_without_anyone_or_their_words(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var author = Guid.NewGuid();
        var centre = await db.QueryAsync(d => d.Centres.Select(c => c.Id).FirstAsync());
        await db.QueryAsync(async d =>
        {
            d.Residents.Add(new Resident { Id = author, CentreId = centre });
            return await d.SaveChangesAsync();
        });
        var idea = await SubmitAsync(db, author: author);
        await WithAsync(db, s => s.ChangeStatusAsync(idea.Id, IdeaStatus.Published, null, default));
        await WithAsync(db, s => s.SupportAsync(idea.Id, author, default));

        await using (var scope = db.Scope()) await scope.ServiceProvider.GetRequiredService<ResidentErasure>().EraseAsync(author, default);

        var kept = await db.QueryAsync(d => d.Ideas.SingleAsync());
        // Counted still, with its status; without its author and without the words the author wrote.
        Assert.Equal((ResidentErasure.ErasedIdeaTitle, "", IdeaStatus.Published, (Guid?)null), (kept.Title, kept.Description, kept.Status, kept.AuthorId));
        Assert.Equal(1, await WithAsync(db, s => s.SupportersAsync(idea.Id, default)));
        Assert.False(await db.QueryAsync(d => d.IdeaSupports.AnyAsync(x => x.ResidentId == author)));
    }
}
