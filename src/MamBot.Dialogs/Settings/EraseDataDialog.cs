using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Events;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Settings;

/// <summary>Erasure asks once more; only a "yes" to this very question deletes anything.</summary>
public sealed class EraseDataDialog(PrivacyDesk privacy) : Dialog
{
    public const string DialogId = "settings.erase";
    public override string Id => DialogId;

    public override Task BeginAsync(DialogContext dc, string? argument, CancellationToken ct) => AskAsync(dc, ct);

    public override Task ContinueAsync(DialogContext dc, CancellationToken ct) => AskAsync(dc, ct);

    public override Task RepromptAsync(DialogContext dc, CancellationToken ct) => AskAsync(dc, ct);

    public override async Task ResumeAsync(DialogContext dc, string? result, CancellationToken ct)
    {
        if (result != "yes" || dc.Resident is null)
        {
            await dc.EndDialogAsync(null, ct);
            dc.Say(dc.Resident is { } resident ? SettingsActions.Render(resident, T.EraseKept) : Reply.Plain(T.EraseKept));
            return;
        }

        await privacy.EraseAsync(dc.Resident.Id, ct);
        dc.Forget();
        dc.Say(T.EraseDone);
    }

    private static Task AskAsync(DialogContext dc, CancellationToken ct) =>
        ChoicePrompt.AskAsync(dc, T.EraseQuestion, ChoicePrompt.YesNo(T.ButtonEraseYes, T.ButtonEraseNo), ct);
}
