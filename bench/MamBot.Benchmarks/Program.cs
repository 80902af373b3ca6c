using BenchmarkDotNet.Running;
using MamBot.Benchmarks;

// dotnet run -c Release --project bench/MamBot.Benchmarks -- --filter '*'        (BenchmarkDotNet micro-benchmarks)
// dotnet run -c Release --project bench/MamBot.Benchmarks -- nudges [count] [rate] (outbox drain against a loopback Bot API)
// dotnet run -c Release --project bench/MamBot.Benchmarks -- delivery [chatty|burst|steady [rate]|lifted [rates...]] (replies under load vs a bare echo)
// dotnet run -c Release --project bench/MamBot.Benchmarks -- crash (kill -9 five times during chats and a broadcast)
// dotnet run -c Release --project bench/MamBot.Benchmarks -- overload (web chat at rising rates: the bound on turns in flight)
// dotnet run -c Release --project bench/MamBot.Benchmarks -- turns [clients...] (web chat turns vs a bare ASP.NET + EF Core floor)
// dotnet run -c Release --project bench/MamBot.Benchmarks -- compare (issue 16's goals, each beside its floor)
// dotnet run -c Release --project bench/MamBot.Benchmarks -- startup (start-up, idle memory and CPU vs a bare ASP.NET app)
// bench/hosts.sh [clients] (web chat turns: SQLite one host, PostgreSQL one and two hosts, each vs its floor)
if (args.Length > 0 && args[0] == "nudges")
    return await NudgeDrain.RunAsync(args.Skip(1).ToArray());
if (args.Length > 0 && args[0] == "delivery")
    return await DeliveryLoad.RunAsync(args.Skip(1).ToArray());
if (args.Length > 0 && args[0] == "crash")
    return await CrashLoad.RunAsync();
if (args.Length > 0 && args[0] == "turns")
    return await TurnsLoad.RunAsync(args.Skip(1).ToArray());
if (args.Length > 0 && args[0] == "compare")
    return await CompareAll.RunAsync();
if (args.Length > 0 && args[0] == "startup")
    return await StartupLoad.RunAsync();
if (args.Length > 0 && args[0] == "hosts")
    return await HostsLoad.RunAsync(args.Skip(1).ToArray());
if (args.Length > 0 && args[0] == "overload")
    return await OverloadLoad.RunAsync();
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Entry point for BenchmarkDotNet.</summary>
public partial class Program;
