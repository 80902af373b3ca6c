using System.Net;
using MamBot.Data.Events;
using MamBot.Dialogs.Events;
using MamBot.Host.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Admin;

/// <summary>Changing an event in the panel: more places let the waiting list in, fewer than taken are refused, moving tells everyone.</summary>
public sealed class EventPagesTests : IDisposable
{
    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;

    public EventPagesTests() => _app = _bed.Start();

    public void Dispose() => _bed.Dispose();

    private static DateTime At(int day, int hour) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, day, hour, 0, 0), Krakow);

    /// <summary>"Szachy" on Monday 30 November 18–20 in the small room, one place: Ala goes, Bartek waits.</summary>
    private async Task<(int Id, PageChat Ala, PageChat Bartek)> ChessAsync()
    {
        int id;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.MamDbContext>();
            var centre = await db.Centres.Select(c => c.Id).FirstAsync();
            var small = await db.Rooms.Where(r => r.Name == "Sala mała").Select(r => r.Id).SingleAsync();
            var change = await scope.ServiceProvider.GetRequiredService<EventDesk>().CreateAsync(
                new NewEvent(centre, "Szachy", "Gramy w szachy.", At(30, 18), At(30, 20), small, EventCategory.Neighbours, 1, "Pan Zbyszek"), default);
            id = change.Event!.Id;
        }
        var ala = new PageChat(_app.CreateClient(), "browser-ala-8be0362489c467998270");
        var bartek = new PageChat(_app.CreateClient(), "browser-bartek-ec7f4e7856dc6c3d9");
        foreach (var chat in new[] { ala, bartek })
        {
            await chat.PressAsync("consent:yes");
            await chat.PressAsync($"events:join:{id}");
        }
        Assert.StartsWith("Wszystkie miejsca na wydarzenie „Szachy” są zajęte", bartek.Text, StringComparison.Ordinal);
        return (id, ala, bartek);
    }

    private async Task<List<string>> ArrivedAsync(PageChat chat)
    {
        await _app.RunRecurringJobAsync(OutboxDispatchJob.Id);
        return [.. PageChat.Replies(await chat.MessagesAfterAsync(0)).Select(r => r.GetProperty("text").GetString()!)];
    }

    private static (string, string)[] Details(string capacity) =>
        [("Details.Title", "Szachy"), ("Details.Description", "Gramy w szachy."), ("Details.Organiser", "Pan Zbyszek"), ("Details.Category", "Neighbours"), ("Details.Capacity", capacity)];

    [Fact]
    public async Task An_english_description_written_in_the_panel_is_what_a_resident_in_english_reads()
    {
        var (id, _, _) = await ChessAsync();
        var staff = await StaffSession.SignInAsync(_app);
        await staff.SubmitAsync($"/admin/events/{id}?handler=Details", [.. Details("3"), ("Details.DescriptionEn", "We play chess. Bring a friend.")]);
        Assert.Contains("We play chess. Bring a friend.", StaffSession.Text(await staff.PageAsync($"/admin/events/{id}")));

        var james = new PageChat(_app.CreateClient(), "browser-james-9a7e3c5b1d0f2e4a6c8b");
        await james.PressAsync("lang:en");
        await james.PressAsync("consent:yes");
        await james.PressAsync($"events:show:{id}");
        Assert.Contains("We play chess. Bring a friend.", james.Text);
        Assert.DoesNotContain("Gramy w szachy.", james.Text);
        Assert.DoesNotContain("in Polish", james.Text);
    }

    [Fact]
    public async Task Today_lists_this_weeks_events_until_sunday_as_the_chat_does()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var centre = await scope.ServiceProvider.GetRequiredService<Data.MamDbContext>().Centres.Select(c => c.Id).FirstAsync();
            var desk = scope.ServiceProvider.GetRequiredService<EventDesk>();
            foreach (var (title, day) in new[] { ("Niedzielny spacer", 29), ("Poniedziałkowe szachy", 30) })
                await desk.CreateAsync(new NewEvent(centre, title, "Opis.", At(day, 12), At(day, 13), null, EventCategory.Neighbours, null, "Zespół MAM"), default);
        }
        var staff = await StaffSession.SignInAsync(_app);

        var today = StaffSession.Text(await staff.PageAsync("/admin"));

        var week = today[today.IndexOf("Wydarzenia w tym tygodniu", StringComparison.Ordinal)..];
        Assert.Contains("niedziela, 29 listopada, 12:00 – Niedzielny spacer", week);
        Assert.DoesNotContain("Poniedziałkowe szachy", week); // Monday is next week, on Dziś as in the chat
    }

    [Fact]
    public async Task Cancelling_asks_once_and_the_reason_reaches_everyone_signed_up()
    {
        var (id, ala, bartek) = await ChessAsync();
        var staff = await StaffSession.SignInAsync(_app);

        // The list has no one-click cancel: "Odwołaj…" opens the question with the reason field.
        var list = await staff.PageAsync("/admin/events");
        Assert.Contains("<summary aria-label=\"Odwołaj: Szachy", list);
        Assert.Contains("Odwołać „Szachy” (poniedziałek, 30 listopada, 18:00)? Zapisani dostaną wiadomość od razu.", StaffSession.Text(list));

        var after = StaffSession.Text(await staff.SubmitAsync($"/admin/events?handler=Cancel&id={id}", ("reason", "Pan Zbyszek jest chory."), ("confirmed", "yes")));
        Assert.Contains("Odwołano „Szachy”.", after);
        var notice = "Przykro nam: wydarzenie „Szachy” (poniedziałek, 30 listopada, 18:00) zostało odwołane. Powód: Pan Zbyszek jest chory.";
        Assert.Contains(notice, await ArrivedAsync(ala));
        Assert.Contains(notice, await ArrivedAsync(bartek));
    }

    [Fact]
    public async Task More_places_let_the_first_waiting_in_and_fewer_than_taken_are_refused()
    {
        var (id, _, bartek) = await ChessAsync();
        var staff = await StaffSession.SignInAsync(_app);
        Assert.Contains("zapisani: 1/1, rezerwowi: 1", StaffSession.Text(await staff.PageAsync($"/admin/events/{id}")));

        var more = StaffSession.Text(await staff.SubmitAsync($"/admin/events/{id}?handler=Details", Details("3")));

        Assert.Contains("Zapisano zmiany. Z listy rezerwowej weszło osób: 1 – dostaną wiadomość.", more);
        Assert.Contains("zapisani: 2/3, rezerwowi: 0", more);
        Assert.Contains(await ArrivedAsync(bartek), t => t.Contains("Szachy", StringComparison.Ordinal) && t.Contains("zwolniło się miejsce", StringComparison.OrdinalIgnoreCase));

        var fewer = await staff.PostAsync($"/admin/events/{id}?handler=Details", Details("1"));
        Assert.Equal(HttpStatusCode.BadRequest, fewer.StatusCode);
        Assert.Contains("Zapisanych jest więcej osób niż nowa liczba miejsc.", StaffSession.Text(await fewer.Content.ReadAsStringAsync()));
        Assert.Equal(3, await _app.QueryAsync(db => db.Events.Where(e => e.Id == id).Select(e => e.Capacity).SingleAsync()));
    }

    [Fact]
    public async Task Moving_tells_those_signed_up_and_a_taken_room_is_refused_naming_what_holds_it()
    {
        var (id, ala, _) = await ChessAsync();
        var staff = await StaffSession.SignInAsync(_app);

        var clash = await staff.PostAsync($"/admin/events/{id}?handler=Move", ("Move.Day", "2026-11-28"), ("Move.Start", "11:30"), ("Move.End", "12:30"));
        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
        Assert.Contains("Sala jest wtedy zajęta: wydarzenie „Planszówki dla dzieci” sobota, 28 listopada, 11:00.", StaffSession.Text(await clash.Content.ReadAsStringAsync()));

        var moved = StaffSession.Text(await staff.SubmitAsync($"/admin/events/{id}?handler=Move", ("Move.Day", "2026-12-01"), ("Move.Start", "18:00"), ("Move.End", "20:00")));

        Assert.Contains("Przeniesiono na wtorek, 1 grudnia, 18:00. Zapisani dostaną wiadomość", moved);
        var arrived = await ArrivedAsync(ala);
        Assert.True(arrived.Any(t => t.Contains("„Szachy” ma nowy termin: wtorek, 1 grudnia, 18:00", StringComparison.Ordinal)), string.Join("\n---\n", arrived));
        Assert.Equal(At(30, 18), await _app.QueryAsync(db => db.OutboxMessages
            .Where(m => m.Kind == Data.Outbox.OutboxKind.Reminder && m.Status == Data.Outbox.OutboxStatus.Queued && m.IdempotencyKey.StartsWith($"event:{id}:"))
            .Select(m => m.DueUtc).OrderBy(d => d).FirstAsync()));
    }
}
