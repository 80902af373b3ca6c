using BenchmarkDotNet.Attributes;
using MamBot.Data.Centres;
using MamBot.Dialogs.Understanding;

namespace MamBot.Benchmarks;

/// <summary>Time to understand one typed Polish sentence with the offline recognizer.</summary>
[MemoryDiagnoser]
public class Recognizer
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly Room[] Rooms =
    [
        new() { Id = 1, Name = "Sala duża", Aliases = "duża, główna" },
        new() { Id = 2, Name = "Sala mała", Aliases = "mała, salka" },
        new() { Id = 3, Name = "Kuchnia", Aliases = "kuchnia" },
    ];

    [Params("chcę zarezerwować małą salę w piątek od 17 do 19 dla 8 osób", "o której jesteście otwarci w sobotę?", "dziękuję")]
    public string Utterance { get; set; } = "";

    [Benchmark]
    public Understood Recognize() => IntentRecognizer.Recognize(Utterance, Today, Rooms);
}
