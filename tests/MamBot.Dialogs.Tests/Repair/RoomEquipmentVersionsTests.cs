using MamBot.Data.Centres;
using MamBot.Dialogs.Tests.Conversations;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Tests.Repair;

/// <summary>
/// The team's Ukrainian and English versions of what a room has: a resident reads the version in their language
/// without the line saying the team writes in Polish, else the Polish list with that line; a thing named in any
/// version finds its room.
/// </summary>
public class RoomEquipmentVersionsTests
{
    private static async Task<TestChat> SpeakingAsync(string language, SampleCentre? centre = null)
    {
        var chat = await TestChat.StartAsync(centre: centre ?? ConversationWorld.Centre());
        await chat.PressPayloadAsync("consent:yes");
        if (language != "pl") await chat.PressPayloadAsync($"lang:{language}");
        return chat;
    }

    private static string PolishNote(string language)
    {
        using (Language.Use(language)) return T.TeamWritesPolish;
    }

    [Theory]
    [InlineData("en", "what does the small room have?", "table, whiteboard")]
    [InlineData("uk", "яке обладнання в малій залі?", "стіл, дошка")]
    public async Task A_resident_reads_what_a_room_has_in_their_language_without_the_polish_note(
        string language, string question, string equipment)
    {
        await using var chat = await SpeakingAsync(language);
        await chat.SendAsync(question);
        Assert.Contains(equipment, chat.Text);
        Assert.DoesNotContain("stół, tablica", chat.Text);
        Assert.DoesNotContain(PolishNote(language), chat.Text);
    }

    [Theory]
    [InlineData("en", "what does the small room have?")]
    [InlineData("uk", "яке обладнання в малій залі?")]
    public async Task Without_the_teams_version_the_polish_list_comes_with_the_note(string language, string question)
    {
        var centre = ConversationWorld.Centre();
        centre.Rooms.ForEach(r => (r.EquipmentUk, r.EquipmentEn) = (null, " "));
        await using var chat = await SpeakingAsync(language, centre);
        await chat.SendAsync(question);
        Assert.Contains("stół, tablica", chat.Text);
        Assert.Contains(PolishNote(language), chat.Text);
    }

    [Theory]
    [InlineData("en", "is there a whiteboard?", "table, whiteboard")]
    [InlineData("uk", "чи є проектор?", "проєктор, звукова система")]
    [InlineData("pl", "czy jest gdzieś tablica?", "stół, tablica")]
    [InlineData("en", "do you have a kettle?", "fridge, hob, kettle")]
    public async Task A_thing_named_in_any_version_finds_the_room_that_has_it(string language, string question, string equipment)
    {
        await using var chat = await SpeakingAsync(language);
        await chat.SendAsync(question);
        Assert.Contains(equipment, chat.Text);
    }
}
