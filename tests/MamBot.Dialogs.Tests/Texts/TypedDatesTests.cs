using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Tests.Texts;

public class TypedDatesTests
{
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    [Theory]
    [InlineData("dziś", "2026-11-25")]
    [InlineData("Jutro!", "2026-11-26")]
    [InlineData("pojutrze", "2026-11-27")]
    [InlineData("w piątek", "2026-11-27")]
    [InlineData("zarezerwuj sale na piatek", "2026-11-27")]
    [InlineData("w środę", "2026-12-02")]
    [InlineData("w przyszły wtorek", "2026-12-01")]
    [InlineData("w niedzielę", "2026-11-29")]
    [InlineData("12.12", "2026-12-12")]
    [InlineData("12/12", "2026-12-12")]
    [InlineData("12 grudnia", "2026-12-12")]
    [InlineData("3 stycznia", "2027-01-03")]
    [InlineData("5.01.2027", "2027-01-05")]
    [InlineData("za tydzień", "2026-12-02")]
    [InlineData("for 12 people on the 3rd of december", "2026-12-03")]
    [InlineData("the 9th of december 2 to 4 pm", "2026-12-09")]
    [InlineData("dla 20 osób 7 grudnia", "2026-12-07")]
    public void Days_are_read_as_a_kraków_resident_means_them(string typed, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TypedDates.Day(typed, Wednesday));

    [Theory]
    [InlineData("31.02")]
    [InlineData("kiedyś")]
    [InlineData("")]
    public void Nonsense_is_not_a_day(string typed) => Assert.Null(TypedDates.Day(typed, Wednesday));

    [Theory]
    [InlineData("18", "18:00", null)]
    [InlineData("o 18:30", "18:30", null)]
    [InlineData("o 18.30", "18:30", null)]
    [InlineData("od 17 do 19", "17:00", "19:00")]
    [InlineData("18-20", "18:00", "20:00")]
    [InlineData("w piątek od 17:30 do 19", "17:30", "19:00")]
    [InlineData("na godz. 10", "10:00", null)]
    public void Times_and_ranges(string typed, string start, string? end)
    {
        var times = TypedDates.Times(typed);
        Assert.NotNull(times);
        Assert.Equal(TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), times.Value.Start);
        Assert.Equal(end is null ? null : TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), times.Value.End);
    }

    [Theory]
    [InlineData("12.12")]
    [InlineData("dla 8 osób")]
    [InlineData("25")]
    public void Dates_and_head_counts_are_not_times(string typed)
    {
        var times = TypedDates.Times(typed);
        Assert.True(times is null || typed == "25" && times is null, $"'{typed}' read as {times}");
    }

    [Theory]
    [InlineData("2 godziny", 120)]
    [InlineData("2h", 120)]
    [InlineData("dwie godziny", 120)]
    [InlineData("półtorej godziny", 90)]
    [InlineData("1,5 godziny", 90)]
    [InlineData("90 minut", 90)]
    [InlineData("godzinę", 60)]
    public void Lengths(string typed, int minutes) => Assert.Equal(TimeSpan.FromMinutes(minutes), TypedDates.Length(typed));

    [Theory]
    [InlineData("dla 8 osób", false, 8)]
    [InlineData("8 osob", false, 8)]
    [InlineData("dla pięciu osób", false, 5)]
    [InlineData("12", true, 12)]
    [InlineData("sześć", true, 6)]
    public void Head_counts(string typed, bool bare, int expected) => Assert.Equal(expected, TypedDates.People(typed, bare));

    [Theory]
    [InlineData("завтра", "2026-11-26")]
    [InlineData("післязавтра", "2026-11-27")]
    [InlineData("у пʼятницю", "2026-11-27")]
    [InlineData("в п'ятницю", "2026-11-27")]
    [InlineData("в пятницю", "2026-11-27")]
    [InlineData("наступного вівторка", "2026-12-01")]
    [InlineData("12 грудня", "2026-12-12")]
    [InlineData("3 січня", "2027-01-03")]
    [InlineData("zavtra", "2026-11-26")]
    [InlineData("v pyatnytsiu", "2026-11-27")]
    [InlineData("tomorrow", "2026-11-26")]
    [InlineData("the day after tomorrow", "2026-11-27")]
    [InlineData("on Friday", "2026-11-27")]
    [InlineData("next Tuesday", "2026-12-01")]
    [InlineData("December 12", "2026-12-12")]
    [InlineData("12th of December", "2026-12-12")]
    [InlineData("Jan 3rd", "2027-01-03")]
    [InlineData("in a week", "2026-12-02")]
    public void Days_in_ukrainian_and_english(string typed, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TypedDates.Day(typed, Wednesday));

    [Theory]
    [InlineData("завтра о 18", "18:00", null)]
    [InlineData("у пʼятницю з 17 до 19", "17:00", "19:00")]
    [InlineData("о 18-й годині", "18:00", null)]
    [InlineData("від 10 до 12", "10:00", "12:00")]
    [InlineData("zavtra o 18", "18:00", null)]
    [InlineData("tomorrow at 6 pm", "18:00", null)]
    [InlineData("at 6:30pm", "18:30", null)]
    [InlineData("Friday 5–7pm", "17:00", "19:00")]
    [InlineData("from 11am to 1pm", "11:00", "13:00")]
    [InlineData("11-1pm", "11:00", "13:00")]
    [InlineData("from 17:00 to 19:00", "17:00", "19:00")]
    [InlineData("at noon", "12:00", null)]
    [InlineData("on the 9th of december 2 to 4 pm", "14:00", "16:00")]
    public void Times_in_ukrainian_and_english(string typed, string start, string? end)
    {
        var times = TypedDates.Times(typed);
        Assert.NotNull(times);
        Assert.Equal(TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), times.Value.Start);
        Assert.Equal(end is null ? null : TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), times.Value.End);
    }

    [Theory]
    [InlineData("z 2 dzieci w piątek")]
    [InlineData("з 2 дітьми")]
    [InlineData("для 8 осіб")]
    [InlineData("for 8 people")]
    public void Company_and_head_counts_are_not_times(string typed) => Assert.Null(TypedDates.Times(typed));

    [Theory]
    [InlineData("на 2 години", 120)]
    [InlineData("дві години", 120)]
    [InlineData("на годину", 60)]
    [InlineData("півтори години", 90)]
    [InlineData("90 хвилин", 90)]
    [InlineData("for 2 hours", 120)]
    [InlineData("two hours", 120)]
    [InlineData("for an hour", 60)]
    [InlineData("an hour and a half", 90)]
    [InlineData("1.5 hours", 90)]
    [InlineData("90 minutes", 90)]
    public void Lengths_in_ukrainian_and_english(string typed, int minutes) => Assert.Equal(TimeSpan.FromMinutes(minutes), TypedDates.Length(typed));

    [Theory]
    [InlineData("na którą godzinę mam salę?")]
    [InlineData("на яку годину в мене бронь?")]
    [InlineData("what time is my booking?")]
    public void Asking_what_time_is_no_length(string typed) => Assert.Null(TypedDates.Length(typed));

    [Theory]
    [InlineData("для 8 осіб", false, 8)]
    [InlineData("нас буде пʼятеро", false, 5)]
    [InlineData("нас буде 5", false, 5)]
    [InlineData("12 людей", false, 12)]
    [InlineData("шість", true, 6)]
    [InlineData("for 8 people", false, 8)]
    [InlineData("five people", false, 5)]
    [InlineData("there will be 6 of us", false, 6)]
    [InlineData("we'll be 4", false, 4)]
    [InlineData("seven", true, 7)]
    public void Head_counts_in_ukrainian_and_english(string typed, bool bare, int? expected) =>
        Assert.Equal(expected, TypedDates.People(typed, bare));
}
