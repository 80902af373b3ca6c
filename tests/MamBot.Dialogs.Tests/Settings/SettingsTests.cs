using System.Text.Json;
using MamBot.Data.Residents;
using MamBot.Dialogs.Tests.Events;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Tests.Settings;

public class SettingsTests
{
    private static async Task<TestChat> ConsentedAsync()
    {
        var chat = await TestChat.StartAsync();
        await chat.SendAsync("/start");
        await chat.PressAsync("Zgadzam się");
        return chat;
    }

    [Fact]
    public async Task A_nudge_kind_can_be_switched_off_and_on_again()
    {
        await using var chat = await ConsentedAsync();
        await chat.PressAsync("Ustawienia");
        Assert.Contains("✅ Ciekawostki o MAM: włączone", chat.Text);
        Assert.Equal("settings:off:Events", chat.ButtonPayload("Wyłącz zapowiedzi"));
        Assert.Equal("settings:off:Ideas", chat.ButtonPayload("Wyłącz wieści"));

        await chat.PressAsync("Wyłącz ciekawostki");
        Assert.StartsWith("Wyłączone: Ciekawostki o MAM.", chat.Text);
        Assert.Contains("❌ Ciekawostki o MAM: wyłączone", chat.Text);
        Assert.False(await chat.QueryAsync(db => db.NotificationPreferences.Where(p => p.Kind == NudgeKind.Tips).Select(p => p.Enabled).SingleAsync()));

        await chat.PressAsync("Włącz ciekawostki");
        Assert.True(await chat.QueryAsync(db => db.NotificationPreferences.Where(p => p.Kind == NudgeKind.Tips).Select(p => p.Enabled).SingleAsync()));
    }

    [Fact]
    public async Task Stop_asks_once_saying_what_stops_then_switches_every_nudge_off_and_still_answers()
    {
        await using var chat = await ConsentedAsync();
        await chat.SendAsync("/stop");
        Assert.StartsWith("Czy wyłączyć wszystkie wiadomości od MAM? Nie dostaniesz przypomnień o swoich rezerwacjach i zapisach", chat.Text);
        Assert.Contains("włączysz z powrotem w „Ustawieniach”", chat.Text);
        await chat.PressAsync("Nie, zostaw");
        Assert.Equal(0, await chat.QueryAsync(db => db.NotificationPreferences.CountAsync(p => !p.Enabled)));

        await chat.SendAsync("stop");
        await chat.PressAsync("Tak, wyłącz wszystko");
        Assert.Contains("nie będę wysyłać żadnych powiadomień", chat.Text);
        Assert.Equal(0, await chat.QueryAsync(db => db.NotificationPreferences.CountAsync(p => p.Enabled)));

        await chat.SendAsync("godziny otwarcia");
        Assert.Contains("Godziny otwarcia:", chat.Text);
    }

    [Fact]
    public async Task My_data_is_a_readable_message_a_polish_file_and_a_file_to_move_it()
    {
        await using var chat = await ConsentedAsync();
        await chat.PressPayloadAsync("events:sub:Seniors");
        var gym = await chat.CreateAsync("Gimnastyka", EventsFixture.At(27, 17));
        await chat.PressPayloadAsync($"events:join:{gym.Id}");
        await chat.PressPayloadAsync($"events:leave:{gym.Id}");
        await chat.PressAsync("Menu");
        await chat.PressAsync("Ustawienia");
        await chat.PressAsync("Wyłącz podsumowania");
        await chat.PressAsync("Moje dane");

        var reply = Assert.Single(chat.Last);
        Assert.Contains("• Imię: Anna", reply.Text);
        Assert.Contains("środa, 25 listopada, 10:00", reply.Text); // 09:00 UTC shown in Kraków time
        Assert.Contains("Powiadomienia wyłączone: podsumowania", reply.Text);
        Assert.Contains("• Zgoda na przetwarzanie danych: udzielona (środa, 25 listopada, 10:00)", reply.Text);
        Assert.DoesNotContain("privacy-", reply.Text); // no jargon: the version stays in the file
        Assert.DoesNotContain("JSON", reply.Text);

        // The file a resident reads: Polish words and Kraków times, nothing in English.
        var readable = Assert.IsType<MamBot.Dialogs.Conversation.ReplyFile>(reply.File);
        Assert.Equal(("mam-moje-dane.txt", "text/plain"), (readable.FileName, readable.ContentType));
        var text = System.Text.Encoding.UTF8.GetString(readable.Content);
        Assert.Contains("Twoje dane w MAM Na Kozłówce", text);
        Assert.Contains("• „Gimnastyka”, piątek, 27 listopada, 17:00 – rezygnacja", text);
        Assert.Contains("• Dla seniorów", text);
        Assert.Contains("• Podsumowania tygodnia (w poniedziałki): wyłączone", text);
        Assert.Contains("Zgoda na przetwarzanie danych: udzielona (środa, 25 listopada, 10:00)", text);
        foreach (var english in new[] { "Seniors", "Withdrawn", "Going", "Sent", "Digest", "UTC", "webchat" })
            Assert.DoesNotContain(english, text);

        await chat.PressAsync("Plik dla programów");
        var file = Assert.IsType<MamBot.Dialogs.Conversation.ReplyFile>(Assert.Single(chat.Last).File);
        Assert.Equal("mambot-moje-dane.json", file.FileName);
        using var json = JsonDocument.Parse(file.Content);
        Assert.Equal("Anna", json.RootElement.GetProperty("DisplayName").GetString());
        Assert.False(json.RootElement.GetProperty("Notifications").GetProperty("Digest").GetBoolean());
        var messages = json.RootElement.GetProperty("MessagesToYou").EnumerateArray().Select(m => m.GetProperty("Body").GetString()).ToList();
        Assert.Contains(messages, m => m!.StartsWith("Dziękuję! Zgoda zapisana.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Erasure_asks_first_and_then_removes_everything()
    {
        await using var chat = await ConsentedAsync();
        await chat.PressAsync("Ustawienia");
        await chat.PressAsync("Usuń moje dane");
        Assert.Contains("Tego nie da się cofnąć.", chat.Text);
        Assert.Equal(1, await chat.QueryAsync(db => db.Residents.CountAsync()));

        await chat.PressAsync("Tak, usuń wszystko");
        Assert.Contains("Twoje dane zostały usunięte", chat.Text);
        Assert.Equal(0, await chat.QueryAsync(db => db.Residents.CountAsync()));
        Assert.Equal(0, await chat.QueryAsync(db => db.ConsentRecords.CountAsync()));
        Assert.Equal(0, await chat.QueryAsync(db => db.ConversationStates.CountAsync()));
        Assert.Empty(await chat.NudgesAsync()); // the queued follow-up went too
        // Only the goodbye itself is left, addressed to the chat and pruned like every reply.
        Assert.Equal(1, await chat.QueryAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task Saying_no_or_something_unclear_to_erasure_deletes_nothing()
    {
        await using var chat = await ConsentedAsync();
        await chat.PressPayloadAsync("settings:erase");
        await chat.SendAsync("hmm, nie wiem");
        Assert.Contains("Nie rozumiem tej odpowiedzi", chat.Text);

        await chat.SendAsync("nie");
        Assert.StartsWith("Dobrze, niczego nie usuwam.", chat.Text);
        Assert.Equal(1, await chat.QueryAsync(db => db.Residents.CountAsync()));
    }

    [Fact]
    public async Task An_old_erase_button_pressed_after_moving_on_deletes_nothing()
    {
        await using var chat = await ConsentedAsync();
        await chat.PressPayloadAsync("settings:erase");
        var oldYes = chat.ButtonPayload("Tak, usuń wszystko");
        await chat.SendAsync("/menu");

        await chat.PressPayloadAsync(oldYes);
        Assert.Contains("Ten przycisk jest już nieaktualny.", chat.Text);
        Assert.Equal(1, await chat.QueryAsync(db => db.Residents.CountAsync()));

        // Even inside a new erase question, the old button cannot answer it.
        await chat.PressPayloadAsync("settings:erase");
        await chat.PressPayloadAsync(oldYes);
        Assert.Contains("Ten przycisk jest już nieaktualny.", chat.Text);
        Assert.Contains("Na pewno usunąć", chat.Text);
        Assert.Equal(1, await chat.QueryAsync(db => db.Residents.CountAsync()));
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_the_erase_question_keeps_the_conversation()
    {
        await using var chat = await ConsentedAsync();
        await chat.PressPayloadAsync("settings:erase");
        var yes = chat.ButtonPayload("Tak, usuń wszystko");

        await chat.RestartAsync();

        await chat.PressPayloadAsync(yes);
        Assert.Contains("Twoje dane zostały usunięte", chat.Text);
        Assert.Equal(0, await chat.QueryAsync(db => db.Residents.CountAsync()));
    }
}
