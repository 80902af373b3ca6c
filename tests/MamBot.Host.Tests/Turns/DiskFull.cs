using System.Data.Common;
using MamBot.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Turns;

/// <summary>
/// Fault injection at the database driver: while <see cref="IsFull"/>, every write fails the way SQLite fails on
/// a full disk (error 13), reads still work. (Tests run as root, so a chmod'ed folder would not stop writes.)
/// </summary>
public sealed class DiskFull : DbCommandInterceptor
{
    public volatile bool IsFull;
    private int _refused;

    /// <summary>How many writes failed so far.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public void AddTo(IServiceCollection services) =>
        services.ConfigureDbContext<MamDbContext>(o => o.AddInterceptors(this));

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Check(command);
        return base.ReaderExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Check(command);
        return base.NonQueryExecutingAsync(command, eventData, result, ct);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    private void Check(DbCommand command)
    {
        if (!IsFull || command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)) return;
        Interlocked.Increment(ref _refused);
        throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
    }
}
