using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Tests.Conversation;

public class TurnTests
{
    [Fact]
    public async Task A_redelivered_update_is_handled_once_and_points_to_the_replies_of_its_first_handling()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("consent:yes", updateId: "tg-1001");
        var first = chat.Text;
        Assert.NotEmpty(chat.Last);

        await chat.PressPayloadAsync("consent:yes", updateId: "tg-1001");
        Assert.Equal(first, chat.Text);
        Assert.Equal(1, await chat.QueryAsync(db => db.ConsentRecords.CountAsync()));
        Assert.Equal(1, await chat.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == Data.Outbox.OutboxKind.Reply)));
    }

    [Fact]
    public async Task Cancel_drops_what_was_in_progress()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("consent:yes");
        await chat.PressPayloadAsync("settings:erase");
        await chat.SendAsync("/anuluj");
        Assert.StartsWith("Dobrze, przerwane.", chat.Text);
        Assert.False(await chat.InProgressAsync());

        await chat.SendAsync("anuluj");
        Assert.StartsWith("Nic nie było w toku.", chat.Text);
    }

    [Fact]
    public async Task Help_in_the_middle_of_a_question_repeats_the_question()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("consent:yes");
        await chat.PressPayloadAsync("settings:erase");
        await chat.SendAsync("pomoc");
        Assert.Contains("Jak ze mną rozmawiać", chat.Text);
        Assert.Contains("Na pewno usunąć", chat.Text);
    }

    [Fact]
    public async Task Conversations_on_different_chats_do_not_mix()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("consent:yes");
        await chat.PressPayloadAsync("settings:erase");
        var yes = chat.ButtonPayload("Tak, usuń wszystko");

        var other = new MamBot.Dialogs.Conversation.Activity("webchat", "chat-jan", null, yes, chat.Time.GetUtcNow(), "x1");
        await chat.TurnAsync(other);
        Assert.Contains("Ten przycisk jest już nieaktualny.", chat.Text);
        Assert.Equal(1, await chat.QueryAsync(db => db.Residents.CountAsync()));
    }
}
