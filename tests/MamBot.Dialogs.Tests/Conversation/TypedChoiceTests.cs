using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Tests.Conversation;

/// <summary>A typed text as one of the offered choices: rows of "choices, typed → which one (-1: none)".</summary>
public class TypedChoiceTests
{
    private const string Times = "Rano (9–12)|Po południu (15–18)|Wieczorem (18–21)";
    private const string Digits = "1|2|3|4|5";

    [Theory]
    [InlineData(Times, "po południu", 1)]
    [InlineData(Times, "PO POLUDNIU", 1)]
    [InlineData(Times, "Po południu (15–18)", 1)]
    [InlineData(Times, "wieczorem", 2)]
    [InlineData(Times, "wiecz", 2)]
    [InlineData(Times, "popołudniu", 1)] // one slip
    [InlineData(Times, "trzy", 2)] // numbered: the third
    [InlineData(Times, "po", -1)] // too short to be a part
    [InlineData(Times, "w nocy", -1)]
    [InlineData(Times, "", -1)]
    [InlineData(Digits, "trzy", 2)]
    [InlineData(Digits, "три", 2)]
    [InlineData(Digits, "three", 2)]
    [InlineData(Digits, "3", 2)]
    [InlineData(Digits, "dziesięć", -1)]
    [InlineData("Co tydzień|Co miesiąc|Rzadziej", "tydzien", 0)]
    [InlineData("Co tydzień|Co miesiąc|Rzadziej", "co", -1)]
    [InlineData("Zajęcia rano|Zajęcia wieczorem", "zajecia", -1)] // in both: no guess
    public void A_typed_text_names_the_choice_it_is_equal_or_close_to(string choices, string typed, int expected) =>
        Assert.Equal(expected, TypedChoice.Find(choices.Split('|'), typed, numbered: choices == Times));

    [Theory]
    [InlineData("pl", "czy jest parking?", true)]
    [InlineData("pl", "a ile kosztuje sala", true)]
    [InlineData("pl", "Kiedy będzie joga", true)]
    [InlineData("pl", "Dłużej w soboty", false)]
    [InlineData("pl", "do końca roku więcej jogi", false)]
    [InlineData("uk", "скільки коштує заняття", true)]
    [InlineData("uk", "Більше йоги", false)]
    [InlineData("en", "can I bring my dog", true)]
    [InlineData("en", "a bigger room", false)]
    public void A_question_is_told_from_an_answer(string language, string typed, bool question)
    {
        using var speaking = Language.Use(language);
        Assert.Equal(question, TypedRepair.IsQuestion(typed));
    }
}
