using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MamBot.Data.Ideas;
using MamBot.Data.Report;
using MamBot.Dialogs.Ideas;
using MamBot.Dialogs.Texts;

namespace MamBot.Host.Admin.Pages.Report;

/// <summary>One figure month by month: a few series of numbers, shown as a chart with the same numbers in a table under it.</summary>
public sealed partial record ReportChart(string Title, IReadOnlyList<DateOnly> Months, IReadOnlyList<(string Name, double[] Values)> Series)
{
    /// <summary>What stands in place of the chart when no month has a value ("brak ocen"), not an empty axis.</summary>
    public string NoValues { get; init; } = AdminText.ChartNoValues;

    /// <summary>No month has a value: a plotting library would draw an axis running −10 to 10 around nothing.</summary>
    public bool IsEmpty => Series.All(s => s.Values.All(double.IsNaN));

    /// <summary>Short month labels under the bars: "lis 2026".</summary>
    public static string MonthLabel(DateOnly month) =>
        CultureInfo.GetCultureInfo("pl-PL").DateTimeFormat.AbbreviatedMonthNames[month.Month - 1].TrimEnd('.') + " " + month.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The chart as an SVG in a data: address, for an &lt;img&gt;: drawn on the server (ScottPlot), shown without
    /// JavaScript, and no markup of it (room names are typed by staff) can run in the page.
    /// </summary>
    public string SvgDataUrl()
    {
        using var plot = Draw();
        // The browser draws the text: with its own sans-serif when it lacks the font the server measured with.
        var svg = FontFamily().Replace(plot.GetSvgXml(Width, 300), "font-family=\"$1, sans-serif\"");
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }

    /// <summary>The chart as a PNG for print, twice the pixels of the page's SVG so it stays sharp on paper.</summary>
    public byte[] Png(int width, int height)
    {
        Printing.PrintFonts.Install();
        using var plot = Draw();
        plot.ScaleFactor = 2;
        return plot.GetImageBytes(width * 2, height * 2, ScottPlot.ImageFormat.Png);
    }

    private int Width => Math.Max(720, 90 * Months.Count);

    private ScottPlot.Plot Draw()
    {
        var plot = new ScottPlot.Plot();
        // The print font (DejaVu Sans): ScottPlot's own choice on Debian is a serif one.
        plot.Font.Set(Printing.PrintFonts.TryInstall() ? Printing.PrintFonts.Family : ScottPlot.Fonts.Sans);
        var width = 1.0 / (Series.Count + 1);
        for (var s = 0; s < Series.Count; s++)
        {
            var (name, values) = Series[s];
            var offset = (s - (Series.Count - 1) / 2.0) * width;
            var months = Enumerable.Range(0, Months.Count).Where(m => !double.IsNaN(values[m])).ToArray();
            var bars = plot.Add.Bars([.. months.Select(m => m + offset)], [.. months.Select(m => values[m])]);
            foreach (var bar in bars.Bars) bar.Size = width * 0.9;
            bars.LegendText = name;
        }
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, Months.Count).Select(m => (double)m)], [.. Months.Select(MonthLabel)]);
        plot.Axes.Margins(bottom: 0);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true }; // people, not fractions
        if (Series.Count > 1) plot.ShowLegend(ScottPlot.Edge.Bottom); // under the bars, never over them
        return plot;
    }

    /// <summary>The charts of the report, month by month: residents (also by channel), bookings and hours by room,
    /// events and their rating, ideas by status, survey answers, requests to talk to a person.</summary>
    public static IReadOnlyList<ReportChart> For(IReadOnlyList<PeriodFigures> months)
    {
        var dates = months.Select(m => m.Period.First).ToList();
        double[] Of(Func<PeriodFigures, double> figure) => [.. months.Select(figure)];
        var rooms = months.SelectMany(m => m.Rooms.Select(r => r.Room)).Distinct().ToList();
        var channels = months.SelectMany(m => m.ActiveByChannel.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        (string, double[]) Room(string room, Func<RoomFigures, double> figure) =>
            (room, Of(m => m.Rooms.FirstOrDefault(r => r.Room == room) is { } r ? figure(r) : 0));
        return
        [
            new(AdminText.ChartResidents, dates, [(AdminText.ReportActive, Of(m => m.Active)), (AdminText.ReportNew, Of(m => m.New))]),
            new(AdminText.ChartActiveByChannel, dates, [.. channels.Select(c => (Wording.ChannelName(c), Of(m => m.ActiveByChannel.GetValueOrDefault(c))))]),
            new(AdminText.ChartNewByChannel, dates, [.. channels.Select(c => (Wording.ChannelName(c), Of(m => m.NewByChannel.GetValueOrDefault(c))))]),
            new(AdminText.ChartBookings, dates, [.. rooms.Select(room => Room(room, r => r.Bookings))]),
            new(AdminText.ChartHours, dates, [.. rooms.Select(room => Room(room, r => r.Hours))]),
            new(AdminText.ChartEvents, dates,
                [(AdminText.ReportSignedUp, Of(m => m.Events.Going)), (AdminText.ReportCame, Of(m => m.Events.Came)), (AdminText.ReportWaiting, Of(m => m.Events.Waiting))]),
            // A month without ratings has no bar (and "–" in its table), not a rating of 0.
            new(AdminText.ChartRating, dates, [(AdminText.ReportRating, Of(m => m.Events.AverageRating ?? double.NaN))])
                { NoValues = AdminText.ChartNoRatings },
            new(AdminText.ChartIdeas, dates, [.. Enum.GetValues<IdeaStatus>().Select(status => (IdeaDesk.StatusName(status), Of(m => m.IdeasByStatus.GetValueOrDefault(status))))]),
            new(AdminText.ChartSurveys, dates, [(AdminText.ReportSurveys, Of(m => m.Surveys.Sum(s => s.Responses)))]),
            new(AdminText.ChartTalks, dates, [(AdminText.ReportTalksAsked, Of(m => m.Handoffs.Asked)), (AdminText.ReportTalksAnswered, Of(m => m.Handoffs.Answered))]),
        ];
    }

    [GeneratedRegex("font-family=\"([^\"]*)\"")]
    private static partial Regex FontFamily();

    public static string Number(double value) =>
        double.IsNaN(value) ? "–" : value.ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',');
}
