using System.Globalization;
using MamBot.Data.Centres;
using MamBot.Dialogs.Understanding;
using Xunit.Abstractions;

namespace MamBot.Dialogs.Tests.Understanding;

/// <summary>
/// The offline recognizer against each language's evaluation set (utterances.tsv in Polish, utterances.uk.tsv,
/// utterances.en.tsv; never used to build it) and against its own training set, with both accuracies printed;
/// the rules alone are printed beside them for comparison.
/// </summary>
public class UnderstandingEvaluationTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static readonly Room[] Rooms =
    [
        // As in appsettings.json: the team names its rooms in every language residents use.
        new() { Id = 1, Name = "Sala duża", Aliases = "duża, główna, велика, velyka, big, large", Capacity = 30 },
        new() { Id = 2, Name = "Sala mała", Aliases = "mała, salka, мала, маленька, small", Capacity = 10 },
        new() { Id = 3, Name = "Kuchnia", Aliases = "kuchnia, кухня, kukhnia, kuhnia, kitchen", Capacity = 8 },
    ];

    [Theory]
    [InlineData("pl", 240)]
    [InlineData("uk", 80)]
    [InlineData("en", 80)]
    public void At_least_95_percent_of_intents_and_90_percent_of_exact_slots_are_right(string language, int least)
    {
        var lines = Evaluation(language);
        Assert.True(lines.Count >= least, $"the {language} evaluation set has only {lines.Count} utterances");

        int intents = 0, slots = 0;
        foreach (var (text, intent, expected) in lines.Select(l => (l[0], l[1], l.Length > 2 ? l[2] : "")))
        {
            var got = IntentRecognizer.Recognize(text, Today, Rooms, language);
            var gotSlots = Slots(got);
            var intentOk = got.Intent == intent;
            var slotsOk = gotSlots == Normalize(expected);
            intents += intentOk ? 1 : 0;
            slots += slotsOk ? 1 : 0;
            if (!intentOk || !slotsOk) output.WriteLine($"✗ \"{text}\": {got.Intent} [{gotSlots}] expected {intent} [{Normalize(expected)}]");
        }

        var intentShare = (double)intents / lines.Count;
        var slotShare = (double)slots / lines.Count;
        var rulesAlone = (double)lines.Count(l => IntentRecognizer.RulesOnly(TypedText.Fold(l[0]), language) == l[1]) / lines.Count;
        var training = IntentClassifier.TrainingSet(language);
        var trainingShare = (double)training.Count(t => IntentRecognizer.Recognize(t.Text, Today, Rooms, language).Intent == t.Intent) / training.Count;
        var summary = $"understanding ({language}): evaluation set {lines.Count} utterances, intent {Percent(intentShare)}, exact slots {Percent(slotShare)}"
            + $" (rules alone: intent {Percent(rulesAlone)}); training set {training.Count} sentences, intent {Percent(trainingShare)}";
        output.WriteLine(summary);
        // ./test.sh prints the reports folder at the end of the run; xunit keeps passing tests' output to itself.
        if (Environment.GetEnvironmentVariable("MAMBOT_REPORTS") is { Length: > 0 } reports)
        {
            Directory.CreateDirectory(reports);
            File.WriteAllText(Path.Combine(reports, $"understanding-{language}.txt"), summary + Environment.NewLine);
        }
        Assert.True(intentShare >= 0.95, $"intent accuracy {intentShare:P1} is below 95%");
        Assert.True(slotShare >= 0.90, $"exact slot accuracy {slotShare:P1} is below 90%");
    }

    [Theory]
    [InlineData("pl")]
    [InlineData("uk")]
    [InlineData("en")]
    public void No_evaluation_sentence_is_in_the_training_set(string language)
    {
        var training = IntentClassifier.TrainingSet(language).Select(t => TypedText.Fold(t.Text)).ToHashSet();
        var shared = Evaluation(language).Select(l => l[0]).Where(text => training.Contains(TypedText.Fold(text))).ToList();
        Assert.True(shared.Count == 0, "in both sets: " + string.Join(" | ", shared));
    }

    private static List<string[]> Evaluation(string language) =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Understanding", language == "pl" ? "utterances.tsv" : $"utterances.{language}.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'))];

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    private static string Slots(Understood u) => Normalize(string.Join(';', new[]
    {
        u.Room is null ? null : $"room={u.Room}",
        u.Date is { } d ? $"date={d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : null,
        u.Start is { } s ? $"start={s.ToString("HH:mm", CultureInfo.InvariantCulture)}" : null,
        u.End is { } e ? $"end={e.ToString("HH:mm", CultureInfo.InvariantCulture)}" : null,
        u.DurationMinutes is { } m ? $"durationMinutes={m}" : null,
        u.People is { } p ? $"people={p}" : null,
        u.Event is null ? null : $"event={u.Event}",
    }.Where(x => x is not null)));

    private static string Normalize(string slots) =>
        string.Join(';', slots.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
}
