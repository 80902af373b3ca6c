using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace MamBot.Host.Admin;

/// <summary>CSV files for spreadsheets (written by <see cref="Data.CsvFiles"/>): UTF-8 with a byte order mark, or Excel shows Polish letters garbled.</summary>
public static class CsvDownload
{
    public static FileContentResult Of(string csv, string fileName) =>
        new([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8") { FileDownloadName = fileName };
}
