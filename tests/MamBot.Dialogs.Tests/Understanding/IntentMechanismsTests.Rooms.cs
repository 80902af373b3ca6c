using MamBot.Dialogs.Bookings;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Tests.Understanding;

/// <summary>
/// Rooms asked about rather than asked for (free or taken, price, size, equipment), rooms in Russian and Latin
/// Ukrainian, what is no request at all (the bot failing, other offices' matters), and one's own data.
/// </summary>
public partial class IntentMechanismsTests
{
    [Theory]
    [InlineData("czy mała sala jest zajęta w czwartek", "pl")]
    [InlineData("чи вільна кухня в неділю", "uk")]
    [InlineData("is the kitchen occupied on monday", "en")]
    [InlineData("свободна ли кухня в среду", "uk")]
    [InlineData("any time free on friday from 3 to 5?", "en")]
    [InlineData("coś wolnego w sobotę od 10 do 12?", "pl")]
    [InlineData("does the small room have a kettle", "en")]
    public void Free_taken_or_equipped_rooms_are_about_rooms(string text, string language) =>
        Assert.Equal("book_room", Read(text, language).Intent);

    [Fact]
    public void Wolno_is_allowed_not_free() =>
        Assert.Equal("house_rules", Read("czy wolno przyjść z psem", "pl").Intent);

    [Theory]
    [InlineData("ile kosztuje wynajem kuchni?")]
    [InlineData("how much to hire the big hall")]
    [InlineData("скільки коштує оренда кухні")]
    [InlineData("сколько человек вмещает большой зал")]
    public void A_price_or_size_question_asks_nothing_to_be_done(string text) =>
        Assert.False(TypedRepair.AsksToAct(text));

    [Theory]
    [InlineData("скільки осіб вміщує кухня")]
    [InlineData("сколько стоит малый зал")]
    [InlineData("is the kitchen big enough for 12")]
    public void Question_words_of_any_language_ask(string text) => Assert.True(TypedRepair.IsQuestion(text));

    [Theory]
    [InlineData("хочу снять большой зал", "Sala duża")]
    [InlineData("в малом зале", "Sala mała")]
    [InlineData("velyku zalu na subotu", "Sala duża")]
    [InlineData("mozhna malu zalu", "Sala mała")]
    public void Rooms_in_russian_and_latin_ukrainian(string text, string room) =>
        Assert.Equal(room, BookingSlots.FindRoom(Rooms, text)?.Name);

    [Fact]
    public void Bolshe_is_no_room() => Assert.Null(BookingSlots.FindRoom(Rooms, "больше не пишите"));

    [Theory]
    [InlineData("ten czat w ogóle mnie nie rozumie", Concern.Complaint)]
    [InlineData("бот весь час питає про те саме", Concern.Complaint)]
    [InlineData("this bot keeps asking me my name", Concern.Complaint)]
    [InlineData("ты меня не понимаешь", Concern.Complaint)]
    [InlineData("nie rozumiem jak to działa", Concern.None)]
    [InlineData("gdzie mogę zaparkować rower?", Concern.OffTopic)]
    [InlineData("де припаркуватися біля центру", Concern.OffTopic)]
    [InlineData("when do they collect the recycling", Concern.OffTopic)]
    [InlineData("jak przedłużyć kartę pobytu", Concern.OffTopic)]
    [InlineData("візьму участь у концерті", Concern.None)]
    public void The_bot_failing_and_other_offices_matters(string text, Concern concern) =>
        Assert.Equal(concern, Concerns.Find(text));

    [Theory]
    [InlineData("skasujcie mnie", MenuIntent.EraseData)]
    [InlineData("delete me", MenuIntent.EraseData)]
    [InlineData("usuń mnie z listy na jogę", MenuIntent.None)]
    [InlineData("vydalit moyi dani bud laska", MenuIntent.EraseData)]
    [InlineData("co wiesz o mnie", MenuIntent.MyData)]
    [InlineData("what info do you keep on me", MenuIntent.MyData)]
    [InlineData("shcho vy znaiete pro mene", MenuIntent.MyData)]
    public void Erasing_oneself_and_asking_what_is_kept(string text, MenuIntent intent) =>
        Assert.Equal(intent, MenuIntents.Match(text));

    [Theory]
    [InlineData("zapisz mnie na gimnastykę dla dorosłych", "pl", "gimnastyke dla doroslych")]
    [InlineData("запишіть мене на танці для початківців в суботу", "uk", "танці для початківців")]
    [InlineData("sign me up for chess for beginners", "en", "chess for beginners")]
    [InlineData("take me off the choir list", "en", "choir")]
    [InlineData("не прийду на хор, викресліть мене", "uk", "хор")]
    public void An_event_name_keeps_whom_it_is_for_and_ends_at_a_comma(string text, string language, string name) =>
        Assert.Equal(name, Read(text, language).Event);

    [Theory]
    [InlineData("кухня в пятницу после обеда", "uk")]
    [InlineData("mala zala v subotu pislia obidu", "uk")]
    [InlineData("the hall on monday after lunch", "en")]
    public void After_lunch_is_the_afternoon(string text, string language)
    {
        // A part of the day, not a start: the booking form offers that part's free times.
        Assert.Equal(new TimeOnly(14, 0), IntentRecognizer.PartOfDay(text));
        Assert.Null(Read(text, language).Start);
    }
}
