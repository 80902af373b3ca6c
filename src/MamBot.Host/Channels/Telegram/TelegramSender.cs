using System.Text;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.ReplyMarkups;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using MamBot.Host.Outbox;
using Reply = MamBot.Dialogs.Conversation.Reply;

namespace MamBot.Host.Channels.Telegram;

/// <summary>
/// Renders a reply for Telegram: plain text (no parse mode, so nothing a resident typed can turn into markup),
/// split at 4096 characters, inline buttons on the last part, a file as a document.
/// Scoped: a turn taken before the claim (<see cref="TakeTurnAsync"/>) is kept here for the message's first call.
/// </summary>
public sealed partial class TelegramSender(TelegramBot bot, TelegramRateLimiter limiter, ILogger<TelegramSender> logger) : IChannelSender
{
    public const int MaxTextLength = 4096;
    public const int MaxCallbackDataBytes = 64;
    private static readonly TimeSpan LongestWaitInPlace = TimeSpan.FromSeconds(30);

    private SendTurn? _held;

    public string Channel => ChannelNames.Telegram;

    public async Task TakeTurnAsync(string chatId, SendPriority priority, CancellationToken ct)
    {
        ReturnTurn();
        _held = await limiter.WaitTurnAsync(chatId, priority, ct);
    }

    public void ReturnTurn()
    {
        if (_held is not { } held) return;
        _held = null;
        limiter.Return(held);
    }

    public async Task<Delivery> SendAsync(OutboxMessage message, Reply reply, string chatId, SendPriority priority, CancellationToken ct)
    {
        if (!bot.Enabled) return new Delivery(DeliveryOutcome.Failed, OutboxReasons.NoChannel);
        var chat = new ChatId(long.Parse(chatId, System.Globalization.CultureInfo.InvariantCulture));

        var parts = TextSplitter.Split(reply.Text, MaxTextLength);
        int? lastId = null;
        for (var i = 0; i < parts.Count; i++)
        {
            var keyboard = i == parts.Count - 1 ? Keyboard(reply) : null;
            var part = parts[i];
            var sent = await CallAsync(chatId, priority,
                async () => lastId = (await bot.Client.SendMessage(chat, part, replyMarkup: keyboard, cancellationToken: ct)).MessageId, ct);
            // Once a part is out, retrying the message would repeat it: later failures are final.
            if (sent.Outcome != DeliveryOutcome.Sent) return i == 0 ? sent : sent with { Outcome = DeliveryOutcome.Failed };
        }

        if (reply.File is { } file)
        {
            var document = await CallAsync(chatId, priority, () =>
                bot.Client.SendDocument(chat, InputFile.FromStream(new MemoryStream(file.Content), file.FileName), cancellationToken: ct), ct);
            if (document.Outcome != DeliveryOutcome.Sent)
            {
                LogFileFailed(file.FileName, document.Reason);
                await CallAsync(chatId, priority, () => bot.Client.SendMessage(chat, Wording.Format(T.FileNotDelivered, file.FileName), cancellationToken: ct), ct);
            }
        }
        // In a group (the staff chat) a reply to this message is recognised by its id; a private chat needs none.
        return chat.Identifier < 0 && lastId is { } id
            ? Delivery.Sent with { PlatformMessageId = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : Delivery.Sent;
    }

    public static InlineKeyboardMarkup? Keyboard(Reply reply)
    {
        if (reply.Buttons.Count == 0) return null;
        foreach (var button in reply.Buttons.SelectMany(row => row))
        {
            if (Encoding.UTF8.GetByteCount(button.Payload) > MaxCallbackDataBytes)
                throw new InvalidOperationException($"Button payload '{button.Payload}' is over Telegram's {MaxCallbackDataBytes} bytes.");
        }
        return new InlineKeyboardMarkup(reply.Buttons.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Title, b.Payload))));
    }

    /// <summary>One Bot API call within the rate limits; a short 429 is waited out in this chat's lane, a long one goes back to the outbox.</summary>
    private async Task<Delivery> CallAsync(string chatId, SendPriority priority, Func<Task> call, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            SendTurn turn;
            if (_held is { } held && held.ChatId == chatId) (turn, _held) = (held, null); // taken before the claim: it leaves now
            else
            {
                ReturnTurn();
                turn = await limiter.WaitTurnAsync(chatId, priority, ct);
            }
            try
            {
                await limiter.LeaveAsync(turn, ct);
            }
            catch
            {
                limiter.Return(turn);
                throw;
            }
            try
            {
                await call();
                return Delivery.Sent;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429)
            {
                var retryAfter = TimeSpan.FromSeconds(e.Parameters?.RetryAfter ?? 1);
                var everyone = limiter.TooManyRequests(chatId, retryAfter);
                LogRateLimited(retryAfter.TotalSeconds, everyone);
                if (retryAfter > LongestWaitInPlace || attempt >= 3)
                    return new Delivery(DeliveryOutcome.RetryLater, "telegram-429", retryAfter);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 403 || (e.ErrorCode == 400 && e.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase)))
            {
                return new Delivery(DeliveryOutcome.Unreachable, $"telegram-{e.ErrorCode}: {e.Message}");
            }
            catch (ApiRequestException e) when (e.ErrorCode is >= 400 and < 500)
            {
                return new Delivery(DeliveryOutcome.Failed, $"telegram-{e.ErrorCode}: {e.Message}");
            }
            catch (Exception e) when (e is RequestException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                return new Delivery(DeliveryOutcome.RetryLater, $"telegram-unavailable: {e.Message}");
            }
            finally
            {
                limiter.Done(chatId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram asked us to wait {Seconds} s (429); every chat waits: {Everyone}")]
    private partial void LogRateLimited(double seconds, bool everyone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram did not take the document {FileName}: {Reason}")]
    private partial void LogFileFailed(string fileName, string? reason);
}
