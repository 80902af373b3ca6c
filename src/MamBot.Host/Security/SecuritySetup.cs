using Microsoft.AspNetCore.HttpOverrides;

namespace MamBot.Host.Security;

/// <summary>
/// The host's own protections: no secret in the log, a cap on every request body, the browser headers that keep
/// pages from being framed, sniffed or fed foreign scripts, and the forwarded headers of a TLS proxy when the
/// operator says there is one (so cookies are Secure and redirects use https).
/// </summary>
public static class SecuritySetup
{
    /// <summary>No request of ours is bigger: webhooks and the chat cap theirs lower still (see <see cref="BoundedBody"/>).</summary>
    public const long MaxRequestBytes = 1024 * 1024;

    private const string PageCsp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static WebApplicationBuilder AddMamSecurity(this WebApplicationBuilder builder)
    {
        // The HTTP client factory logs every request URL; the Bot API has the bot token in its path and the Graph
        // API the page token in its query. So no HTTP client of ours logs requests.
        builder.Services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers());
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBytes);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxy the operator names is believed (Security:TrustedProxies, e.g. "127.0.0.1").
            foreach (var proxy in builder.Configuration.GetSection("Security:TrustedProxies").Get<string[]>() ?? [])
                if (System.Net.IPAddress.TryParse(proxy, out var address)) o.KnownProxies.Add(address);
        });
        return builder;
    }

    public static WebApplication UseMamSecurity(this WebApplication app)
    {
        if (app.Configuration.GetSection("Security:TrustedProxies").Get<string[]>() is { Length: > 0 }) app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            // Hangfire's dashboard brings its own inline scripts; it is still never framed.
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/admin/jobs") ? "frame-ancestors 'none'" : PageCsp;
            await next();
        });
        return app;
    }
}
