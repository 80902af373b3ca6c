using MamBot.Dialogs.Understanding;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Setup;

/// <summary>
/// Once the host serves, makes the intent classifier ready (read from the data folder, or trained and kept there
/// on the first start: about a second of CPU) and runs one sentence through the recognizer, so the first resident
/// who types after a restart does not wait for it. Started after the host is ready, so it never delays being ready.
/// </summary>
public sealed class UnderstandingWarmUp(IHostApplicationLifetime lifetime, TimeProvider time, IOptions<StorageOptions> storage)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(() =>
        {
            IntentClassifier.PrepareDefault(storage.Value.FullDataDirectory);
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            IntentRecognizer.Recognize("Chciałabym zarezerwować salę w piątek o 18", today, []);
        }));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
