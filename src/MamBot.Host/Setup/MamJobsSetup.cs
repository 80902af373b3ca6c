using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using MamBot.Data.Centres;
using MamBot.Data.Outbox;
using MamBot.Host.Channels.Messenger;
using MamBot.Host.Jobs;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Setup;

public static class MamJobsSetup
{
    /// <summary>Hangfire on its own SQLite file (or in the PostgreSQL database), with a server in this process.</summary>
    public static WebApplicationBuilder AddMamJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobsOptions>().Bind(builder.Configuration.GetSection(JobsOptions.Section));

        // Our own storage registration: Hangfire's default reads the static JobStorage.Current, which
        // two hosts in one process (tests) would share.
        builder.Services.AddSingleton<JobStorage>(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            if (storage.Provider == Data.StorageProvider.Postgres)
            {
                // The app's database, in a schema of Hangfire's own; it creates and upgrades its tables itself.
                var options = new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    QueuePollInterval = TimeSpan.FromSeconds(jobs.QueuePollSeconds),
                    PrepareSchemaIfNecessary = true,
                };
                var connection = MamStorageSetup.PostgresConnection(sp.GetRequiredService<IConfiguration>())!;
                return new PostgreSqlStorage(new NpgsqlConnectionFactory(connection, options), options);
            }
            Directory.CreateDirectory(storage.FullDataDirectory);
            return new SQLiteStorage(storage.JobsDatabase, new SQLiteStorageOptions
            {
                QueuePollInterval = TimeSpan.FromSeconds(jobs.QueuePollSeconds),
            });
        });
        // Likewise the activator: Hangfire's default is the static JobActivator.Current, i.e. the last host's scopes.
        builder.Services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        builder.Services.AddHangfireServer((sp, server) =>
        {
            server.WorkerCount = sp.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount;
            server.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            server.ShutdownTimeout = TimeSpan.FromSeconds(5);
        });

        builder.Services.AddScoped<OutboxDispatchJob>();
        builder.Services.AddScoped<HousekeepingJob>();
        builder.Services.AddScoped<WeeklyDigestJob>();
        builder.Services.AddScoped<HandoffIdleJob>();
        builder.Services.AddScoped<UtilityTemplateSync>();
        builder.Services.AddSingleton<OutboxDispatchJob.Gate>();
        return builder;
    }

    /// <summary>Recurring jobs are (re)declared at every start: code is the source of truth for their schedule.</summary>
    public static async Task<WebApplication> ScheduleMamJobsAsync(this WebApplication app)
    {
        // The centre's clock: "Monday 10:00" means Kraków time, across clock changes.
        TimeZoneInfo zone;
        await using (var scope = app.Services.CreateAsyncScope())
            zone = (await scope.ServiceProvider.GetRequiredService<CentreDirectory>().GetDefaultAsync(CancellationToken.None)).TimeZone;
        var local = new RecurringJobOptions { TimeZone = zone };
        var timing = app.Services.GetRequiredService<IOptions<NudgeTimingOptions>>().Value;

        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<OutboxDispatchJob>(OutboxDispatchJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<HousekeepingJob>(HousekeepingJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Daily(3), local);
        recurring.AddOrUpdate<WeeklyDigestJob>(WeeklyDigestJob.Id, job => job.RunAsync(CancellationToken.None), timing.DigestCron, local);
        recurring.AddOrUpdate<HandoffIdleJob>(HandoffIdleJob.Id, job => job.RunAsync(CancellationToken.None), "*/10 * * * *");
        recurring.AddOrUpdate<UtilityTemplateSync>(UtilityTemplateSync.Id, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        // Templates are approved within seconds of being made: no need to wait an hour after the switch is turned on.
        if (app.Services.GetRequiredService<IOptions<UtilityTemplateOptions>>().Value.UtilityTemplates)
            recurring.Trigger(UtilityTemplateSync.Id);
        return app;
    }
}
