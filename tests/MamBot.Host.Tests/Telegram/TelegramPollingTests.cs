using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using MamBot.Host.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Telegram;

/// <summary>The bot in polling mode against the Telegram emulator, driven by the real Telegram.Bot client.</summary>
public sealed class TelegramPollingTests : IAsyncLifetime
{
    private const long Anna = 5001;
    private readonly HostTestBed _bed = new();
    private TelegramEmulator _telegram = null!;
    private MamApp _app = null!;

    public async Task InitializeAsync()
    {
        _telegram = await TelegramEmulator.StartAsync();
        _app = _bed.Start(_telegram.PollingSettings());
        _ = _app.Services; // starts the host and its poller
    }

    public async Task DisposeAsync()
    {
        _bed.Dispose();
        await _telegram.DisposeAsync();
    }

    [Fact]
    public async Task A_resident_consents_and_uses_the_menu_with_inline_buttons()
    {
        await _telegram.SendTextAsync(Anna, "/start");
        var welcome = await _telegram.ReceiveAsync(Anna, count: 2);
        Assert.Contains("automatyczny asystent", welcome[0].Text);
        var consent = welcome[^1];
        Assert.Equal("consent:yes", consent.Button("Zgadzam się"));

        await _telegram.PressAsync(Anna, consent, "consent:yes");
        var menu = Assert.Single(await _telegram.ReceiveAsync(Anna));
        Assert.StartsWith("Dziękuję! Zgoda zapisana.", menu.Text);
        Assert.Equal("menu:about", menu.Button("O MAM"));
        Assert.Contains("answerCallbackQuery", _telegram.Calls);

        // The pressed message lost its buttons, so the same choice cannot be made twice.
        var pressedNow = (await _telegram.BotHistoryAsync()).Single(m => m.MessageId == consent.MessageId);
        Assert.Empty(pressedNow.Buttons);

        await _telegram.PressAsync(Anna, menu, "menu:about");
        Assert.Contains("Godziny otwarcia:", Assert.Single(await _telegram.ReceiveAsync(Anna)).Text);

        var resident = await _app.QueryAsync(db => db.Residents.Include(r => r.Identities).SingleAsync());
        Assert.Equal("Anna", resident.DisplayName);
        Assert.Equal(("telegram", "5001"), (resident.Identities[0].Channel, resident.Identities[0].ExternalId));
    }

    [Fact]
    public async Task Commands_are_registered_in_polish_and_a_missing_method_does_not_stop_the_bot()
    {
        await _telegram.WaitForAsync(() => _telegram.Calls.Contains("getUpdates"), "polling to start");
        Assert.Contains("setMyCommands", _telegram.Calls); // the emulator lacks it: logged, the bot carries on
        Assert.Contains("deleteWebhook", _telegram.Calls);

        await _telegram.SendTextAsync(Anna, "/pomoc");
        Assert.Contains("Jak ze mną rozmawiać", (await _telegram.ReceiveAsync(Anna))[0].Text);
    }

    [Fact]
    public async Task A_start_link_with_a_parameter_reaches_the_welcome()
    {
        await _telegram.SendTextAsync(Anna, "/start plakat-klatka-3");
        Assert.Contains("automatyczny asystent", (await _telegram.ReceiveAsync(Anna, count: 2))[0].Text);
    }

    [Fact]
    public async Task An_old_button_after_the_conversation_moved_on_gets_a_polite_answer_and_changes_nothing()
    {
        await _telegram.SendTextAsync(Anna, "/start");
        var consent = (await _telegram.ReceiveAsync(Anna, count: 2))[^1];
        await _telegram.PressAsync(Anna, consent, "consent:yes");
        var menu = (await _telegram.ReceiveAsync(Anna))[0];
        await _telegram.PressAsync(Anna, menu, "settings:erase");
        var question = (await _telegram.ReceiveAsync(Anna))[0];
        var yes = question.Button("Tak, usuń wszystko");
        await _telegram.SendTextAsync(Anna, "/menu");
        await _telegram.ReceiveAsync(Anna);

        await _telegram.PressAsync(Anna, question, yes);
        Assert.Contains("Ten przycisk jest już nieaktualny.", (await _telegram.ReceiveAsync(Anna))[0].Text);
        Assert.Equal(1, await _app.QueryAsync(db => db.Residents.CountAsync()));
    }

    [Fact]
    public async Task In_a_group_the_bot_only_points_to_a_private_chat_and_keeps_nothing()
    {
        const long group = -100200300;
        await _telegram.SendTextAsync(group, "dzień dobry wszystkim", chatType: "supergroup");
        await _telegram.SendTextAsync(group, "/start", chatType: "supergroup");

        var pointer = Assert.Single(await _telegram.ReceiveAsync(group));
        Assert.StartsWith("Rozmawiam tylko w prywatnym czacie", pointer.Text);
        Assert.Contains("https://t.me/TestNameBot", pointer.Text);
        Assert.Contains("identyfikator tej grupy to -100200300", pointer.Text);
        Assert.Equal(0, await _app.QueryAsync(db => db.ConversationStates.CountAsync()));
        Assert.Equal(0, await _app.QueryAsync(db => db.Residents.CountAsync()));
    }

    [Fact]
    public async Task A_long_message_is_split_between_paragraphs_with_the_buttons_on_the_last_part()
    {
        var paragraphs = Enumerable.Range(1, 30).Select(i => $"Akapit {i}: " + new string('ż', 290));
        var text = string.Join("\n\n", paragraphs);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxStore>();
            var message = await outbox.EnqueueAsync(new OutboxMessage
            {
                IdempotencyKey = "long-1", Channel = "telegram", ChatId = Anna.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Body = Reply.WithRow(text, new Button("Menu", "menu:main")).ToJson(),
            }, default);
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverAsync([message.Id], default);
        }

        var parts = await _telegram.ReceiveAsync(Anna, count: 3);
        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.True(p.Text.Length <= 4096));
        Assert.All(parts, p => Assert.StartsWith("Akapit", p.Text));
        Assert.Equal(text.Replace("\n\n", "", StringComparison.Ordinal), string.Concat(parts.Select(p => p.Text.Replace("\n\n", "", StringComparison.Ordinal))));
        Assert.Empty(parts[0].Buttons);
        Assert.Equal("menu:main", parts[^1].Button("Menu"));
    }

    [Fact]
    public async Task The_data_export_file_the_emulator_cannot_take_is_replaced_by_a_polish_notice()
    {
        await _telegram.SendTextAsync(Anna, "/start");
        var consent = (await _telegram.ReceiveAsync(Anna, count: 2))[^1];
        await _telegram.PressAsync(Anna, consent, "consent:yes");
        var menu = (await _telegram.ReceiveAsync(Anna))[0];
        await _telegram.PressAsync(Anna, menu, "settings:export");

        var messages = await _telegram.ReceiveAsync(Anna, count: 2);
        Assert.StartsWith("Oto wszystko, co o Tobie wiem:", messages[0].Text);
        Assert.StartsWith("Nie udało się wysłać pliku „mam-moje-dane.txt”", messages[1].Text);
        Assert.Contains("sendDocument", _telegram.Calls);
    }
}
