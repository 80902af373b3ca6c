using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Tests.Texts;

public class PolishDatesTests
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
    public void Days_are_read_as_a_kraków_resident_means_them(string typed, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PolishDates.Day(typed, Wednesday));

    [Theory]
    [InlineData("31.02")]
    [InlineData("kiedyś")]
    [InlineData("")]
    public void Nonsense_is_not_a_day(string typed) => Assert.Null(PolishDates.Day(typed, Wednesday));

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
        var times = PolishDates.Times(typed);
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
        var times = PolishDates.Times(typed);
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
    public void Lengths(string typed, int minutes) => Assert.Equal(TimeSpan.FromMinutes(minutes), PolishDates.Length(typed));

    [Theory]
    [InlineData("dla 8 osób", false, 8)]
    [InlineData("8 osob", false, 8)]
    [InlineData("dla pięciu osób", false, 5)]
    [InlineData("12", true, 12)]
    [InlineData("sześć", true, 6)]
    public void Head_counts(string typed, bool bare, int expected) => Assert.Equal(expected, PolishDates.People(typed, bare));
}
