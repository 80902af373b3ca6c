using MamBot.Data.Residents;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Tests.Conversation;

/// <summary>Typing what a button says acts as the button; "wstecz", "cofnij", "wróć" go back in a form.</summary>
public class TypedButtonTests
{
    private static async Task<TestChat> ConsentedAsync()
    {
        var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("consent:yes");
        return chat;
    }

    [Theory]
    [InlineData("wstecz")]
    [InlineData("Cofnij")]
    [InlineData("wróć")]
    [InlineData("wroc")]
    public async Task Typed_back_goes_back_at_the_name_step_instead_of_being_saved_as_the_name(string typed)
    {
        await using var chat = await ConsentedAsync();
        await chat.SendAsync("chce zarezerwowac mala sale w piatek od 17 do 19 dla 8 osob");
        Assert.Contains("Jak się nazywasz?", chat.Text);

        await chat.SendAsync(typed);

        Assert.StartsWith("Ile osób", chat.Text);
        await chat.SendAsync("8");
        await chat.SendAsync("Anna Nowak");
        Assert.Contains("W jakim celu?", chat.Text);
        await chat.SendAsync("cofnij");
        Assert.StartsWith("Jak się nazywasz?", chat.Text);
    }

    [Fact]
    public async Task Typed_back_at_the_last_question_with_the_house_rules_goes_back_to_the_name()
    {
        await using var chat = await ConsentedAsync();
        await chat.SendAsync("chce zarezerwowac mala sale w piatek od 17 do 19 dla 8 osob");
        await chat.SendAsync("Anna Nowak");
        Assert.Contains("• Sprzątamy po sobie.", chat.Text);

        await chat.SendAsync("wróć");

        Assert.StartsWith("Jak się nazywasz?", chat.Text);
        Assert.Equal(0, await chat.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task Typing_a_buttons_title_on_the_events_screen_acts_as_that_button()
    {
        await using var chat = await ConsentedAsync();
        await chat.PressPayloadAsync("menu:events");

        await chat.SendAsync("moje zapisy");

        Assert.StartsWith("Nie masz jeszcze zapisów na wydarzenia.", chat.Text);
    }

    [Fact]
    public async Task Typing_a_switch_in_settings_turns_it_off()
    {
        await using var chat = await ConsentedAsync();
        await chat.PressPayloadAsync("settings:");
        var switchOff = chat.ButtonTitle("settings:off:Tips");

        await chat.SendAsync(switchOff.ToLowerInvariant());

        Assert.False(await chat.QueryAsync(db => db.NotificationPreferences.Where(p => p.Kind == NudgeKind.Tips).Select(p => p.Enabled).SingleAsync()));
    }
}
