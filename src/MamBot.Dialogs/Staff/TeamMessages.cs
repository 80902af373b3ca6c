using MamBot.Data.Centres;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Staff;

/// <summary>Messages to the team's chat: written in Polish, whoever caused them (a Ukrainian resident's turn too).</summary>
public static class TeamMessages
{
    public static Task QueueForTeamAsync(this OutboxStore outbox, Centre centre, string idempotencyKey, Func<Reply> message, CancellationToken ct)
    {
        string body;
        using (Language.Use(Languages.Polish)) body = message().ToJson();
        return outbox.EnqueueForStaffAsync(centre, idempotencyKey, body, ct);
    }
}
