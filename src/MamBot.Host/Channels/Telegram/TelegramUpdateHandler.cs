using System.Text.Json;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;
using global::Telegram.Bot.Types.ReplyMarkups;
using MamBot.Data;
using MamBot.Data.Conversations;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Handoffs;
using MamBot.Dialogs.Staff;
using MamBot.Dialogs.Texts;
using MamBot.Host.Cluster;
using MamBot.Host.Turns;
using Microsoft.Extensions.Options;
using Activity = MamBot.Dialogs.Conversation.Activity;

namespace MamBot.Host.Channels.Telegram;

/// <summary>
/// Translates a Telegram update into an activity for the conversation engine and nothing more; the replies go
/// through the outbox. An update is tried again later always after a storage fault (it says nothing about the
/// update), and a few times after any other failure, which is then parked.
/// </summary>
public sealed partial class TelegramUpdateHandler(
    IServiceScopeFactory scopes,
    TelegramBot bot,
    TurnIntake intake,
    Handover handover,
    TimeProvider time,
    IOptions<TelegramOptions> options,
    ILogger<TelegramUpdateHandler> logger)
{
    /// <param name="stored">The update's row in the inbound store, forgotten in the turn's own commit.</param>
    public async Task<UpdateResult> HandleAsync(Update update, CancellationToken ct, long? stored = null)
    {
        try
        {
            await HandleOnceAsync(update, stored, ct);
            return UpdateResult.Handled;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && StorageFault.Is(ex))
        {
            LogStorageFault(ex, update.Id);
            return UpdateResult.StorageFault;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return await RecordFailureAsync(update, ex, ct);
        }
    }

    /// <summary>The chat an update belongs to, or null for kinds the bot does not handle.</summary>
    public static long? ChatOf(Update update) => update.Message?.Chat?.Id ?? update.CallbackQuery?.Message?.Chat?.Id;

    private async Task HandleOnceAsync(Update update, long? stored, CancellationToken ct)
    {
        var (activity, chat) = Translate(update);
        if (activity is null || chat is null) return; // nothing a resident said (edits, joins, …)

        if (update.CallbackQuery is { } callback) await AnswerAsync(callback, ct);

        // Groups get only a pointer to a private chat; the one exception is the staff group's decision buttons.
        if (chat.Type != ChatType.Private && activity.Payload?.StartsWith("staff:", StringComparison.Ordinal) != true)
        {
            await PointToPrivateChatAsync(update, activity, ct);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        if (stored is { } id) scope.ServiceProvider.GetRequiredService<InboundStore>().HandledByTurn(id);
        var turn = await intake.RunAsync(scope.ServiceProvider, activity, ct);
        if (turn is { IsDuplicate: false } && update.CallbackQuery?.Message is { } pressed) await RemoveKeyboardAsync(pressed, ct);
    }

    /// <summary>The turn rolled back; count the failure in a fresh context. Parked after a few tries.</summary>
    private async Task<UpdateResult> RecordFailureAsync(Update update, Exception ex, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var gaveUp = await scope.ServiceProvider.GetRequiredService<ConversationStore>().RecordFailureAsync(
                ChannelNames.Telegram, update.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ChatOf(update)?.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.GetType().Name + ": " + ex.Message,
                JsonSerializer.Serialize(update, JsonBotAPI.Options), options.Value.MaxUpdateAttempts, ct);
            LogUpdateFailed(ex, update.Id, gaveUp);
            return gaveUp ? UpdateResult.Handled : UpdateResult.Failed;
        }
        catch (Exception recordError) when (!ct.IsCancellationRequested && StorageFault.Is(recordError))
        {
            LogStorageFault(recordError, update.Id);
            return UpdateResult.StorageFault;
        }
    }

    private (Activity? Activity, Chat? Chat) Translate(Update update)
    {
        var updateId = update.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (update.Message is { Chat: not null } message)
        {
            // Stickers and photos arrive without text: the dialogs answer them like unclear text.
            var text = message.Text ?? message.Caption ?? "";
            // In a group, a reply to one of this bot's own messages may answer a resident: the message is found by
            // its id among what we sent there (never by what its text says, which residents partly wrote).
            var answers = message.Chat.Type != ChatType.Private && bot.Wrote(message.ReplyToMessage)
                ? StaffChatActions.ReplyTo(message.ReplyToMessage!.MessageId) : null;
            return (new Activity(ChannelNames.Telegram, ChatIdOf(message.Chat), text, answers,
                SentAt.OrNow(new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc)), time.GetUtcNow()),
                updateId, message.From?.FirstName, message.From?.LanguageCode), message.Chat);
        }
        if (update.CallbackQuery is { Message.Chat: not null, Data: { } data } callback)
        {
            var source = callback.Message!.Chat;
            return (new Activity(ChannelNames.Telegram, ChatIdOf(source), null, data, time.GetUtcNow(), updateId,
                callback.From?.FirstName, callback.From?.LanguageCode), source);
        }
        return (null, null);
    }

    private static string ChatIdOf(Chat chat) => chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>In a group the bot keeps no state and says only where to talk to it, and only when addressed.</summary>
    private async Task PointToPrivateChatAsync(Update update, Activity activity, CancellationToken ct)
    {
        var addressed = update.CallbackQuery is not null || activity.Text?.StartsWith('/') == true
            || (!string.IsNullOrEmpty(bot.Username) && activity.Text?.Contains("@" + bot.Username, StringComparison.OrdinalIgnoreCase) == true);
        if (!addressed) return;

        await using var scope = scopes.CreateAsyncScope();
        var pointer = await scope.ServiceProvider.GetRequiredService<OutboxStore>().EnqueueAsync(new OutboxMessage
        {
            IdempotencyKey = OutboxStore.ReplyKeyPrefix(ChannelNames.Telegram, activity.ChatId, activity.UpdateId!) + "group",
            Kind = OutboxKind.Reply,
            Channel = ChannelNames.Telegram,
            ChatId = activity.ChatId,
            Body = Reply.Plain(Wording.Format(T.GroupPointer, bot.Username, activity.ChatId)).ToJson(),
        }, ct);
        await handover.RepliesAsync(ChannelNames.Telegram, activity.ChatId, [pointer.Id], ct);
    }

    private async Task AnswerAsync(CallbackQuery callback, CancellationToken ct)
    {
        try { await bot.Client.AnswerCallbackQuery(callback.Id, cancellationToken: ct); }
        catch (Exception ex) when (!ct.IsCancellationRequested) { LogBestEffortFailed(ex, "answerCallbackQuery"); }
    }

    /// <summary>The pressed message loses its buttons, so the same choice cannot be made twice.</summary>
    private async Task RemoveKeyboardAsync(Message pressed, CancellationToken ct)
    {
        try { await bot.Client.EditMessageReplyMarkup(pressed.Chat.Id, pressed.MessageId, new InlineKeyboardMarkup(Array.Empty<InlineKeyboardButton[]>()), cancellationToken: ct); }
        catch (Exception ex) when (!ct.IsCancellationRequested) { LogBestEffortFailed(ex, "editMessageReplyMarkup"); }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram update {UpdateId} failed (given up: {GaveUp})")]
    private partial void LogUpdateFailed(Exception ex, int updateId, bool gaveUp);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram update {UpdateId} waits: the storage cannot write; tried again later")]
    private partial void LogStorageFault(Exception ex, int updateId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram {Method} failed; carrying on")]
    private partial void LogBestEffortFailed(Exception ex, string method);
}

/// <summary>What became of an update: handled (or parked after a few failures), or to be delivered again.</summary>
public enum UpdateResult
{
    Handled,

    /// <summary>Handling it failed in our code; it is tried a few times more, then parked.</summary>
    Failed,

    /// <summary>The storage could not write: nothing was done, the update waits for the storage.</summary>
    StorageFault,
}
