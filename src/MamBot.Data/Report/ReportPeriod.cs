using System.Globalization;

namespace MamBot.Data.Report;

public enum PeriodKind { Month, Quarter, Pilot }

/// <summary>
/// The months a report covers, first and last included (each the first day of its month): one month, a calendar
/// quarter, or the whole pilot so far. Its key is what the report's address carries: "2026-11", "2026-Q4", "pilot".
/// </summary>
public sealed record ReportPeriod(PeriodKind Kind, DateOnly First, DateOnly Last)
{
    public const string PilotKey = "pilot";

    public static ReportPeriod Month(DateOnly month) =>
        new(PeriodKind.Month, StartOf(month), StartOf(month));

    public static ReportPeriod Quarter(int year, int quarter) =>
        new(PeriodKind.Quarter, new DateOnly(year, 3 * quarter - 2, 1), new DateOnly(year, 3 * quarter, 1));

    public static ReportPeriod QuarterOf(DateOnly month) => Quarter(month.Year, QuarterNumber(month));

    public static ReportPeriod Pilot(DateOnly first, DateOnly last) => new(PeriodKind.Pilot, StartOf(first), StartOf(last));

    public static int QuarterNumber(DateOnly month) => (month.Month - 1) / 3 + 1;

    public string Key => Kind switch
    {
        PeriodKind.Month => First.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"{First.Year.ToString(CultureInfo.InvariantCulture)}-Q{QuarterNumber(First)}",
        _ => PilotKey,
    };

    public IEnumerable<DateOnly> Months()
    {
        for (var month = First; month <= Last; month = month.AddMonths(1)) yield return month;
    }

    /// <summary>The period just before, of the same length; the whole pilot has none.</summary>
    public ReportPeriod? Previous => Kind switch
    {
        PeriodKind.Month => Month(First.AddMonths(-1)),
        PeriodKind.Quarter => QuarterOf(First.AddMonths(-3)),
        _ => null,
    };

    /// <summary>The period just after, while it has begun by the given month.</summary>
    public ReportPeriod? NextBy(DateOnly thisMonth) => Kind switch
    {
        PeriodKind.Month when Last < StartOf(thisMonth) => Month(Last.AddMonths(1)),
        PeriodKind.Quarter when Last < StartOf(thisMonth) => QuarterOf(Last.AddMonths(1)),
        _ => null,
    };

    /// <summary>Reads a key; the whole pilot runs from its first month to this one. False for anything else.</summary>
    public static bool TryParse(string? key, DateOnly pilotStart, DateOnly thisMonth, out ReportPeriod period)
    {
        period = Month(thisMonth);
        if (string.IsNullOrEmpty(key)) return true;
        if (key == PilotKey)
        {
            period = Pilot(pilotStart, thisMonth);
            return true;
        }
        var parts = key.Split("-Q");
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var quarter) && quarter is >= 1 and <= 4
            && year is >= 2000 and <= 2100)
        {
            period = Quarter(year, quarter);
            return true;
        }
        if (DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            && month.Year is >= 2000 and <= 2100)
        {
            period = Month(month);
            return true;
        }
        return false;
    }

    private static DateOnly StartOf(DateOnly date) => new(date.Year, date.Month, 1);
}
