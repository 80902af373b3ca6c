using System.Net;
using System.Text;
using System.Text.Json;
using MamBot.Data.Conversations;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Host.Tests.Telegram;

/// <summary>Telegram updates as the Bot API sends them, and the webhook call that delivers one (for tests on one or two hosts).</summary>
public static class TelegramUpdates
{
    /// <summary>A private-chat text message; <paramref name="date"/> in Unix seconds (now when null).</summary>
    public static string Text(int updateId, long chatId, string text, string firstName = "Jan", long? date = null) => JsonSerializer.Serialize(new
    {
        update_id = updateId,
        message = new
        {
            message_id = updateId,
            date = date ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            chat = new { id = chatId, type = "private", first_name = firstName },
            from = new { id = chatId, is_bot = false, first_name = firstName },
            text,
        },
    });

    /// <summary>POSTs an update to the webhook, with Telegram's secret header when one is given.</summary>
    public static async Task<HttpStatusCode> PostAsync(HttpClient http, string update, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram") { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        if (secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return (await http.SendAsync(request)).StatusCode;
    }

    /// <summary>
    /// The webhook answers once an update is stored and handles it right after: waits until every stored update
    /// has been handled (its turn committed), on this host or another of the same database.
    /// </summary>
    public static Task HandledAsync(MamApp app) => Eventually.HoldsAsync(
        async () => !await app.QueryAsync(db => db.InboundEvents.AnyAsync(e => e.Channel == "telegram" && e.Status == InboundStatus.Pending)),
        "the stored Telegram updates to be handled");
}
