using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Menu;

namespace MamBot.Dialogs.Handoffs;

/// <summary>"Napisz do człowieka" starts a handoff; "Wróć do asystenta" pressed after it ended just shows the menu.</summary>
public sealed class HandoffActions(HandoffDesk desk) : IButtonAction
{
    public string Prefix => "handoff";
    public bool LeavesActiveDialog => true;

    public Task HandleAsync(DialogContext dc, string argument, CancellationToken ct)
    {
        if (argument == "start") return desk.StartAsync(dc, ct);
        dc.Say(MainMenu.Render());
        return Task.CompletedTask;
    }
}
