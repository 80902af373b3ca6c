using System.Globalization;
using MamBot.Data.Report;
using MamBot.Dialogs.Texts;

namespace MamBot.Host.Admin.Pages.Report;

/// <summary>A report period in Polish: "listopad 2026", "IV kwartał 2026", "cały pilotaż (maj 2026 – grudzień 2026)".</summary>
public static class ReportPeriodText
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public static string MonthName(DateOnly month) =>
        CultureInfo.GetCultureInfo("pl-PL").DateTimeFormat.MonthNames[month.Month - 1] + " " + month.Year.ToString(CultureInfo.InvariantCulture);

    public static string Name(ReportPeriod period) => period.Kind switch
    {
        PeriodKind.Month => MonthName(period.First),
        PeriodKind.Quarter => Wording.Format(AdminText.ReportQuarterName, QuarterNumeral(period), period.First.Year),
        _ => Wording.Format(AdminText.ReportPilotName, MonthName(period.First), MonthName(period.Last)),
    };

    /// <summary>Where a sentence about the period begins: "w listopadzie", "w IV kwartale", "od początku pilotażu".</summary>
    public static string In(ReportPeriod period) => period.Kind switch
    {
        PeriodKind.Month => InMonth(period.First.Month),
        PeriodKind.Quarter => Wording.Format(AdminText.ReportInQuarter, QuarterNumeral(period)),
        _ => AdminText.ReportSincePilotStart,
    };

    /// <summary>"w listopadzie", "we wrześniu" (two consonants at the start take "we").</summary>
    public static string InMonth(int month) => (month == 9 ? "we " : "w ") + AdminText.MonthNamesLocative.Split('|')[month - 1];

    private static string QuarterNumeral(ReportPeriod period) => Roman[ReportPeriod.QuarterNumber(period.First) - 1];
}
