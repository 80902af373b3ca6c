namespace MamBot.Dialogs.Conversation;

/// <summary>The dialogs of this turn, by id (scoped: dialogs may use the turn's database context).</summary>
public sealed class DialogSet(IEnumerable<Dialog> dialogs)
{
    private readonly Dictionary<string, Dialog> _byId = dialogs.ToDictionary(d => d.Id);

    public Dialog Find(string id) => TryFind(id) ?? throw new InvalidOperationException($"No dialog '{id}' is registered.");

    public Dialog? TryFind(string id) => _byId.GetValueOrDefault(id);
}
