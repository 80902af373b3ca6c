using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;
using MamBot.Data.Residents;
using MamBot.Dialogs.Texts;
using MamBot.Host.Cluster;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Channels.Telegram;

/// <summary>
/// Long polling: works on a laptop with no public address. Chats are handled side by side, each chat's updates
/// in order, so one slow chat holds up no other. An update that cannot be handled yet (the storage cannot write)
/// is tried again, waiting a little longer each time (at most 16 s); one that keeps failing otherwise is parked.
/// The loop never dies: any other failure is logged and polling goes on. Only the host holding the
/// <see cref="PlatformLease"/> polls: Telegram refuses two pollers of one bot (409 Conflict).
/// </summary>
public sealed partial class TelegramPolling(
    TelegramBot bot, TelegramStartup startup, TelegramUpdateHandler handler, PlatformLease lease, IOptions<TelegramOptions> options,
    ILogger<TelegramPolling> logger) : BackgroundService
{
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];
    private const int ChatsInParallel = 16;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled || o.Mode != TelegramMode.Polling) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var tenure = await lease.WaitHeldAsync(stoppingToken);
            using var held = CancellationTokenSource.CreateLinkedTokenSource(tenure, stoppingToken);
            try { await PollWhileHeldAsync(held.Token); }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { /* the lease moved on */ }
        }
    }

    /// <summary>A new tenure starts without an offset: Telegram sends again what the last poller did not confirm.</summary>
    private async Task PollWhileHeldAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        await startup.PrepareAsync(webhook: false, stoppingToken);
        int? offset = null;
        var failures = 0;
        while (true)
        {
            stoppingToken.ThrowIfCancellationRequested();
            try
            {
                var updates = await bot.Client.GetUpdates(offset, limit: 100, timeout: o.PollingTimeoutSeconds, allowedUpdates: Wanted, cancellationToken: stoppingToken);
                failures = 0;
                await HandleAsync(updates, stoppingToken);
                // Confirmed only now: after a crash Telegram sends what was not handled again.
                if (updates.Length > 0) offset = updates[^1].Id + 1;
                // A server that answers at once instead of long-polling (a local Bot API, a test emulator) is not hammered.
                else await Task.Delay(TimeSpan.FromMilliseconds(300), stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(ex);
                await BackOffAsync(++failures, stoppingToken);
            }
        }
    }

    private async Task HandleAsync(global::Telegram.Bot.Types.Update[] updates, CancellationToken ct)
    {
        var chats = updates.GroupBy(u => TelegramUpdateHandler.ChatOf(u) ?? -u.Id);
        await Parallel.ForEachAsync(chats, new ParallelOptions { MaxDegreeOfParallelism = ChatsInParallel, CancellationToken = ct }, async (chat, token) =>
        {
            foreach (var update in chat)
            {
                for (var attempt = 1; await handler.HandleAsync(update, token) != UpdateResult.Handled; attempt++)
                    await BackOffAsync(attempt, token);
            }
        });
    }

    /// <summary>1, 2, 4, 8, then every 16 seconds.</summary>
    private static Task BackOffAsync(int failures, CancellationToken ct) =>
        Task.Delay(TimeSpan.FromSeconds(1 << (Math.Clamp(failures, 1, 5) - 1)), ct);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram polling failed; trying again shortly")]
    private partial void LogPollFailed(Exception ex);
}

/// <summary>What the bot tells Telegram when it starts: who it is, its Polish commands, where updates go.</summary>
public sealed partial class TelegramStartup(TelegramBot bot, IOptions<TelegramOptions> options, ILogger<TelegramStartup> logger)
{
    public async Task PrepareAsync(bool webhook, CancellationToken ct)
    {
        try
        {
            var me = await bot.Client.GetMe(ct);
            bot.Username = me.Username ?? "";
            bot.Id = me.Id;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogStartupCallFailed(ex, "getMe");
        }

        // The list in Polish for everyone, and in Ukrainian and English for apps set to those languages.
        foreach (var language in Languages.All)
            await BestEffortAsync("setMyCommands", () => bot.Client.SetMyCommands(CommandsIn(language),
                languageCode: language == Languages.Polish ? null : language, cancellationToken: ct), ct);

        var o = options.Value;
        if (webhook)
            await BestEffortAsync("setWebhook", () => bot.Client.SetWebhook(o.WebhookUrl!, secretToken: o.WebhookSecret,
                allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery], cancellationToken: ct), ct);
        else
            await BestEffortAsync("deleteWebhook", () => bot.Client.DeleteWebhook(cancellationToken: ct), ct);
    }

    /// <summary>The bot's commands described in the language; Polish names them /pomoc and /anuluj, others /help, /cancel.</summary>
    public static BotCommand[] CommandsIn(string language)
    {
        using var speaking = Language.Use(language);
        var polish = language == Languages.Polish;
        return
        [
            new() { Command = "start", Description = T.CommandStart },
            new() { Command = "menu", Description = T.CommandMenu },
            new() { Command = polish ? "pomoc" : "help", Description = T.CommandHelp },
            new() { Command = polish ? "anuluj" : "cancel", Description = T.CommandCancel },
            new() { Command = "stop", Description = T.CommandStop },
        ];
    }

    private async Task BestEffortAsync(string method, Func<Task> call, CancellationToken ct)
    {
        try { await call(); }
        catch (Exception ex) when (!ct.IsCancellationRequested) { LogStartupCallFailed(ex, method); }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram {Method} failed at start; the bot runs on without it")]
    private partial void LogStartupCallFailed(Exception ex, string method);
}

/// <summary>In webhook mode: registers the webhook with its secret, beside the host's start (never delaying it).</summary>
public sealed class TelegramWebhookRegistration(TelegramStartup startup, IOptions<TelegramOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value is { Enabled: true, Mode: TelegramMode.Webhook } ? startup.PrepareAsync(webhook: true, stoppingToken) : Task.CompletedTask;
}
