using MamBot.Host.Cluster;
using MamBot.Host.Turns;

namespace MamBot.Host.Outbox;

public static class DeliverySetup
{
    /// <summary>The outbox's way out: per-chat lanes, the dispatcher, and the flood guard in front of the turns.</summary>
    public static WebApplicationBuilder AddMamDelivery(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeliveryOptions>().Bind(builder.Configuration.GetSection(DeliveryOptions.Section))
            .Validate(o => o.ProactiveInFlight > 0, "Delivery:ProactiveInFlight must be at least 1.").ValidateOnStart();
        builder.Services.AddOptions<FloodOptions>().Bind(builder.Configuration.GetSection(FloodOptions.Section))
            .Validate(o => o.Burst >= 0 && o.PerMinute >= 0 && o.NewWebChatsPerHour >= 0,
                "Flood:Burst, Flood:PerMinute and Flood:NewWebChatsPerHour must not be negative.").ValidateOnStart();
        builder.Services.AddSingleton<PlatformLease>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PlatformLease>());
        builder.Services.AddSingleton<Handover>();
        builder.Services.AddSingleton<ClusterDatabase>();
        builder.Services.AddSingleton<ChatLocks>();
        builder.Services.AddScoped<OutboxDispatcher>();
        builder.Services.AddSingleton<DeliveryLanes>();
        builder.Services.AddSingleton<SharedOutboxWrites>();
        builder.Services.AddSingleton<DeliveryLedger>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeliveryLedger>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeliveryLanes>());
        builder.Services.AddSingleton<ChatFloodGuard>();
        builder.Services.AddSingleton<TurnIntake>();
        return builder;
    }
}
