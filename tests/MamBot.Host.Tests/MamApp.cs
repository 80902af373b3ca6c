using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using MamBot.Data;
using MamBot.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MamBot.Host.Tests;

/// <summary>
/// The real host (ASP.NET pipeline, SQLite files, Hangfire server on SQLite) on a temporary data folder,
/// with a fake clock. A second MamApp on the same folder is the same bot after a restart.
/// </summary>
public sealed class MamApp(
    string dataDirectory, FakeTimeProvider time, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public FakeTimeProvider Time { get; } = time;
    public string DataDirectory { get; } = dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Jobs:QueuePollSeconds"] = "0.5",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()));
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Time);
            services?.Invoke(s);
        });
    }

    /// <summary>Waits until the replies of the last turns have left (they are sent in the background).</summary>
    public async Task DeliveredAsync()
    {
        var lanes = Services.GetRequiredService<MamBot.Host.Outbox.DeliveryLanes>();
        for (var i = 0; i < 200 && lanes.IsBusy; i++) await Task.Delay(50);
    }

    /// <summary>Runs the outbox-dispatch job's code now, after a run already under way (the one at start): everything due goes through the lanes.</summary>
    public async Task DispatchDueAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MamBot.Host.Jobs.OutboxDispatchJob>().RunAfterAnyRunningAsync(default);
    }

    public async Task<T> QueryAsync<T>(Func<MamDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MamDbContext>());
    }

    /// <summary>Fires a recurring job now through Hangfire and waits until a worker has finished it.</summary>
    public async Task RunRecurringJobAsync(string recurringJobId)
    {
        var jobId = ((IRecurringJobManagerV2)Services.GetRequiredService<IRecurringJobManager>()).TriggerJob(recurringJobId)
            ?? throw new InvalidOperationException($"No recurring job {recurringJobId}.");
        var storage = Services.GetRequiredService<JobStorage>();
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60); waited += TimeSpan.FromMilliseconds(200))
        {
            using var connection = storage.GetConnection();
            var state = connection.GetStateData(jobId)?.Name;
            if (state == "Succeeded") return;
            if (state == "Failed") throw new InvalidOperationException($"Hangfire job {jobId} failed: {string.Join("; ", connection.GetStateData(jobId)!.Data.Select(d => $"{d.Key}={d.Value}"))}");
            await Task.Delay(200);
        }
        throw new TimeoutException($"Hangfire did not finish job {jobId} of '{recurringJobId}' within 60 s.");
    }
}

/// <summary>A web chat conversation as the page has it: POST what the resident does, read the replies.</summary>
public sealed class PageChat(HttpClient http, string conversationId)
{
    public string ConversationId { get; } = conversationId;
    public JsonElement Last { get; private set; }

    public Task<JsonElement> SendAsync(string text, string? clientMessageId = null) =>
        PostAsync(new { text, clientMessageId });

    public Task<JsonElement> PressAsync(string payload) => PostAsync(new { payload });

    public Task<JsonElement> PressTitleAsync(string title) => PressAsync(Button(title));

    private async Task<JsonElement> PostAsync(object body)
    {
        var response = await http.PostAsJsonAsync($"/api/chat/{ConversationId}", body);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Last = await response.Content.ReadFromJsonAsync<JsonElement>();
        return Last;
    }

    public async Task<JsonElement> MessagesAfterAsync(long after) =>
        await http.GetFromJsonAsync<JsonElement>($"/api/chat/{ConversationId}/messages?after={after}");

    public string Text => string.Join("\n---\n", Replies(Last).Select(r => r.GetProperty("text").GetString()));

    public static IEnumerable<JsonElement> Replies(JsonElement response) => response.GetProperty("replies").EnumerateArray();

    public string Button(string title) => Replies(Last)
        .SelectMany(r => r.GetProperty("buttons").EnumerateArray()).SelectMany(row => row.EnumerateArray())
        .First(b => b.GetProperty("title").GetString() == title).GetProperty("payload").GetString()!;
}

/// <summary>One test's data folder (and PostgreSQL database) and clock, shared by the apps it starts (restarts).</summary>
public sealed class HostTestBed : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<MamApp> _apps = [];
    private TestPostgres? _postgres;

    public FakeTimeProvider Time { get; } = new(TestCentre.Now);

    /// <summary>For [Theory, MemberData(...)]: a test through the whole host once per provider.</summary>
    public static TheoryData<StorageProvider> Providers => new(StorageProvider.Sqlite, StorageProvider.Postgres);

    public MamApp Start(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var app = new MamApp(_folder.Path, Time, settings, services);
        _apps.Add(app);
        return app;
    }

    /// <summary>
    /// The host on this provider: for PostgreSQL, on a database of the test's own. Hosts started under different
    /// names share that database as separate servers would: nothing kept per database in this process is shared.
    /// </summary>
    public async Task<MamApp> StartAsync(StorageProvider provider, IReadOnlyDictionary<string, string?>? settings = null, string host = "host-a")
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (provider == StorageProvider.Postgres)
        {
            all["Storage:Provider"] = "Postgres";
            all["ConnectionStrings:Mam"] = new Npgsql.NpgsqlConnectionStringBuilder(await PostgresAsync()) { ApplicationName = host }.ToString();
        }
        return Start(all);
    }

    /// <summary>Two hosts of the test's PostgreSQL database, as two servers behind a load balancer (not started yet).</summary>
    public async Task<MamApp[]> TwoHostsAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        [await StartAsync(StorageProvider.Postgres, settings, "host-a"), await StartAsync(StorageProvider.Postgres, settings, "host-b")];

    /// <summary>Starts the hosts and waits until one of them delivers (holds the platform lease).</summary>
    public static async Task<MamApp[]> OneDeliversAsync(MamApp[] hosts)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(hosts.Count(Delivers) == 1), "one host to hold the platform lease", TimeSpan.FromSeconds(20));
        return hosts;
    }

    public static bool Delivers(MamApp host) => host.Services.GetRequiredService<MamBot.Host.Cluster.PlatformLease>().IsHeld;

    /// <summary>The test's own PostgreSQL database (made on first use), which hosts started on PostgreSQL share.</summary>
    public async Task<string> PostgresAsync()
    {
        _postgres ??= await TestPostgres.CreateAsync();
        return _postgres.ConnectionString;
    }

    public string DataDirectory => _folder.Path;

    public void Dispose()
    {
        foreach (var app in _apps) app.Dispose();
        _postgres?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _folder.Dispose();
    }
}
