using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MamBot.Data;

/// <summary>
/// Tells a fault of the storage (disk full, read-only folder, I/O error, a lock held too long) from a fault in
/// our own code. A storage fault says nothing about the conversation: the work is tried again later, unchanged.
/// </summary>
public static class StorageFault
{
    private const int SqliteConstraint = 19; // a broken rule is our code's fault, not the disk's
    private const string PostgresIntegrityClass = "23"; // the same on PostgreSQL: unique, foreign key, check

    public static bool Is(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite: return sqlite.SqliteErrorCode != SqliteConstraint;
                case PostgresException postgres: return !postgres.SqlState.StartsWith(PostgresIntegrityClass, StringComparison.Ordinal);
                case DbException: return true;
                case IOException or UnauthorizedAccessException: return true;
            }
        }
        return false;
    }
}
