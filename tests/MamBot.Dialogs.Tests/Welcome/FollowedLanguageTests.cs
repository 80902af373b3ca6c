using MamBot.Data.Residents;
using MamBot.Dialogs.Settings;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Tests.Welcome;

/// <summary>
/// The chat follows the language a resident writes in until they choose one; a sentence asking for a language
/// switches; a newcomer's greeting with a question is welcomed and answered. Sentences written for these tests.
/// Now is Wednesday 25 November 2026, 10:00 in Kraków.
/// </summary>
public class FollowedLanguageTests
{
    private static Task<string> LanguageOfAsync(TestChat chat) => chat.QueryAsync(db => db.Residents.Select(r => r.Language).SingleAsync());

    private static IEnumerable<string> Buttons(TestChat chat) => chat.Last.SelectMany(r => r.Buttons).SelectMany(row => row).Select(b => b.Title);

    [Fact]
    public async Task A_newcomer_who_says_hello_is_welcomed_in_english_with_the_others_a_tap_away()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.SendAsync("hello");

        Assert.StartsWith("Hello! 👋 I'm MamBot", chat.Last[0].Text);
        Assert.Contains("Polski", Buttons(chat));
        Assert.Contains("Українська", Buttons(chat));
        await chat.PressAsync("I agree");
        Assert.Equal(Languages.English, await LanguageOfAsync(chat));
    }

    [Fact]
    public async Task A_newcomer_asking_for_a_room_in_english_is_asked_for_consent_in_english_and_the_form_follows()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.SendAsync("could we reserve the small room on thursday evening please");

        Assert.Contains("I agree", Buttons(chat));
        await chat.PressAsync("I agree");
        Assert.Contains("Sala mała", chat.Text);
        Assert.DoesNotContain("Zgoda", chat.Text);
        Assert.Equal(Languages.English, await LanguageOfAsync(chat));
    }

    [Fact]
    public async Task Ukrainian_in_latin_letters_with_a_greeting_is_welcomed_in_ukrainian_and_the_question_answered()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.SendAsync("pryvit! koly vy pratsiuiete?");

        Assert.StartsWith("Добрий день! 👋", chat.Last[0].Text);
        Assert.Contains("Погоджуюся", Buttons(chat));
        Assert.Contains("10:00", chat.Last[^1].Text); // the opening hours, after the welcome
        Assert.Contains("14:00", chat.Last[^1].Text);
    }

    [Fact]
    public async Task A_greeting_with_a_request_that_needs_consent_is_welcomed_and_the_request_done_after_agreeing()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.SendAsync("Dzień dobry! Chciałabym zarezerwować małą salę na piątek od 16 do 18");

        Assert.StartsWith("Dzień dobry! 👋", chat.Last[0].Text);
        await chat.PressAsync("Zgadzam się");
        Assert.Contains("Sala mała, piątek 27 listopada, 16:00–18:00", chat.Text);
        Assert.True(await chat.InProgressAsync());
    }

    [Fact]
    public async Task A_chosen_language_is_kept_whatever_the_resident_types()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.SendAsync("/start");
        await chat.PressAsync("Język/Мова/Language");
        await chat.PressAsync("Polski");

        await chat.SendAsync("is anything happening for children this weekend?");
        await chat.PressPayloadAsync("consent:yes");
        Assert.Equal(Languages.Polish, await LanguageOfAsync(chat));
        await chat.SendAsync("what time do you open on saturday?");
        Assert.DoesNotContain(chat.Last, r => r.Text.StartsWith("I'm writing in English", StringComparison.Ordinal));
        Assert.Equal(Languages.Polish, await LanguageOfAsync(chat));
    }

    [Fact]
    public async Task A_resident_who_never_chose_is_followed_into_english_and_back_with_a_line_saying_so()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("consent:yes");

        await chat.SendAsync("what time do you close on saturday?");
        Assert.StartsWith("I'm writing in English.", chat.Last[0].Text);
        Assert.Equal(["Polski", "Українська"], chat.Last[0].Buttons.SelectMany(r => r).Select(b => b.Title));
        Assert.Equal(Languages.English, await LanguageOfAsync(chat));

        await chat.SendAsync("a w niedzielę też jesteście otwarci?");
        Assert.StartsWith("Piszę po polsku.", chat.Last[0].Text);
        Assert.Equal(Languages.Polish, await LanguageOfAsync(chat));
    }

    [Fact]
    public async Task A_short_answer_in_a_form_keeps_the_language()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("consent:yes");
        await chat.SendAsync("chcę zarezerwować małą salę jutro od 10 do 12 dla 6 osób");
        await chat.SendAsync("Anna");
        Assert.Contains("W jakim celu?", chat.Last[^1].Text);

        await chat.SendAsync("birthday party for my son");
        Assert.Equal(Languages.Polish, await LanguageOfAsync(chat));
        Assert.StartsWith("Gotowe!", chat.Text);
    }

    [Theory]
    [InlineData("Czy mógłby pan odpowiadać po angielsku?", "en")]
    [InlineData("wolałabym rozmawiać po ukraińsku", "uk")]
    [InlineData("Dobry wieczór, może być po angielsku?", "en")]
    [InlineData("Можете писати польською?", "pl")]
    [InlineData("а можна англійською, будь ласка", "en")]
    [InlineData("Вы говорите по-английски?", "en")]
    [InlineData("А можно по-русски?", "uk")]
    [InlineData("can you write to me in Ukrainian?", "uk")]
    [InlineData("could we talk in polish", "pl")]
    [InlineData("do you understand Ukrainian?", "uk")]
    [InlineData("mozhna pysaty ukrainskoiu?", "uk")]
    [InlineData("sorry, I only speak Polish", "pl")]
    [InlineData("nie rozumiem po angielsku", "pl")]
    [InlineData("I don't speak Polish", "en")]
    public void A_sentence_asking_for_a_language_names_it(string text, string language) =>
        Assert.Equal(language, LanguageRequest.Match(text, inForm: false));

    [Theory]
    [InlineData("czy są zajęcia z angielskiego?")]
    [InlineData("klub rozmów po polsku w czwartek")]
    [InlineData("chcę zapisać syna na angielski dla dzieci")]
    [InlineData("хочу записатися на англійську")]
    [InlineData("is the pottery class good for beginners")]
    public void A_language_mentioned_is_no_request(string text) => Assert.Null(LanguageRequest.Match(text, inForm: false));

    [Theory]
    [InlineData("nauka pisania po polsku", null)]
    [InlineData("czy mogę pisać po ukraińsku?", "uk")]
    [InlineData("can we do this in English?", "en")]
    public void In_a_form_only_a_question_asks_for_a_language(string text, string? language) =>
        Assert.Equal(language, LanguageRequest.Match(text, inForm: true));

    [Fact]
    public async Task A_polish_sentence_asking_for_ukrainian_switches_the_first_screen()
    {
        await using var chat = await TestChat.StartAsync();
        await chat.SendAsync("Dzień dobry, a mogę rozmawiać z wami po ukraińsku?");

        Assert.Equal("Гаразд, пишу українською.", chat.Last[0].Text);
        Assert.StartsWith("Добрий день! 👋", chat.Last[1].Text);
        await chat.PressAsync("Погоджуюся");
        Assert.Equal(Languages.Ukrainian, await LanguageOfAsync(chat));
    }
}
