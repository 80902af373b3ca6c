using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MamBot.Data;

/// <summary>
/// Every connection overwrites what it deletes with zeros (PRAGMA secure_delete), so an erased resident's words
/// are not left readable in the free pages of the database file. The setting lives as long as the native
/// connection, which the pool reuses: it is set once for each, not at every open.
/// A writer that meets the file's lock taken (by another process, or a statement outside the write gate) waits
/// in SQLite's own busy handler, which looks again within milliseconds (PRAGMA busy_timeout), instead of failing
/// at once into Microsoft.Data.Sqlite's retry, which sleeps 150 ms at a time.
/// </summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 30000; // as long as DefaultTimeout
    private static readonly string Pragma = $"PRAGMA secure_delete = ON; PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";
    private readonly ConditionalWeakTable<object, object> _set = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (AlreadySet(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
        NoteSet(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (AlreadySet(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
        NoteSet(connection);
    }

    private bool AlreadySet(DbConnection connection) => connection is SqliteConnection { Handle: { } handle } && _set.TryGetValue(handle, out _);

    private void NoteSet(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) _set.TryAdd(handle, this);
    }
}
