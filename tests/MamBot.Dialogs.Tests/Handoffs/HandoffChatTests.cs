using MamBot.Data.Handoffs;
using MamBot.Data.Outbox;
using MamBot.Data.Staff;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Handoffs;
using MamBot.Dialogs.Settings;
using Microsoft.EntityFrameworkCore;
using static MamBot.Dialogs.Tests.Events.EventsFixture;

namespace MamBot.Dialogs.Tests.Handoffs;

/// <summary>"Chcę porozmawiać z człowiekiem": the chat goes to the team, the assistant keeps quiet, and comes back.</summary>
public class HandoffChatTests
{
    private static async Task SomeoneAtTheChatAsync(TestChat chat) => await chat.QueryAsync(async db =>
    {
        db.StaffUsers.Add(new StaffUser { Email = "ania@mam.example", DisplayName = "Ania Nowak", PasswordHash = "-", AvailableUntilUtc = new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
        return await db.SaveChangesAsync();
    });

    /// <summary>What the team sent to this chat, newest last.</summary>
    private static Task<List<string>> SentToChatAsync(TestChat chat) => chat.QueryAsync(async db =>
        (await db.OutboxMessages.Where(m => (m.ChatId == chat.ChatId || m.ResidentId != null) && m.IdempotencyKey.StartsWith("handoff:")).OrderBy(m => m.Id)
            .Select(m => m.Body).ToListAsync()).Select(b => Reply.FromJson(b).Text).ToList());

    [Fact]
    public async Task Asking_for_a_person_hands_the_chat_to_the_team_the_assistant_keeps_quiet_and_comes_back()
    {
        await using var chat = await ConsentedAsync();
        await SomeoneAtTheChatAsync(chat);

        await chat.SendAsync("chcę porozmawiać z człowiekiem");
        Assert.StartsWith("Przekazuję rozmowę zespołowi MAM. Ktoś odpisze tutaj, zwykle w ciągu 15 minut.", chat.Text);
        Assert.Equal("Wróć do asystenta", chat.ButtonTitle(HandoffDesk.EndPayload));

        // Until a person answers, the assistant only acknowledges, the way back at hand; it answers nothing itself.
        foreach (var text in new[] { "Czy mogę przyjść na kawę z psem?", "godziny otwarcia" })
        {
            var ack = Assert.Single(await chat.SendAsync(text));
            Assert.Equal([HandoffDesk.EndPayload], ack.Buttons.SelectMany(row => row).Select(b => b.Payload));
            Assert.DoesNotContain("Godziny otwarcia", ack.Text);
        }
        var handoff = await chat.QueryAsync(db => db.Handoffs.Include(h => h.Messages).SingleAsync());
        Assert.Equal(HandoffStatus.Waiting, handoff.Status);
        Assert.Equal(["Czy mogę przyjść na kawę z psem?", "godziny otwarcia"], handoff.Messages.Select(m => m.Text));

        Assert.NotNull(await chat.UseAsync<HandoffDesk, OutboxMessage?>(d => d.ReplyAsync(handoff.Id, "Ania", "Dzień dobry! Oczywiście, pies jest mile widziany.", default)));
        Assert.NotNull(await chat.UseAsync<HandoffDesk, OutboxMessage?>(d => d.ReplyAsync(handoff.Id, "Ania", "Do zobaczenia!", default)));
        Assert.Equal(["Pisze do Ciebie Ania z MAM:\n\nDzień dobry! Oczywiście, pies jest mile widziany.", "Do zobaczenia!"],
            (await SentToChatAsync(chat)).Where(t => !t.StartsWith("💬", StringComparison.Ordinal)));

        await chat.SendAsync("wróć do asystenta");
        Assert.StartsWith("Znów rozmawiasz z automatycznym asystentem.", chat.Text);
        await chat.SendAsync("godziny otwarcia");
        Assert.Contains("Godziny otwarcia", chat.Text);
        Assert.Equal(HandoffEnd.Resident, await chat.QueryAsync(db => db.Handoffs.Select(h => h.EndedBy).SingleAsync()));
    }

    [Fact]
    public async Task After_hours_the_resident_hears_when_we_answer_and_the_menu_command_ends_it()
    {
        await using var chat = await ConsentedAsync();
        await SomeoneAtTheChatAsync(chat);
        chat.Time.SetUtcNow(At(25, 21)); // Wednesday 21:00 in Kraków: closed

        await chat.PressPayloadAsync("handoff:start");

        Assert.StartsWith("Przekazuję rozmowę zespołowi MAM. Teraz nikogo z nas nie ma przy czacie – odpiszemy tutaj w godzinach otwarcia, jutro od 10:00.", chat.Text);
        chat.Time.SetUtcNow(At(28, 15)); // Saturday after closing: Monday is next
        await chat.SendAsync("/menu");
        Assert.Contains("Co chcesz zrobić?", chat.Text);
        await chat.PressPayloadAsync("handoff:start");
        Assert.Contains("w godzinach otwarcia, w poniedziałek od 10:00.", chat.Text);
    }

    [Fact]
    public async Task The_team_ending_or_a_quiet_day_gives_the_chat_back_to_the_assistant()
    {
        await using var chat = await ConsentedAsync();
        await chat.SendAsync("chcę porozmawiać z człowiekiem");
        Assert.StartsWith("Przekazuję rozmowę zespołowi MAM. W tej chwili nikt z nas nie siedzi przy czacie, ale zajrzymy tu dziś – MAM jest otwarte do 20:00.", chat.Text);
        var first = await chat.QueryAsync(db => db.Handoffs.Select(h => h.Id).SingleAsync());
        Assert.True(await chat.UseAsync<HandoffDesk, bool>(d => d.EndByStaffAsync(first, default)));
        Assert.StartsWith("Zespół MAM zakończył rozmowę.", (await SentToChatAsync(chat)).Last());
        await chat.SendAsync("godziny otwarcia");
        Assert.Contains("Godziny otwarcia", chat.Text);

        await chat.SendAsync("chcę porozmawiać z człowiekiem");
        await chat.SendAsync("halo?");
        chat.Time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await chat.UseAsync<HandoffDesk, int>(d => d.CloseIdleAsync(default)));
        chat.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await chat.UseAsync<HandoffDesk, int>(d => d.CloseIdleAsync(default)));
        Assert.StartsWith("Długo nikt nie pisał, więc zamykam rozmowę z zespołem MAM.", (await SentToChatAsync(chat)).Last());
        await chat.SendAsync("godziny otwarcia");
        Assert.Contains("Godziny otwarcia", chat.Text);
    }

    [Fact]
    public async Task Two_misses_in_a_row_offer_a_person_and_a_resident_without_consent_is_asked_first_then_connected()
    {
        await using var chat = await ConsentedAsync();
        await chat.SendAsync("xyzzy plumbus");
        Assert.StartsWith("Nie do końca rozumiem.", chat.Text);
        await chat.SendAsync("blorp fnord");
        Assert.StartsWith("Przepraszam, znowu nie rozumiem. Może lepiej napisać do kogoś z zespołu MAM?", chat.Text);
        await chat.PressAsync("Napisz do człowieka");
        Assert.StartsWith("Przekazuję rozmowę zespołowi MAM.", chat.Text);

        var stranger = await chat.AsAsync("chat-stranger", "chcę porozmawiać z człowiekiem, zgubiłem klucz do sali");
        Assert.Contains("12 345 67 89", stranger.Single().Text); // the phone, for those who would rather call
        Assert.Contains("consent:yes", stranger.Single().Buttons.SelectMany(r => r).Select(b => b.Payload));
        Assert.Equal(1, await chat.QueryAsync(db => db.Handoffs.CountAsync())); // nothing kept before consent

        await chat.AsAsync("chat-stranger", "zgadzam się");
        Assert.Equal(2, await chat.QueryAsync(db => db.Handoffs.CountAsync(h => h.EndedUtc == null)));
        Assert.Contains(await chat.QueryAsync(db => db.HandoffMessages.Select(m => m.Text).ToListAsync()),
            text => text.Contains("zgubiłem klucz", StringComparison.Ordinal)); // the words went with the request
    }

    [Fact]
    public async Task Before_consent_what_follows_a_complaint_is_kept_for_the_person_and_passed_on_after_agreeing()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.SendAsync("chcę złożyć skargę");
        await chat.SendAsync("w małej sali było bardzo zimno na zajęciach");
        Assert.Equal(0, await chat.QueryAsync(async db => await db.Bookings.CountAsync() + await db.Handoffs.CountAsync()));
        Assert.Contains("consent:yes", chat.Last.SelectMany(r => r.Buttons).SelectMany(b => b).Select(b => b.Payload));

        await chat.SendAsync("zgadzam się");

        Assert.Equal(1, await chat.QueryAsync(db => db.Handoffs.CountAsync(h => h.EndedUtc == null)));
        var words = await chat.QueryAsync(db => db.HandoffMessages.Select(m => m.Text).ToListAsync());
        Assert.Contains(words, w => w.Contains("zimno", StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_was_said_to_the_team_is_in_my_data_and_goes_with_erasure()
    {
        await using var chat = await ConsentedAsync();
        await chat.SendAsync("chcę porozmawiać z człowiekiem");
        await chat.SendAsync("Mój numer to 600 100 200, proszę o telefon.");
        var id = await chat.QueryAsync(db => db.Handoffs.Select(h => h.Id).SingleAsync());
        await chat.UseAsync<HandoffDesk, OutboxMessage?>(d => d.ReplyAsync(id, "Ania", "Zadzwonię jutro.", default));

        await chat.SendAsync("/menu");
        await chat.PressPayloadAsync("settings:export");
        var readable = System.Text.Encoding.UTF8.GetString(chat.Last.Single().File!.Content);
        Assert.Contains("Rozmowy z zespołem MAM:", readable);
        Assert.Contains("Ty: Mój numer to 600 100 200, proszę o telefon.", readable);
        Assert.Contains("Ania: Zadzwonię jutro.", readable);

        var resident = await chat.QueryAsync(db => db.Residents.Select(r => r.Id).SingleAsync());
        Assert.True(await chat.UseAsync<PrivacyDesk, bool>(p => p.EraseAsync(resident, default)));
        Assert.Equal(0, await chat.QueryAsync(db => db.HandoffMessages.CountAsync()));
        Assert.Equal(0, await chat.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.IdempotencyKey.StartsWith("handoff:"))));
        Assert.Equal(1, await chat.QueryAsync(db => db.Handoffs.CountAsync(h => h.ResidentId == null && h.ChatId == ""))); // counted, anonymous
    }
}
