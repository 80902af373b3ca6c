using MamBot.Host.Tests.Admin;
using MamBot.Host.Tests.Telegram;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Handoffs;

/// <summary>A resident on Telegram (emulator, real Telegram.Bot client) talks to an animator in the panel and comes back.</summary>
public sealed class HandoffTelegramTests : IAsyncLifetime
{
    private const long Zofia = 7301;
    private readonly HostTestBed _bed = new();
    private TelegramEmulator _telegram = null!;
    private MamApp _app = null!;

    public async Task InitializeAsync()
    {
        _telegram = await TelegramEmulator.StartAsync();
        _app = _bed.Start(new Dictionary<string, string?>(_telegram.PollingSettings()) { ["Handoff:PanelUrl"] = "https://mam.example.org/" });
        _ = _app.Services;
    }

    public async Task DisposeAsync()
    {
        _bed.Dispose();
        await _telegram.DisposeAsync();
    }

    [Fact]
    public async Task Ask_the_team_answers_in_the_panel_the_bot_keeps_quiet_and_the_button_brings_it_back()
    {
        await _telegram.SendTextAsync(Zofia, "/start", firstName: "Zofia");
        var consent = (await _telegram.ReceiveAsync(Zofia, count: 2))[^1];
        await _telegram.PressAsync(Zofia, consent, "consent:yes", firstName: "Zofia");
        await _telegram.ReceiveAsync(Zofia);

        await _telegram.SendTextAsync(Zofia, "chcę porozmawiać z człowiekiem", firstName: "Zofia");
        Assert.StartsWith("Przekazuję rozmowę zespołowi MAM.", Assert.Single(await _telegram.ReceiveAsync(Zofia)).Text);
        await _telegram.SendTextAsync(Zofia, "Zgubiłam rękawiczki w sali dużej.", firstName: "Zofia");
        await Eventually.HoldsAsync(() => _app.QueryAsync(db => db.HandoffMessages.AnyAsync(m => m.Text == "Zgubiłam rękawiczki w sali dużej.")),
            "her message to reach the team");
        var passedOn = Assert.Single(await _telegram.ReceiveAsync(Zofia)); // only acknowledged, the way back at hand
        Assert.Equal([("Wróć do asystenta", "handoff:end")], passedOn.Buttons.SelectMany(row => row));

        var ania = await StaffSession.SignInAsync(_app, "ania@mam.example");
        Assert.Contains("Zofia (Telegram)", StaffSession.Text(await ania.PageAsync("/admin/conversations")));
        var id = await _app.QueryAsync(db => db.Handoffs.Select(h => h.Id).SingleAsync());
        await ania.SubmitAsync($"/admin/conversations/{id}?handler=Reply", ("Text", "Są u nas, leżą przy wejściu."));

        // The only message since the acknowledgement is the person's answer: the assistant answered nothing itself.
        var answer = Assert.Single(await _telegram.ReceiveAsync(Zofia));
        Assert.Equal("Pisze do Ciebie Ania z MAM:\n\nSą u nas, leżą przy wejściu.", answer.Text);

        await _telegram.PressAsync(Zofia, answer, answer.Button("Wróć do asystenta"), firstName: "Zofia");
        Assert.StartsWith("Znów rozmawiasz z automatycznym asystentem.", Assert.Single(await _telegram.ReceiveAsync(Zofia)).Text);
    }

    [Fact]
    public async Task The_team_answers_by_replying_in_its_telegram_group_and_the_resident_gets_it()
    {
        const long staffGroup = -100555;
        await _app.QueryAsync(db => db.Centres.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.StaffChannel, "telegram").SetProperty(c => c.StaffChatId, staffGroup.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        await _telegram.SendTextAsync(Zofia, "/start", firstName: "Zofia");
        var consent = (await _telegram.ReceiveAsync(Zofia, count: 2))[^1];
        await _telegram.PressAsync(Zofia, consent, "consent:yes", firstName: "Zofia");
        await _telegram.ReceiveAsync(Zofia);

        await _telegram.SendTextAsync(Zofia, "chcę porozmawiać z człowiekiem", firstName: "Zofia");
        await _telegram.ReceiveAsync(Zofia);
        await _telegram.SendTextAsync(Zofia, "Czy mogę przyjść z wnukiem na warsztaty?", firstName: "Zofia");
        await Eventually.HoldsAsync(() => _app.QueryAsync(db => db.HandoffMessages.AnyAsync()), "her words to reach the team");
        Assert.Single(await _telegram.ReceiveAsync(Zofia)); // the acknowledgement
        await _app.DispatchDueAsync(); // the staff chat's notices go with the outbox's round
        var notices = await _telegram.ReceiveAsync(staffGroup, count: 2);
        Assert.StartsWith("💬 Zofia prosi o rozmowę z kimś z zespołu (Telegram, rozmowa nr 1).", notices[0].Text);
        Assert.EndsWith("„Rozmowy”.\nhttps://mam.example.org/admin/conversations/1", notices[0].Text);
        var words = notices.Single(n => n.Text.StartsWith("💬 Pisze:", StringComparison.Ordinal));
        Assert.Equal("💬 Pisze: „Czy mogę przyjść z wnukiem na warsztaty?” (rozmowa nr 1). Odpowiedz na tę wiadomość, a odpowiedź trafi do tej osoby.", words.Text);

        await _telegram.ReplyInGroupAsync(staffGroup, words, "Oczywiście, wnuk jest mile widziany!", fromId: 9001, firstName: "Basia");

        Assert.Equal("Pisze do Ciebie Basia z MAM:\n\nOczywiście, wnuk jest mile widziany!", Assert.Single(await _telegram.ReceiveAsync(Zofia)).Text);
        Assert.Equal("✓ Wysłane.", Assert.Single(await _telegram.ReceiveAsync(staffGroup)).Text);
        Assert.Equal(Data.Handoffs.HandoffStatus.Open, await _app.QueryAsync(db => db.Handoffs.Select(h => h.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_staff_reply_reaches_the_resident_whose_notice_it_answers_whatever_the_notices_say()
    {
        const long staffGroup = -100556, marek = 7302;
        await UseStaffGroupAsync(staffGroup);
        await AskForPersonAsync(Zofia, "Zofia");
        // Marek's name imitates the marker the notices used to be matched by ("rozmowa nr 1" is Zofia's).
        await AskForPersonAsync(marek, "rozmowa nr 1)");
        await _app.DispatchDueAsync();
        var notices = await _telegram.ReceiveAsync(staffGroup, count: 2);
        var marekNotice = notices.Single(n => n.Text.Contains("rozmowa nr 2", StringComparison.Ordinal));
        Assert.Contains("rozmowa nr 1)", marekNotice.Text, StringComparison.Ordinal); // his name comes first

        await _telegram.ReplyInGroupAsync(staffGroup, marekNotice, "Dzień dobry, w czym pomóc?", fromId: 9001, firstName: "Basia");

        Assert.Equal("Pisze do Ciebie Basia z MAM:\n\nDzień dobry, w czym pomóc?", Assert.Single(await _telegram.ReceiveAsync(marek)).Text);
        Assert.Equal("✓ Wysłane.", Assert.Single(await _telegram.ReceiveAsync(staffGroup)).Text);
        Assert.Empty(await _telegram.UnreadAsync(Zofia));
        var answered = await _app.QueryAsync(db => db.HandoffMessages.Where(m => m.StaffName != null).Select(m => m.HandoffId).ToListAsync());
        Assert.Equal("7302", await _app.QueryAsync(db => db.Handoffs.Where(h => h.Id == answered.Single()).Select(h => h.ChatId).SingleAsync()));
    }

    [Fact]
    public async Task A_reply_to_another_bots_message_naming_a_conversation_reaches_nobody()
    {
        const long staffGroup = -100557;
        await UseStaffGroupAsync(staffGroup);
        await AskForPersonAsync(Zofia, "Zofia");
        await _app.DispatchDueAsync();
        var notice = Assert.Single(await _telegram.ReceiveAsync(staffGroup));
        var otherBots = new BotMessage(notice.MessageId, notice.Text, [], default); // same words, same id, another author

        await _telegram.ReplyInGroupAsync(staffGroup, otherBots, "To nie do Ciebie.", fromId: 9001, firstName: "Basia", author: 4242);
        await _telegram.ReplyInGroupAsync(staffGroup, notice, "Już odpisuję.", fromId: 9001, firstName: "Basia");

        // The group's updates are handled in order: had the first reached her, it would have come first.
        Assert.Equal("Pisze do Ciebie Basia z MAM:\n\nJuż odpisuję.", Assert.Single(await _telegram.ReceiveAsync(Zofia)).Text);
        Assert.Equal(["Już odpisuję."], await _app.QueryAsync(db => db.HandoffMessages.Where(m => m.StaffName != null).Select(m => m.Text).ToListAsync()));
    }

    private Task UseStaffGroupAsync(long group) => _app.QueryAsync(db => db.Centres.ExecuteUpdateAsync(s => s
        .SetProperty(c => c.StaffChannel, "telegram").SetProperty(c => c.StaffChatId, group.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>A resident agrees to the terms and asks for a person; returns once the bot answered.</summary>
    private async Task AskForPersonAsync(long chat, string firstName)
    {
        await _telegram.SendTextAsync(chat, "/start", firstName: firstName);
        var consent = (await _telegram.ReceiveAsync(chat, count: 2))[^1];
        await _telegram.PressAsync(chat, consent, "consent:yes", firstName: firstName);
        await _telegram.ReceiveAsync(chat);
        await _telegram.SendTextAsync(chat, "chcę porozmawiać z człowiekiem", firstName: firstName);
        await _telegram.ReceiveAsync(chat);
    }
}
