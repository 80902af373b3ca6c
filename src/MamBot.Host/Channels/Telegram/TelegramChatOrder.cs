using System.Globalization;
using System.Text.Json;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using MamBot.Data;
using MamBot.Data.Conversations;
using MamBot.Dialogs.Conversation;
using MamBot.Host.Cluster;

namespace MamBot.Host.Channels.Telegram;

/// <summary>
/// Webhook mode: Telegram may deliver one chat's updates side by side, and a load balancer spreads them over the
/// hosts. Each update is stored first; then whichever request holds the chat's lock (<see cref="ChatLocks"/>)
/// handles every stored update of the chat in Telegram's order, one after the other. A request answers once its
/// own update is handled, by itself or by another; an update that has to wait (the storage cannot write) stops
/// the chat's queue there, and Telegram delivers it again.
/// </summary>
public sealed partial class TelegramChatOrder(
    IServiceScopeFactory scopes, ChatLocks locks, TelegramUpdateHandler handler, ILogger<TelegramChatOrder> logger)
{
    /// <returns>Anything but handled when Telegram should deliver the update again later.</returns>
    public async Task<UpdateResult> HandleAsync(Update update, string rawJson, CancellationToken ct)
    {
        if (TelegramUpdateHandler.ChatOf(update) is not { } chat) return await handler.HandleAsync(update, ct); // nothing to order
        var chatId = chat.ToString(CultureInfo.InvariantCulture);
        var eventId = update.Id.ToString(CultureInfo.InvariantCulture);
        try
        {
            // Stored before: a redelivery of an update still waiting; the queue below takes it.
            await using (var scope = scopes.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<InboundStore>().TryStoreAsync(ChannelNames.Telegram, eventId, chatId, rawJson, ct);
            UpdateResult stopped;
            await using (await locks.TakeAsync(ChannelNames.Telegram + ":" + chatId, ct))
                stopped = await HandleStoredAsync(chatId, ct);
            await using var check = scopes.CreateAsyncScope();
            var inbound = check.ServiceProvider.GetRequiredService<InboundStore>();
            if (!await inbound.IsPendingAsync(ChannelNames.Telegram, eventId, ct)) return UpdateResult.Handled;
            return stopped == UpdateResult.StorageFault ? UpdateResult.StorageFault : UpdateResult.Failed;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && StorageFault.Is(ex))
        {
            LogStorageFault(ex, update.Id);
            return UpdateResult.StorageFault;
        }
    }

    /// <summary>Handles the chat's stored updates in order; what stopped the queue, if anything did.</summary>
    private async Task<UpdateResult> HandleStoredAsync(string chatId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<InboundStore>();
        foreach (var stored in await store.PendingForChatAsync(ChannelNames.Telegram, chatId, ct))
        {
            var update = JsonSerializer.Deserialize<Update>(stored.RawJson, JsonBotAPI.Options)!;
            var result = await handler.HandleAsync(update, ct, stored.Id);
            if (result != UpdateResult.Handled) return result; // the later ones wait behind it
            // Its turn forgot it in the same commit, unless there was no turn (a repeat, a flood, a failure given up on).
            if (await store.IsStoredAsync(stored.Id, ct)) await store.ForgetAsync(stored.Id, ct);
        }
        return UpdateResult.Handled;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram update {UpdateId} waits: the storage cannot write; tried again later")]
    private partial void LogStorageFault(Exception ex, int updateId);
}
