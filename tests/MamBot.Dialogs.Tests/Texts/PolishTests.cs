using MamBot.Data.Centres;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Tests.Texts;

public class PolishTests
{
    [Theory]
    [InlineData(0, "0 osób")]
    [InlineData(1, "1 osoba")]
    [InlineData(2, "2 osoby")]
    [InlineData(4, "4 osoby")]
    [InlineData(5, "5 osób")]
    [InlineData(12, "12 osób")]
    [InlineData(14, "14 osób")]
    [InlineData(22, "22 osoby")]
    [InlineData(25, "25 osób")]
    [InlineData(102, "102 osoby")]
    [InlineData(112, "112 osób")]
    public void Counts_use_the_right_plural_form(int n, string expected) =>
        Assert.Equal(expected, Wording.Count(n, "osoba|osoby|osób"));

    private static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    [Theory]
    [InlineData(DayOfWeek.Wednesday, DayCase.Nominative, "środa")]
    [InlineData(DayOfWeek.Wednesday, DayCase.Accusative, "środę")]
    [InlineData(DayOfWeek.Tuesday, DayCase.Genitive, "wtorku")]
    [InlineData(DayOfWeek.Tuesday, DayCase.OnDay, "we wtorek")]
    [InlineData(DayOfWeek.Sunday, DayCase.Accusative, "niedzielę")]
    [InlineData(DayOfWeek.Sunday, DayCase.Genitive, "niedzieli")]
    [InlineData(DayOfWeek.Saturday, DayCase.OnDay, "w sobotę")]
    [InlineData(DayOfWeek.Monday, DayCase.Genitive, "poniedziałku")]
    public void A_weekday_takes_the_case_the_words_before_it_need(DayOfWeek day, DayCase form, string expected) =>
        Assert.Equal(expected, Wording.DayName(day, form));

    [Fact]
    public void Sentences_with_a_date_after_a_preposition_read_right()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
        var wednesday = new DateTime(2026, 12, 2, 17, 0, 0, DateTimeKind.Utc);
        var tuesday = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal("Przeniesiono na środę, 2 grudnia, 18:00", "Przeniesiono na " + Wording.DateTime(wednesday, zone, DayCase.Accusative));
        Assert.Equal("w bazie od wtorku, 1 grudnia, 10:00", "w bazie od " + Wording.DateTime(tuesday, zone, DayCase.Genitive));
        Assert.Equal("ostatnio we wtorek, 1 grudnia, 10:00", "ostatnio " + Wording.DateTime(tuesday, zone, DayCase.OnDay));
    }

    [Fact]
    public void Dates_read_like_polish_and_show_krakow_time_in_winter_and_summer()
    {
        Assert.Equal("sobota, 12 grudnia, 18:00", Wording.DateTime(new DateTime(2026, 12, 12, 17, 0, 0, DateTimeKind.Utc), Krakow));
        Assert.Equal("piątek, 12 czerwca, 18:00", Wording.DateTime(new DateTime(2026, 6, 12, 16, 0, 0, DateTimeKind.Utc), Krakow));
    }

    [Fact]
    public void The_day_clocks_go_back_shows_the_right_local_hour()
    {
        // 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00 UTC.
        Assert.Equal("niedziela, 25 października, 02:30", Wording.DateTime(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), Krakow));
        Assert.Equal("niedziela, 25 października, 02:30", Wording.DateTime(new DateTime(2026, 10, 25, 1, 30, 0, DateTimeKind.Utc), Krakow));
        Assert.Equal("niedziela, 25 października, 12:00", Wording.DateTime(new DateTime(2026, 10, 25, 11, 0, 0, DateTimeKind.Utc), Krakow));
    }

    [Fact]
    public void Opening_hours_group_days_with_the_same_hours()
    {
        var hours = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday }
            .Select(d => new OpeningHours { Day = d, Opens = new(9, 0), Closes = new(17, 0) })
            .Append(new OpeningHours { Day = DayOfWeek.Wednesday, Opens = new(12, 0), Closes = new(20, 0) });

        Assert.Equal(
            ["poniedziałek–wtorek: 09:00–17:00", "środa: 12:00–20:00", "czwartek: 09:00–17:00", "piątek–niedziela: nieczynne"],
            Wording.OpeningHours(hours));
    }

    [Theory]
    [InlineData("Zarezerwuj SALĘ na piątek!", "zarezerwuj sale na piatek")]
    [InlineData("  Łódź,  żółw ", "lodz zolw")]
    [InlineData("", "")]
    public void Folding_drops_diacritics_case_and_punctuation(string input, string expected) =>
        Assert.Equal(expected, TypedText.Fold(input));

    [Fact]
    public void Every_button_title_fits_messenger_quick_replies()
    {
        var titles = typeof(T).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && (p.Name.StartsWith("Button", StringComparison.Ordinal) || p.Name.StartsWith("Menu", StringComparison.Ordinal)) && p.Name != "MenuQuestion" && p.Name != "MenuWelcomeBack")
            .Select(p => (string)p.GetValue(null)!)
            .Where(t => !t.Contains('{', StringComparison.Ordinal));
        Assert.All(titles, t => Assert.True(t.Length <= 20, $"'{t}' is longer than 20 characters"));

        foreach (var word in new[] { T.KindShortTips, T.KindShortReminders, T.KindShortDigest, T.KindShortSurveys, T.KindShortIdeas })
            Assert.True(Wording.Format(T.ButtonTurnOff, word).Length <= 20, word);
    }
}
