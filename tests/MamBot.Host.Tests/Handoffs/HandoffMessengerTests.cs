using System.Net;
using System.Text;
using System.Text.Json;
using MamBot.Data.Outbox;
using MamBot.Host.Tests.Admin;
using MamBot.Host.Tests.Messenger;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Handoffs;

/// <summary>
/// A resident on Messenger (signed webhooks, fake Graph API) talks to an animator in the panel: the answers keep to
/// Meta's window from the resident's last message: RESPONSE within 24 h, HUMAN_AGENT up to 7 days, then nothing.
/// </summary>
public sealed class HandoffMessengerTests : IAsyncLifetime
{
    private const string Ola = "psid-ola-handoff";
    private readonly HostTestBed _bed = new();
    private FakeGraphApi _graph = null!;
    private MamApp _app = null!;
    private long _clock = 1_700_000_000_000;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphApi.StartAsync();
        _app = _bed.Start(new Dictionary<string, string?>(_graph.Settings())
        {
            ["Messenger:HumanAgentTag"] = "true",
            ["Handoff:IdleHours"] = "1000", // the conversation stays open across the days this test skips
        });
    }

    public async Task DisposeAsync()
    {
        _bed.Dispose();
        await _graph.DisposeAsync();
    }

    private async Task WriteAsync(string text, string? payload = null)
    {
        var message = payload is null ? (object)new { mid = $"m-{++_clock}", text } : new { mid = $"m-{++_clock}", text, quick_reply = new { payload } };
        var body = JsonSerializer.Serialize(new
        {
            @object = "page",
            entry = new[] { new { id = "page-1", time = _clock, messaging = new[] { new { sender = new { id = Ola }, recipient = new { id = "page-1" }, timestamp = _clock, message } } } },
        });
        using var http = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await _graph.PostSignedAsync(http, body)).StatusCode);
    }

    private async Task<GraphCall> NextSendAsync(int count) => (await _graph.WaitForSendsAsync(Ola, count))[count - 1];

    [Fact]
    public async Task The_teams_answers_keep_to_the_window_measured_from_the_residents_last_message()
    {
        await WriteAsync("Zgadzam się", "consent:yes");
        var sends = (await _graph.WaitForSendsAsync(Ola, 1)).Count;
        await WriteAsync("chcę porozmawiać z człowiekiem");
        Assert.StartsWith("Przekazuję rozmowę zespołowi MAM.", (await NextSendAsync(++sends)).Text);
        await WriteAsync("Czy jutro jest joga?");
        await Eventually.HoldsAsync(() => _app.QueryAsync(db => db.HandoffMessages.AnyAsync(m => m.Text == "Czy jutro jest joga?")), "the question to reach the team");
        Assert.Equal("RESPONSE", (await NextSendAsync(++sends)).MessagingType); // the acknowledgement, inside the window

        var ania = await StaffSession.SignInAsync(_app, "ania@mam.example");
        var id = await _app.QueryAsync(db => db.Handoffs.Select(h => h.Id).SingleAsync());
        await ania.SubmitAsync($"/admin/conversations/{id}?handler=Reply", ("Text", "Tak, o 18:00."));
        var answer = await NextSendAsync(++sends);
        Assert.Equal(("Pisze do Ciebie Ania z MAM:\n\nTak, o 18:00.", "RESPONSE", null), (answer.Text, answer.MessagingType, answer.Tag));

        _bed.Time.Advance(TimeSpan.FromDays(3)); // past 24 hours: only a person's answer, with the tag for it
        ania = await StaffSession.SignInWithPasswordAsync(_app, "ania@mam.example", StaffSession.Password); // days later
        await ania.SubmitAsync($"/admin/conversations/{id}?handler=Reply", ("Text", "Czy udało się przyjść?"));
        var late = await NextSendAsync(++sends);
        Assert.Equal(("Czy udało się przyjść?", "MESSAGE_TAG", "HUMAN_AGENT"), (late.Text, late.MessagingType, late.Tag));

        _bed.Time.Advance(TimeSpan.FromDays(5)); // past 7 days: nothing may go until she writes
        ania = await StaffSession.SignInWithPasswordAsync(_app, "ania@mam.example", StaffSession.Password);
        var view = StaffSession.Text(await ania.SubmitAsync($"/admin/conversations/{id}?handler=Reply", ("Text", "Halo?")));
        await Eventually.HoldsAsync(() => _app.QueryAsync(db => db.OutboxMessages.AnyAsync(m =>
            m.Kind == OutboxKind.HumanReply && m.Status == OutboxStatus.Skipped && m.StatusReason == OutboxReasons.OutsideWindow)), "the late answer to be skipped");
        Assert.Contains("odpowiedź nie dojdzie, dopóki mieszkaniec znów nie napisze", view);
        Assert.Contains("Nie doszło: Messenger nie pozwala już odpowiedzieć.", StaffSession.Text(await ania.PageAsync($"/admin/conversations/{id}")));
        Assert.Equal(sends, _graph.SentTo(Ola).Count);
        Assert.DoesNotContain(_graph.Calls, c => FakeGraphApi.RetiredTags.Contains(c.Tag));

        await WriteAsync("Wróć do asystenta");
        Assert.StartsWith("Znów rozmawiasz z automatycznym asystentem.", (await NextSendAsync(++sends)).Text);
        Assert.Equal(("RESPONSE", null), (_graph.SentTo(Ola)[^1].MessagingType, _graph.SentTo(Ola)[^1].Tag));
    }
}
