using MamBot.Dialogs.Texts;
using MamBot.Host.Printing;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MamBot.Host.Admin.Pages.Events;

/// <summary>What the sign-in sheet holds: the event, those going and waiting (name, phone), and blank lines for walk-ins.</summary>
public sealed record SignInSheet(string Centre, string Title, string WhenAndWhere, string Places, string Printed,
    IReadOnlyList<(string Name, string Phone)> Going, IReadOnlyList<(string Name, string Phone)> Waiting, int BlankLines);

/// <summary>
/// The A4 sheet on the table at the door: a numbered row per person with room to sign, blank rows for those who
/// come without signing up, the waiting list after; the column headings repeat on every page.
/// </summary>
public static class SignInSheetPdf
{
    private const double Margin = 45, RowHeight = 26;
    private static readonly XSize A4 = new(595, 842);
    private static double Width => A4.Width - 2 * Margin;
    private static readonly double[] Columns = [32, 200, 110]; // number, name, phone; the signature takes the rest

    public static byte[] Render(SignInSheet sheet)
    {
        PrintFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"{AdminText.SignInSheetTitle}: {sheet.Title}";
        var pages = new Sheet(document);
        pages.Line(sheet.Centre, PdfLines.Font(10), XBrushes.DimGray, 14);
        pages.Line(AdminText.SignInSheetTitle, PdfLines.Font(12, bold: true), XBrushes.Black, 18);
        pages.Line(sheet.Title, PdfLines.Font(18, bold: true), XBrushes.Black, 24);
        pages.Line(sheet.WhenAndWhere, PdfLines.Font(12), XBrushes.Black, 17);
        pages.Line(sheet.Places, PdfLines.Font(10), XBrushes.DimGray, 14);
        pages.Line(sheet.Printed, PdfLines.Font(9), XBrushes.DimGray, 16);
        var number = 0;
        pages.Rows([.. sheet.Going.Select(p => ((++number).ToString(Wording.Culture), p.Name, p.Phone)),
            .. Enumerable.Range(0, sheet.BlankLines).Select(_ => ((++number).ToString(Wording.Culture), "", ""))]);
        if (sheet.Waiting.Count > 0)
        {
            pages.Line("", PdfLines.Font(10), XBrushes.Black, 10);
            pages.Line(AdminText.SignInSheetWaiting, PdfLines.Font(12, bold: true), XBrushes.Black, 18);
            var place = 0;
            pages.Rows([.. sheet.Waiting.Select(p => ((++place).ToString(Wording.Culture), p.Name, p.Phone))]);
        }
        pages.Close();
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>Writes down the sheet, opening a new page when the next line or row does not fit.</summary>
    private sealed class Sheet(PdfDocument document)
    {
        private XGraphics? _gfx;
        private double _y = double.MaxValue;
        private XGraphics Gfx => _gfx!;

        private bool Room(double height)
        {
            if (_gfx is not null && _y + height <= A4.Height - Margin) return false;
            _gfx?.Dispose();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            _gfx = XGraphics.FromPdfPage(page);
            _y = Margin;
            return true;
        }

        public void Line(string text, XFont font, XBrush brush, double height)
        {
            foreach (var line in text.Length == 0 ? [""] : Wrapped(text, font, height))
            {
                Room(height);
                Gfx.DrawString(line, font, brush, new XRect(Margin, _y, Width, height), XStringFormats.TopLeft);
                _y += height;
            }
        }

        private List<string> Wrapped(string text, XFont font, double height)
        {
            Room(height); // a page to measure on
            return PdfLines.Wrap(Gfx, text, font, Width);
        }

        /// <summary>Bordered rows under the column headings, which a new page repeats.</summary>
        public void Rows(IReadOnlyList<(string Number, string Name, string Phone)> rows)
        {
            Heading();
            foreach (var (n, name, phone) in rows)
            {
                if (Room(RowHeight)) Heading();
                Cells(PdfLines.Font(11), n, name, phone, "");
            }
        }

        private void Heading()
        {
            Room(RowHeight * 2);
            Gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(235, 235, 235)), Margin, _y, Width, RowHeight);
            var titles = AdminText.SignInSheetColumns.Split('|');
            Cells(PdfLines.Font(10, bold: true), titles[0], titles[1], titles[2], titles[3]);
        }

        private void Cells(XFont font, params string[] texts)
        {
            var x = Margin;
            for (var i = 0; i < texts.Length; i++)
            {
                var width = i < Columns.Length ? Columns[i] : Width - Columns.Sum();
                Gfx.DrawRectangle(XPens.Gray, x, _y, width, RowHeight);
                var text = Fit(texts[i], font, width - 8);
                Gfx.DrawString(text, font, XBrushes.Black, new XRect(x + 4, _y, width - 8, RowHeight), XStringFormats.CenterLeft);
                x += width;
            }
            _y += RowHeight;
        }

        /// <summary>A name too long for its cell is cut with an ellipsis rather than run into the next one.</summary>
        private string Fit(string text, XFont font, double width)
        {
            if (Gfx.MeasureString(text, font).Width <= width) return text;
            while (text.Length > 1 && Gfx.MeasureString(text + "…", font).Width > width) text = text[..^1];
            return text + "…";
        }

        public void Close() => _gfx?.Dispose();
    }
}
