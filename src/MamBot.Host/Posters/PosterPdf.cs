using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using MamBot.Host.Printing;
using QRCoder;

namespace MamBot.Host.Posters;

/// <summary>What a poster says: large what and when, where, two short lines, and the QR code's address.</summary>
public sealed record Poster(string Heading, string Title, string When, string Where, IReadOnlyList<string> Lines, string Scan, string Url, string ShortUrl);

/// <summary>
/// An A4 poster for a staircase or a noticeboard: read from a few steps away, so few words in large type, and a
/// QR code big enough for an older phone. The code is drawn as squares (no picture to blur in print).
/// </summary>
public static class PosterPdf
{
    private const double Margin = 48;
    private static readonly XSize A4 = new(595, 842);

    public static byte[] Render(Poster poster)
    {
        PrintFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = poster.Title;
        var page = document.AddPage();
        page.Size = PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var width = A4.Width - 2 * Margin;
            var y = Margin;
            y = Write(gfx, poster.Heading, PdfLines.Font(16, bold: false), XBrushes.DimGray, y, width, 20);
            y = WriteFitted(gfx, poster.Title, y + 8, width, maxHeight: 190, largest: 52, smallest: 26) + 10;
            y = Write(gfx, poster.When, PdfLines.Font(24, bold: true), XBrushes.Black, y, width, 30);
            y = Write(gfx, poster.Where, PdfLines.Font(18, bold: false), XBrushes.Black, y + 4, width, 24);
            foreach (var line in poster.Lines) y = Write(gfx, line, PdfLines.Font(16, bold: false), XBrushes.Black, y + 8, width, 22);

            const double qrSize = 250;
            var qrTop = A4.Height - Margin - 40 - qrSize;
            Write(gfx, poster.Scan, PdfLines.Font(16, bold: true), XBrushes.Black, qrTop - 30, width, 22);
            DrawQr(gfx, poster.Url, (A4.Width - qrSize) / 2, qrTop, qrSize);
            Write(gfx, poster.ShortUrl, PdfLines.Font(16, bold: false), XBrushes.Black, qrTop + qrSize + 8, width, 22);
        }
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>Centred lines, wrapped between words; returns the y below them.</summary>
    private static double Write(XGraphics gfx, string text, XFont font, XBrush brush, double y, double width, double lineHeight)
    {
        foreach (var line in PdfLines.Wrap(gfx, text, font, width))
        {
            gfx.DrawString(line, font, brush, new XRect(Margin, y, width, lineHeight), XStringFormats.TopCenter);
            y += lineHeight;
        }
        return y;
    }

    /// <summary>The title as large as it fits in its box.</summary>
    private static double WriteFitted(XGraphics gfx, string text, double y, double width, double maxHeight, double largest, double smallest)
    {
        for (var size = largest; ; size -= 2)
        {
            var font = PdfLines.Font(size, bold: true);
            var lines = PdfLines.Wrap(gfx, text, font, width);
            if (lines.Count * size * 1.2 <= maxHeight || size <= smallest)
                return Write(gfx, string.Join(' ', lines), font, XBrushes.Black, y, width, size * 1.2);
        }
    }

    private static void DrawQr(XGraphics gfx, string url, double left, double top, double size)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M); // with its quiet zone
        var modules = data.ModuleMatrix;
        var module = size / modules.Count;
        for (var row = 0; row < modules.Count; row++)
        {
            // A run of dark modules is one rectangle: no hairlines between them in print.
            for (var col = 0; col < modules.Count;)
            {
                if (!modules[row][col]) { col++; continue; }
                var start = col;
                while (col < modules.Count && modules[row][col]) col++;
                gfx.DrawRectangle(XBrushes.Black, left + start * module, top + row * module, (col - start) * module, module + 0.2);
            }
        }
    }
}
