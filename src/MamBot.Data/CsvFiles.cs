using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace MamBot.Data;

/// <summary>
/// How every CSV the panel offers is written: semicolons, so a Polish spreadsheet opens it in columns (its list
/// separator is ";"), and cells that begin with = + - @ tab or carriage return get a leading apostrophe, so an
/// answer like "=HYPERLINK(…)" is shown as text, never run as a formula.
/// </summary>
public static class CsvFiles
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        Delimiter = ";",
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
    };

    public static CsvWriter Writer(TextWriter text) => new(text, Configuration);
}
