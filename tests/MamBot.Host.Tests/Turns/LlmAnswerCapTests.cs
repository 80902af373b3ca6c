using System.Text.Json;
using MamBot.Dialogs.Understanding;

namespace MamBot.Host.Tests.Turns;

/// <summary>Issue 36 F10: a model's answer longer than the cap never reaches a resident; the offline answer does.</summary>
public sealed class LlmAnswerCapTests
{
    [Fact]
    public async Task A_runaway_answer_gives_way_to_the_offline_one()
    {
        var runaway = JsonSerializer.Serialize(new { intent = "opening_hours", slots = new { }, answer = new string('A', 200_000) });
        await using var llm = await SlowLlm.StartAsync(runaway);
        llm.Answer();
        using var bed = new HostTestBed();
        var chat = new PageChat(bed.Start(llm.Settings()).CreateClient(), "browser-runaway-0123456789abcdef0123");
        await chat.PressAsync("consent:yes");

        await chat.SendAsync("W jakich godzinach jesteście otwarci?");

        Assert.DoesNotContain("AAAA", chat.Text);
        Assert.True(chat.Text.Length < LlmUnderstanding.MaxAnswerLength, $"{chat.Text.Length} characters went out");
        Assert.Contains("10:00", chat.Text); // the centre's hours, from its data
    }
}
