using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Menu;

public sealed class MenuCommand : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["menu", "меню"];

    public Task HandleAsync(DialogContext dc, string argument, CancellationToken ct)
    {
        dc.CancelAll();
        dc.Say(MainMenu.Render());
        return Task.CompletedTask;
    }
}

public sealed class CancelCommand : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["anuluj", "cancel", "przerwij", "скасувати"];

    public Task HandleAsync(DialogContext dc, string argument, CancellationToken ct)
    {
        var hadSomething = dc.ActiveFrame is not null;
        dc.CancelAll();
        dc.Say(MainMenu.Render((hadSomething ? T.Cancelled : T.NothingToCancel) + " " + T.MenuQuestion));
        return Task.CompletedTask;
    }
}

public sealed class HelpCommand : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["pomoc", "help", "допомога"];

    public async Task HandleAsync(DialogContext dc, string argument, CancellationToken ct)
    {
        dc.Say(Wording.Format(T.Help, Wording.HumanContact(dc.Centre)));
        // Help does not interrupt: repeat the open question, or offer the menu.
        if (dc.ActiveDialog is { } active) await active.RepromptAsync(dc, ct);
        else dc.Say(MainMenu.Render());
    }
}
