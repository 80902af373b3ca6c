using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Conversation;

/// <summary>A question of a form: how to ask for it and how to read an answer (a value or a Polish error).</summary>
public sealed record FormSlot(string Name, Func<DialogContext, CancellationToken, Task<Reply>> Ask, Func<DialogContext, string, CancellationToken, Task<SlotValue>> Parse)
{
    /// <summary>A slot whose question and answer need no lookups.</summary>
    public static FormSlot Of(string name, Func<DialogContext, Reply> ask, Func<DialogContext, string, SlotValue> parse) =>
        new(name, (dc, _) => Task.FromResult(ask(dc)), (dc, text, _) => Task.FromResult(parse(dc, text)));
}

public readonly record struct SlotValue(string? Value, string? Error)
{
    public static SlotValue Ok(string value) => new(value, null);
    public static SlotValue Invalid(string error) => new(null, error);
}

/// <summary>
/// A slot-filling form: it declares its slots and always asks for the first one still missing, so one
/// understood sentence ("w piątek o 18 dla 8 osób") can fill several at once and skip their questions.
/// Buttons made with <see cref="Option"/> answer the slot being asked; "Wstecz" clears the last answer.
/// </summary>
public abstract class FormDialog : Dialog
{
    public const string BackPayload = "f:back";
    private const string OptionPrefix = "f=";
    private const string OrderKey = "_order";

    protected abstract IReadOnlyList<FormSlot> Slots { get; }

    /// <summary>Slots recognised in free text; the default understands nothing and each answer goes to the asked slot.</summary>
    protected virtual IReadOnlyDictionary<string, string> Understand(DialogContext dc, string text) => new Dictionary<string, string>();

    /// <summary>One short line of what a typed sentence filled ("Rozumiem: Sala mała, piątek 4 grudnia…"), or null.</summary>
    protected virtual string? Echo(DialogContext dc) => null;

    /// <summary>A free-text answer (a purpose, a name) that is only other slots ("będzie nas 6") is not taken as it.</summary>
    protected virtual bool IsFreeText(string slot) => false;

    protected abstract Task CompleteAsync(DialogContext dc, IReadOnlyDictionary<string, string> values, CancellationToken ct);

    public static Button Option(string title, string value) => new(title, OptionPrefix + value);

    public override async Task BeginAsync(DialogContext dc, string? argument, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(argument) && await FillAsync(dc, Understand(dc, argument), ct) >= 2) SayEcho(dc);
        await AskNextAsync(dc, ct);
    }

    public override async Task ContinueAsync(DialogContext dc, CancellationToken ct)
    {
        var frame = dc.ActiveFrame!;
        var asked = Slots.First(s => s.Name == frame.Step);

        if (dc.Payload == BackPayload)
        {
            GoBack(frame);
            await AskNextAsync(dc, ct);
            return;
        }

        if (dc.Payload is { } payload && payload.StartsWith(OptionPrefix, StringComparison.Ordinal))
        {
            // A button offered for this very slot: still validated, since options can go stale inside one step.
            await AcceptAsync(dc, asked, payload[OptionPrefix.Length..], ct);
            return;
        }

        // The answer is for the question asked; what else the sentence says fills slots still empty.
        var text = (dc.Text ?? "").Trim();
        var understood = Understand(dc, text);
        var others = understood.Where(u => u.Key != asked.Name && !frame.Values.ContainsKey(u.Key)).ToDictionary();
        var onlyOthers = IsFreeText(asked.Name) && others.Count > 0 && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4;
        var answer = onlyOthers ? SlotValue.Invalid("") : await asked.Parse(dc, text, ct);
        if (answer.Error is null) Set(frame, asked.Name, answer.Value!);
        else if (others.Count == 0) Missed(dc, answer.Error);
        if (answer.Error is null || others.Count > 0) dc.Data.NotUnderstoodInRow = 0;
        if (await FillAsync(dc, others, ct) > 0) SayEcho(dc);
        await AskNextAsync(dc, ct);
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken ct) => AskNextAsync(dc, ct);

    /// <summary>Fills a slot still empty, or is a valid answer to a step that is not free text.</summary>
    public override async Task<bool> AcceptsAsync(DialogContext dc, string text, CancellationToken ct)
    {
        var frame = dc.ActiveFrame!;
        if (Understand(dc, text).Keys.Any(k => !frame.Values.ContainsKey(k))) return true;
        if (IsFreeText(frame.Step) || Slots.FirstOrDefault(s => s.Name == frame.Step) is not { } asked) return false;
        return (await asked.Parse(dc, text.Trim(), ct)).Error is null;
    }

    /// <summary>Why the answer did not fit; the second miss in a row also offers a person and the menu.</summary>
    private static void Missed(DialogContext dc, string error)
    {
        dc.Say(error);
        if (++dc.Data.NotUnderstoodInRow < 2) return;
        dc.Say(Reply.WithRow(T.NotUnderstoodOfferPerson, Handoffs.HandoffDesk.TalkButton, new Button(T.ButtonMenu, "menu:main")));
        dc.Data.NotUnderstoodInRow = 0;
    }

    private async Task AcceptAsync(DialogContext dc, FormSlot slot, string answer, CancellationToken ct)
    {
        var result = await slot.Parse(dc, answer.Trim(), ct);
        if (result.Error is not null)
        {
            dc.Say(result.Error);
        }
        else
        {
            Set(dc.ActiveFrame!, slot.Name, result.Value!);
        }
        await AskNextAsync(dc, ct);
    }

    /// <summary>Fills the slots a sentence carried, in the form's order; says why any is refused. Returns how many were taken.</summary>
    private async Task<int> FillAsync(DialogContext dc, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var taken = 0;
        foreach (var slot in Slots)
        {
            if (!values.TryGetValue(slot.Name, out var raw)) continue;
            var result = await slot.Parse(dc, raw, ct);
            if (result.Error is null)
            {
                Set(dc.ActiveFrame!, slot.Name, result.Value!);
                taken++;
            }
            else dc.Say(result.Error);
        }
        return taken;
    }

    private void SayEcho(DialogContext dc)
    {
        if (Echo(dc) is { Length: > 0 } line) dc.Say(line);
    }

    private async Task AskNextAsync(DialogContext dc, CancellationToken ct)
    {
        var frame = dc.ActiveFrame!;
        var missing = Slots.FirstOrDefault(s => !frame.Values.ContainsKey(s.Name));
        if (missing is null)
        {
            var values = Slots.ToDictionary(s => s.Name, s => frame.Values[s.Name]);
            await CompleteAsync(dc, values, ct);
            return;
        }

        frame.Step = missing.Name;
        var question = await missing.Ask(dc, ct);
        var rows = question.Buttons.ToList();
        if (frame.Values.ContainsKey(OrderKey)) rows.Add([new Button(T.ButtonBack, BackPayload)]);
        frame.Expects = [.. rows.SelectMany(r => r).Select(b => b.Payload)];
        dc.Say(question with { Buttons = rows });
    }

    /// <summary>Forgets some answers (a time taken in the meantime) and asks again from the first missing slot.</summary>
    protected Task ReaskAsync(DialogContext dc, IEnumerable<string> forget, CancellationToken ct)
    {
        var frame = dc.ActiveFrame!;
        foreach (var slot in forget)
        {
            frame.Values.Remove(slot);
            var order = frame.Values.GetValueOrDefault(OrderKey, "").Split('|', StringSplitOptions.RemoveEmptyEntries).Where(s => s != slot).ToList();
            if (order.Count == 0) frame.Values.Remove(OrderKey);
            else frame.Values[OrderKey] = string.Join('|', order);
        }
        return AskNextAsync(dc, ct);
    }

    private static void Set(DialogFrame frame, string slot, string value)
    {
        frame.Values[slot] = value;
        var order = frame.Values.GetValueOrDefault(OrderKey, "").Split('|', StringSplitOptions.RemoveEmptyEntries).Where(s => s != slot);
        frame.Values[OrderKey] = string.Join('|', order.Append(slot));
    }

    private static void GoBack(DialogFrame frame)
    {
        var order = frame.Values.GetValueOrDefault(OrderKey, "").Split('|', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (order.Count == 0) return;
        frame.Values.Remove(order[^1]);
        order.RemoveAt(order.Count - 1);
        if (order.Count == 0) frame.Values.Remove(OrderKey);
        else frame.Values[OrderKey] = string.Join('|', order);
    }
}
