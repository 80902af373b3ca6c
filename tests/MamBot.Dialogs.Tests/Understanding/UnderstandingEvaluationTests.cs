using System.Globalization;
using MamBot.Data.Centres;
using MamBot.Dialogs.Understanding;
using Xunit.Abstractions;

using static MamBot.Dialogs.Tests.Understanding.EvaluationKit;

namespace MamBot.Dialogs.Tests.Understanding;

/// <summary>
/// The offline recognizer against each language's evaluation set (utterances.tsv in Polish, utterances.uk.tsv,
/// utterances.en.tsv; never used to build it) and against its own training set, with both accuracies printed;
/// the rules alone are printed beside them for comparison.
/// </summary>
public class UnderstandingEvaluationTests(ITestOutputHelper output)
{
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
        Report($"understanding-{language}", summary);
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



}
