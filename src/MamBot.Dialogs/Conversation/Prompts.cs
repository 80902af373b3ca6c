using System.Security.Cryptography;
using System.Text.Json;
using MamBot.Dialogs.Texts;
using MamBot.Dialogs.Understanding;

namespace MamBot.Dialogs.Conversation;

/// <summary>An option of a choice prompt: what is shown, what the parent gets back, and words that also pick it.</summary>
public sealed record Choice(string Title, string Value, params string[] Synonyms);

/// <summary>
/// Asks the resident to pick one option (button, number or typed title) and re-asks with a clear message until they do.
/// Its buttons carry a fresh tag, so a button from an older question can never answer this one.
/// </summary>
public sealed class ChoicePrompt : Dialog
{
    public const string DialogId = "prompt.choice";
    public override string Id => DialogId;

    public static Task AskAsync(DialogContext dc, string question, IReadOnlyList<Choice> choices, CancellationToken ct) =>
        dc.BeginDialogAsync(DialogId, JsonSerializer.Serialize(new Options(question, [.. choices])), ct);

    public static IReadOnlyList<Choice> YesNo(string yesTitle, string noTitle) =>
    [
        new(yesTitle, "yes", TypedWords.Yes.Now()),
        new(noTitle, "no", TypedWords.No.Now()),
    ];

    public override Task BeginAsync(DialogContext dc, string? argument, CancellationToken ct)
    {
        var frame = dc.ActiveFrame!;
        frame.Values["options"] = argument ?? throw new ArgumentNullException(nameof(argument));
        frame.Values["tag"] = "p" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        return RepromptAsync(dc, ct);
    }

    public override async Task ContinueAsync(DialogContext dc, CancellationToken ct)
    {
        var frame = dc.ActiveFrame!;
        var options = Read(frame);
        var picked = Recognize(frame.Values["tag"], options.Choices, dc.Payload, dc.Text);
        if (picked is null)
        {
            dc.Say(T.PromptPickOne);
            await RepromptAsync(dc, ct);
            return;
        }
        await dc.EndDialogAsync(picked.Value, ct);
    }

    public override Task<bool> AcceptsAsync(DialogContext dc, string text, CancellationToken ct)
    {
        var frame = dc.ActiveFrame!;
        return Task.FromResult(Recognize(frame.Values["tag"], Read(frame).Choices, null, text) is not null);
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken ct)
    {
        var frame = dc.ActiveFrame!;
        var options = Read(frame);
        var tag = frame.Values["tag"];
        var buttons = options.Choices.Select(c => new Button(c.Title, $"{tag}:{c.Value}")).ToList();
        frame.Expects = [.. buttons.Select(b => b.Payload)];
        dc.Say(new Reply(options.Question, [.. buttons.Chunk(2).Select(row => (IReadOnlyList<Button>)row)]));
        return Task.CompletedTask;
    }

    internal static Choice? Recognize(string tag, IReadOnlyList<Choice> choices, string? payload, string? text)
    {
        if (payload is not null)
            return choices.FirstOrDefault(c => payload == $"{tag}:{c.Value}");

        var names = choices.Select(c => (IReadOnlyList<string>)[c.Title, .. c.Synonyms]).ToList();
        var index = TypedChoice.Find(names, text, numbered: true);
        return index >= 0 ? choices[index] : null;
    }

    private static Options Read(DialogFrame frame) => JsonSerializer.Deserialize<Options>(frame.Values["options"])!;

    private sealed record Options(string Question, List<Choice> Choices);
}

/// <summary>Asks for a short free text and checks its length before handing it back.</summary>
public sealed class TextPrompt : Dialog
{
    public const string DialogId = "prompt.text";
    public override string Id => DialogId;

    public static Task AskAsync(DialogContext dc, string question, int minLength, int maxLength, CancellationToken ct) =>
        dc.BeginDialogAsync(DialogId, JsonSerializer.Serialize(new Options(question, minLength, maxLength)), ct);

    public override Task BeginAsync(DialogContext dc, string? argument, CancellationToken ct)
    {
        dc.ActiveFrame!.Values["options"] = argument ?? throw new ArgumentNullException(nameof(argument));
        return RepromptAsync(dc, ct);
    }

    public override async Task ContinueAsync(DialogContext dc, CancellationToken ct)
    {
        var options = JsonSerializer.Deserialize<Options>(dc.ActiveFrame!.Values["options"])!;
        var text = dc.Text?.Trim() ?? "";
        if (LengthProblem(text, options.MinLength, options.MaxLength) is { } error)
        {
            dc.Say(error);
            await RepromptAsync(dc, ct);
            return;
        }
        await dc.EndDialogAsync(text, ct);
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken ct)
    {
        var options = JsonSerializer.Deserialize<Options>(dc.ActiveFrame!.Values["options"])!;
        dc.ActiveFrame.Expects = [];
        dc.Say(options.Question);
        return Task.CompletedTask;
    }

    /// <summary>Why a typed answer is too short or too long, or null when it fits (shared with forms' text slots).</summary>
    public static string? LengthProblem(string trimmed, int minLength, int maxLength) =>
        trimmed.Length < minLength ? T.PromptTooShort
        : trimmed.Length > maxLength ? Wording.Format(T.PromptTooLong, Wording.Count(maxLength, T.CharactersForms))
        : null;

    private sealed record Options(string Question, int MinLength, int MaxLength);
}
