using MamBot.Data.Residents;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Welcome;

namespace MamBot.Dialogs.Settings;

/// <summary>"Ustawienia": nudges on/off per kind, "Moje dane" (export) and "Usuń moje dane" (erasure, confirmed first).</summary>
public sealed class SettingsActions(ResidentService residents, DataExportReply export) : IButtonAction
{
    public string Prefix => "settings";

    // Switching a nudge off must not throw away a half-filled form; erasure cancels explicitly.
    public bool LeavesActiveDialog => false;

    public async Task HandleAsync(DialogContext dc, string argument, CancellationToken ct)
    {
        if (WelcomeActions.ConsentedOrAsk(dc, T.SettingsNoData) is not { } resident) return;

        var parts = argument.Split(':');
        switch (parts[0])
        {
            case "on" or "off" when parts.Length == 2 && Enum.TryParse<NudgeKind>(parts[1], out var kind) && Enum.IsDefined(kind):
                var enable = parts[0] == "on";
                await residents.SetPreferenceAsync(resident, kind, enable, ct);
                dc.Say(Render(resident, Wording.Format(enable ? T.SettingsSwitchedOn : T.SettingsSwitchedOff, NudgeKindTexts.Described(kind))));
                break;
            case "stop":
                await residents.SetAllPreferencesAsync(resident, enabled: false, ct);
                dc.Say(Render(resident, T.StopDone));
                break;
            case "export" when parts.Length == 2 && parts[1] == "file":
                dc.Say(await export.MachineReadableAsync(resident, ct));
                break;
            case "export":
                dc.Say(await export.BuildAsync(dc, resident, ct));
                break;
            case "erase":
                dc.CancelAll();
                await dc.BeginDialogAsync(EraseDataDialog.DialogId, null, ct);
                break;
            default:
                dc.Say(Render(resident));
                break;
        }
    }

    public static Reply Render(Resident resident, string? before = null)
    {
        var kinds = Enum.GetValues<NudgeKind>();
        var lines = kinds.Select(k => Wording.Format(T.SettingsLine,
            resident.Wants(k) ? "✅" : "❌", NudgeKindTexts.Described(k), resident.Wants(k) ? T.SettingsOn : T.SettingsOff));
        var text = Wording.Format(T.SettingsIntro, string.Join("\n", lines));
        if (before is not null) text = before + "\n\n" + text;

        var switches = kinds.Select(k => resident.Wants(k)
            ? new Button(Wording.Format(T.ButtonTurnOff, NudgeKindTexts.ButtonWord(k)), $"settings:off:{k}")
            : new Button(Wording.Format(T.ButtonTurnOn, NudgeKindTexts.ButtonWord(k)), $"settings:on:{k}"));
        var rows = switches.Chunk(2).Select(r => (IReadOnlyList<Button>)r).ToList();
        rows.Add([new(T.ButtonMyData, "settings:export"), new(T.ButtonEraseData, "settings:erase")]);
        rows.Add([new(T.ButtonLanguage, LanguageActions.Prefix + ":")]);
        rows.Add([new(T.ButtonMenu, "menu:main")]);
        return new Reply(text, rows);
    }
}

/// <summary>/stop: all nudges off, after one question saying what stops and how to turn it back on; answers keep working.</summary>
public sealed class StopCommand : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["stop", "стоп"];

    public Task HandleAsync(DialogContext dc, string argument, CancellationToken ct)
    {
        dc.CancelAll();
        if (dc.Resident is null)
        {
            dc.Say(T.StopNoData);
            return Task.CompletedTask;
        }
        dc.Say(Reply.WithRow(T.StopConfirm, new Button(T.ButtonStopYes, "settings:stop"), new Button(T.ButtonStopNo, "menu:main")));
        return Task.CompletedTask;
    }
}
