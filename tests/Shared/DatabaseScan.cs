using System.Data.Common;
using System.Globalization;
using System.Text;

namespace MamBot.Tests.Shared;

/// <summary>Looks for a person's traces everywhere: every text column of every table, and the raw bytes of files.</summary>
public static class DatabaseScan
{
    /// <summary>"table.column" for each column where some row holds the trace.</summary>
    public static async Task<List<string>> ColumnsContainingAsync(DbConnection connection, string trace)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        var found = new List<string>();
        foreach (var table in await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        {
            foreach (var column in await ListAsync(connection, $"SELECT name FROM pragma_table_info('{table}')"))
            {
                await using var search = connection.CreateCommand();
                search.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE '%' || $trace || '%'";
                var parameter = search.CreateParameter();
                (parameter.ParameterName, parameter.Value) = ("$trace", trace);
                search.Parameters.Add(parameter);
                if (Convert.ToInt64(await search.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0) found.Add($"{table}.{column}");
            }
        }
        return found;
    }

    /// <summary>The files (of a data folder, say) whose bytes hold the trace as UTF-8 text.</summary>
    public static IEnumerable<string> FilesContaining(IEnumerable<string> paths, string trace)
    {
        var bytes = Encoding.UTF8.GetBytes(trace);
        foreach (var path in paths.Where(File.Exists))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (copy.GetBuffer().AsSpan(0, (int)copy.Length).IndexOf(bytes) >= 0) yield return Path.GetFileName(path);
        }
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}
