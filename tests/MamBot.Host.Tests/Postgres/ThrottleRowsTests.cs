using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using MamBot.Data;
using MamBot.Host.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Postgres;

/// <summary>Issue 36 F8/F9: the shared allowances on PostgreSQL keep few rows, for a short time, under a keyed hash.</summary>
public class ThrottleRowsTests
{
    [Fact]
    public async Task Refused_new_web_chats_leave_no_rows_behind()
    {
        using var bed = new HostTestBed();
        var app = await bed.StartAsync(StorageProvider.Postgres, new Dictionary<string, string?> { ["Flood:NewWebChatsPerHour"] = "2" });

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
            answers.Add((await app.CreateClient().PostAsJsonAsync($"/api/chat/browser-many-{i}-7c2e9a4b1d3f5a6b8c0d", new { text = "hej" })).StatusCode);

        Assert.Equal(10, answers.Count(a => a == HttpStatusCode.TooManyRequests));
        // The address's count and the two admitted chats' allowances: nothing per refusal.
        Assert.Equal(3, await app.QueryAsync(db => db.Throttles.CountAsync()));
    }

    [Fact]
    public async Task Spent_allowances_are_deleted_within_minutes_not_overnight()
    {
        using var bed = new HostTestBed();
        var app = await bed.StartAsync(StorageProvider.Postgres);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostAsJsonAsync("/api/chat/browser-early-7c2e9a4b1d3f5a6b8c0d", new { text = "hej" })).StatusCode);
        var early = app.Services.GetRequiredService<KeyedHash>().Of("throttle:flood:webchat:browser-early-7c2e9a4b1d3f5a6b8c0d");
        Assert.Contains(early, await app.QueryAsync(db => db.Throttles.Select(t => t.Key).ToListAsync()));

        bed.Time.Advance(TimeSpan.FromMinutes(6)); // the early chat's bucket has long refilled: its row means nothing
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostAsJsonAsync("/api/chat/browser-later-7c2e9a4b1d3f5a6b8c0d", new { text = "hej" })).StatusCode);

        Assert.DoesNotContain(early, await app.QueryAsync(db => db.Throttles.Select(t => t.Key).ToListAsync()));
    }

    [Fact]
    public async Task Keys_are_keyed_hashes_and_a_residents_rows_go_with_the_resident()
    {
        using var bed = new HostTestBed();
        var app = await bed.StartAsync(StorageProvider.Postgres);
        var chat = new PageChat(app.CreateClient(), "browser-erase-7c2e9a4b1d3f5a6b8c0d");
        await chat.PressAsync("consent:yes");
        var keyed = app.Services.GetRequiredService<KeyedHash>();
        var mine = keyed.Of("throttle:flood:webchat:" + chat.ConversationId);
        var keys = await app.QueryAsync(db => db.Throttles.Select(t => t.Key).ToListAsync());
        Assert.Contains(mine, keys);
        Assert.DoesNotContain(Sha256("flood:webchat:" + chat.ConversationId), keys); // a plain hash is a guess away

        await chat.SendAsync("usuń moje dane");
        await chat.PressTitleAsync("Tak, usuń wszystko");

        Assert.Equal(0, await app.QueryAsync(db => db.Residents.CountAsync()));
        Assert.DoesNotContain(mine, await app.QueryAsync(db => db.Throttles.Select(t => t.Key).ToListAsync()));
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
