using PdfSharp.Fonts;

namespace MamBot.Host.Posters;

/// <summary>
/// PDFsharp draws with the fonts it is given: the system's DejaVu Sans (or Liberation Sans), both with every Polish
/// letter, embedded into each PDF. Debian: fonts-dejavu-core.
/// </summary>
public sealed class PosterFonts : IFontResolver
{
    public const string Family = "Poster Sans";
    private static readonly string[][] Candidates =
    [
        ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"],
        ["/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"],
    ];
    private static readonly Lock Gate = new();
    private static bool _installed;

    private readonly string[] _files = Candidates.FirstOrDefault(pair => pair.All(File.Exists))
        ?? throw new PosterFontMissingException();

    /// <summary>PDFsharp takes one resolver for the whole process, before its first page.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            GlobalFontSettings.FontResolver = new PosterFonts();
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "bold" : "regular");

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(_files[faceName == "bold" ? 1 : 0]);
}

/// <summary>No font with Polish letters on this server (Debian: fonts-dejavu-core).</summary>
public sealed class PosterFontMissingException() : Exception("Posters need a font with Polish letters: install fonts-dejavu-core.");
