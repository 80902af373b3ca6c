using MamBot.Dialogs.Texts;
using MamBot.Host.Printing;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MamBot.Host.Admin.Pages.Report;

/// <summary>What the printed report holds: the page's sentences, figures and charts, with the centre and the period.</summary>
public sealed record PrintedReport(string Centre, string Period, string MadeOn, IReadOnlyList<string> Sentences,
    IReadOnlyList<(string Area, string Item, string Value)> Rows, IReadOnlyList<ReportChart> Charts);

/// <summary>
/// The pilot report as A4 pages to print or attach to a letter to the city: a heading with the centre and the
/// period, the comparison sentences, the table of figures, then the charts, two to a page, numbered pages.
/// </summary>
public static class ReportPdf
{
    private const double Margin = 50;
    private const double ChartHeight = 280;
    private static readonly XSize A4 = new(595, 842);
    private static double Width => A4.Width - 2 * Margin;
    private static double Bottom => A4.Height - Margin - 20; // room for the page number

    public static byte[] Render(PrintedReport report)
    {
        PrintFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = Wording.Format(AdminText.ReportPdfTitle, report.Period);
        var pages = new Pages(document);

        pages.Text(report.Centre, PdfLines.Font(11), XBrushes.DimGray, 15);
        pages.Text(Wording.Format(AdminText.ReportPdfTitle, report.Period), PdfLines.Font(20, bold: true), XBrushes.Black, 26);
        pages.Text(Wording.Format(AdminText.ReportPdfMade, report.MadeOn), PdfLines.Font(10), XBrushes.DimGray, 14);
        pages.Gap(12);
        foreach (var sentence in report.Sentences) pages.Text(sentence, PdfLines.Font(13, bold: true), XBrushes.Black, 18);
        pages.Gap(10);
        pages.Table(report.Rows);

        foreach (var chart in report.Charts)
        {
            if (chart.IsEmpty)
            {
                pages.Room(24 + 18 + 16);
                pages.Text(chart.Title, PdfLines.Font(12, bold: true), XBrushes.Black, 18);
                pages.Text(chart.NoValues, PdfLines.Font(11), XBrushes.DimGray, 16);
                pages.Gap(16);
                continue;
            }
            pages.Room(24 + ChartHeight * Width / ChartWidth(chart) + 16);
            pages.Text(chart.Title, PdfLines.Font(12, bold: true), XBrushes.Black, 18);
            pages.Image(chart.Png(ChartWidth(chart), (int)ChartHeight), ChartHeight * Width / ChartWidth(chart));
            pages.Gap(16);
        }
        pages.Number();

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>Charts are drawn at least as wide as the page, so their labels keep a readable size.</summary>
    private static int ChartWidth(ReportChart chart) => Math.Max((int)Width, 60 * chart.Months.Count);

    /// <summary>Writes down the document, opening a new page when the next piece does not fit.</summary>
    private sealed class Pages(PdfDocument document)
    {
        private XGraphics? _gfx;
        private double _y = double.MaxValue;

        private XGraphics Gfx => _gfx ?? throw new InvalidOperationException("No page yet.");

        /// <summary>Starts a new page unless the height still fits on this one.</summary>
        public void Room(double height)
        {
            if (_gfx is not null && _y + height <= Bottom) return;
            _gfx?.Dispose();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            _gfx = XGraphics.FromPdfPage(page);
            _y = Margin;
        }

        public void Gap(double height) => _y += height;

        public void Text(string text, XFont font, XBrush brush, double lineHeight)
        {
            Room(lineHeight);
            foreach (var line in PdfLines.Wrap(Gfx, text, font, Width))
            {
                Room(lineHeight);
                Gfx.DrawString(line, font, brush, new XRect(Margin, _y, Width, lineHeight), XStringFormats.TopLeft);
                _y += lineHeight;
            }
        }

        /// <summary>Area, item and value in three columns, the value on the right; a new page repeats nothing.</summary>
        public void Table(IReadOnlyList<(string Area, string Item, string Value)> rows)
        {
            var font = PdfLines.Font(9.5);
            const double rowHeight = 14, areaWidth = 150, valueWidth = 60;
            var itemWidth = Width - areaWidth - valueWidth;
            Room(rowHeight);
            foreach (var (area, item, value) in rows)
            {
                // Both text columns wrap within their own width: a long area name never runs over the item beside it.
                var areaLines = PdfLines.Wrap(Gfx, area, font, areaWidth - 8);
                var itemLines = PdfLines.Wrap(Gfx, item, font, itemWidth - 6);
                var lines = Math.Max(areaLines.Count, itemLines.Count);
                Room(rowHeight * lines);
                Gfx.DrawLine(XPens.LightGray, Margin, _y, Margin + Width, _y);
                for (var i = 0; i < areaLines.Count; i++)
                    Gfx.DrawString(areaLines[i], font, XBrushes.Black, new XRect(Margin, _y + 2 + i * rowHeight, areaWidth, rowHeight), XStringFormats.TopLeft);
                for (var i = 0; i < itemLines.Count; i++)
                    Gfx.DrawString(itemLines[i], font, XBrushes.Black, new XRect(Margin + areaWidth, _y + 2 + i * rowHeight, itemWidth, rowHeight), XStringFormats.TopLeft);
                Gfx.DrawString(value.Length == 0 ? "–" : value.Replace('.', ','), font, XBrushes.Black,
                    new XRect(Margin + areaWidth + itemWidth, _y + 2, valueWidth, rowHeight), XStringFormats.TopRight);
                _y += rowHeight * lines;
            }
            Gap(12);
        }

        public void Image(byte[] png, double height)
        {
            Room(height);
            using var image = XImage.FromStream(new MemoryStream(png));
            Gfx.DrawImage(image, Margin, _y, Width, height);
            _y += height;
        }

        /// <summary>"strona 1 z 3" at the foot of each page, once all pages exist.</summary>
        public void Number()
        {
            _gfx?.Dispose();
            _gfx = null;
            for (var i = 0; i < document.PageCount; i++)
            {
                using var gfx = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                gfx.DrawString(Wording.Format(AdminText.ReportPdfPage, i + 1, document.PageCount), PdfLines.Font(9), XBrushes.DimGray,
                    new XRect(Margin, A4.Height - Margin, Width, 12), XStringFormats.TopRight);
            }
        }
    }
}
