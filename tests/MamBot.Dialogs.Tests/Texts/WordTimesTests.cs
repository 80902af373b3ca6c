using System.Globalization;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Tests.Texts;

/// <summary>
/// Hours, lengths and counts typed as words (<see cref="NumberWords"/>), lengths before starts, and the halves of
/// the day on both ends of a range. Examples of our own, never the held-out team's sentences.
/// </summary>
public class WordTimesTests
{
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    [Theory]
    [InlineData("o jedenastej", "11:00", null)]
    [InlineData("od ósmej do dziesiątej", "08:00", "10:00")]
    [InlineData("od czternastej do szesnastej", "14:00", "16:00")]
    [InlineData("na siedemnastą", "17:00", null)]
    [InlineData("o dwudziestej pierwszej", "21:00", null)]
    [InlineData("o wpół do ósmej", "07:30", null)]
    [InlineData("o siódmej wieczorem", "19:00", null)]
    [InlineData("jutro o piątej po południu", "17:00", null)]
    [InlineData("od piątej do siódmej wieczorem", "17:00", "19:00")]
    [InlineData("о восьмій", "08:00", null)]
    [InlineData("з дев'ятої до одинадцятої", "09:00", "11:00")]
    [InlineData("о сьомій вечора", "19:00", null)]
    [InlineData("з шістнадцятої до вісімнадцятої", "16:00", "18:00")]
    [InlineData("at eleven", "11:00", null)]
    [InlineData("from nine to eleven", "09:00", "11:00")]
    [InlineData("seven in the evening", "19:00", null)]
    [InlineData("half past seven", "07:30", null)]
    [InlineData("quarter to nine", "08:45", null)]
    [InlineData("around four pm", "16:00", null)]
    public void Hours_in_words(string typed, string start, string? end) => AssertTimes(typed, start, end);

    [Theory]
    [InlineData("nie wieczorem, tylko o 9 rano", "09:00", null)]
    [InlineData("не ввечері, а о 8 ранку", "08:00", null)]
    [InlineData("not in the evening, at 9 in the morning", "09:00", null)]
    [InlineData("nie rano, o 5", "17:00", null)]
    public void A_part_of_the_day_taken_back_does_not_count(string typed, string start, string? end) =>
        AssertTimes(typed, start, end);

    [Theory]
    [InlineData("between 4 and 6 pm", "16:00", "18:00")]
    [InlineData("from 9 to 1", "09:00", "13:00")]
    [InlineData("od 11 do 3", "11:00", "15:00")]
    [InlineData("od 7 do 9 wieczorem", "19:00", "21:00")]
    [InlineData("from 11 to 3 pm", "11:00", "15:00")]
    [InlineData("od 2 do 4", "14:00", "16:00")]
    [InlineData("с двух до четырёх", "14:00", "16:00")]
    [InlineData("o 5", "17:00", null)]
    [InlineData("o 6 rano", "06:00", null)]
    [InlineData("at 06:00", "06:00", null)]
    [InlineData("at 5 am", "05:00", null)]
    public void Halves_of_the_day_on_both_ends_of_a_range(string typed, string start,
        string? end) => AssertTimes(typed, start, end);

    [Theory]
    [InlineData("na 2 godz w środę od 16", "16:00", 120)]
    [InlineData("na 4h w piątek od 10", "10:00", 240)]
    [InlineData("for 2 hrs on friday from 14", "14:00", 120)]
    [InlineData("на 2 год у четвер з 12", "12:00", 120)]
    [InlineData("na 90 min w sobotę o 11", "11:00", 90)]
    public void A_length_before_the_start_is_no_start(string typed, string start, int minutes)
    {
        AssertTimes(typed, start, null);
        Assert.Equal(TimeSpan.FromMinutes(minutes), TypedDates.Length(typed));
    }

    [Theory]
    [InlineData("pół godziny", 30)]
    [InlineData("trzy i pół godziny", 210)]
    [InlineData("2 i pół godziny", 150)]
    [InlineData("пів години", 30)]
    [InlineData("три з половиною години", 210)]
    [InlineData("half an hour", 30)]
    [InlineData("three and a half hours", 210)]
    [InlineData("czterdzieści pięć minut", 45)]
    [InlineData("forty five minutes", 45)]
    [InlineData("трохи більше, на три години", 180)]
    public void Lengths_in_words(string typed, int minutes) => Assert.Equal(TimeSpan.FromMinutes(minutes),
        TypedDates.Length(typed));

    [Theory]
    [InlineData("dla dwunastu osób", 12)]
    [InlineData("dwadzieścia osób", 20)]
    [InlineData("для дванадцяти осіб", 12)]
    [InlineData("нас буде семеро", 7)]
    [InlineData("for twelve people", 12)]
    [InlineData("twenty two guests", 22)]
    public void Counts_in_words(string typed, int people) => Assert.Equal(people, TypedDates.People(typed,
        bareNumber: false));

    [Theory]
    [InlineData("нас 7", 7)]
    [InlineData("нас семеро", 7)]
    [InlineData("we're 6", 6)]
    [InlineData("30 ppl", 30)]
    [InlineData("about 12 kids", 12)]
    [InlineData("dla 15 dzieci", 15)]
    [InlineData("будет человек 12", 12)]
    [InlineData("dlia 8 liudei", 8)]
    [InlineData("na zajęcia dla dzieci, nas 9", 9)]
    [InlineData("для дітей, 6 дітей", 6)]
    [InlineData("me and three friends", 4)]
    [InlineData("ja i 2 koleżanki", 3)]
    public void Heads_counted_however_they_are_said(string typed, int people) =>
        Assert.Equal(people, TypedDates.People(typed, bareNumber: false));

    [Fact]
    public void Latin_ukrainian_and_russian_at_and_for_an_hour()
    {
        Assert.Equal(new TimeOnly(10, 0), TypedDates.Times("zavtra v 10")?.Start);
        Assert.Equal(TimeSpan.FromHours(1), TypedDates.Length("kuhnyu na chas"));
    }

    [Theory]
    [InlineData("tmr", "2026-11-26")]
    [InlineData("2morrow at 5pm", "2026-11-26")]
    [InlineData("2day", "2026-11-25")]
    [InlineData("day after tmrw", "2026-11-27")]
    [InlineData("послезавтра", "2026-11-27")]
    public void Short_and_relative_days(string typed, string day) =>
        Assert.Equal(DateOnly.Parse(day, CultureInfo.InvariantCulture), TypedDates.Day(typed, Wednesday));

    [Theory]
    [InlineData("druga sala jest wolna?")]
    [InlineData("talk to one of you")]
    [InlineData("na dwie noce")]
    public void Number_words_that_are_no_hours(string typed) => Assert.Null(TypedDates.Times(typed));

    private static void AssertTimes(string typed, string start, string? end)
    {
        var times = TypedDates.Times(typed);
        Assert.True(times is not null, $"'{typed}' has no time");
        Assert.Equal(TimeOnly.Parse(start, CultureInfo.InvariantCulture), times.Value.Start);
        Assert.Equal(end is null ? null : TimeOnly.Parse(end, CultureInfo.InvariantCulture), times.Value.End);
    }
}
