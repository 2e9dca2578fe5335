using BenchmarkDotNet.Running;
using WellbeingBot.Benchmarks;

// "reminders" and "load" are load runs of their own (its last line is the figure); everything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "load")
{
    return await LoadGenerator.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "reminders")
{
    return await ReminderBenchmark.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(RetrievalBenchmarks).Assembly).Run(args);
return 0;
