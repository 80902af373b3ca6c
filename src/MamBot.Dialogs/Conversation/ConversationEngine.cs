using MamBot.Data;
using MamBot.Data.Centres;
using MamBot.Data.Conversations;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Dialogs.Menu;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;
using Microsoft.EntityFrameworkCore;

namespace MamBot.Dialogs.Conversation;

/// <summary>
/// Runs one turn: activity in, replies queued in the outbox, all in one transaction, so a turn either
/// happened completely (state, domain changes, replies) or not at all, and a redelivered update is a no-op.
/// </summary>
public sealed class ConversationEngine(
    MamDbContext db,
    ConversationStore conversations,
    ResidentService residents,
    CentreDirectory centres,
    OutboxStore outbox,
    DialogSet dialogs,
    IEnumerable<IButtonAction> buttonActions,
    IEnumerable<ICommand> commands,
    MainMenu menu)
{
    public async Task<TurnResult> HandleAsync(Activity activity, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);

        if (activity.UpdateId is { } updateId && !await conversations.TryMarkProcessedAsync(activity.Channel, updateId, ct))
            return new TurnResult(await outbox.ReplyIdsOfTurnAsync(activity.Channel, activity.ChatId, updateId, ct), IsDuplicate: true);

        var resident = await residents.FindByChatAsync(activity.Channel, activity.ChatId, ct);
        if (resident is not null) await residents.TouchAsync(resident, activity.Channel, activity.ChatId, ct);
        var centre = resident is null ? await centres.GetDefaultAsync(ct) : await centres.GetAsync(resident.CentreId, ct);
        var state = ConversationData.FromJson(await conversations.LoadAsync(activity.Channel, activity.ChatId, ct));

        var dc = new DialogContext(activity, centre, resident, state, dialogs);
        await RouteAsync(dc, ct);

        await conversations.SaveAsync(activity.Channel, activity.ChatId, dc.Forgotten ? null : state.ToJson(), ct);
        var ids = await QueueRepliesAsync(dc, ct);
        await transaction.CommitAsync(ct);
        return new TurnResult(ids, IsDuplicate: false);
    }

    private async Task RouteAsync(DialogContext dc, CancellationToken ct)
    {
        if (dc.Payload is { } payload)
        {
            await RouteButtonAsync(dc, payload, ct);
            return;
        }

        if (FindCommand(dc.Text) is var (command, argument) && command is not null)
        {
            await command.HandleAsync(dc, argument, ct);
            return;
        }

        if (dc.ActiveDialog is { } active)
        {
            await active.ContinueAsync(dc, ct);
            return;
        }

        await menu.HandleFreeTextAsync(dc, ct);
    }

    private async Task RouteButtonAsync(DialogContext dc, string payload, CancellationToken ct)
    {
        var separator = payload.IndexOf(':', StringComparison.Ordinal);
        var prefix = separator < 0 ? payload : payload[..separator];
        var action = buttonActions.FirstOrDefault(a => a.Prefix == prefix);
        if (action is not null)
        {
            if (action.LeavesActiveDialog) dc.CancelAll();
            await action.HandleAsync(dc, separator < 0 ? "" : payload[(separator + 1)..], ct);
            return;
        }

        if (dc.ActiveDialog is { } active && dc.ActiveFrame!.Expects.Contains(payload))
        {
            await active.ContinueAsync(dc, ct);
            return;
        }

        // A button from an earlier message: say so kindly and show where we are now.
        dc.Say(T.StaleButton);
        if (dc.ActiveDialog is { } current) await current.RepromptAsync(dc, ct);
        else dc.Say(MainMenu.Render());
    }

    private (ICommand? Command, string Argument) FindCommand(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "");
        var trimmed = text.Trim();
        var isSlash = trimmed.StartsWith('/');
        var parts = trimmed.TrimStart('/').Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return (null, "");
        var name = parts[0].Split('@')[0]; // Telegram appends @BotName in groups
        var argument = parts.Length > 1 ? parts[1] : "";

        // A bare word is a command only when it is the whole message: "menu", not "menu na jutro?".
        if (!isSlash && argument.Length > 0) return (null, "");
        var folded = PolishText.Fold(name);
        var command = commands.FirstOrDefault(c => c.Names.Any(n => PolishText.Fold(n) == folded));
        return (command, argument);
    }

    private async Task<IReadOnlyList<long>> QueueRepliesAsync(DialogContext dc, CancellationToken ct)
    {
        var turnKey = dc.Activity.UpdateId ?? Guid.NewGuid().ToString("N");
        var ids = new List<long>();
        for (var i = 0; i < dc.Replies.Count; i++)
        {
            var message = await outbox.EnqueueAsync(new OutboxMessage
            {
                IdempotencyKey = OutboxStore.ReplyKeyPrefix(dc.Activity.Channel, dc.Activity.ChatId, turnKey) + i,
                Kind = OutboxKind.Reply,
                Channel = dc.Activity.Channel,
                ChatId = dc.Activity.ChatId,
                Body = dc.Replies[i].ToJson(),
            }, ct);
            ids.Add(message.Id);
        }
        return ids;
    }
}

/// <summary>
/// The outbox rows holding this turn's replies, in order. For a repeated update: the rows its first handling
/// queued, so a reply a crash kept from leaving can still go, and a repeated web request gets the same answer.
/// </summary>
public sealed record TurnResult(IReadOnlyList<long> OutboxIds, bool IsDuplicate);
