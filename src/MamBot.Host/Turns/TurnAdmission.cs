using System.Globalization;
using System.Threading.RateLimiting;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MamBot.Host.Turns;

/// <summary>Config section "Turns": how many residents' messages the host takes on at once.</summary>
public sealed class TurnOptions
{
    public const string Section = "Turns";

    /// <summary>Turns running at once (they take the database's write lock one after another).</summary>
    public int MaxConcurrent { get; set; } = 32;

    /// <summary>Turns waiting for one of those places; past this a message is refused at once, to be sent again.</summary>
    public int MaxQueued { get; set; } = 32;

    /// <summary>What a refused sender is told to wait.</summary>
    public int RetryAfterSeconds { get; set; } = 2;
}

/// <summary>
/// Backpressure: the web chat and the Telegram webhook share one bound on turns in flight. Past it a request is
/// refused at once with 503 and Retry-After (web chat: a Polish line; the page sends the message again by itself;
/// Telegram delivers the update again later) instead of queueing for tens of seconds.
/// </summary>
public static class TurnAdmission
{
    public const string Policy = "turns";

    public static WebApplicationBuilder AddMamTurnAdmission(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TurnOptions>().Bind(builder.Configuration.GetSection(TurnOptions.Section))
            .Validate(o => o.MaxConcurrent > 0 && o.MaxQueued >= 0 && o.RetryAfterSeconds > 0, "Turns:* must be positive.").ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        // Configured from the options (not read at startup), so every configuration source counts.
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<TurnOptions>>((limiter, turns) =>
        {
            var o = turns.Value;
            limiter.AddConcurrencyLimiter(Policy, c =>
            {
                c.PermitLimit = o.MaxConcurrent;
                c.QueueLimit = o.MaxQueued;
                c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            limiter.OnRejected = async (context, ct) =>
            {
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                response.Headers.RetryAfter = o.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await response.WriteAsJsonAsync(new { error = T.TooBusy }, ct);
            };
        });
        return builder;
    }
}
