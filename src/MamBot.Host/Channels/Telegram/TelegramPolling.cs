using global::Telegram.Bot;
using global::Telegram.Bot.Types.Enums;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Channels.Telegram;

/// <summary>
/// Long polling: works on a laptop with no public address. Updates are handled one by one, in order;
/// one that keeps failing is retried a few times, then parked, and polling moves on.
/// </summary>
public sealed partial class TelegramPolling(
    TelegramBot bot, TelegramStartup startup, TelegramUpdateHandler handler, IOptions<TelegramOptions> options, ILogger<TelegramPolling> logger)
    : BackgroundService
{
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled || o.Mode != TelegramMode.Polling) return;

        await startup.PrepareAsync(webhook: false, stoppingToken);
        int? offset = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            global::Telegram.Bot.Types.Update[] updates;
            try
            {
                updates = await bot.Client.GetUpdates(offset, limit: 100, timeout: o.PollingTimeoutSeconds, allowedUpdates: Wanted, cancellationToken: stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                continue;
            }

            foreach (var update in updates)
            {
                for (var attempt = 1; !await handler.HandleAsync(update, stoppingToken); attempt++)
                    await Task.Delay(TimeSpan.FromSeconds(attempt), stoppingToken);
                offset = update.Id + 1;
            }
            // A server that answers at once instead of long-polling (a local Bot API, a test emulator) is not hammered.
            if (updates.Length == 0) await Task.Delay(TimeSpan.FromMilliseconds(300), stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram getUpdates failed; trying again in 5 s")]
    private partial void LogPollFailed(Exception ex);
}

/// <summary>What the bot tells Telegram when it starts: who it is, its Polish commands, where updates go.</summary>
public sealed partial class TelegramStartup(TelegramBot bot, IOptions<TelegramOptions> options, ILogger<TelegramStartup> logger)
{
    public async Task PrepareAsync(bool webhook, CancellationToken ct)
    {
        try
        {
            bot.Username = (await bot.Client.GetMe(ct)).Username ?? "";
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogStartupCallFailed(ex, "getMe");
        }

        await BestEffortAsync("setMyCommands", () => bot.Client.SetMyCommands(
        [
            new() { Command = "start", Description = Dialogs.Texts.T.CommandStart },
            new() { Command = "menu", Description = Dialogs.Texts.T.CommandMenu },
            new() { Command = "pomoc", Description = Dialogs.Texts.T.CommandHelp },
            new() { Command = "anuluj", Description = Dialogs.Texts.T.CommandCancel },
            new() { Command = "stop", Description = Dialogs.Texts.T.CommandStop },
        ], languageCode: null, cancellationToken: ct), ct);

        var o = options.Value;
        if (webhook)
            await BestEffortAsync("setWebhook", () => bot.Client.SetWebhook(o.WebhookUrl!, secretToken: o.WebhookSecret,
                allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery], cancellationToken: ct), ct);
        else
            await BestEffortAsync("deleteWebhook", () => bot.Client.DeleteWebhook(cancellationToken: ct), ct);
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
