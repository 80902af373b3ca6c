using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/MamBot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point for BenchmarkDotNet.</summary>
public partial class Program;
