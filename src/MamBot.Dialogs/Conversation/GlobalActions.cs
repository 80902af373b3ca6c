namespace MamBot.Dialogs.Conversation;

/// <summary>
/// Buttons that are valid at any moment (menu items, "O MAM", settings switches): safe to press from an old message.
/// Payloads look like "prefix:argument".
/// </summary>
public interface IButtonAction
{
    string Prefix { get; }

    /// <summary>True when pressing it starts something new, so an unfinished dialog is dropped.</summary>
    bool LeavesActiveDialog { get; }

    Task HandleAsync(DialogContext dc, string argument, CancellationToken ct);
}

/// <summary>Commands that work anywhere: "/menu", or the bare word "menu".</summary>
public interface ICommand
{
    IReadOnlyList<string> Names { get; }

    Task HandleAsync(DialogContext dc, string argument, CancellationToken ct);
}
