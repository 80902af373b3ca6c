using MamBot.Data.Events;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Events;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Tests.Events;

/// <summary>Staff-side helpers for event conversations: create, move, cancel through the same desk the admin panel uses.</summary>
internal static class EventsFixture
{
    public static readonly TimeZoneInfo Krakow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    /// <summary>A Kraków wall-clock time in November/December 2026 as UTC.</summary>
    public static DateTime At(int day, int hour, int minute = 0, int month = 11) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, month, day, hour, minute, 0), Krakow);

    public static async Task<CommunityEvent> CreateAsync(this TestChat chat, string title, DateTime startUtc, int? capacity = null,
        EventCategory category = EventCategory.Seniors, int minutes = 60, EventNames? names = null)
    {
        var centre = await chat.QueryAsync(db => db.Centres.Select(c => c.Id).FirstAsync());
        var change = await chat.UseAsync<EventDesk, EventChange>(d => d.CreateAsync(
            new NewEvent(centre, title, "Opis wydarzenia.", startUtc, startUtc.AddMinutes(minutes), null, category, capacity,
                "Zespół MAM", Names: names), default));
        return change.Event ?? throw new InvalidOperationException(change.Problem.ToString());
    }

    public static async Task<TestChat> ConsentedAsync()
    {
        var chat = await TestChat.StartAsync();
        await chat.PressPayloadAsync("consent:yes");
        return chat;
    }

    public static async Task ConsentAsAsync(this TestChat chat, string chatId) => await chat.AsAsync(chatId, null, "consent:yes");

    /// <summary>Queued nudges other than the day-after-consent tip, oldest first.</summary>
    public static async Task<List<OutboxMessage>> EventNudgesAsync(this TestChat chat) =>
        [.. (await chat.NudgesAsync()).Where(m => m.Kind != OutboxKind.FollowUp).OrderBy(m => m.Id)];

    public static string Text(this OutboxMessage message) => MamBot.Dialogs.Conversation.Reply.FromJson(message.Body).Text;

    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Krakow);
}
