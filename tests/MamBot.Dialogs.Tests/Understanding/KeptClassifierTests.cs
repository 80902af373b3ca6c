using MamBot.Dialogs.Understanding;
using MamBot.Tests.Shared;

namespace MamBot.Dialogs.Tests.Understanding;

/// <summary>
/// The trained intent classifier kept in the data folder, so a restart reads it instead of training again: what
/// it reads must understand residents exactly as the freshly trained one does, and a damaged copy is never used.
/// </summary>
public class KeptClassifierTests
{
    private static readonly string[] Sentences =
    [
        .. IntentClassifier.TrainingSet().Select(e => e.Text),
        "Do ktorej jestescie dzis otwarci", "chce zarezerwowac sale na piatek", "dzienkuje", "zapisz mnie na warsztaty",
    ];

    [Fact]
    public void A_restart_reads_the_kept_model_and_understands_every_sentence_as_the_trained_one()
    {
        using var folder = new TempFolder();
        var (trained, kept) = FirstStart(folder);
        var writtenAt = File.GetLastWriteTimeUtc(kept);

        var read = IntentClassifier.ReadOrTrain(folder.Path);

        Assert.NotSame(trained, read);
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(kept)); // read, not trained and written again
        AssertSameUnderstanding(trained, read);
    }

    [Fact]
    public void A_damaged_copy_is_not_used_the_model_is_trained_again_and_kept_whole()
    {
        using var folder = new TempFolder();
        var (trained, kept) = FirstStart(folder);
        var whole = File.ReadAllBytes(kept);
        File.WriteAllBytes(kept, whole[..(whole.Length / 2)]); // e.g. the disk filled up mid-write in an old version

        var again = IntentClassifier.ReadOrTrain(folder.Path);

        AssertSameUnderstanding(trained, again);
        Assert.Equal(whole, File.ReadAllBytes(kept));
    }

    [Fact]
    public void A_model_of_an_earlier_training_set_is_removed_when_the_new_one_is_kept()
    {
        using var folder = new TempFolder();
        var earlier = Path.Combine(folder.Path, "intent-model-0123456789abcdef.bin");
        File.WriteAllBytes(earlier, [1, 2, 3]);

        IntentClassifier.ReadOrTrain(folder.Path);

        Assert.False(File.Exists(earlier));
        Assert.Single(Directory.GetFiles(folder.Path, "intent-model-*.bin"));
    }

    /// <summary>A first start on an empty folder: the model is trained and one copy kept.</summary>
    private static (IntentClassifier Trained, string Kept) FirstStart(TempFolder folder) =>
        (IntentClassifier.ReadOrTrain(folder.Path), Assert.Single(Directory.GetFiles(folder.Path, "intent-model-*.bin")));

    private static void AssertSameUnderstanding(IntentClassifier expected, IntentClassifier actual)
    {
        foreach (var sentence in Sentences) Assert.Equal(expected.Predict(sentence), actual.Predict(sentence));
    }
}
