using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Security;

/// <summary>One network address cannot start hundreds of web chat conversations (fake residents) in an hour.</summary>
public sealed class NewConversationLimitTests : IDisposable
{
    private readonly HostTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    private static string Id(int n) => $"browser-new-{n:D2}-0123456789abcdef0123";

    [Fact]
    public async Task The_third_new_conversation_from_one_address_waits_an_hour_while_started_ones_go_on()
    {
        var app = _bed.Start(new Dictionary<string, string?> { ["Flood:NewWebChatsPerHour"] = "2" });
        using var http = app.CreateClient();
        var first = new PageChat(http, Id(1));
        await first.PressAsync("consent:yes");
        await new PageChat(http, Id(2)).SendAsync("/start");

        var refused = await http.PostAsJsonAsync($"/api/chat/{Id(3)}", new { payload = "consent:yes" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("3600", refused.Headers.GetValues("Retry-After").Single());
        var error = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.Equal("Z tej sieci zaczęto w ciągu godziny bardzo dużo nowych rozmów. Spróbuj, proszę, za godzinę – albo odwiedź nas w MAM.", error);
        Assert.Equal(1, await app.QueryAsync(db => db.Residents.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.MailboxMessages.CountAsync(m => m.ChatId == Id(3))));

        await first.PressAsync("menu:about"); // a conversation already started is not new
        Assert.Contains("MAM", first.Text);

        _bed.Time.Advance(TimeSpan.FromHours(1));
        await new PageChat(http, Id(3)).PressAsync("consent:yes");
        Assert.Equal(2, await app.QueryAsync(db => db.Residents.CountAsync()));
    }

    [Fact]
    public async Task A_conversation_started_before_a_restart_is_not_new_after_it()
    {
        var before = _bed.Start(new Dictionary<string, string?> { ["Flood:NewWebChatsPerHour"] = "1" });
        await new PageChat(before.CreateClient(), Id(1)).PressAsync("consent:yes");
        before.Dispose();

        var after = _bed.Start(new Dictionary<string, string?> { ["Flood:NewWebChatsPerHour"] = "1" });
        using var http = after.CreateClient();
        await new PageChat(http, Id(2)).SendAsync("/start"); // the one new conversation of this hour
        var again = new PageChat(http, Id(1));
        await again.PressAsync("menu:about");

        Assert.Contains("MAM", again.Text);
    }
}
