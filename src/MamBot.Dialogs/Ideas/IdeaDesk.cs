using MamBot.Data.Centres;
using MamBot.Data.Events;
using MamBot.Data.Ideas;
using MamBot.Data.Outbox;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Staff;
using MamBot.Dialogs.Events;
using MamBot.Dialogs.Texts;
using Microsoft.Extensions.Options;

namespace MamBot.Dialogs.Ideas;

/// <summary>
/// Idea operations with the messages that follow them: staff hear of new ideas (flagged ones marked) and of
/// ideas that reached the support threshold; the author hears every status change and offers of help;
/// supporters hear when the idea becomes an event. The chat and the admin panel both come through here.
/// </summary>
public sealed class IdeaDesk(IdeaService ideas, EventService events, OutboxStore outbox, CentreDirectory centres, IOptions<IdeaOptions> options,
    RecipientLanguage recipients)
{
    public async Task<Idea> SubmitAsync(NewIdea request, CancellationToken ct)
    {
        var idea = await ideas.SubmitAsync(request, ct);
        await TellStaffAsync(idea, "new", () => Reply.WithRow(
            Wording.Format(T.StaffNewIdea, idea.Title, idea.FlaggedWords is { } words ? Wording.Format(T.StaffIdeaFlagged, words) : ""),
            StaffChatActions.Publish(idea.Id), StaffChatActions.Talk(idea.Id)), ct);
        return idea;
    }

    public async Task<Idea?> ChangeStatusAsync(int ideaId, IdeaStatus status, string? reason, CancellationToken ct)
    {
        var idea = await ideas.ChangeStatusAsync(ideaId, status, reason, ct);
        if (idea is not null) await TellAuthorAsync(idea, () => News(idea), ct);
        return idea;
    }

    public Task<Idea?> PublishAsync(int ideaId, CancellationToken ct, string? note = null) => ChangeStatusAsync(ideaId, IdeaStatus.Published, note, ct);

    public async Task<Idea?> MergeAsync(int duplicateId, int intoId, CancellationToken ct)
    {
        var duplicate = await ideas.MergeAsync(duplicateId, intoId, ct);
        if (duplicate is not null) await TellAuthorAsync(duplicate, () => Wording.Format(T.IdeaNewsMerged, duplicate.StatusReason), ct);
        return duplicate;
    }

    /// <summary>The idea became an event: the author hears it is in realisation, everyone who supported it gets the event.</summary>
    public async Task<Idea?> LinkEventAsync(int ideaId, int eventId, CancellationToken ct)
    {
        var before = await ideas.FindAsync(ideaId, ct);
        var idea = await ideas.LinkEventAsync(ideaId, eventId, ct);
        if (idea is null || before is null || await events.FindAsync(eventId, ct) is not { } summary) return null;
        if (before.Status != idea.Status) await TellAuthorAsync(idea, () => News(idea), ct);

        var e = summary.Event;
        var centre = await centres.GetAsync(e.CentreId, ct);
        foreach (var follower in (await ideas.FollowersAsync(ideaId, ct)).Where(f => f != idea.AuthorId))
        {
            using var speaking = Language.Use(await recipients.OfAsync(follower, ct));
            await outbox.EnqueueAsync(new OutboxMessage
            {
                IdempotencyKey = $"idea:{idea.Id}:event:{e.Id}:{follower}",
                Kind = OutboxKind.IdeaUpdate,
                ResidentId = follower,
                ExpiresUtc = e.StartUtc,
                Body = Reply.WithRow(Wording.Format(T.IdeaBecameEvent, idea.Title, e.TitleNow(), EventTexts.When(e, centre.TimeZone)),
                    new(T.ButtonEventDetails, $"events:show:{e.Id}"), new(T.ButtonSignUp, $"events:join:{e.Id}")).ToJson(),
            }, ct);
        }
        return idea;
    }

    public async Task<SupportResult> SupportAsync(int ideaId, Guid residentId, CancellationToken ct)
    {
        var result = await ideas.SupportAsync(ideaId, residentId, ct);
        if (result is { Counted: true, Idea: { } idea } && result.Supporters >= options.Value.SupportThreshold)
            await TellStaffAsync(idea, "threshold", () => Reply.Plain(
                Wording.Format(Wording.Plural(result.Supporters, T.StaffIdeaThresholdForms), result.Supporters, idea.Title)), ct);
        return result;
    }

    public async Task<Idea?> OfferHelpAsync(int ideaId, Guid residentId, string how, CancellationToken ct)
    {
        var offer = await ideas.OfferHelpAsync(ideaId, residentId, how, ct);
        var idea = offer is null ? null : await ideas.FindAsync(ideaId, ct);
        if (offer is not null && idea?.AuthorId is { } author && author != residentId)
        {
            using var speaking = Language.Use(await recipients.OfAsync(author, ct));
            await outbox.EnqueueAsync(new OutboxMessage
            {
                IdempotencyKey = $"idea:{idea.Id}:help:{offer.Id}:{offer.AtUtc.Ticks}",
                Kind = OutboxKind.IdeaUpdate,
                ResidentId = author,
                Body = Reply.Plain(Wording.Format(T.IdeaHelpOffered, idea.Title, offer.HowToHelp)).ToJson(),
            }, ct);
        }
        return idea;
    }

    public static string StatusName(IdeaStatus status) => status switch
    {
        IdeaStatus.New => T.IdeaStatusNew,
        IdeaStatus.InTalks => T.IdeaStatusInTalks,
        IdeaStatus.Published => T.IdeaStatusPublished,
        IdeaStatus.InProgress => T.IdeaStatusInProgress,
        IdeaStatus.Done => T.IdeaStatusDone,
        _ => T.IdeaStatusShelved,
    };

    /// <summary>What the status means for the author, with the team's note when they wrote one.</summary>
    private static string News(Idea idea)
    {
        var news = idea.Status switch
        {
            IdeaStatus.InTalks => T.IdeaNewsInTalks,
            IdeaStatus.Published => T.IdeaNewsPublished,
            IdeaStatus.InProgress => T.IdeaNewsInProgress,
            IdeaStatus.Done => T.IdeaNewsDone,
            IdeaStatus.Shelved => Wording.Format(T.IdeaNewsShelved, idea.StatusReason),
            _ => StatusName(idea.Status),
        };
        return idea.Status != IdeaStatus.Shelved && !string.IsNullOrWhiteSpace(idea.StatusReason)
            ? news + "\n" + Wording.Format(T.IdeaTeamNote, idea.StatusReason.Trim())
            : news;
    }

    /// <summary>News about the author's idea, in their language (staff decide in Polish in the panel).</summary>
    private async Task TellAuthorAsync(Idea idea, Func<string> news, CancellationToken ct)
    {
        if (idea.AuthorId is null) return;
        using var speaking = Language.Use(await recipients.OfAsync(idea.AuthorId, ct));
        await outbox.EnqueueAsync(new OutboxMessage
        {
            IdempotencyKey = $"idea:{idea.Id}:status:{idea.StatusVersion}",
            Kind = OutboxKind.AccountUpdate, // news about the resident's own request
            ResidentId = idea.AuthorId,
            Body = Reply.WithRow(Wording.Format(T.IdeaNews, idea.Title, news()), new Button(T.ButtonMyIdeas, "ideas:mine")).ToJson(),
        }, ct);
    }

    private async Task TellStaffAsync(Idea idea, string what, Func<Reply> message, CancellationToken ct)
    {
        var centre = await centres.GetAsync(idea.CentreId, ct);
        await outbox.QueueForTeamAsync(centre, $"idea:{idea.Id}:staff:{what}", message, ct);
    }
}
