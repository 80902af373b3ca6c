using MamBot.Data.Centres;
using MamBot.Data.Residents;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Tests.Understanding;

/// <summary>
/// The mechanisms behind the held-out team's misses, each on sentences of our own: verbs with their objects
/// (cancelling a booking or a sign-up, supporting an idea, being put through to a person), Ukrainian typed in
/// Latin letters, and Russian, which the bot reads but never speaks.
/// </summary>
public partial class IntentMechanismsTests
{
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    private static readonly Room[] Rooms =
    [
        new() { Id = 1, Name = "Sala duża", Aliases = "duża, велика, big", Capacity = 30 },
        new() { Id = 2, Name = "Sala mała", Aliases = "mała, мала, small", Capacity = 10 },
    ];

    private static Understood Read(string text, string language) => IntentRecognizer.Recognize(text, Wednesday, Rooms,
        language);

    [Theory]
    [InlineData("please ditch the reservation I made for friday", "en", "cancel_booking")]
    [InlineData("can you delete my room booking", "en", "cancel_booking")]
    [InlineData("i'd like to call off the booking for thursday", "en", "cancel_booking")]
    [InlineData("anulujcie moją rezerwację sali", "pl", "cancel_booking")]
    [InlineData("usuń rezerwację na piątek", "pl", "cancel_booking")]
    [InlineData("відмініть, будь ласка, бронювання зали", "uk", "cancel_booking")]
    [InlineData("видали резерв на четвер", "uk", "cancel_booking")]
    public void Cancelling_verbs_with_a_booking_cancel_it(string text, string language, string intent) =>
        Assert.Equal(intent, Read(text, language).Intent);

    [Theory]
    [InlineData("please scrap my registration for the choir", "en", "leave_event")]
    [InlineData("remove me from the pottery class", "en", "leave_event")]
    [InlineData("cross me off for the trip", "en", "leave_event")]
    [InlineData("anuluj mój udział w warsztatach", "pl", "leave_event")]
    [InlineData("видаліть мій запис на концерт", "uk", "leave_event")]
    [InlineData("i'll be there for the quiz night", "en", "register_event")]
    [InlineData("dołączam do spaceru", "pl", "register_event")]
    [InlineData("долучаюся до прибирання", "uk", "register_event")]
    public void Sign_ups_and_leaving(string text, string language, string intent) => Assert.Equal(intent, Read(text,
        language).Intent);

    [Theory]
    [InlineData("nie przyjdziemy w piątek, odwołajcie rezerwację kuchni", "pl", "cancel_booking")]
    [InlineData("не прийдемо в суботу, зніміть бронювання кухні", "uk", "cancel_booking")]
    [InlineData("we can't come on sunday, please cancel the kitchen booking", "en", "cancel_booking")]
    [InlineData("bud laska otmenite moe bronyuvannya na chetver", "pl", "cancel_booking")]
    [InlineData("ми не прийдемо на концерт", "uk", "leave_event")]
    [InlineData("мы не придём на хор", "uk", "leave_event")]
    [InlineData("nie przyjdziemy na warsztaty", "pl", "leave_event")]
    public void A_booking_given_back_outranks_not_coming_and_surzhyk_verbs_count(string text, string language,
        string intent) => Assert.Equal(intent, Read(text, language).Intent);

    [Theory]
    [InlineData("chcę zapisać wnuczka na szachy", "pl", "register_event")]
    [InlineData("запишіть сина на шахи", "uk", "register_event")]
    [InlineData("could you sign my daughter up for the dance class", "en", "register_event")]
    [InlineData("запишите внука на шахматы", "uk", "register_event")]
    [InlineData("zapiszcie nas na małą salę w piątek", "pl", "book_room")]
    [InlineData("sign us up for the big hall on monday", "en", "book_room")]
    public void Signing_up_someone_else_or_for_a_room(string text, string language, string intent) =>
        Assert.Equal(intent, Read(text, language).Intent);

    [Theory]
    [InlineData("kiedy jest zumba?", "pl")]
    [InlineData("о котрій хор?", "uk")]
    [InlineData("во сколько шахматы", "uk")]
    [InlineData("what time is chess", "en")]
    public void When_with_an_activity_asks_for_events(string text, string language) =>
        Assert.Equal("list_events", Read(text, language).Intent);

    [Theory]
    [InlineData("popieram ten pomysł z ogródkiem", "pl")]
    [InlineData("chcę zagłosować na pomysł pana Jana", "pl")]
    [InlineData("where can I support a neighbour's initiative", "en")]
    [InlineData("i want to upvote the garden idea", "en")]
    [InlineData("хочу підтримати ініціативу сусіда", "uk")]
    [InlineData("як проголосувати за ідею", "uk")]
    public void Supporting_an_idea_is_browsing_ideas(string text, string language) => Assert.Equal("browse_ideas",
        Read(text, language).Intent);

    [Theory]
    [InlineData("I'd like to suggest an idea for a book club", "en", "propose_idea")]
    [InlineData("mam pomysł na kiermasz", "pl", "propose_idea")]
    public void Proposing_stays_proposing(string text, string language, string intent) => Assert.Equal(intent,
        Read(text, language).Intent);

    [Theory]
    [InlineData("could you connect me with the animator", "en")]
    [InlineData("may I speak with a member of the team", "en")]
    [InlineData("połączcie mnie z kimś z obsługi", "pl")]
    [InlineData("переключіть мене на адміністратора", "uk")]
    public void Being_put_through_is_talking_to_staff(string text, string language) => Assert.Equal("talk_to_staff",
        Read(text, language).Intent);

    [Theory]
    [InlineData("pl")]
    [InlineData("uk")]
    [InlineData("en")]
    public void An_hour_in_words_is_never_a_typo_of_thanks(string language)
    {
        var read = Read("duża sala od dziewiątej do jedenastej w czwartek", language);
        Assert.Equal("book_room", read.Intent);
        Assert.Equal(new TimeOnly(9, 0), read.Start);
        Assert.Equal(120, read.DurationMinutes);
    }

    [Theory]
    [InlineData("pokazhit, bud laska, moyi bronyuvannya", "pl", "my_bookings")]
    [InlineData("shcho tsikavoho v nedilyu", "pl", "list_events")]
    [InlineData("zapyshit mene na tantsi", "en", "register_event")]
    [InlineData("de znakhodytsia tsentr", "uk", "address_contact")]
    [InlineData("do kotroi vy pratsiuiete", "pl", "opening_hours")]
    [InlineData("diakuiu vam", "en", "thanks")]
    [InlineData("khochu zabronyuvaty zalu", "pl", "book_room")]
    public void Ukrainian_in_latin_letters(string text, string language, string intent) => Assert.Equal(intent,
        Read(text, language).Intent);

    [Fact]
    public void Latin_ukrainian_keeps_its_day_and_event()
    {
        var read = Read("zapyshit mene na khor u subotu", "pl");
        Assert.Equal("register_event", read.Intent);
        Assert.Equal(new DateOnly(2026, 11, 28), read.Date);
    }

    [Theory]
    [InlineData("хочу забронировать большой зал", "book_room")]
    [InlineData("какие мероприятия на выходных?", "list_events")]
    [InlineData("запишите меня на хор", "register_event")]
    [InlineData("я не приду на концерт", "leave_event")]
    [InlineData("покажите мои брони", "my_bookings")]
    [InlineData("отмените мою бронь на пятницу", "cancel_booking")]
    [InlineData("до скольки вы открыты?", "opening_hours")]
    [InlineData("как до вас добраться?", "address_contact")]
    [InlineData("можно ли прийти с собакой?", "house_rules")]
    [InlineData("позовите кого-нибудь из сотрудников", "talk_to_staff")]
    [InlineData("что ты умеешь?", "help")]
    [InlineData("больше не пишите мне", "stop")]
    [InlineData("здравствуйте", "greeting")]
    [InlineData("большое спасибо", "thanks")]
    [InlineData("какие у меня брони на неделе", "my_bookings")]
    [InlineData("во сколько вы закрываетесь", "opening_hours")]
    [InlineData("как к вам проехать от вокзала", "address_contact")]
    [InlineData("хочу предложить идею для двора", "propose_idea")]
    [InlineData("покажите идеи соседей", "browse_ideas")]
    [InlineData("есть ли сейчас опрос?", "surveys")]
    public void Russian_is_read_with_russian_rules(string text, string intent) => Assert.Equal(intent, Read(text,
        "uk").Intent);

    [Fact]
    public void Russian_dates_times_lengths_and_counts()
    {
        var read = Read("нужен малый зал в четверг с 16 до 18, нас будет шестеро", "uk");
        Assert.Equal("book_room", read.Intent);
        Assert.Equal(new DateOnly(2026, 11, 26), read.Date);
        Assert.Equal(new TimeOnly(16, 0), read.Start);
        Assert.Equal(new TimeOnly(18, 0), read.End);
        Assert.Equal(6, read.People);
        Assert.Equal(new TimeOnly(19, 0), TypedDates.Times("послезавтра в семь вечера")?.Start);
        Assert.Equal(TimeSpan.FromMinutes(180), TypedDates.Length("на три часа"));
        Assert.Equal(new TimeOnly(15, 0), TypedDates.Times("в 3 часа дня")?.Start);
    }

    [Theory]
    [InlineData("Вы работаете в воскресенье?", true)]
    [InlineData("где находится центр", true)]
    [InlineData("де знаходиться центр", false)]
    [InlineData("хочу записатися", false)]
    [InlineData("dzień dobry", false)]
    [InlineData("сколько стоит аренда", true)]
    [InlineData("могу предложить концерт", true)]
    public void Russian_is_told_from_ukrainian(string text, bool russian) => Assert.Equal(russian,
        TypedText.LooksRussian(text));

    [Fact]
    public void Russian_is_read_but_never_spoken()
    {
        Assert.DoesNotContain(Languages.Russian, Languages.All);
        Assert.Null(Languages.Match("ru-RU"));
    }

    [Theory]
    [InlineData("да")]
    [InlineData("Конечно")]
    public void Russian_yes(string text) => Assert.True(TypedWords.Yes.Match(text));

    [Theory]
    [InlineData("нет")]
    [InlineData("пропустить")]
    public void Russian_skip(string text) => Assert.True(TypedWords.Skip.Match(text));

    [Fact]
    public void Russian_back_and_no()
    {
        Assert.True(TypedWords.Back.Match("вернуться"));
        Assert.True(TypedWords.No.Match("не надо"));
    }
}
