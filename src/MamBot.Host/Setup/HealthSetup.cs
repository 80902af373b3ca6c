using System.Text.Json;
using Hangfire;
using MamBot.Data;
using MamBot.Data.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Setup;

public static class HealthSetup
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz";
    private const string Ready = "ready";

    public static WebApplicationBuilder AddMamHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().Bind(builder.Configuration.GetSection(HealthOptions.Section));
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [Ready])
            .AddCheck<DiskSpaceCheck>("disk", tags: [Ready])
            .AddCheck<JobStorageCheck>("hangfire", tags: [Ready])
            .AddCheck<PlatformLeaseCheck>("platforms", tags: [Ready]);
        return builder;
    }

    /// <summary>
    /// GET /healthz (readiness): 200 when a write to the database commits, the data folder has room and the job
    /// storage answers; 503 otherwise, with a line per check. GET /healthz/live (liveness): 200 while the process
    /// serves requests at all; it touches nothing, so a supervisor does not restart the bot for a full disk.
    /// </summary>
    public static WebApplication MapMamHealth(this WebApplication app)
    {
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }

    private sealed class DatabaseCheck(MamDbContext db, WriteProbeStore probe) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                // A real query and a real committed write: a missing table, a locked or read-only file shows here.
                var centres = await db.Centres.CountAsync(ct);
                await probe.ProveAsync(ct);
                var provider = db.IsPostgres ? "PostgreSQL" : "SQLite";
                return centres > 0 ? HealthCheckResult.Healthy(provider) : HealthCheckResult.Degraded($"{provider}: no centre in the database");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy(ex.GetBaseException().Message);
            }
        }
    }

    /// <summary>Which host talks to Telegram and Messenger (never unhealthy: either way this host serves).</summary>
    private sealed class PlatformLeaseCheck(Cluster.PlatformLease lease) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Task.FromResult(HealthCheckResult.Healthy(lease.IsHeld
                ? "this host delivers to the platforms (it holds the platform lease)"
                : "another host delivers to the platforms; this one hands its replies over"));
    }

    /// <summary>A write that commits now may fail in a minute on a disk with a few kilobytes left.</summary>
    private sealed class DiskSpaceCheck(IOptions<StorageOptions> storage, IOptions<HealthOptions> options) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                var freeMb = new DriveInfo(storage.Value.FullDataDirectory).AvailableFreeSpace / (1024 * 1024);
                var minimum = options.Value.MinFreeDiskMegabytes;
                return Task.FromResult(freeMb >= minimum
                    ? HealthCheckResult.Healthy($"{freeMb} MB free")
                    : HealthCheckResult.Unhealthy($"{freeMb} MB free in the data folder, below {minimum} MB"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy(ex.Message));
            }
        }
    }

    private sealed class JobStorageCheck(JobStorage storage) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                var servers = storage.GetMonitoringApi().Servers().Count;
                return Task.FromResult(servers > 0
                    ? HealthCheckResult.Healthy($"{servers} server(s)")
                    : HealthCheckResult.Degraded("job storage answers, but no Hangfire server is running"));
            }
            catch (Exception ex)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy(ex.Message));
            }
        }
    }
}

/// <summary>Config section "Health": what readiness demands.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>Below this much free space in the data folder the bot reports itself not ready.</summary>
    public long MinFreeDiskMegabytes { get; set; } = 100;
}
