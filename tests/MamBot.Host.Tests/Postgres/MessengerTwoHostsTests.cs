using System.Net;
using System.Text.Json;
using MamBot.Data;
using MamBot.Data.Conversations;
using MamBot.Data.Outbox;
using MamBot.Host.Cluster;
using MamBot.Host.Tests.Messenger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Postgres;

/// <summary>Meta's webhook reaching either of two hosts on one PostgreSQL database.</summary>
public sealed class MessengerTwoHostsTests : IAsyncLifetime
{
    private FakeGraphApi _graph = null!;
    private long _clock = 1_795_589_215_000;

    public async Task InitializeAsync() => _graph = await FakeGraphApi.StartAsync();

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    private string Text(string psid, string mid, string text) => JsonSerializer.Serialize(new
    {
        @object = "page",
        entry = new[]
        {
            new { id = FakeGraphApi.PageId, time = _clock, messaging = new[] { new { sender = new { id = psid }, recipient = new { id = FakeGraphApi.PageId }, timestamp = ++_clock, message = new { mid, text } } } },
        },
    });

    [Fact]
    public async Task Each_event_is_handled_once_by_the_delivering_host_and_when_it_stops_the_other_takes_up_what_comes_next()
    {
        using var bed = new HostTestBed();
        var settings = new Dictionary<string, string?>(_graph.Settings()) { ["Flood:Burst"] = "0" };
        var hosts = await HostTestBed.OneDeliversAsync(await bed.TwoHostsAsync(settings));
        static bool Holds(MamApp host) => HostTestBed.Delivers(host);
        var residents = Enumerable.Range(0, 8).Select(i => $"psid-two-{i}").ToList();

        // Meta retries what it thinks failed: every event comes twice, once to each host.
        foreach (var (psid, i) in residents.Select((p, i) => (p, i)))
        {
            var body = Text(psid, $"mid-{i}", "Cześć");
            foreach (var host in hosts) Assert.Equal(HttpStatusCode.OK, (await _graph.PostSignedAsync(host.CreateClient(), body)).StatusCode);
        }

        await Eventually.HoldsAsync(async () => await hosts[0].QueryAsync(db => db.InboundEvents.CountAsync(e => e.Status == InboundStatus.Done)) == residents.Count,
            "every event to be handled", TimeSpan.FromSeconds(20));
        foreach (var psid in residents)
        {
            var queued = await hosts[0].QueryAsync(db => db.OutboxMessages.CountAsync(m => m.ChatId == psid));
            Assert.True(queued > 0, $"{psid} got no reply queued");
            await _graph.WaitForSendsAsync(psid, queued);
            Assert.Equal(queued, _graph.SentTo(psid).Count);
        }
        Assert.Equal(residents.Count, await hosts[0].QueryAsync(db => db.InboundEvents.CountAsync())); // stored once each
        var holder = hosts.Single(Holds);
        var name = holder.Services.GetRequiredService<DeliveryProcess>().Name;
        Assert.All(await hosts[0].QueryAsync(db => db.OutboxMessages.Select(m => m.ClaimedBy).ToListAsync()), by => Assert.Equal(name, by));

        var other = hosts.Single(h => h != holder);
        holder.Dispose();
        Assert.Equal(HttpStatusCode.OK, (await _graph.PostSignedAsync(other.CreateClient(), Text("psid-later", "mid-later", "Cześć"))).StatusCode);
        await _graph.WaitForSendsAsync("psid-later", 1);
        Assert.True(Holds(other));
    }
}
