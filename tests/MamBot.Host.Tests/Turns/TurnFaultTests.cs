using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MamBot.Data.Conversations;
using MamBot.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MamBot.Host.Tests.Turns;

/// <summary>What a resident hears when a turn fails, and what the host does when the storage cannot write.</summary>
public sealed class TurnFaultTests
{
    [Fact]
    public async Task A_state_this_version_cannot_read_is_answered_with_an_apology_and_the_menu_in_web_chat()
    {
        using var bed = new HostTestBed();
        var app = bed.Start();
        var chat = new PageChat(app.CreateClient(), "browser-broken-bc687f78389c8fe28");
        await chat.SendAsync("/start");
        await chat.PressTitleAsync("Zgadzam się");
        await chat.PressTitleAsync("Zarezerwuj salę");
        // A deploy renamed the step the resident was waiting at.
        await app.QueryAsync(db => db.ConversationStates.ExecuteUpdateAsync(s => s.SetProperty(c => c.StateJson, c => c.StateJson!.Replace("\"Step\":\"", "\"Step\":\"old-"))));

        await chat.SendAsync("Sala duża", clientMessageId: "m1");

        Assert.StartsWith("Przepraszam, coś poszło nie tak po mojej stronie. Zacznijmy od nowa", chat.Text);
        Assert.Equal("menu:book", chat.Button("Zarezerwuj salę"));
        Assert.Equal(0, await app.QueryAsync(db => db.ConversationStates.CountAsync()));
        var again = await chat.SendAsync("Sala duża", clientMessageId: "m1"); // the page resends: the same answer, once
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.StartsWith("Przepraszam", chat.Text);

        await chat.PressTitleAsync("Zarezerwuj salę");
        Assert.Contains("Co chcesz zarezerwować?", chat.Text); // the form starts afresh
    }

    [Fact]
    public async Task With_the_disk_full_a_message_is_refused_politely_health_says_not_ready_and_nothing_is_lost()
    {
        using var bed = new HostTestBed();
        var disk = new DiskFull();
        var app = bed.Start(services: disk.AddTo);
        var http = app.CreateClient();
        var chat = new PageChat(http, "browser-disk-140e9e1872579f572e8");
        await chat.SendAsync("/start");

        disk.IsFull = true;
        var refused = await http.PostAsJsonAsync("/api/chat/browser-disk-140e9e1872579f572e8", new { text = "/pomoc", clientMessageId = "d1" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
        Assert.Contains("nie mogę teraz niczego zapisać", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        var ready = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("database or disk is full", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.ProcessedUpdates.CountAsync(u => u.UpdateId == "browser-disk-140e9e1872579f572e8/d1")));

        disk.IsFull = false;
        await chat.SendAsync("/pomoc", clientMessageId: "d1"); // what the page does after a 503
        Assert.Contains("Jak ze mną rozmawiać", chat.Text);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Readiness_fails_when_the_data_folder_has_too_little_room()
    {
        using var bed = new HostTestBed();
        using var http = bed.Start(new Dictionary<string, string?> { ["Health:MinFreeDiskMegabytes"] = "1000000000" }).CreateClient();

        var ready = await http.GetAsync("/healthz");
        var disk = (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("disk");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("MB free in the data folder, below 1000000000 MB", disk.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Messenger_events_are_refused_with_503_while_the_disk_is_full_so_meta_sends_them_again()
    {
        await using var graph = await Messenger.FakeGraphApi.StartAsync();
        using var bed = new HostTestBed();
        var disk = new DiskFull();
        var app = bed.Start(graph.Settings(), disk.AddTo);
        var http = app.CreateClient();
        var body = JsonSerializer.Serialize(new
        {
            @object = "page",
            entry = new[] { new { id = "page", time = 1, messaging = new[] { new
            {
                sender = new { id = "psid-disk" }, recipient = new { id = "page" },
                timestamp = bed.Time.GetUtcNow().ToUnixTimeMilliseconds(), message = new { mid = "m-disk", text = "/pomoc" },
            } } } },
        });

        disk.IsFull = true;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await graph.PostSignedAsync(http, body)).StatusCode);
        disk.IsFull = false;
        Assert.Equal(HttpStatusCode.OK, (await graph.PostSignedAsync(http, body)).StatusCode);
        Assert.Contains("Jak ze mną rozmawiać", (await graph.WaitForSendsAsync("psid-disk", 1))[0].Text);
    }

    [Fact]
    public async Task While_one_resident_waits_for_a_slow_llm_other_residents_buttons_are_answered()
    {
        await using var llm = await SlowLlm.StartAsync();
        using var bed = new HostTestBed();
        var http = bed.Start(llm.Settings()).CreateClient();

        var waiting = new PageChat(http, "browser-llm-92a03d325b430ded43bb").SendAsync("chciałabym coś zrobić dla sąsiadów");
        await llm.Asked;

        // The model has not answered; ten other residents press buttons and get their answers meanwhile.
        var others = Enumerable.Range(0, 10).Select(async i =>
        {
            var other = new PageChat(http, $"browser-other-{i:D2}-0123456789abcdef0123");
            await other.PressAsync("menu:about");
            return other.Text;
        }).ToList();
        var answered = await Task.WhenAll(others).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.All(answered, text => Assert.Contains("Godziny otwarcia:", text));
        Assert.False(waiting.IsCompleted);

        llm.Answer();
        await waiting.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Past_the_bound_on_turns_in_flight_a_message_is_refused_at_once_and_goes_through_when_sent_again()
    {
        await using var llm = await SlowLlm.StartAsync();
        using var bed = new HostTestBed();
        var app = bed.Start(llm.Settings(("Turns:MaxConcurrent", "1"), ("Turns:MaxQueued", "0")));
        var http = app.CreateClient();
        var busy = new PageChat(http, "browser-busy-ae7329be6ba0aa707e5").SendAsync("chciałabym coś zrobić dla sąsiadów");
        await llm.Asked; // the only place is taken

        var refused = await http.PostAsJsonAsync("/api/chat/browser-next-58344533b3838d4c673", new { payload = "menu:about", clientMessageId = "n1" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("2", refused.Headers.GetValues("Retry-After").Single());
        Assert.Contains("Bardzo dużo osób pisze do mnie", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(0, await app.QueryAsync(db => db.ProcessedUpdates.CountAsync(u => u.UpdateId == "browser-next-58344533b3838d4c673/n1")));

        llm.Answer();
        await busy.WaitAsync(TimeSpan.FromSeconds(20));
        var next = new PageChat(http, "browser-next-58344533b3838d4c673");
        await next.PressAsync("menu:about");
        Assert.Contains("Godziny otwarcia:", next.Text);
    }
}

/// <summary>A background service dying of an error: the host stops, and says so with its exit code.</summary>
public sealed class HostExitTests
{
    [Fact]
    public async Task A_background_service_that_dies_stops_the_host_with_a_non_zero_exit_code()
    {
        using var bed = new HostTestBed();
        var dying = new DyingService();
        var app = bed.Start(services: s => s.AddHostedService(_ => dying));
        var hosted = app.Services.GetServices<IHostedService>().ToList();
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

        dying.Die();
        await Eventually.HoldsAsync(() => stopping.IsCancellationRequested, "the host to stop");
        Assert.Equal(1, Setup.ErrorSetup.ExitCodeOf(hosted));
    }

    [Fact]
    public void A_host_whose_services_are_well_exits_with_zero()
    {
        using var bed = new HostTestBed();
        Assert.Equal(0, Setup.ErrorSetup.ExitCodeOf(bed.Start().Services.GetServices<IHostedService>()));
    }

    [Fact]
    public async Task The_real_program_stopped_by_its_supervisor_exits_with_zero_and_no_error()
    {
        using var folder = new TempFolder();
        using var host = await HostProcess.StartAsync(new Dictionary<string, string> { ["Storage:DataDirectory"] = folder.Path });

        var exitCode = await host.StopAsync(within: TimeSpan.FromSeconds(30));

        Assert.DoesNotContain("Unhandled exception", host.Output);
        Assert.Equal(0, exitCode);
    }

    private sealed class DyingService : BackgroundService
    {
        private readonly TaskCompletionSource _die = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Die() => _die.TrySetResult();

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await _die.Task.WaitAsync(stoppingToken);
            throw new InvalidOperationException("a fatal error no loop could go on from");
        }
    }
}
