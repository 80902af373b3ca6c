namespace MamBot.Host.Tests;

/// <summary>Waits for something the host does in the background, failing loudly after a deadline.</summary>
public static class Eventually
{
    public static Task HoldsAsync(Func<bool> condition, string what) =>
        HoldsAsync(() => Task.FromResult(condition()), what);

    public static Task HoldsAsync(Func<Task<bool>> condition, string what) =>
        HoldsAsync(condition, what, TimeSpan.FromSeconds(20));

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {within.TotalSeconds} s for {what}.");
            await Task.Delay(20);
        }
    }
}
