using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MamBot.Benchmarks.Floor;

/// <summary>
/// The floor for a web chat turn: a bare ASP.NET Core app that parses the same JSON and, in one EF Core SQLite
/// (WAL) write transaction, reads the conversation's row and inserts two (the message and the reply). Writers
/// queue on an in-process gate, as the bot's do, so it never sleeps on SQLite's busy lock. What a turn must at
/// least do; nothing in it understands Polish. On PostgreSQL (a connection string given) the same writes, with
/// no gate: PostgreSQL's row locks are all it needs.
/// </summary>
public static class WebChatFloor
{
    public static async Task<WebApplication> StartAsync(string folder, int port, string? postgres = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var file = Path.Combine(folder, "floor.db");
        builder.Services.AddDbContext<FloorDb>(o =>
        {
            if (postgres is null) o.UseSqlite($"Data Source={file};Pooling=True;Default Timeout=30");
            else o.UseNpgsql(postgres);
        });
        var app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FloorDb>();
            await db.Database.EnsureCreatedAsync();
            if (postgres is null) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        var gate = new SemaphoreSlim(postgres is null ? 1 : int.MaxValue, int.MaxValue);
        app.MapPost("/api/chat/{conversation}", async (string conversation, HttpRequest request, FloorDb db, CancellationToken ct) =>
        {
            var message = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: ct);
            var text = message.TryGetProperty("text", out var t) ? t.GetString() : message.GetProperty("payload").GetString();
            await gate.WaitAsync(ct);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var state = await db.Conversations.FirstOrDefaultAsync(c => c.Id == conversation, ct);
                if (state is null) db.Conversations.Add(state = new FloorConversation { Id = conversation });
                state.Turns++;
                var now = DateTime.UtcNow;
                db.Messages.Add(new FloorMessage { ConversationId = conversation, Text = text ?? "", CreatedUtc = now });
                db.Messages.Add(new FloorMessage { ConversationId = conversation, Text = "ok", CreatedUtc = now });
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            finally { gate.Release(); }
            return Results.Json(new { replies = new[] { new { text = "ok" } } });
        });
        await app.StartAsync();
        return app;
    }

    public sealed class FloorDb(DbContextOptions<FloorDb> options) : DbContext(options)
    {
        public DbSet<FloorConversation> Conversations => Set<FloorConversation>();
        public DbSet<FloorMessage> Messages => Set<FloorMessage>();
    }

    public sealed class FloorConversation
    {
        public required string Id { get; set; }
        public int Turns { get; set; }
    }

    public sealed class FloorMessage
    {
        public long Id { get; set; }
        public required string ConversationId { get; set; }
        public required string Text { get; set; }
        public DateTime CreatedUtc { get; set; }
    }
}
