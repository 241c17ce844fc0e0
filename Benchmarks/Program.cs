using BenchmarkDotNet.Running;
using Mdm.Benchmarks.Generator;

// `generate ...` writes a labelled dataset, `realtime ...` measures real-time resolves; any other arguments go to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "generate")
    return GenerateCommand.Run(args[1..], Console.Out, Console.Error);

if (args.Length > 0 && args[0] == "realtime")
    return Mdm.Benchmarks.Realtime.RealtimeBenchmark.Run(args[1..], Console.Out, Console.Error);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
