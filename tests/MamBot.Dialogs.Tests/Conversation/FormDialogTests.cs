using System.Text.RegularExpressions;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Dialogs.Tests.Conversation;

/// <summary>The form engine, driven by a small form of the kind the booking flow will declare.</summary>
public partial class FormDialogTests
{
    private sealed partial class MeetingForm : FormDialog
    {
        public override string Id => "test.meeting";

        protected override IReadOnlyList<FormSlot> Slots { get; } =
        [
            FormSlot.Of("day", _ => Reply.WithRow("Na kiedy?", Option("Jutro", "jutro"), Option("W piątek", "piatek")),
                (_, text) => TypedText.Fold(text) is "jutro" or "piatek" or "w piatek" ? SlotValue.Ok(TypedText.Fold(text).Replace("w ", "", StringComparison.Ordinal)) : SlotValue.Invalid("Nie znam takiego dnia. Napisz np. „jutro”.")),
            FormSlot.Of("people", _ => Reply.Plain("Ile osób przyjdzie?"),
                (_, text) => int.TryParse(text, out var n) && n is >= 1 and <= 10 ? SlotValue.Ok(text) : SlotValue.Invalid("Podaj liczbę od 1 do 10.")),
            FormSlot.Of("purpose", _ => Reply.Plain("W jakim celu?"),
                (_, text) => text.Length is > 0 and <= 50 ? SlotValue.Ok(text) : SlotValue.Invalid("Napisz krótko, w jakim celu.")),
        ];

        protected override IReadOnlyDictionary<string, string> Understand(DialogContext dc, string text)
        {
            var folded = TypedText.Fold(text);
            var found = new Dictionary<string, string>();
            if (DayWord().Match(folded) is { Success: true } day) found["day"] = day.Value;
            if (PeopleWords().Match(folded) is { Success: true } people) found["people"] = people.Groups[1].Value;
            return found;
        }

        protected override async Task CompleteAsync(DialogContext dc, IReadOnlyDictionary<string, string> values, CancellationToken ct)
        {
            dc.Say($"Gotowe: {values["day"]}, {values["people"]} os., {values["purpose"]}");
            await dc.EndDialogAsync(null, ct);
        }

        [GeneratedRegex(@"\b(jutro|piatek)\b")]
        private static partial Regex DayWord();

        [GeneratedRegex(@"\b(\d+) osob")]
        private static partial Regex PeopleWords();
    }

    private sealed class MeetingCommand : ICommand
    {
        public IReadOnlyList<string> Names { get; } = ["spotkanie"];
        public Task HandleAsync(DialogContext dc, string argument, CancellationToken ct) => dc.BeginDialogAsync("test.meeting", argument, ct);
    }

    private static Task<TestChat> StartAsync() => TestChat.StartAsync(extra: s => s
        .AddScoped<Dialog, MeetingForm>()
        .AddScoped<ICommand, MeetingCommand>());

    [Fact]
    public async Task One_sentence_fills_several_slots_and_only_the_missing_one_is_asked()
    {
        await using var chat = await StartAsync();
        await chat.SendAsync("/spotkanie w piątek dla 8 osób");
        Assert.Equal("W jakim celu?", chat.Text);

        await chat.SendAsync("próba chóru");
        Assert.Equal("Gotowe: piatek, 8 os., próba chóru", chat.Text);
    }

    [Fact]
    public async Task A_wrong_answer_is_explained_and_the_same_question_asked_again()
    {
        await using var chat = await StartAsync();
        await chat.SendAsync("/spotkanie");
        await chat.PressAsync("Jutro");
        Assert.Equal("Ile osób przyjdzie?", chat.Text);

        await chat.SendAsync("dużo");
        Assert.Equal("Podaj liczbę od 1 do 10.\n---\nIle osób przyjdzie?", chat.Text);
        await chat.SendAsync("11");
        Assert.StartsWith("Podaj liczbę od 1 do 10.", chat.Text);
        await chat.SendAsync("4");
        Assert.Equal("W jakim celu?", chat.Text);
    }

    [Fact]
    public async Task Back_clears_the_last_answer_and_asks_for_it_again()
    {
        await using var chat = await StartAsync();
        await chat.SendAsync("/spotkanie jutro");
        await chat.SendAsync("3");
        await chat.PressAsync("Wstecz");
        Assert.Equal("Ile osób przyjdzie?", chat.Text);
        await chat.PressAsync("Wstecz");
        Assert.Equal("Na kiedy?", chat.Text);
        await chat.PressAsync("W piątek");
        await chat.SendAsync("2");
        await chat.SendAsync("kawa");
        Assert.Equal("Gotowe: piatek, 2 os., kawa", chat.Text);
    }

    [Fact]
    public async Task An_option_from_an_earlier_question_is_stale()
    {
        await using var chat = await StartAsync();
        await chat.SendAsync("/spotkanie");
        var tomorrow = chat.ButtonPayload("Jutro");
        await chat.PressPayloadAsync(tomorrow);
        await chat.PressPayloadAsync(tomorrow);
        Assert.Equal("Ten przycisk jest już nieaktualny.\n---\nIle osób przyjdzie?", chat.Text);
    }

    [Fact]
    public async Task A_half_filled_form_survives_a_restart()
    {
        await using var chat = await StartAsync();
        await chat.SendAsync("/spotkanie jutro dla 5 osób");
        await chat.RestartAsync();
        await chat.SendAsync("urodziny");
        Assert.Equal("Gotowe: jutro, 5 os., urodziny", chat.Text);
    }
}
