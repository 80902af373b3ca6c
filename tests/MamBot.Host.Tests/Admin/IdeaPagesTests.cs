using MamBot.Data.Ideas;
using MamBot.Dialogs.Ideas;
using MamBot.Host.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Admin;

/// <summary>"Pomysły" through the real pipeline: review, publish, shelve with a reason, merge, and link the event an idea became.</summary>
public sealed class IdeaPagesTests : IDisposable
{
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;

    public IdeaPagesTests() => _app = _bed.Start();

    public void Dispose() => _bed.Dispose();

    private async Task<PageChat> ResidentAsync(string conversation)
    {
        var chat = new PageChat(_app.CreateClient(), conversation);
        await chat.PressAsync("consent:yes");
        return chat;
    }

    private async Task<Guid> ResidentIdAsync(PageChat chat) =>
        await _app.QueryAsync(db => db.Residents.Where(r => r.Identities.Any(c => c.ExternalId == chat.ConversationId)).Select(r => r.Id).SingleAsync());

    private async Task<int> ProposeAsync(PageChat author, string title, string description = "Co tydzień gramy w szachy w sali małej.")
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var centre = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Centres.Select(c => c.Id).FirstAsync();
        var idea = await scope.ServiceProvider.GetRequiredService<IdeaDesk>().SubmitAsync(new NewIdea(centre, await ResidentIdAsync(author), title,
            description, "dla dorosłych i młodzieży", "dwie szachownice", "uczę grać", "600 100 200"), default);
        return idea.Id;
    }

    private async Task<List<string>> ArrivedAsync(PageChat chat)
    {
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        return [.. PageChat.Replies(await chat.MessagesAfterAsync(0)).Select(r => r.GetProperty("text").GetString()!)];
    }

    [Fact]
    public async Task Publishing_a_new_idea_tells_its_author_and_shows_it_to_the_neighbours()
    {
        var author = await ResidentAsync("browser-author-8fd52c69240ddb689");
        var neighbour = await ResidentAsync("browser-neighbour-b379980477111b");
        var id = await ProposeAsync(author, "Klub szachowy", "Gramy w szachy, a idioto kto przegra stawia kawę.");
        var staff = await StaffSession.SignInAsync(_app);

        var page = StaffSession.Text(await staff.PageAsync("/admin/ideas"));
        Assert.Contains("Klub szachowy nowy, czeka na przejrzenie · zgłoszony w środę, 25 listopada, 10:00 · poparcia: 0", page);
        Assert.Contains("⚠️ Słowa do sprawdzenia: idioto", page);
        Assert.Contains("Kontakt z autorem: 600 100 200", page);
        Assert.DoesNotContain("Podsumuj", page); // no LLM configured: no summary button, and asking anyway says why
        Assert.Contains("nie jest on skonfigurowany", StaffSession.Text(await (await staff.PostAsync("/admin/ideas?handler=Summary")).Content.ReadAsStringAsync()));

        var after = StaffSession.Text(await staff.SubmitAsync($"/admin/ideas?handler=Status&id={id}", ("status", "Published"), ("reason", "")));

        Assert.Contains("„Klub szachowy”: opublikowany. Autor dostanie wiadomość.", after);
        Assert.Contains("Wieści o Twoim pomyśle „Klub szachowy”: jest już widoczny dla sąsiadów. Mogą go poprzeć i zaoferować pomoc.", await ArrivedAsync(author));
        await neighbour.PressAsync("ideas:list:0");
        Assert.Contains("1. Klub szachowy", neighbour.Text + string.Join(" ", PageChat.Replies(neighbour.Last).SelectMany(r => r.GetProperty("buttons").EnumerateArray())
            .SelectMany(row => row.EnumerateArray()).Select(b => b.GetProperty("title").GetString())));
    }

    [Fact]
    public async Task Staff_correct_the_title_and_text_before_publishing_and_the_filter_looks_again()
    {
        var author = await ResidentAsync("browser-author-8fd52c69240ddb689");
        var id = await ProposeAsync(author, "klub szachwy", "Gramy w szachy, pan Kowalski z 5 to kurwa mistrz.");
        var staff = await StaffSession.SignInAsync(_app);
        Assert.Contains("⚠️ Słowa do sprawdzenia: kurwa", StaffSession.Text(await staff.PageAsync("/admin/ideas")));

        var after = StaffSession.Text(await staff.SubmitAsync($"/admin/ideas?handler=Edit&id={id}",
            ("title", "Klub szachowy"), ("description", "Gramy w szachy, zapraszamy wszystkich, także początkujących.")));

        Assert.Contains("Zapisano poprawki w pomyśle „Klub szachowy”.", after);
        Assert.DoesNotContain("Słowa do sprawdzenia", after);
        await staff.SubmitAsync($"/admin/ideas?handler=Status&id={id}", ("status", "Published"), ("reason", "Zapraszamy we wtorki."));
        Assert.Contains("Wieści o Twoim pomyśle „Klub szachowy”: jest już widoczny dla sąsiadów. Mogą go poprzeć i zaoferować pomoc.\nZespół MAM dodaje: Zapraszamy we wtorki.",
            await ArrivedAsync(author));

        // Once neighbours see it, the text is theirs as published: no more corrections.
        var refused = StaffSession.Text(await staff.SubmitAsync($"/admin/ideas?handler=Edit&id={id}", ("title", "Inny tytuł"), ("description", "Zupełnie inny opis pomysłu.")));
        Assert.Contains("Nie zapisano", refused);
        Assert.Equal("Klub szachowy", await _app.QueryAsync(db => db.Ideas.Select(i => i.Title).SingleAsync()));
    }

    [Fact]
    public async Task Shelving_needs_a_reason_which_then_reaches_the_author_and_the_idea_leaves_the_current_list()
    {
        var author = await ResidentAsync("browser-author-8fd52c69240ddb689");
        var id = await ProposeAsync(author, "Basen na podwórku");
        var staff = await StaffSession.SignInAsync(_app);

        var refused = StaffSession.Text(await staff.SubmitAsync($"/admin/ideas?handler=Status&id={id}", ("status", "Shelved"), ("reason", " ")));
        Assert.Contains("Odkładając pomysł, napisz krótko dlaczego – autor dostanie to wyjaśnienie.", refused);
        Assert.Equal(IdeaStatus.New, await _app.QueryAsync(db => db.Ideas.Select(i => i.Status).SingleAsync()));

        var shelved = StaffSession.Text(await staff.SubmitAsync($"/admin/ideas?handler=Status&id={id}", ("status", "Shelved"), ("reason", "Podwórko należy do spółdzielni, zapytamy ją wiosną.")));
        Assert.Contains("Nie ma pomysłów do przejrzenia.", shelved);
        Assert.Contains("Wieści o Twoim pomyśle „Basen na podwórku”: na razie odkładamy go na później. Powód: Podwórko należy do spółdzielni, zapytamy ją wiosną.", await ArrivedAsync(author));
        Assert.Contains("Basen na podwórku odłożony (Podwórko należy do spółdzielni, zapytamy ją wiosną.)", StaffSession.Text(await staff.PageAsync("/admin/ideas?all=true")));

        var done = StaffSession.Text(await staff.SubmitAsync($"/admin/ideas?handler=Status&id={id}", ("status", "Done"), ("reason", "")));
        Assert.Contains("Tej zmiany nie można zrobić", done); // odłożony → zrealizowany is not a step
    }

    [Fact]
    public async Task Merging_a_duplicate_moves_its_support_and_linking_an_event_invites_the_supporters()
    {
        var author = await ResidentAsync("browser-author-8fd52c69240ddb689");
        var second = await ResidentAsync("browser-second-6f406b6a7f99275ff");
        var fan = await ResidentAsync("browser-fan-2622fe984cc131969517");
        var keep = await ProposeAsync(author, "Klub szachowy");
        var duplicate = await ProposeAsync(second, "Szachy dla sąsiadów");
        var staff = await StaffSession.SignInAsync(_app);
        await staff.SubmitAsync($"/admin/ideas?handler=Status&id={keep}", ("status", "Published"), ("reason", ""));
        await staff.SubmitAsync($"/admin/ideas?handler=Status&id={duplicate}", ("status", "Published"), ("reason", ""));
        await fan.PressAsync($"ideas:support:{duplicate}");
        await author.PressAsync($"ideas:support:{duplicate}");
        await author.PressAsync($"ideas:support:{keep}");

        var merged = StaffSession.Text(await staff.SubmitAsync($"/admin/ideas?handler=Merge&id={duplicate}", ("into", keep.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Contains("Połączono: „Szachy dla sąsiadów” jest teraz częścią „Klub szachowy”.", merged);
        Assert.Contains("Klub szachowy opublikowany", merged);
        Assert.Contains("poparcia: 2", merged); // the author's two presses count once
        Assert.DoesNotContain("Szachy dla sąsiadów opublikowany", merged);
        Assert.Contains("Wieści o Twoim pomyśle „Szachy dla sąsiadów”: połączyliśmy go z podobnym pomysłem „Klub szachowy”. Poparcie i Twój wkład liczą się tam.", await ArrivedAsync(second));

        var chessEvening = await _app.QueryAsync(db => db.Events.Where(e => e.Title == "Kawa sąsiedzka").OrderBy(e => e.StartUtc).Select(e => e.Id).FirstAsync());
        var linked = StaffSession.Text(await staff.SubmitAsync($"/admin/ideas?handler=LinkEvent&id={keep}", ("eventId", chessEvening.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Contains("„Klub szachowy” jest teraz wydarzeniem.", linked);
        Assert.Contains(await ArrivedAsync(fan), t => t.StartsWith("Pomysł „Klub szachowy”, który wspierasz, staje się wydarzeniem: „Kawa sąsiedzka”", StringComparison.Ordinal));
        Assert.Contains("Wieści o Twoim pomyśle „Klub szachowy”: ruszamy z realizacją!", await ArrivedAsync(author));
    }
}
