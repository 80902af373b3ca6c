namespace MamBot.Dialogs.Understanding;

/// <summary>
/// A small trained intent classifier: multinomial logistic regression over features that survive Polish
/// inflection and typos (word beginnings, character 3- and 4-grams inside words, word pairs), trained when
/// first used from the sentences in <c>Training/intents.tsv</c> (a few hundred, in milliseconds). Every
/// sentence is also learnt with one letter dropped, so a typo is a sentence it has seen.
/// </summary>
public sealed class IntentClassifier
{
    private const int Epochs = 40;
    private const double LearningRate = 0.2;
    private const double L2 = 1e-4;

    private readonly string[] _intents;
    private readonly Dictionary<string, int> _features = new(StringComparer.Ordinal);
    private double[][] _weights = [];

    private static readonly Lazy<IntentClassifier> Shared = new(() => Train(TrainingSet()));

    /// <summary>The classifier trained on the shipped training set, once per process.</summary>
    public static IntentClassifier Default => Shared.Value;

    private IntentClassifier(string[] intents) => _intents = intents;

    /// <summary>The most likely intent of a sentence and its probability (0–1).</summary>
    public (string Intent, double Probability) Predict(string text)
    {
        var features = Known(Features(PolishText.Fold(text)));
        var scores = Scores(features);
        var best = Array.IndexOf(scores, scores.Max());
        return (_intents[best], scores[best]);
    }

    public static IntentClassifier Train(IReadOnlyList<(string Text, string Intent)> examples)
    {
        var classifier = new IntentClassifier([.. examples.Select(e => e.Intent).Distinct().Order(StringComparer.Ordinal)]);
        var samples = examples.SelectMany(e => Variants(PolishText.Fold(e.Text)).Select(v => (Text: v, e.Intent)))
            .Select(e => (Features: classifier.Learn(Features(e.Text)), Label: Array.IndexOf(classifier._intents, e.Intent)))
            .ToList();
        classifier._weights = [.. classifier._intents.Select(_ => new double[classifier._features.Count + 1])];

        var random = new Random(2026); // the same model on every start
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            var rate = LearningRate / (1 + epoch * 0.1);
            foreach (var (features, label) in samples.OrderBy(_ => random.Next()))
            {
                var probabilities = classifier.Scores(features);
                for (var c = 0; c < classifier._intents.Length; c++)
                {
                    var gradient = probabilities[c] - (c == label ? 1 : 0);
                    var w = classifier._weights[c];
                    foreach (var f in features) w[f] -= rate * (gradient + L2 * w[f]);
                    w[^1] -= rate * gradient; // bias
                }
            }
        }
        return classifier;
    }

    /// <summary>The shipped training set: "sentence TAB intent" lines, "#" for comments.</summary>
    public static IReadOnlyList<(string Text, string Intent)> TrainingSet()
    {
        using var stream = typeof(IntentClassifier).Assembly.GetManifestResourceStream("MamBot.Dialogs.Understanding.intents.tsv")
            ?? throw new InvalidOperationException("The intent training set is not embedded in MamBot.Dialogs.");
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1]))];
    }

    private double[] Scores(IReadOnlyList<int> features)
    {
        var scores = new double[_intents.Length];
        for (var c = 0; c < scores.Length; c++)
        {
            var w = _weights[c];
            var sum = w[^1];
            foreach (var f in features) sum += w[f];
            scores[c] = sum;
        }
        var max = scores.Max();
        var total = 0.0;
        for (var c = 0; c < scores.Length; c++) total += scores[c] = Math.Exp(scores[c] - max);
        for (var c = 0; c < scores.Length; c++) scores[c] /= total;
        return scores;
    }

    private List<int> Learn(IEnumerable<string> features) =>
        [.. features.Select(f => _features.TryGetValue(f, out var i) ? i : _features[f] = _features.Count)];

    private List<int> Known(IEnumerable<string> features) =>
        [.. features.Select(f => _features.TryGetValue(f, out var i) ? i : -1).Where(i => i >= 0)];

    /// <summary>The sentence as written, and with one letter dropped from its longest word (a typo).</summary>
    private static IEnumerable<string> Variants(string folded)
    {
        yield return folded;
        var words = folded.Split(' ');
        var longest = words.Select((w, i) => (w, i)).MaxBy(x => x.w.Length);
        if (longest.w.Length < 5) yield break;
        var cut = longest.w.Length / 2;
        words[longest.i] = longest.w.Remove(cut, 1);
        yield return string.Join(' ', words);
    }

    /// <summary>"odwolac rezerwacje" → w:odwolac, p4:odwo, p5:odwol, c:_od, c:odw, …, b:odwo_reze.</summary>
    private static HashSet<string> Features(string folded)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) set.Add("empty");
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            set.Add("w:" + word);
            for (var n = 4; n <= 6; n++) if (word.Length >= n) set.Add($"p{n}:" + word[..n]);
            var padded = "_" + word + "_";
            for (var n = 3; n <= 4; n++)
                for (var j = 0; j + n <= padded.Length; j++) set.Add(string.Concat("c:", padded.AsSpan(j, n)));
            if (i > 0) set.Add("b:" + Stem(words[i - 1]) + "_" + Stem(word));
        }
        return set;
    }

    private static string Stem(string word) => word.Length > 4 ? word[..4] : word;
}
