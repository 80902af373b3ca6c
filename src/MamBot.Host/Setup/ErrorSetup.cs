using MamBot.Dialogs.Texts;
using Microsoft.AspNetCore.Diagnostics;

namespace MamBot.Host.Setup;

public static class ErrorSetup
{
    /// <summary>An unexpected failure answers with a short Polish message (the turn's transaction already rolled back).</summary>
    public static WebApplication UseMamErrors(this WebApplication app)
    {
        app.UseExceptionHandler(error => error.Run(async context =>
        {
            var failure = context.Features.Get<IExceptionHandlerFeature>();
            // Malformed requests that ASP.NET itself rejects (e.g. a body that is not what it says) are the caller's fault.
            var status = failure?.Error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { error = status == 500 ? T.ApiFailed : T.ApiBadJson });
        }));
        return app;
    }
}
