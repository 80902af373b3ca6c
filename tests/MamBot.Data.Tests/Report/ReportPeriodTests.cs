using MamBot.Data.Report;

namespace MamBot.Data.Tests.Report;

/// <summary>The periods the report's picker and its address name, and the ones a comparison looks back to.</summary>
public sealed class ReportPeriodTests
{
    private static readonly DateOnly PilotStart = new(2026, 6, 1), ThisMonth = new(2027, 1, 1);

    private static ReportPeriod Parse(string? key) =>
        ReportPeriod.TryParse(key, PilotStart, ThisMonth, out var period) ? period : throw new FormatException(key);

    [Theory]
    [InlineData(null, "2027-01", "2027-01-01", "2027-01-01")]
    [InlineData("2026-11", "2026-11", "2026-11-01", "2026-11-01")]
    [InlineData("2026-Q4", "2026-Q4", "2026-10-01", "2026-12-01")]
    [InlineData("pilot", "pilot", "2026-06-01", "2027-01-01")]
    public void A_key_names_its_first_and_last_month(string? key, string expectedKey, string first, string last)
    {
        var period = Parse(key);

        Assert.Equal(expectedKey, period.Key);
        Assert.Equal((DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture)),
            (period.First, period.Last));
    }

    [Fact]
    public void The_period_before_crosses_the_new_year_and_the_whole_pilot_has_none()
    {
        Assert.Equal("2026-12", Parse("2027-01").Previous!.Key);
        Assert.Equal("2026-Q4", Parse("2027-Q1").Previous!.Key);
        Assert.Null(Parse("pilot").Previous);
    }

    [Fact]
    public void The_next_period_is_offered_only_once_it_has_begun()
    {
        Assert.Equal("2027-01", Parse("2026-12").NextBy(ThisMonth)!.Key);
        Assert.Equal("2027-Q1", Parse("2026-Q4").NextBy(ThisMonth)!.Key);
        Assert.Null(Parse("2027-01").NextBy(ThisMonth));
        Assert.Null(Parse("2027-Q1").NextBy(ThisMonth));
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-13")]
    [InlineData("listopad")]
    [InlineData("1999-Q1")]
    [InlineData("2026-Q4 ")]
    public void Anything_else_is_no_period(string key) =>
        Assert.False(ReportPeriod.TryParse(key, PilotStart, ThisMonth, out _));
}
