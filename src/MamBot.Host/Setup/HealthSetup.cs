using System.Text.Json;
using Hangfire;
using MamBot.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MamBot.Host.Setup;

public static class HealthSetup
{
    public static WebApplicationBuilder AddMamHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database")
            .AddCheck<JobStorageCheck>("hangfire");
        return builder;
    }

    /// <summary>GET /healthz: 200 when the database and the job storage answer, 503 otherwise, with a line per check.</summary>
    public static WebApplication MapMamHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(JsonSerializer.Serialize(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
                }));
            },
        });
        return app;
    }

    private sealed class DatabaseCheck(MamDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                // A real query, not just "can open": a missing table or a locked file shows here.
                var centres = await db.Centres.CountAsync(ct);
                return centres > 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded("no centre in the database");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy(ex.Message);
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
