using MamBot.Data.Report;
using MamBot.Host.Admin.Pages.Report;

namespace MamBot.Host.Tests.Admin;

/// <summary>The report's periods in Polish, as the comparison sentences use them.</summary>
public sealed class ReportPeriodTextTests
{
    [Theory]
    [InlineData(1, "w styczniu")]
    [InlineData(2, "w lutym")]
    [InlineData(9, "we wrześniu")]
    [InlineData(10, "w październiku")]
    [InlineData(11, "w listopadzie")]
    [InlineData(12, "w grudniu")]
    public void A_month_after_w_takes_the_locative_and_september_takes_we(int month, string expected) =>
        Assert.Equal(expected, ReportPeriodText.InMonth(month));

    [Fact]
    public void A_quarter_is_written_in_roman_numerals()
    {
        Assert.Equal("IV kwartał 2026", ReportPeriodText.Name(ReportPeriod.Quarter(2026, 4)));
        Assert.Equal("w I kwartale", ReportPeriodText.In(ReportPeriod.Quarter(2027, 1)));
    }
}
