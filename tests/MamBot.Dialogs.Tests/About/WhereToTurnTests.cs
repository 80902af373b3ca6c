using MamBot.Data.Centres;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Tests.About;

/// <summary>
/// What MAM does not handle, answered from the team's "where to turn" list: the contact named with its details in
/// the resident's language, a person still offered; with no contact for it, the honest line as before.
/// </summary>
public class WhereToTurnTests
{
    private static readonly LocalContactDetails Cooperative = new(
        "Spółdzielnia Mieszkaniowa Prokocim", "spółdzielnia, winda, dach, czynsz, lift, ліфт",
        Phone: "12 000 00 01", Email: "adm@spoldzielnia.example", Hours: "pon.–pt. 7:00–15:00",
        Note: "Awarię windy zgłoś też na tablicy w klatce.",
        NameUk: "Житловий кооператив «Прокоцім»", NoteUk: "Про поломку ліфта повідомте й на дошці в під'їзді.");

    private static readonly LocalContactDetails Council = new(
        "Rada Dzielnicy XII", "rada dzielnicy, radny, district council", Email: "rada@dzielnica.example");

    private static async Task<TestChat> ConsentedWithAsync(string language, params LocalContactDetails[] contacts)
    {
        var chat = await TestChat.StartAsync();
        foreach (var contact in contacts)
            await chat.UseAsync<LocalContactService, ContactSave>(s => s.SaveAsync(1, null, contact, default));
        await chat.PressPayloadAsync("consent:yes");
        if (language != "pl") await chat.PressPayloadAsync($"lang:{language}");
        return chat;
    }

    private static bool OffersAPerson(TestChat chat) =>
        chat.Last.SelectMany(r => r.Buttons).SelectMany(b => b).Any(b => b.Payload == "handoff:start");

    [Theory]
    [InlineData("pl", "winda w bloku znowu nie działa, gdzie to zgłosić?", "Spółdzielnia Mieszkaniowa Prokocim")]
    [InlineData("pl", "do kogo w spółdzielni zgłosić przeciekający dach?", "Spółdzielnia Mieszkaniowa Prokocim")]
    [InlineData("uk", "ліфт у нашому будинку не працює, куди звернутися?", "Житловий кооператив «Прокоцім»")]
    [InlineData("en", "who do I tell that the lift in my block is broken?", "Spółdzielnia Mieszkaniowa Prokocim")]
    public async Task An_off_topic_question_names_the_teams_contact_in_the_residents_language(
        string language, string text, string name)
    {
        await using var chat = await ConsentedWithAsync(language, Council, Cooperative);
        await chat.SendAsync(text);

        Assert.Contains(name, chat.Text);
        Assert.Contains("12 000 00 01", chat.Text);
        Assert.Contains("adm@spoldzielnia.example", chat.Text);
        using (Language.Use(language))
        {
            Assert.Contains(Wording.Format(T.WhereToTurnContact, name), chat.Text);
            Assert.Contains(T.WhereToTurnPerson, chat.Text);
        }
        Assert.True(OffersAPerson(chat));
        Assert.False(await chat.InProgressAsync());
        Assert.Equal(0, await chat.QueryAsync(db => db.Handoffs.CountAsync())); // offered, not started
    }

    [Fact]
    public async Task A_note_without_the_residents_version_is_shown_in_polish_and_says_so()
    {
        await using var chat = await ConsentedWithAsync("en", Cooperative);
        await chat.SendAsync("the lift is broken again, where do I report it?");
        Assert.Contains("Awarię windy zgłoś też na tablicy w klatce.", chat.Text);
        using (Language.Use("en")) Assert.Contains(T.TeamWritesPolish, chat.Text);
    }

    [Fact]
    public async Task With_no_contact_for_it_the_honest_line_stays()
    {
        await using var chat = await ConsentedWithAsync("pl", Cooperative);
        await chat.SendAsync("zaginął mi kot, pomożecie?");
        Assert.Contains(T.RepairCannotHandle, chat.Text);
        Assert.DoesNotContain("12 000 00 01", chat.Text);
        Assert.True(OffersAPerson(chat));
    }

    [Theory]
    [InlineData("jak skontaktować się z radnym w sprawie ławek?")]
    [InlineData("gdzie jest rada dzielnicy?")]
    [InlineData("how do I reach the district council?")]
    public async Task The_teams_own_topic_words_are_heard_too(string text)
    {
        await using var chat = await ConsentedWithAsync("pl", Cooperative, Council);
        await chat.SendAsync(text);
        Assert.Contains("rada@dzielnica.example", chat.Text);
        Assert.True(OffersAPerson(chat));
    }

    [Fact]
    public async Task Asked_in_the_middle_of_a_booking_it_answers_and_the_form_asks_again()
    {
        await using var chat = await ConsentedWithAsync("pl", Cooperative);
        await chat.SendAsync("chce zarezerwowac mala sale w piatek od 17 do 19 dla 8 osob");
        var step = await StepAsync(chat);

        await chat.SendAsync("a do kogo zgłosić zepsutą windę?");

        Assert.Contains("12 000 00 01", chat.Text);
        Assert.True(OffersAPerson(chat));
        Assert.Equal(step, await StepAsync(chat));
    }

    private static Task<string> StepAsync(TestChat chat) => chat.QueryAsync(async db =>
        ConversationData.FromJson(await db.ConversationStates.Select(s => s.StateJson).SingleAsync()).Stack[^1].Step);
}
