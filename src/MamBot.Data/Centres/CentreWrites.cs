using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MamBot.Data.Centres;

/// <summary>
/// Drops the cached centres whenever a command writes to their tables, whichever way it was made (SaveChanges,
/// ExecuteUpdate, raw SQL); inside a transaction once more after the commit (see <see cref="CentreCache"/>).
/// </summary>
public sealed class CentreWrites : DbCommandInterceptor
{
    private static readonly string[] Tables = ["\"Centres\"", "\"Rooms\"", "\"OpeningHours\"", "\"HouseRule\"", "\"FaqEntries\"",
        "\"LocalContacts\""];

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Note(command, eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Note(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Note(command, eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Note(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Note(DbCommand command, CommandExecutedEventData eventData)
    {
        if (!WritesToCentre(command.CommandText)) return;
        CentreCache.Forget(command.Connection?.ConnectionString);
        if (eventData.Context is MamDbContext db && command.Transaction is not null) db.ForgetCentresAfterCommit();
    }

    private static bool WritesToCentre(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        var writes = text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
        return writes && Tables.Any(t => sql.Contains(t, StringComparison.Ordinal));
    }
}
