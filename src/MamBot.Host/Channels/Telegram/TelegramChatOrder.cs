using System.Globalization;
using System.Text.Json;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using MamBot.Data;
using MamBot.Data.Conversations;
using MamBot.Dialogs.Conversation;
using MamBot.Host.Cluster;
using MamBot.Host.Turns;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Channels.Telegram;

/// <summary>
/// Webhook mode: Telegram may deliver one chat's updates side by side, and a load balancer spreads them over the
/// hosts. Each update is stored first, and Telegram is answered as soon as it is stored; then, in the background,
/// whichever host holds the chat's lock (<see cref="ChatLocks"/>) handles every stored update of the chat in
/// Telegram's order, one after the other. An update that has to wait (the storage cannot write, a failure) stops
/// the chat's queue there; the next update of the chat or the sweep (<see cref="TelegramInboxSweep"/>, at start
/// and every minute) takes it up again, so a crash loses nothing.
/// </summary>
public sealed partial class TelegramChatOrder(
    IServiceScopeFactory scopes, ChatLocks locks, TelegramUpdateHandler handler, IHostApplicationLifetime lifetime,
    IOptions<TurnOptions> turns, ILogger<TelegramChatOrder> logger) : IDisposable
{
    private readonly Lock _gate = new();

    /// <summary>The chats whose queue runs in this process, and whether more arrived for them meanwhile.</summary>
    private readonly Dictionary<string, bool> _running = [];

    private TaskCompletionSource? _idle;

    /// <summary>As many chats at once as turns the host takes on (Turns:MaxConcurrent).</summary>
    private readonly SemaphoreSlim _places = new(turns.Value.MaxConcurrent);

    /// <returns>Anything but handled when Telegram should deliver the update again later.</returns>
    public async Task<UpdateResult> HandleAsync(Update update, string rawJson, CancellationToken ct)
    {
        if (TelegramUpdateHandler.ChatOf(update) is not { } chat) return await handler.HandleAsync(update, ct); // nothing to order
        var chatId = chat.ToString(CultureInfo.InvariantCulture);
        var eventId = update.Id.ToString(CultureInfo.InvariantCulture);
        try
        {
            // Stored before: a redelivery of an update still waiting; the queue takes it.
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<InboundStore>().TryStoreAsync(ChannelNames.Telegram, eventId, chatId, rawJson, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && StorageFault.Is(ex))
        {
            LogStorageFault(ex, update.Id);
            return UpdateResult.StorageFault;
        }
        Run(chatId);
        return UpdateResult.Handled;
    }

    /// <summary>Runs the chat's stored updates in the background; a chat already running goes round once more.</summary>
    public void Run(string chatId)
    {
        lock (_gate)
        {
            if (_running.ContainsKey(chatId))
            {
                _running[chatId] = true;
                return;
            }
            _running[chatId] = false;
            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        _ = Task.Run(() => RunChatAsync(chatId), CancellationToken.None);
    }

    /// <summary>Completes when no chat's queue runs in this process (for a stop).</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate) return _idle?.Task ?? Task.CompletedTask;
    }

    private async Task RunChatAsync(string chatId)
    {
        var stopping = lifetime.ApplicationStopping;
        while (true)
        {
            try
            {
                await _places.WaitAsync(stopping);
                try
                {
                    await using (await locks.TakeAsync(ChannelNames.Telegram + ":" + chatId, stopping))
                        await HandleStoredAsync(chatId, stopping);
                }
                finally
                {
                    _places.Release();
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { /* stored: the next start takes it */ }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                LogQueueFailed(ex); // e.g. the storage cannot be read: the next update or sweep tries again
            }
            lock (_gate)
            {
                if (!_running[chatId] || stopping.IsCancellationRequested)
                {
                    _running.Remove(chatId);
                    if (_running.Count == 0)
                    {
                        _idle?.TrySetResult();
                        _idle = null;
                    }
                    return;
                }
                _running[chatId] = false;
            }
        }
    }

    public void Dispose() => _places.Dispose();

    /// <summary>Handles the chat's stored updates in order; stops at one that has to wait.</summary>
    private async Task HandleStoredAsync(string chatId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<InboundStore>();
        foreach (var stored in await store.PendingForChatAsync(ChannelNames.Telegram, chatId, ct))
        {
            var update = JsonSerializer.Deserialize<Update>(stored.RawJson, JsonBotAPI.Options)!;
            var result = await handler.HandleAsync(update, ct, stored.Id);
            if (result != UpdateResult.Handled) return; // the later ones wait behind it
            // Its turn forgot it in the same commit, unless there was no turn (a repeat, a flood, a failure given up on).
            if (await store.IsStoredAsync(stored.Id, ct)) await store.ForgetAsync(stored.Id, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram update {UpdateId} waits: the storage cannot write; tried again later")]
    private partial void LogStorageFault(Exception ex, int updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A chat's stored Telegram updates wait: handling them failed; tried again later")]
    private partial void LogQueueFailed(Exception ex);
}
