using BenchmarkDotNet.Running;
using WellbeingBot.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(RetrievalBenchmarks).Assembly).Run(args);
