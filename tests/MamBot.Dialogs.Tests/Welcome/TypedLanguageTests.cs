using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Tests.Welcome;

/// <summary>Which language a typed message is in, from its words; sentences written for this test only.</summary>
public class TypedLanguageTests
{
    [Theory]
    [InlineData("could we have the big hall next saturday afternoon?", "en")]
    [InlineData("what time do you close on sundays", "en")]
    [InlineData("is there anything for kids this weekend", "en")]
    [InlineData("I'd love to join the yoga class", "en")]
    [InlineData("where is the centre exactly", "en")]
    [InlineData("chciałabym zapisać córkę na zajęcia plastyczne", "pl")]
    [InlineData("czy jutro jest otwarte do wieczora", "pl")]
    [InlineData("potrzebuje kuchni w czwartek rano", "pl")]
    [InlineData("kiedy sa warsztaty dla seniorow", "pl")]
    [InlineData("pryvit, koly vy pratsiuiete u nediliu?", "uk")]
    [InlineData("chy mozhna zabronyuvaty kukhniu na zavtra", "uk")]
    [InlineData("skazhit bud laska de vy znakhodytes", "uk")]
    [InlineData("хочу записатися на англійську", "uk")]
    public void A_clear_message_is_read_in_its_language(string text, string language)
    {
        var (read, evidence) = TypedLanguage.Read(text);
        Assert.Equal(language, read);
        Assert.True(evidence >= LanguageEvidence.Clear, $"only {evidence}");
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("hi there")]
    [InlineData("thanks")]
    public void A_greeting_alone_is_weak_english(string text)
    {
        var (read, evidence) = TypedLanguage.Read(text);
        Assert.Equal("en", read);
        Assert.True(evidence >= LanguageEvidence.Weak);
    }

    [Theory]
    [InlineData("Tom Baker")]
    [InlineData("Halina Wrobel")]
    [InlineData("ok")]
    [InlineData("18:30")]
    [InlineData("tak")]
    public void Names_numbers_and_shared_words_say_nothing_clear(string text) =>
        Assert.True(TypedLanguage.Read(text).Evidence < LanguageEvidence.Clear, TypedLanguage.Read(text).ToString());
}
