using MamBot.Data;
using MamBot.Data.Centres;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using MamBot.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MamBot.Dialogs.Tests;

/// <summary>
/// A resident talking to the real conversation engine over a real SQLite file: send text, press buttons,
/// read the replies the engine queued in the outbox. Restart builds everything anew on the same file.
/// </summary>
public sealed class TestChat : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private ServiceProvider _services;
    private int _updates;

    public FakeTimeProvider Time { get; }
    public string Channel { get; }
    public string ChatId { get; }
    public IReadOnlyList<Reply> Last { get; private set; } = [];

    /// <summary>The language the resident's app is set to, as the channel tells it ("uk"); null: not told.</summary>
    public string? AppLanguage { get; set; }

    private readonly SampleCentre _centre;

    private TestChat(string channel, string chatId, Action<IServiceCollection>? extra, SampleCentre centre, DateTimeOffset now)
    {
        Time = new(now);
        _centre = centre;
        Channel = channel;
        ChatId = chatId;
        _extra = extra;
        _services = Build();
    }

    private readonly Action<IServiceCollection>? _extra;

    public static async Task<TestChat> StartAsync(string channel = "webchat", string chatId = "chat-anna",
        Action<IServiceCollection>? extra = null, SampleCentre? centre = null, DateTimeOffset? now = null)
    {
        var chat = new TestChat(channel, chatId, extra, centre ?? TestCentre.Sample(), now ?? TestCentre.Now);
        await chat._services.PrepareDatabaseAsync(chat._centre, chat.Time);
        return chat;
    }

    private ServiceProvider Build()
    {
        var file = _folder.File("mambot.db");
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Time)
            .AddMamData(_ => MamDataSetup.ConnectionStringFor(file))
            .AddMamDialogs();
        _extra?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public Task<IReadOnlyList<Reply>> SendAsync(string text, string? updateId = null, string? senderName = "Anna") =>
        TurnAsync(new Activity(Channel, ChatId, text, null, Time.GetUtcNow(), updateId ?? NextUpdateId(), senderName, AppLanguage));

    public Task<IReadOnlyList<Reply>> PressPayloadAsync(string payload, string? updateId = null) =>
        TurnAsync(new Activity(Channel, ChatId, null, payload, Time.GetUtcNow(), updateId ?? NextUpdateId(), "Anna", AppLanguage));

    /// <summary>Presses the button with this title in the latest replies, as a resident would.</summary>
    public Task<IReadOnlyList<Reply>> PressAsync(string title) => PressPayloadAsync(ButtonPayload(title));

    public string ButtonPayload(string title) =>
        Last.SelectMany(r => r.Buttons).SelectMany(row => row).FirstOrDefault(b => b.Title == title)?.Payload
        ?? throw new InvalidOperationException($"No button '{title}' in: {string.Join(" / ", Last.SelectMany(r => r.Buttons).SelectMany(b => b).Select(b => b.Title))}");

    public string ButtonTitle(string payload) =>
        Last.SelectMany(r => r.Buttons).SelectMany(row => row).FirstOrDefault(b => b.Payload == payload)?.Title
        ?? throw new InvalidOperationException($"No button for '{payload}'.");

    public string Text => string.Join("\n---\n", Last.Select(r => r.Text));

    public async Task<IReadOnlyList<Reply>> TurnAsync(Activity activity)
    {
        await using var scope = _services.CreateAsyncScope();
        var turn = await scope.ServiceProvider.GetRequiredService<ConversationEngine>().HandleAsync(activity, default);
        var db = scope.ServiceProvider.GetRequiredService<MamDbContext>();
        var bodies = await db.OutboxMessages.Where(m => turn.OutboxIds.Contains(m.Id)).OrderBy(m => m.Id).Select(m => m.Body).ToListAsync();
        Last = [.. bodies.Select(Reply.FromJson)];
        return Last;
    }

    /// <summary>Whether a dialog (a form, a question) is waiting for this chat's answer.</summary>
    public async Task<bool> InProgressAsync() => await QueryAsync(async db =>
        (await db.ConversationStates.Select(s => s.StateJson).ToListAsync()).Any(json => ConversationData.FromJson(json).Stack.Count > 0));

    public async Task<T> QueryAsync<T>(Func<MamDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MamDbContext>());
    }

    /// <summary>Uses a service in its own scope, as the admin panel or a job would.</summary>
    public async Task<T> UseAsync<TService, T>(Func<TService, Task<T>> use) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Another resident writing from their own chat on the same system.</summary>
    public Task<IReadOnlyList<Reply>> AsAsync(string chatId, string? text, string? payload = null, string senderName = "Sąsiad") =>
        TurnAsync(new Activity(Channel, chatId, text, payload, Time.GetUtcNow(), NextUpdateId(), senderName));

    /// <summary>The words a queued message has when it goes now: a reminder is composed at sending, for its resident.</summary>
    public async Task<string> ComposedTextAsync(OutboxMessage message)
    {
        await using var scope = _services.CreateAsyncScope();
        var resident = await scope.ServiceProvider.GetRequiredService<Data.Residents.ResidentService>().FindAsync(message.ResidentId!.Value, default)
            ?? throw new InvalidOperationException("The message's resident is gone.");
        var reply = await scope.ServiceProvider.GetRequiredService<LaterMessageComposer>().ComposeAsync(Reply.FromJson(message.Body), resident, default);
        return reply?.Text ?? throw new InvalidOperationException("The message has nothing to say any more.");
    }

    public Task<List<OutboxMessage>> NudgesAsync() =>
        QueryAsync(db => db.OutboxMessages.Where(m => m.Kind != OutboxKind.Reply).ToListAsync());

    /// <summary>The process stops and starts again: nothing survives but the database file.</summary>
    public async Task RestartAsync()
    {
        await _services.DisposeAsync();
        _services = Build();
        await _services.PrepareDatabaseAsync(_centre, Time);
    }

    private string NextUpdateId() => $"u{Interlocked.Increment(ref _updates)}";

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _folder.Dispose();
    }
}
