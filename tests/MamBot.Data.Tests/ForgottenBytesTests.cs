using MamBot.Data.Conversations;
using MamBot.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Data.Tests;

/// <summary>What is deleted for privacy leaves the files too, also while someone else is reading the database.</summary>
public class ForgottenBytesTests
{
    private const string Trace = "slowa-do-zapomnienia-83k";

    [Fact]
    public async Task Deleted_words_leave_the_write_ahead_log_even_when_another_connection_was_still_reading()
    {
        await using var db = await TestDatabase.CreateAsync();
        var file = await db.QueryAsync(d => Task.FromResult(new SqliteConnectionStringBuilder(d.Database.GetConnectionString()).DataSource));
        await using (var scope = db.Scope())
        {
            var context = scope.ServiceProvider.GetRequiredService<MamDbContext>();
            context.ConversationStates.Add(new ConversationState { Channel = "webchat", ChatId = "c1", StateJson = $"{{\"said\":\"{Trace}\"}}" });
            await context.SaveChangesAsync();
        }
        await using var reader = new SqliteConnection(MamDataSetup.ConnectionStringFor(file));
        await reader.OpenAsync();
        await using var reading = reader.BeginTransaction(deferred: true);
        await using (var count = reader.CreateCommand())
        {
            count.CommandText = "SELECT COUNT(*) FROM ConversationStates"; // from now on it reads an older snapshot
            await count.ExecuteScalarAsync();
        }

        await using (var scope = db.Scope())
        {
            var context = scope.ServiceProvider.GetRequiredService<MamDbContext>();
            await context.ConversationStates.Where(s => s.ChatId == "c1").ExecuteDeleteAsync();
            var forgetting = context.ForgetDeletedBytesAsync(default);
            await Task.Delay(100); // the reader finishes a moment later, as a page being rendered would
            await reading.CommitAsync();
            await forgetting;
        }

        Assert.Empty(DatabaseScan.FilesContaining([file, file + "-wal"], Trace));
    }
}
