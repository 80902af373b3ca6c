using MamBot.Dialogs.Understanding;

namespace MamBot.Host.Setup;

/// <summary>
/// Once the host serves, trains the intent classifier and runs one sentence through the recognizer, so the first
/// resident who types after a restart does not wait for it (about two seconds on a small machine). Started after
/// the host is ready, so it never delays being ready.
/// </summary>
public sealed class UnderstandingWarmUp(IHostApplicationLifetime lifetime, TimeProvider time) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(() =>
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            IntentRecognizer.Recognize("Chciałabym zarezerwować salę w piątek o 18", today, []);
        }));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
