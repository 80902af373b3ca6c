using MamBot.Host.Tests.Admin;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Handoffs;

/// <summary>A resident on the web chat asks for a person; an animator answers from "Rozmowy" and ends it.</summary>
public sealed class HandoffPanelTests : IDisposable
{
    private readonly HostTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    private static IEnumerable<string> Texts(System.Text.Json.JsonElement response) =>
        PageChat.Replies(response).Select(r => r.GetProperty("text").GetString()!);

    /// <summary>The page's poll shows a message beginning so (the outbox delivers it in the background).</summary>
    private static Task ReceivedAsync(PageChat chat, string start) => Eventually.HoldsAsync(async () =>
        Texts(await chat.MessagesAfterAsync(0)).Any(t => t.StartsWith(start, StringComparison.Ordinal)), $"the resident to receive '{start}'");

    [Fact]
    public async Task A_resident_who_talks_in_ukrainian_is_told_so_in_ukrainian_and_staff_see_the_language()
    {
        var app = _bed.Start();
        var resident = new PageChat(app.CreateClient(), "browser-handoff-uk-0123456789abcdef01");
        await resident.PressAsync("consent:yes");
        await resident.PressAsync("lang:uk");
        var ania = await StaffSession.SignInAsync(app, "ania@mam.example");
        await ania.SubmitAsync("/admin/conversations?handler=Availability", ("available", "true"));

        await resident.PressTitleAsync("Написати людині");
        Assert.StartsWith("Передаю розмову команді MAM. Хтось відповість тут, зазвичай протягом 15 хвилин.", resident.Text);

        var id = await app.QueryAsync(db => db.Handoffs.Select(h => h.Id).SingleAsync());
        var view = StaffSession.Text(await ania.PageAsync($"/admin/conversations/{id}"));
        Assert.Contains("Mieszkaniec rozmawia z asystentem w języku: ukraiński. Jeśli możesz, odpowiedz w tym języku.", view);
    }

    [Fact]
    public async Task Ask_staff_sees_it_staff_replies_resident_receives_bot_silent_then_back_to_the_assistant()
    {
        var app = _bed.Start();
        var resident = new PageChat(app.CreateClient(), "browser-handoff-0123456789abcdef0123");
        await resident.PressAsync("consent:yes");
        var ania = await StaffSession.SignInAsync(app, "ania@mam.example");
        await ania.SubmitAsync("/admin/conversations?handler=Availability", ("available", "true"));

        await resident.SendAsync("chcę porozmawiać z człowiekiem");
        Assert.StartsWith("Przekazuję rozmowę zespołowi MAM. Ktoś odpisze tutaj, zwykle w ciągu 15 minut.", resident.Text);
        await resident.SendAsync("Czy w piątek jest otwarte do 20?");
        // While the team has the chat the assistant answers nothing itself: it only says the words were passed on.
        Assert.DoesNotContain("Godziny otwarcia", Assert.Single(Texts(resident.Last)));

        var list = StaffSession.Text(await ania.PageAsync("/admin/conversations"));
        Assert.Contains("Rozmowy (1)", list);
        Assert.True(list.Contains("(bez imienia) (czat na stronie) · czeka na odpowiedź · nowe: 1", StringComparison.Ordinal), list);
        Assert.Contains("Czy w piątek jest otwarte do 20?", list);
        var id = await app.QueryAsync(db => db.Handoffs.Select(h => h.Id).SingleAsync());
        var view = StaffSession.Text(await ania.PageAsync($"/admin/conversations/{id}"));
        Assert.Contains("Ostatnie wiadomości asystenta przed rozmową", view);
        Assert.True(view.Contains("(bez imienia), 10:00: Czy w piątek jest otwarte do 20?", StringComparison.Ordinal), view);

        _bed.Time.Advance(TimeSpan.FromMinutes(12));
        var after = await ania.SubmitAsync($"/admin/conversations/{id}?handler=Reply", ("Text", "Tak, w piątek do 20:00. Zapraszamy!"));
        Assert.Contains("Wysłane.", StaffSession.Text(after));
        await ReceivedAsync(resident, "Pisze do Ciebie Ania z MAM:\n\nTak, w piątek do 20:00. Zapraszamy!");
        Assert.DoesNotContain("Rozmowy (1)", StaffSession.Text(await ania.PageAsync("/admin/conversations")));

        // "Zakończ" sits under "Wyślij": it asks first, showing what the resident will read, and ends nothing yet.
        var ask = StaffSession.Text(await (await ania.PostAsync($"/admin/conversations/{id}?handler=End")).Content.ReadAsStringAsync());
        Assert.Contains("Zakończyć rozmowę?", ask);
        Assert.Contains("Mieszkaniec dostanie wiadomość (język: polski): Zespół MAM zakończył rozmowę.", ask);
        Assert.Null(await app.QueryAsync(db => db.Handoffs.Select(h => h.EndedUtc).SingleAsync()));
        await ania.SubmitAsync($"/admin/conversations/{id}?handler=End", ("confirmed", "yes"));
        await app.DispatchDueAsync(); // the notice that the assistant is back goes with the outbox's next round
        await ReceivedAsync(resident, "Zespół MAM zakończył rozmowę.");
        await resident.SendAsync("godziny otwarcia");
        Assert.Contains("Godziny otwarcia", resident.Text);

        var report = StaffSession.Text(await ania.PageAsync("/admin/report"));
        Assert.Contains("rozmowy z zespołem prośby o rozmowę z człowiekiem 1 rozmowy z zespołem z odpowiedzią człowieka 1 "
            + "rozmowy z zespołem mediana czasu do pierwszej odpowiedzi (minuty) 12", report);
    }

    [Fact]
    public async Task The_idle_job_hands_a_quiet_chat_back_and_runs_through_hangfire()
    {
        var app = _bed.Start();
        var resident = new PageChat(app.CreateClient(), "browser-handoff-idle-0123456789abcdef");
        await resident.PressAsync("consent:yes");
        await resident.SendAsync("chcę porozmawiać z człowiekiem");

        _bed.Time.Advance(TimeSpan.FromHours(25));
        await app.RunRecurringJobAsync(MamBot.Host.Jobs.HandoffIdleJob.Id);
        await app.DispatchDueAsync(); // the notice goes with the outbox's next round

        await ReceivedAsync(resident, "Długo nikt nie pisał");
        Assert.Equal(Data.Handoffs.HandoffEnd.Idle, await app.QueryAsync(db => db.Handoffs.Select(h => h.EndedBy).SingleAsync()));
    }
}
