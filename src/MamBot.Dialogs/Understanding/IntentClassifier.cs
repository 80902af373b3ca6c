using System.Collections.Concurrent;
using MamBot.Data.Residents;

namespace MamBot.Dialogs.Understanding;

/// <summary>
/// A small trained intent classifier: multinomial logistic regression over features that survive Polish
/// inflection and typos (word beginnings, character 3- and 4-grams inside words, word pairs), one per language,
/// trained from the sentences in <c>Training/intents.tsv</c> (Polish), <c>intents.uk.tsv</c> and <c>intents.en.tsv</c>
/// (a few hundred each; about a second of CPU on a small machine) and kept in the data folder by the host
/// (<see cref="PrepareDefault"/>). Every sentence is also learnt with one letter dropped, so a typo is a sentence
/// it has seen.
/// </summary>
public sealed class IntentClassifier
{
    private const int Epochs = 40;
    private const double LearningRate = 0.2;
    private const double L2 = 1e-4;

    private readonly string[] _intents;
    private readonly Dictionary<string, int> _features = new(StringComparer.Ordinal);
    private double[][] _weights = [];

    private static readonly ConcurrentDictionary<string, IntentClassifier> Shared = new();
    private static readonly ConcurrentDictionary<string, Lock> Gates = new();

    /// <summary>The classifier trained on the language's shipped training set, once per process.</summary>
    public static IntentClassifier For(string language) => Shared.TryGetValue(language, out var ready) ? ready
        : Prepared(language, () => Train(TrainingSet(language)));

    /// <summary>
    /// Makes every language's classifier ready, from the copy kept in the folder when it was trained on this very
    /// training set (reading it takes milliseconds; training takes about a second of CPU), else by training and
    /// keeping a copy there for the next start.
    /// </summary>
    public static void PrepareDefault(string folder)
    {
        foreach (var language in Languages.All) Prepared(language, () => ReadOrTrain(folder, language));
    }

    /// <summary>
    /// The language's classifier, made once under that language's own gate: after a start a turn in Polish waits
    /// for the Polish model only, not also while the warm-up trains Ukrainian and English (one gate for all three
    /// made it wait for those too), and a turn whose model is ready takes no lock at all.
    /// </summary>
    private static IntentClassifier Prepared(string language, Func<IntentClassifier> make)
    {
        lock (Gates.GetOrAdd(language, _ => new Lock()))
        {
            if (!Shared.TryGetValue(language, out var classifier)) Shared[language] = classifier = make();
            return classifier;
        }
    }

    /// <summary>The language's shipped model as kept in the folder, or trained now and kept there.</summary>
    public static IntentClassifier ReadOrTrain(string folder, string language = Languages.Polish)
    {
        var file = Path.Combine(folder, $"intent-model-{language}-{TrainingStamp(language)}.bin");
        if (TryRead(file) is { } kept) return kept;
        var trained = Train(TrainingSet(language));
        TryKeep(trained, file, language);
        return trained;
    }

    private IntentClassifier(string[] intents) => _intents = intents;

    /// <summary>The most likely intent of a sentence and its probability (0–1).</summary>
    public (string Intent, double Probability) Predict(string text)
    {
        var features = Known(Features(TypedText.Fold(text)));
        var scores = Scores(features);
        var best = Array.IndexOf(scores, scores.Max());
        return (_intents[best], scores[best]);
    }

    public static IntentClassifier Train(IReadOnlyList<(string Text, string Intent)> examples)
    {
        var classifier = new IntentClassifier([.. examples.Select(e => e.Intent).Distinct().Order(StringComparer.Ordinal)]);
        var samples = examples.SelectMany(e => Variants(TypedText.Fold(e.Text)).Select(v => (Text: v, e.Intent)))
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

    /// <summary>The language's shipped training set: "sentence TAB intent" lines, "#" for comments.</summary>
    public static IReadOnlyList<(string Text, string Intent)> TrainingSet(string language = Languages.Polish)
    {
        var name = language == Languages.Polish ? "intents.tsv" : $"intents.{language}.tsv";
        using var stream = typeof(IntentClassifier).Assembly.GetManifestResourceStream("MamBot.Dialogs.Understanding." + name)
            ?? throw new InvalidOperationException($"The intent training set {name} is not embedded in MamBot.Dialogs.");
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1]))];
    }

    /// <summary>What the model depends on: the training sentences and this code's settings.</summary>
    private static string TrainingStamp(string language)
    {
        var recipe = string.Join('\n', TrainingSet(language).Select(e => e.Text + "\t" + e.Intent))
            + string.Create(System.Globalization.CultureInfo.InvariantCulture, $"|{FormatVersion}|{Epochs}|{LearningRate}|{L2}");
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(recipe)))[..16];
    }

    // Bump when Features, Variants or Train change what a model is.
    private const int FormatVersion = 1;

    /// <summary>The model as bytes: its intents, its features in index order, then every weight.</summary>
    public void WriteTo(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(FormatVersion);
        writer.Write(_intents.Length);
        foreach (var intent in _intents) writer.Write(intent);
        writer.Write(_features.Count);
        foreach (var feature in _features.OrderBy(f => f.Value).Select(f => f.Key)) writer.Write(feature);
        foreach (var weights in _weights)
            foreach (var w in weights) writer.Write(w);
    }

    /// <summary>A model written by <see cref="WriteTo"/>; null when the stream holds anything else.</summary>
    public static IntentClassifier? ReadFrom(Stream stream)
    {
        try
        {
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            if (reader.ReadInt32() != FormatVersion) return null;
            var classifier = new IntentClassifier([.. Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadString())]);
            var featureCount = reader.ReadInt32();
            for (var i = 0; i < featureCount; i++) classifier._features[reader.ReadString()] = i;
            classifier._weights = [.. classifier._intents.Select(_ =>
                Enumerable.Range(0, featureCount + 1).Select(_ => reader.ReadDouble()).ToArray())];
            return stream.Position == stream.Length ? classifier : null;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    private static IntentClassifier? TryRead(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return ReadFrom(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // not there yet, or unreadable: train instead
        }
    }

    /// <summary>Written aside and renamed, so a crash or a second host never leaves half a model under the name.</summary>
    private static void TryKeep(IntentClassifier classifier, string file, string language)
    {
        var others = Languages.All.Where(l => l != language).Select(l => $"intent-model-{l}-").ToList();
        var aside = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = File.Create(aside)) classifier.WriteTo(stream);
            File.Move(aside, file, overwrite: true);
            foreach (var old in Directory.EnumerateFiles(Path.GetDirectoryName(file)!, "intent-model-*.bin"))
            {
                // Trained on an earlier training set of this language (or before models had a language).
                if (old != file && !others.Any(Path.GetFileName(old).StartsWith)) File.Delete(old);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A full or read-only disk: the next start trains again.
            try { File.Delete(aside); } catch (Exception gone) when (gone is IOException or UnauthorizedAccessException) { }
        }
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
