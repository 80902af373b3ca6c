using MamBot.Data.Residents;
using MamBot.Dialogs.Understanding;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Setup;

/// <summary>
/// Once the host serves, makes the intent classifiers ready (read from the data folder, or trained and kept there
/// on the first start: about a second of CPU each) and runs one sentence per language through the recognizer, so the first resident
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
            IntentRecognizer.Recognize("Chciałabym zarezerwować salę w piątek o 18", today, [], Languages.Polish);
            IntentRecognizer.Recognize("Хочу забронювати залу в пʼятницю о 18", today, [], Languages.Ukrainian);
            IntentRecognizer.Recognize("I'd like to book a room on Friday at 6 pm", today, [], Languages.English);
        }));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
