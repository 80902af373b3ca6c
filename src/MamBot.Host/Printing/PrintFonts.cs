using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace MamBot.Host.Printing;

/// <summary>
/// PDFsharp draws with the fonts it is given: the system's DejaVu Sans (or Liberation Sans), both with every Polish
/// letter, embedded into each PDF (posters, the pilot report). The report's charts are drawn with the same files.
/// Debian: fonts-dejavu-core.
/// </summary>
public sealed class PrintFonts : IFontResolver
{
    public const string Family = "Print Sans";
    private static readonly string[][] Candidates =
    [
        ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"],
        ["/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"],
    ];
    private static readonly Lock Gate = new();
    private static bool _installed;

    private readonly string[] _files = Candidates.FirstOrDefault(pair => pair.All(File.Exists))
        ?? throw new PrintFontMissingException();

    /// <summary>PDFsharp takes one resolver for the whole process, before its first page; ScottPlot learns the
    /// same files under the same name.</summary>
    public static void Install()
    {
        if (!TryInstall()) throw new PrintFontMissingException();
    }

    /// <summary>False when the server has no font with Polish letters.</summary>
    public static bool TryInstall()
    {
        lock (Gate)
        {
            if (_installed) return true;
            if (!Candidates.Any(pair => pair.All(File.Exists))) return false;
            var fonts = new PrintFonts();
            GlobalFontSettings.FontResolver = fonts;
            ScottPlot.Fonts.AddFontFile(Family, fonts._files[0], bold: false, italic: false);
            ScottPlot.Fonts.AddFontFile(Family, fonts._files[1], bold: true, italic: false);
            _installed = true;
            return true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "bold" : "regular");

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(_files[faceName == "bold" ? 1 : 0]);
}

/// <summary>No font with Polish letters on this server (Debian: fonts-dejavu-core).</summary>
public sealed class PrintFontMissingException() : Exception("PDFs need a font with Polish letters: install fonts-dejavu-core.");

/// <summary>Text laid out in lines for PDFsharp, which draws one line at a time.</summary>
public static class PdfLines
{
    public static XFont Font(double size, bool bold = false) => new(PrintFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    /// <summary>The text in lines no wider than the width, broken between words.</summary>
    public static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                lines.Add(current);
                current = word;
            }
            else current = candidate;
        }
        if (current.Length > 0) lines.Add(current);
        return lines;
    }
}
