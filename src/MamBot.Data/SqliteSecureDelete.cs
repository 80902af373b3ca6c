using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MamBot.Data;

/// <summary>
/// Every connection overwrites what it deletes with zeros (PRAGMA secure_delete), so an erased resident's words
/// are not left readable in the free pages of the database file.
/// </summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
