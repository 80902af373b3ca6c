using System.Globalization;
using MamBot.Data;
using MamBot.Data.Centres;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Broadcasts;
using MamBot.Host.Tests.Telegram;
using MamBot.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Postgres;

/// <summary>
/// Two real servers (processes of their own) on one PostgreSQL database, a broadcast to a thousand residents,
/// and a Bot API stand-in that refuses (429) whatever Telegram's limits would. The delivering server is
/// killed outright halfway through.
/// </summary>
public sealed class DeliveryTakeoverTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const int Residents = 1000;
    private const long FirstChat = 900_000;
    private BotApiStub _telegram = null!;
    private TestPostgres _database = null!;

    public async Task InitializeAsync()
    {
        _telegram = await BotApiStub.StartAsync();
        _telegram.EnforceLimits = true;
        _database = await TestPostgres.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_broadcast_to_a_thousand_goes_at_telegrams_pace_and_when_its_server_is_killed_the_other_finishes_it()
    {
        await using var data = DataServices();
        await QueueBroadcastAsync(data);
        using var folder = new TempFolder();

        using var first = await HostProcess.StartAsync(Settings(folder, "host-a"));
        await Eventually.HoldsAsync(() => Task.FromResult(SentCount() > 0), "the first server to start sending", TimeSpan.FromSeconds(30));
        using var second = await HostProcess.StartAsync(Settings(folder, "host-b"));
        await Eventually.HoldsAsync(() => Task.FromResult(SentCount() >= Residents / 3), "a third to be sent", TimeSpan.FromSeconds(60));
        first.Kill();
        var killedAfter = SentCount();

        await Eventually.HoldsAsync(async () => await CountAsync(data, OutboxStatus.Queued, OutboxStatus.Sending) == 0,
            "every copy to reach its end", TimeSpan.FromSeconds(120));

        output.WriteLine($"killed after {killedAfter} sends; {_telegram.Now:mm\\:ss} in all");
        Assert.True(killedAfter < Residents - 100, $"the first server had sent {killedAfter} when it was killed");
        var copies = await CopiesAsync(data);
        var received = Enumerable.Range(0, Residents).ToDictionary(i => FirstChat + i, i => _telegram.Sends(FirstChat + i).Count);
        Assert.All(received, chat => Assert.True(chat.Value <= 1, $"chat {chat.Key} got {chat.Value} copies"));
        Assert.All(copies.Where(c => c.Status == OutboxStatus.Sent), c => Assert.Equal(1, received[long.Parse(c.ChatId!, CultureInfo.InvariantCulture)]));
        // What was on its way when the server died may or may not have arrived: never sent again, shown as unknown.
        var unknown = copies.Count(c => c.Status == OutboxStatus.Unknown);
        output.WriteLine($"{unknown} of unknown fate, {copies.Count(c => c.Status == OutboxStatus.Sent)} sent, {received.Values.Sum()} received");
        Assert.True(unknown <= 8, $"{unknown} copies of unknown fate (at most the 8 on their way at once)");
        Assert.Equal(Residents, copies.Count(c => c.Status == OutboxStatus.Sent) + unknown);
        Assert.Equal(0, _telegram.Limited);
        Assert.Equal(0, _telegram.Conflicts);
        Assert.DoesNotContain("Unhandled exception", second.Output);
    }

    private int SentCount() => _telegram.Calls.Count(c => c.Method == "sendMessage");

    private Dictionary<string, string> Settings(TempFolder folder, string name) => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:DataDirectory"] = Path.Combine(folder.Path, name),
        ["ConnectionStrings:Mam"] = new Npgsql.NpgsqlConnectionStringBuilder(_database.ConnectionString) { ApplicationName = name }.ToString(),
        ["Telegram:BotToken"] = TelegramEmulator.Token,
        ["Telegram:ApiBaseUrl"] = _telegram.Url,
        ["Telegram:PollingTimeoutSeconds"] = "1",
        ["Nudges:QuietFrom"] = "00:00", // whatever the hour the test runs at
        ["Nudges:QuietUntil"] = "00:00",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private ServiceProvider DataServices() => new ServiceCollection()
        .AddSingleton(TimeProvider.System) // the servers' clock
        .AddMamData(StorageProvider.Postgres, _ => _database.ConnectionString)
        .BuildServiceProvider();

    private static async Task QueueBroadcastAsync(ServiceProvider data)
    {
        await data.PrepareDatabaseAsync(TestCentre.Sample(), TimeProvider.System);
        await using var scope = data.CreateAsyncScope();
        var centre = await scope.ServiceProvider.GetRequiredService<CentreDirectory>().GetDefaultAsync(default);
        var residents = scope.ServiceProvider.GetRequiredService<ResidentService>();
        for (var i = 0; i < Residents; i++)
            await residents.GrantConsentAsync(centre.Id, "telegram", (FirstChat + i).ToString(CultureInfo.InvariantCulture), "Ola", "privacy-2026-11", default);
        var db = scope.ServiceProvider.GetRequiredService<MamDbContext>();
        var desk = new BroadcastDesk(db, scope.ServiceProvider.GetRequiredService<OutboxStore>(), new Dialogs.Texts.RecipientLanguage(db), TimeProvider.System);
        var (broadcast, problem) = await desk.SendAsync(
            new BroadcastDraft(centre.Id, "Jutro sprzątamy podwórko, zapraszamy o 10:00!", Audience.AllConsented, null, null, null), "Ania", default);
        Assert.Null(problem);
        Assert.Equal(Residents, broadcast!.Recipients);
    }

    private static async Task<int> CountAsync(ServiceProvider data, params OutboxStatus[] statuses)
    {
        await using var scope = data.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MamDbContext>().OutboxMessages.CountAsync(m => statuses.Contains(m.Status));
    }

    private static async Task<List<OutboxMessage>> CopiesAsync(ServiceProvider data)
    {
        await using var scope = data.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MamDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == OutboxKind.Broadcast).ToListAsync();
    }
}
