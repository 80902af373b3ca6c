using MamBot.Data;
using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Diagnostics;

namespace MamBot.Host.Setup;

public static class ErrorSetup
{
    /// <summary>Seconds a caller is asked to wait when the storage cannot write (disk full, read-only folder).</summary>
    public const int StorageRetryAfterSeconds = 60;

    /// <summary>
    /// An unexpected failure answers with a short Polish message (the turn's transaction already rolled back).
    /// A storage fault is 503 with Retry-After: the request was fine and may be sent again unchanged.
    /// </summary>
    public static WebApplication UseMamErrors(this WebApplication app)
    {
        app.UseExceptionHandler(error => error.Run(async context =>
        {
            var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, message) = failure switch
            {
                // Malformed requests that ASP.NET itself rejects (e.g. a body that is not what it says) are the caller's fault.
                BadHttpRequestException bad => (bad.StatusCode, T.ApiBadJson),
                _ when StorageFault.Is(failure) => (StatusCodes.Status503ServiceUnavailable, T.StorageUnavailable),
                _ => (StatusCodes.Status500InternalServerError, T.ApiFailed),
            };
            context.Response.StatusCode = status;
            if (status == StatusCodes.Status503ServiceUnavailable)
                context.Response.Headers.RetryAfter = StorageRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.Response.WriteAsJsonAsync(new { error = message });
        }));
        return app;
    }

    /// <summary>
    /// After the host stopped: non-zero when a background service died of an error, so a supervisor that
    /// restarts on failure does restart it (.NET stops the host then, but would exit 0).
    /// </summary>
    /// <remarks>Call before RunAsync: it disposes the service provider when the host stops.</remarks>
    public static Func<int> ExitCodeAfterStop(this WebApplication app)
    {
        var services = app.Services.GetServices<IHostedService>().ToList();
        return () => ExitCodeOf(services);
    }

    public static int ExitCodeOf(IEnumerable<IHostedService> services) =>
        services.OfType<BackgroundService>().Any(s => s.ExecuteTask?.IsFaulted == true) ? 1 : 0;
}
