using BenchmarkDotNet.Running;
using MamBot.Benchmarks;

// dotnet run -c Release --project bench/MamBot.Benchmarks -- --filter '*'        (BenchmarkDotNet micro-benchmarks)
// dotnet run -c Release --project bench/MamBot.Benchmarks -- nudges [count] [rate] (outbox drain against a loopback Bot API)
if (args.Length > 0 && args[0] == "nudges")
    return await NudgeDrain.RunAsync(args.Skip(1).ToArray());
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Entry point for BenchmarkDotNet.</summary>
public partial class Program;
