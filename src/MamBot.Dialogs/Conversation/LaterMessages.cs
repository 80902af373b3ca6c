using MamBot.Data.Residents;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Conversation;

/// <summary>
/// What to say later, not the words: a recipe's name and its inputs (ids, never text). A reminder queued a week
/// ago is composed when it goes, in the language the resident speaks then, from the event or booking as it is then.
/// </summary>
public sealed record LaterMessage(string Recipe, IReadOnlyDictionary<string, string> Inputs);

/// <summary>Composes one kind of <see cref="LaterMessage"/>; null when there is nothing to say any more.</summary>
public interface IMessageRecipe
{
    string Name { get; }

    Task<Reply?> ComposeAsync(IReadOnlyDictionary<string, string> inputs, Resident resident, CancellationToken ct);
}

/// <summary>Turns a queued body into the words that go out: a later message is composed now, anything else as it is.</summary>
public sealed class LaterMessageComposer(IEnumerable<IMessageRecipe> recipes)
{
    /// <summary>The reply to send, or null when the recipe found nothing left to say (the event is gone).</summary>
    public async Task<Reply?> ComposeAsync(Reply queued, Resident resident, CancellationToken ct)
    {
        if (queued.Later is not { } later) return queued;
        var recipe = recipes.FirstOrDefault(r => r.Name == later.Recipe)
            ?? throw new InvalidOperationException($"No recipe '{later.Recipe}' for a queued message.");
        var language = resident.Language;
        using var speaking = Language.Use(language);
        return await recipe.ComposeAsync(later.Inputs, resident, ct);
    }
}
