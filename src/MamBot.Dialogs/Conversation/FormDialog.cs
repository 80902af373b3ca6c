using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Conversation;

/// <summary>A question of a form: how to ask for it and how to read an answer (a value or a Polish error).</summary>
public sealed record FormSlot(string Name, Func<DialogContext, CancellationToken, Task<Reply>> Ask, Func<DialogContext, string, CancellationToken, Task<SlotValue>> Parse)
{
    /// <summary>A slot whose question and answer need no lookups.</summary>
    public static FormSlot Of(string name, Func<DialogContext, Reply> ask, Func<DialogContext, string, SlotValue> parse) =>
        new(name, (dc, _) => Task.FromResult(ask(dc)), (dc, text, _) => Task.FromResult(parse(dc, text)));
}

/// <summary>An answer's value, or why it is refused and, when something else would work, buttons offering it.</summary>
public readonly record struct SlotValue(string? Value, string? Error, IReadOnlyList<Button>? Offer = null)
{
    public static SlotValue Ok(string value) => new(value, null);
    public static SlotValue Invalid(string error, IReadOnlyList<Button>? offer = null) => new(null, error, offer);

    /// <summary>The refusal as a message, with its offer when there is one.</summary>
    public Reply Refusal => Offer is { Count: > 0 } offer ? new Reply(Error!, [.. offer.Chunk(2)]) : Reply.Plain(Error!);
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

    /// <summary>A button that changes answers already given ("f!room=1;people=12"): a refusal's way forward.</summary>
    public const string ChangePrefix = "f!";
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

    public static Button Change(string title, params (string Slot, string Value)[] answers) =>
        new(title, ChangePrefix + string.Join(';', answers.Select(a => a.Slot + "=" + a.Value)));

    /// <summary>Answers that stop holding when this one changes (a new day: the start must be checked again).</summary>
    protected virtual IEnumerable<string> Invalidates(string slot) => [];

    /// <summary>The last step that checks everything ("Potwierdzam"): a correction asks it again. None: null.</summary>
    protected virtual string? FinalCheck => Slots[^1].Name;

    // "a jednak w sobotę", "nie, 6 osób", "actually Saturday": an earlier answer is being corrected.
    private static readonly string[] CorrectionWords = Understanding.IntentRules.Fold(
        "a jednak", "jednak", "nie ", "zmien", "zmiana", "popraw", "wlasciwie", "sorry", "przepraszam", "wolalbym",
        "wolalabym",
        "ні ", "краще", "змін", "насправді", "вибачте", "нет ", "лучше", "actually", "wait", "no ", "instead", "change",
        "rather", "scratch that", "make it", "zamiast", "poprawka", "замість", "вместо");

    // "wyślij", "yes submit it", "так, надіслати": send with what is there; the steps left take their defaults.
    private static readonly string[] SendNowWords = Understanding.IntentRules.Fold(
        "wyslij", "wyslijcie", "wysylam", "zglaszam", "zglos", "opublikuj", "publikuj", "send", "submit", "publish", "post it",
        "надіслати", "надішли", "надішліть", "надсила", "відправ", "wysylaj", "опублікуй", "опублікувати", "отправ", "опубликуй",
        "опубликовать");

    /// <summary>
    /// What the steps still open take when the resident asks to send now ("wyślij"), or null while a step still
    /// needs a real answer. The default: nothing can be skipped.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string>? SendNow(DialogContext dc) => null;

    // A plain "tak" where the question is not a yes-or-no one ("Dla kogo?") also means: fine, send it.
    private static bool AsksToSend(string text) =>
        Understanding.IntentRules.StartsAWord(Understanding.IntentRules.Padded(text), SendNowWords)
            && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5
        || Understanding.TypedWords.Yes.Match(text) || Welcome.TypedConsent.Read(text) == true;

    /// <summary>A start with its end: "od 15 do 18", "15-18".</summary>
    protected virtual bool RestatesSpan(string text) => false;

    private static bool IsCorrection(string text) =>
        Understanding.IntentRules.StartsAWord(Understanding.IntentRules.Padded(text), CorrectionWords);

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

        if (dc.Payload is { } change && change.StartsWith(ChangePrefix, StringComparison.Ordinal))
        {
            var answers = change[ChangePrefix.Length..].Split(';').Select(a => a.Split('=', 2)).Where(a => a.Length == 2);
            await CorrectAsync(dc, answers.ToDictionary(a => a[0], a => a[1]), ct);
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
        if (SendNow(dc) is { } rest && AsksToSend(text))
        {
            foreach (var (slot, value) in rest.Where(r => !frame.Values.ContainsKey(r.Key))) Set(frame, slot, value);
            await AskNextAsync(dc, ct);
            return;
        }
        var understood = Understand(dc, text);
        var others = understood.Where(u => u.Key != asked.Name && !frame.Values.ContainsKey(u.Key)).ToDictionary();
        var onlyOthers = IsFreeText(asked.Name) && others.Count > 0 && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4;
        // An answer given before, said again differently ("a jednak w sobotę"): changed, and what it invalidates asked again.
        var corrected = understood.Where(u => u.Key != asked.Name && frame.Values.TryGetValue(u.Key, out var was) && was != u.Value)
            .ToDictionary();
        var answer = onlyOthers ? SlotValue.Invalid("") : await asked.Parse(dc, text, ct);
        // "тоді з 15 до 18" at the length step: the sentence says the length its own way; read it as understood.
        var readAsUnderstood = false;
        if (answer.Error is not null && !onlyOthers && understood.TryGetValue(asked.Name, out var heard)
            && (await asked.Parse(dc, heard, ct)) is { Error: null } read) (answer, readAsUnderstood) = (read, true);
        // Unmarked, only words count as a correction: a bare "20" at the name step is no new start time; a day or a
        // room said again differently does at a step that is not free text ("to proszę dużą salę w piątek od 12 do 14"
        // at the time step; "Halina 600 100 200" at the name step is a name, whatever room it sounds like).
        // A whole span said again ("тоді з 15 до 18") moves the start, whatever step it answers.
        if (corrected.Count > 0 && (IsCorrection(text) || answer.Error is not null && text.Any(char.IsLetter)
            || !IsFreeText(asked.Name) && corrected.Keys.Any(k => k is "day" or "room" || k == "start" && RestatesSpan(text))))
        {
            dc.Data.NotUnderstoodInRow = 0;
            // "to mała sala dziś 18-20, 10 os, Kasia Nowak": the room changed, and the rest is new.
            // Only an answer the sentence gave in so many words; a free text beside a correction is not one.
            if (readAsUnderstood || answer.Error is null && understood.ContainsKey(asked.Name)) Set(frame, asked.Name, answer.Value!);
            var changed = await CorrectAsync(dc, corrected, ct);
            var added = await FillAsync(dc, others.Where(o => !frame.Values.ContainsKey(o.Key)).ToDictionary(), ct);
            if (changed + added > 0) SayEcho(dc);
            await AskNextAsync(dc, ct);
            return;
        }
        if (answer.Error is null) Set(frame, asked.Name, answer.Value!);
        else if (others.Count == 0) Missed(dc, answer);
        if (answer.Error is null || others.Count > 0) dc.Data.NotUnderstoodInRow = 0;
        if (await FillAsync(dc, others, ct) > 0) SayEcho(dc);
        await AskNextAsync(dc, ct);
    }

    /// <summary>
    /// Replaces earlier answers and checks again those they may invalidate, keeping each that still holds (the day
    /// and time stay when a bigger room is free then); the final "yes" goes, so the summary is shown again.
    /// </summary>
    private async Task<int> CorrectAsync(DialogContext dc, IReadOnlyDictionary<string, string> answers, CancellationToken ct)
    {
        var frame = dc.ActiveFrame!;
        var known = answers.Where(a => Slots.Any(s => s.Name == a.Key)).ToDictionary();
        var invalidated = known.Keys.SelectMany(Invalidates).Except(known.Keys).Distinct().ToList();
        var recheck = invalidated.Where(frame.Values.ContainsKey).ToDictionary(slot => slot, slot => frame.Values[slot]);
        foreach (var wished in invalidated.Where(s => !recheck.ContainsKey(s) && frame.Values.ContainsKey(WishPrefix + s)))
            recheck[wished] = frame.Values[WishPrefix + wished];
        var gone = known.Keys.Concat(recheck.Keys).Concat(FinalCheck is { } check ? [check] : []).ToList();
        foreach (var slot in gone) frame.Values.Remove(slot);
        Forget(frame, gone);
        var taken = await FillAsync(dc, known, ct);
        await FillAsync(dc, recheck, ct);
        return taken;
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken ct) => AskNextAsync(dc, ct);

    public override bool TakesFreeText(DialogContext dc) => IsFreeText(dc.ActiveFrame!.Step);

    /// <summary>Fills a slot still empty, or is a valid answer to a step that is not free text.</summary>
    public override async Task<bool> AcceptsAsync(DialogContext dc, string text, CancellationToken ct)
    {
        var frame = dc.ActiveFrame!;
        // A slot still empty, or one given before and now said differently (a correction).
        if (Understand(dc, text).Any(u => !frame.Values.TryGetValue(u.Key, out var was) || was != u.Value)) return true;
        if (IsFreeText(frame.Step) || Slots.FirstOrDefault(s => s.Name == frame.Step) is not { } asked) return false;
        return (await asked.Parse(dc, text.Trim(), ct)).Error is null;
    }

    /// <summary>Why the answer did not fit; the second miss in a row also offers a person and the menu.</summary>
    private static void Missed(DialogContext dc, SlotValue refused)
    {
        dc.Say(refused.Refusal);
        if (++dc.Data.NotUnderstoodInRow < 2) return;
        dc.Say(Reply.WithRow(T.NotUnderstoodOfferPerson, Handoffs.HandoffDesk.TalkButton, new Button(T.ButtonMenu, "menu:main")));
        dc.Data.NotUnderstoodInRow = 0;
    }

    private async Task AcceptAsync(DialogContext dc, FormSlot slot, string answer, CancellationToken ct)
    {
        var result = await slot.Parse(dc, answer.Trim(), ct);
        if (result.Error is not null)
        {
            dc.Say(result.Refusal);
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
            else
            {
                dc.Say(result.Refusal);
                // Refused now, still what she asked for: tried again when a correction changes what refused it
                // ("18:00 is taken on Friday" → "a jednak w sobotę" → 18:00 on Saturday).
                dc.ActiveFrame!.Values[WishPrefix + slot.Name] = raw;
            }
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
        foreach (var slot in forget) frame.Values.Remove(slot);
        Forget(frame, forget);
        return AskNextAsync(dc, ct);
    }

    /// <summary>Takes answers out of the order "Wstecz" walks back through.</summary>
    private static void Forget(DialogFrame frame, IEnumerable<string> slots)
    {
        var gone = slots.ToHashSet();
        var order = frame.Values.GetValueOrDefault(OrderKey, "").Split('|', StringSplitOptions.RemoveEmptyEntries).Where(s => !gone.Contains(s)).ToList();
        if (order.Count == 0) frame.Values.Remove(OrderKey);
        else frame.Values[OrderKey] = string.Join('|', order);
    }

    /// <summary>Called after a slot is filled: a form may fill others with it (a remembered contact).</summary>
    protected virtual void Filled(DialogFrame frame, string slot, string value)
    {
    }

    private const string WishPrefix = "_wish:";

    private void Set(DialogFrame frame, string slot, string value)
    {
        frame.Values[slot] = value;
        frame.Values.Remove(WishPrefix + slot);
        var order = frame.Values.GetValueOrDefault(OrderKey, "").Split('|', StringSplitOptions.RemoveEmptyEntries).Where(s => s != slot);
        frame.Values[OrderKey] = string.Join('|', order.Append(slot));
        Filled(frame, slot, value);
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
