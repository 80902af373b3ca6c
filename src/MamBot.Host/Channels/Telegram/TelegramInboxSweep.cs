using MamBot.Data.Conversations;
using MamBot.Dialogs.Conversation;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Channels.Telegram;

/// <summary>
/// Stored Telegram updates not handled yet (the host died after answering Telegram, the storage could not write,
/// a turn failed) are taken up at start and every minute, each chat in its own queue (<see cref="TelegramChatOrder"/>).
/// </summary>
public sealed partial class TelegramInboxSweep(
    IServiceScopeFactory scopes, TelegramChatOrder order, IOptions<TelegramOptions> options, ILogger<TelegramInboxSweep> logger)
    : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var inbound = scope.ServiceProvider.GetRequiredService<InboundStore>();
                foreach (var chat in await inbound.ChatsWithPendingAsync(ChannelNames.Telegram, stoppingToken)) order.Run(chat);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(ex); // e.g. the storage cannot be read: the next sweep tries again
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await order.WhenIdleAsync().WaitAsync(cancellationToken); // the queues stop at the host's stopping: a turn under way rolls back
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Stored Telegram updates wait: looking for them failed; the next sweep tries again")]
    private partial void LogSweepFailed(Exception ex);
}
