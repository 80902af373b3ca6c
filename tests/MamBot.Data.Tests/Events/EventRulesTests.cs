using MamBot.Data.Events;

namespace MamBot.Data.Tests.Events;

/// <summary>The dates of a weekly series, as the panel's "Powtarzaj" asks for them.</summary>
public sealed class EventRulesTests
{
    private static readonly DateOnly Wednesday = new(2026, 12, 2);

    [Fact]
    public void Every_week_for_four_dates_gives_four_wednesdays()
    {
        Assert.Equal([Wednesday, new(2026, 12, 9), new(2026, 12, 16), new(2026, 12, 23)], EventRules.Days(Wednesday, new Repeat(1, 4, null)));
    }

    [Fact]
    public void Every_two_weeks_until_a_day_includes_that_day_and_crosses_the_new_year()
    {
        Assert.Equal([Wednesday, new(2026, 12, 16), new(2026, 12, 30), new(2027, 1, 13)],
            EventRules.Days(Wednesday, new Repeat(2, null, new DateOnly(2027, 1, 13))));
    }

    [Fact]
    public void More_than_a_year_of_dates_is_more_than_the_panel_takes()
    {
        Assert.True(EventRules.Days(Wednesday, new Repeat(1, null, Wednesday.AddYears(2))).Count > EventRules.MaxOccurrences);
        Assert.Empty(EventRules.Days(Wednesday, new Repeat(0, 4, null)));
    }
}
