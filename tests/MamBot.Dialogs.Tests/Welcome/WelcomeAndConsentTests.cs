using MamBot.Data.Outbox;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Tests.Welcome;

public class WelcomeAndConsentTests
{
    [Fact]
    public async Task Start_says_it_is_an_automated_assistant_how_to_reach_a_person_and_asks_for_consent()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.SendAsync("/start");

        Assert.Contains("automatyczny asystent MAM Na Kozłówce", chat.Text);
        Assert.Contains("nie człowiekiem", chat.Text);
        Assert.Contains("Wolisz porozmawiać z człowiekiem?", chat.Text);
        Assert.Contains("12 345 67 89", chat.Text);
        Assert.Contains("Czy zgadzasz się?", chat.Text);
        Assert.Equal("consent:yes", chat.ButtonPayload("Zgadzam się"));
        Assert.Equal(0, await chat.QueryAsync(db => db.Residents.CountAsync()));
    }

    [Fact]
    public async Task Agreeing_records_consent_with_the_text_version_and_shows_the_menu()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.SendAsync("/start");
        await chat.PressAsync("Zgadzam się");

        Assert.StartsWith("Dziękuję! Zgoda zapisana.", chat.Text);
        foreach (var item in new[] { "Zarezerwuj salę", "Wydarzenia", "Mam pomysł", "Ankiety", "O MAM", "Ustawienia" })
            chat.ButtonPayload(item);
        var resident = await chat.QueryAsync(db => db.Residents.Include(r => r.Consents).Include(r => r.Identities).SingleAsync());
        Assert.Equal("Anna", resident.DisplayName);
        Assert.Equal("privacy-2026-11", Assert.Single(resident.Consents).TextVersion);
        Assert.Equal("chat-anna", Assert.Single(resident.Identities).ExternalId);
    }

    [Fact]
    public async Task Declining_keeps_nothing_and_says_what_still_works()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.SendAsync("/start");
        await chat.PressAsync("Nie, dziękuję");

        Assert.Contains("Niczego o Tobie nie zapisuję", chat.Text);
        Assert.Contains("godziny otwarcia, adres, kontakt i zasady", chat.Text);
        await chat.PressAsync("O MAM");
        Assert.Contains("poniedziałek–piątek: 10:00–20:00", chat.Text);

        Assert.Equal(0, await chat.QueryAsync(db => db.Residents.CountAsync()));
        Assert.Equal(0, await chat.QueryAsync(db => db.ConversationStates.CountAsync()));
        Assert.Empty(await chat.NudgesAsync());
    }

    [Fact]
    public async Task Without_consent_settings_ask_for_it_instead_of_storing_anything()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("menu:settings");

        Assert.Contains("Nie mam zapisanych żadnych Twoich danych", chat.Text);
        chat.ButtonPayload("Zgadzam się");
        await chat.PressPayloadAsync("settings:off:Tips");
        Assert.Equal(0, await chat.QueryAsync(db => db.NotificationPreferences.CountAsync()));
    }

    [Fact]
    public async Task Consent_queues_one_follow_up_for_ten_the_next_morning_in_krakow()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("consent:yes");
        await chat.PressPayloadAsync("consent:yes"); // an old button pressed again

        var nudge = Assert.Single(await chat.NudgesAsync());
        Assert.Equal(OutboxKind.FollowUp, nudge.Kind);
        // 26 November is winter time: 10:00 in Kraków is 09:00 UTC.
        Assert.Equal(new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc), nudge.DueUtc);
        var text = await chat.ComposedTextAsync(nudge);
        Assert.StartsWith("Dzień dobry! Czy wiesz, że w MAM…", text);
        Assert.Contains("Czy za korzystanie z MAM trzeba płacić?", text);
    }

    [Fact]
    public async Task Returning_resident_is_greeted_by_name_on_start()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("consent:yes");
        await chat.SendAsync("/start");
        Assert.StartsWith("Witaj ponownie, Anna!", chat.Text);

        await chat.SendAsync("dzien dobry");
        Assert.StartsWith("Witaj ponownie, Anna!", chat.Text);
    }
}
