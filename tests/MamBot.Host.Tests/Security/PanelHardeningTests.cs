using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using MamBot.Data.Staff;
using MamBot.Host.Jobs;
using MamBot.Host.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Security;

/// <summary>What a signed-in animator or a page elsewhere must not be able to do to the panel.</summary>
public sealed partial class PanelHardeningTests : IDisposable
{
    private readonly HostTestBed _bed = new();
    private readonly MamApp _app;

    public PanelHardeningTests() => _app = _bed.Start();

    public void Dispose() => _bed.Dispose();

    private List<string> RecurringJobs()
    {
        using var connection = _app.Services.GetRequiredService<JobStorage>().GetConnection();
        return [.. connection.GetRecurringJobs().Select(j => j.Id)];
    }

    /// <summary>Posts a dashboard command the way its own page does, with the antiforgery header it carries.</summary>
    private static async Task<HttpResponseMessage> DashboardCommandAsync(StaffSession staff, string path, string job)
    {
        var page = await staff.Http.GetStringAsync("/admin/jobs/recurring");
        var header = AntiforgeryHeader().Match(page);
        var token = AntiforgeryToken().Match(page);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([new("jobs[]", job)]) };
        Assert.True(header.Success && token.Success, "the dashboard page carries its antiforgery token");
        request.Headers.Add(header.Groups[1].Value, token.Groups[1].Value);
        return await staff.Http.SendAsync(request);
    }

    [Fact]
    public async Task An_animator_sees_the_jobs_dashboard_but_cannot_remove_or_trigger_a_job_and_an_admin_can()
    {
        var animator = await StaffSession.SignInAsync(_app, "ania@mam.example", StaffRoles.Animator);
        Assert.Contains(OutboxDispatchJob.Id, RecurringJobs());
        Assert.Equal(HttpStatusCode.OK, (await animator.Http.GetAsync("/admin/jobs/recurring")).StatusCode);

        var removed = await DashboardCommandAsync(animator, "/admin/jobs/recurring/remove", OutboxDispatchJob.Id);
        var triggered = await DashboardCommandAsync(animator, "/admin/jobs/recurring/trigger", OutboxDispatchJob.Id);

        Assert.False(removed.IsSuccessStatusCode, $"an animator removed a job: {(int)removed.StatusCode}");
        Assert.False(triggered.IsSuccessStatusCode, $"an animator triggered a job: {(int)triggered.StatusCode}");
        Assert.Contains(OutboxDispatchJob.Id, RecurringJobs());

        var admin = await StaffSession.SignInAsync(_app, "szef@mam.example", StaffRoles.Admin);
        Assert.True((await DashboardCommandAsync(admin, "/admin/jobs/recurring/trigger", OutboxDispatchJob.Id)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Signing_out_needs_the_form_token_so_no_other_page_can_sign_staff_out()
    {
        var staff = await StaffSession.SignInAsync(_app);

        var forged = await staff.Http.PostAsync("/admin/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync("/admin")).StatusCode);
    }

    [GeneratedRegex(@"<meta name=""csrf-header"" content=""([^""]+)""")]
    private static partial Regex AntiforgeryHeader();

    [GeneratedRegex(@"<meta name=""csrf-token"" content=""([^""]+)""")]
    private static partial Regex AntiforgeryToken();
}
