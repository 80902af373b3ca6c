using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

// The panel's texts (Admin/Texts/AdminTexts.resx) are Polish.
[assembly: System.Resources.NeutralResourcesLanguage("pl")]

namespace MamBot.Host.Admin;

/// <summary>The staff panel: Razor Pages under /admin behind a cookie login, and the Hangfire dashboard at /admin/jobs.</summary>
public static class AdminSetup
{
    public const string Scheme = "MamStaff";
    public const string JobsPath = "/admin/jobs";
    public const string AdminOnly = "admin-only";
    public const string WaitingPath = "/admin/waiting";

    public static WebApplicationBuilder AddMamAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SignInGuard>();
        builder.Services.AddScoped<StaffAccounts>();
        builder.Services.AddScoped<WaitingCounts>();
        builder.Services.AddScoped<PanelActivity>();
        builder.Services.AddScoped<PanelTransaction>();
        // The key ring behind the sign-in cookie and the form tokens comes with the storage (MamStorageSetup).
        builder.Services.AddAuthentication(Scheme).AddCookie(Scheme, o =>
        {
            o.LoginPath = "/admin/login";
            o.AccessDeniedPath = "/admin/denied";
            o.Cookie.Name = "mam-staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // HTTPS in production, plain http on localhost
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // A removed account or a new password ends the session at the next request, not when the cookie expires;
            // a changed role or name takes effect then too.
            o.Events.OnValidatePrincipal = async context =>
            {
                var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
                var user = int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var staffId)
                    ? await context.HttpContext.RequestServices.GetRequiredService<StaffAccounts>().FindAsync(staffId, context.HttpContext.RequestAborted)
                    : null;
                if (user is null || context.Principal!.FindFirstValue(StampClaim) != StaffAccounts.Stamp(user))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(Scheme);
                }
                else if (!context.Principal!.IsInRole(user.Role) || context.Principal.Identity?.Name != NameOf(user))
                {
                    context.ReplacePrincipal(Principal(user));
                    context.ShouldRenew = true;
                }
            };
        });
        builder.Services.AddAuthorization(o => o.AddPolicy(AdminOnly, p => p.RequireRole(Data.Staff.StaffRoles.Admin)));
        // Polish letters as they are in the HTML (not &#x142;): readable source, and what screen readers and tests see.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Admin/Pages";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Login");
            // Team accounts and "Dokąd się zwrócić" are the admin's. Hours, rules and FAQ ("Centrum") and day closures
            // ("Sale") are the whole team's; the centre's details, the team's chat and the rooms' own settings stay
            // the admin's, checked in those pages.
            o.Conventions.AuthorizePage("/Settings/Staff", AdminOnly);
            o.Conventions.AuthorizePage("/Settings/Contacts", AdminOnly);
            // Outermost: a form's whole work, the person's presence included, is one transaction.
            o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.ServiceFilterAttribute(typeof(PanelTransaction)));
            o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.ServiceFilterAttribute(typeof(PanelActivity)));
        });
        return builder;
    }

    public static WebApplication MapMamAdmin(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapStaffCalendarFeed();
        var conversationScript = PanelScript("Conversations.conversation.js");
        app.MapGet("/admin/conversation.js", () => Results.Text(conversationScript, "text/javascript; charset=utf-8")).RequireAuthorization();
        var panelScript = PanelScript("panel.js");
        app.MapGet("/admin/panel.js", () => Results.Text(panelScript, "text/javascript; charset=utf-8"))
            .RequireAuthorization();
        // What waits for the team, for panel.js on every open page; not the person's own work (no PanelActivity).
        app.MapGet(WaitingPath, async (WaitingCounts waiting, CancellationToken ct) =>
            Results.Json(await waiting.ReadAsync(ct))).RequireAuthorization();
        var attendanceScript = PanelScript("Events.attendance.js");
        app.MapGet("/admin/attendance.js", () => Results.Text(attendanceScript, "text/javascript; charset=utf-8")).RequireAuthorization();
        app.MapPost("/admin/logout", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            // A page elsewhere must not be able to sign staff out: the form's token is required here too.
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            // Nobody answers from a signed-out panel: residents must not be promised otherwise.
            if (StaffId(http.User) is { } staffId)
                await http.RequestServices.GetRequiredService<Dialogs.Handoffs.PresenceDesk>()
                    .SignedOutAsync(staffId, http.RequestAborted);
            await http.SignOutAsync(Scheme);
            return Results.Redirect("/admin/login");
        }).RequireAuthorization();
        app.UseHangfireDashboard(JobsPath, new DashboardOptions
        {
            Authorization = [new StaffOnly()],
            // Animators may look; only admins may trigger, delete or remove jobs (they are registered again at start).
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(Data.Staff.StaffRoles.Admin),
            AppPath = "/admin",
            DashboardTitle = "MamBot – zadania",
        }, app.Services.GetRequiredService<JobStorage>());
        return app;
    }

    /// <summary>A script of the panel, embedded in the assembly like the chat page's (the CSP allows only the site's own).</summary>
    private static string PanelScript(string file)
    {
        var name = $"MamBot.Host.Admin.Pages.{file}";
        using var stream = System.Reflection.Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The panel script {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The signed-in staff member's account id; null for anyone else.</summary>
    public static int? StaffId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier),
            System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The claims of a signed-in staff member.</summary>
    public static ClaimsPrincipal Principal(Data.Staff.StaffUser user) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Email, user.Email),
        new Claim(ClaimTypes.Name, NameOf(user)),
        new Claim(ClaimTypes.Role, user.Role),
        new Claim(StampClaim, StaffAccounts.Stamp(user)),
    ], Scheme));

    /// <summary>Which password the session was opened with (<see cref="StaffAccounts.Stamp"/>).</summary>
    private const string StampClaim = "mam:stamp";

    private static string NameOf(Data.Staff.StaffUser user) => string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email : user.DisplayName;

    /// <summary>Hangfire's dashboard answers 401 unless a staff member is signed in.</summary>
    private sealed class StaffOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.Identity?.IsAuthenticated == true;
    }
}
