using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace WellbeingBot.Benchmarks;

/// <summary>
/// <c>load --target NAME=URL[,PID] ... [--concurrency 32] [--seconds 20] [--rounds 4] [--warmup 30]</c>: drives /api/messages
/// with expectReplies from this process, with a mix like real use (questions, out-of-scope questions, crisis messages,
/// meditation steps), each simulated person in a conversation of their own. With several targets (the product and the echo
/// bot) each is warmed up in turn, then they are measured in alternating windows, so a busy neighbour on a shared machine slows
/// both alike rather than whichever ran at the time. Prints, per target, turns per second, p50/p99 latency and, given the
/// process id, its peak memory: one line each, last.
/// </summary>
public static class LoadGenerator
{
    private static readonly string[] Questions =
    [
        "is ketamine addictive?", "how long does spravato last", "what are the side effects of esketamine", "how does ketamine work on the brain",
        "can I drive after an infusion", "is it covered by insurance?", "what happens at a ketamine session", "who can't have ketamine",
    ];

    private static readonly string[] OutOfScope = ["whats the best pizza in Naples", "side effects of sertraline", "how do I fix my bike"];

    private static readonly string[] Crisis = ["i want to end my life", "i dont want to be here anymore"];

    private static readonly string[] Meditation = ["start box breathing", "next", "next", "stop"];

    public static async Task<int> RunAsync(string[] args)
    {
        var targets = Options(args, "--target").Select(Target.Parse).ToList();
        if (targets.Count == 0)
        {
            targets.Add(Target.Parse("bot=http://localhost:3978"));
        }

        var concurrency = int.Parse(Option(args, "--concurrency") ?? "32", CultureInfo.InvariantCulture);
        var seconds = double.Parse(Option(args, "--seconds") ?? "20", CultureInfo.InvariantCulture);
        var rounds = Math.Max(1, int.Parse(Option(args, "--rounds") ?? "4", CultureInfo.InvariantCulture));

        // Warm up with the same mix first: the figure is meant to be the steady state a running service sees. Under full load on
        // two cores the runtime keeps re-compiling hot code into its optimised tier for about 25 s (the product) and 15 s (the
        // echo bot), measured with dotnet-counters (jit.compiled_methods fell from 3,000/s to under 50/s); a 5 s warm-up measured
        // both bots half-compiled, the product more so, since it has more code to tier up.
        var warmup = double.Parse(Option(args, "--warmup") ?? "30", CultureInfo.InvariantCulture);
        foreach (var target in targets)
        {
            await Drive(target.Http(concurrency), concurrency, warmup, turn: 1_000_000, latencies: null, () => { });
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var target in targets)
            {
                var clock = Stopwatch.StartNew();
                await Drive(target.Http(concurrency), concurrency, seconds / rounds, turn: round * 100_000, target.Latencies, () => Interlocked.Increment(ref target.Errors));
                target.Seconds += clock.Elapsed.TotalSeconds;
            }
        }

        foreach (var target in targets)
        {
            var all = target.Latencies.Order().ToArray();
            var peak = target.Pid is null ? "" : $" peak_mb={PeakMegabytes(target.Pid)}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{target.Name}: turns={all.Length} errors={target.Errors} seconds={target.Seconds:0.0} rate={all.Length / target.Seconds:0}/s p50_ms={Percentile(all, 0.5):0.0} p99_ms={Percentile(all, 0.99):0.0}{peak}"));
        }

        targets.ForEach(t => t.Dispose());
        return targets.All(t => t.Errors == 0) ? 0 : 1;
    }

    private static Task Drive(HttpClient http, int concurrency, double seconds, int turn, List<double>? latencies, Action failed)
    {
        var clock = Stopwatch.StartNew();
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = new List<double>();
            var random = new Random(worker + turn);
            for (var t = turn; clock.Elapsed.TotalSeconds < seconds; t++)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await Turn(http, worker, t, Pick(random, t)))
                {
                    failed();
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            if (latencies is not null)
            {
                lock (latencies)
                {
                    latencies.AddRange(mine);
                }
            }
        }));
    }

    // Each simulated person keeps a conversation for ten messages, then a new person starts.
    private static async Task<bool> Turn(HttpClient http, int worker, int turn, string text)
    {
        var response = await http.PostAsJsonAsync("/api/messages", new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["text"] = text,
            ["channelId"] = "emulator",
            ["serviceUrl"] = "http://localhost:1/",
            ["deliveryMode"] = "expectReplies",
            ["locale"] = "en-US",
            ["from"] = new JsonObject { ["id"] = $"load-user-{worker}-{turn / 10}" },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = $"load-{worker}-{turn / 10}" },
        });
        await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode;
    }

    private static string Pick(Random random, int turn) => random.Next(100) switch
    {
        < 55 => Questions[random.Next(Questions.Length)],
        < 70 => OutOfScope[random.Next(OutOfScope.Length)],
        < 75 => Crisis[random.Next(Crisis.Length)],
        _ => Meditation[turn % Meditation.Length],
    };

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    // VmHWM: the process's peak resident memory, from Linux's /proc.
    private static string PeakMegabytes(string pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? "?" : (long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).ToString(CultureInfo.InvariantCulture);
    }

    private static string? Option(string[] args, string name) => Options(args, name).LastOrDefault();

    private static IEnumerable<string> Options(string[] args, string name) =>
        Enumerable.Range(0, args.Length - 1).Where(i => args[i] == name).Select(i => args[i + 1]);

    /// <summary>One bot under load: <c>NAME=URL[,PID]</c>.</summary>
    private sealed class Target(string name, Uri url, string? pid) : IDisposable
    {
        private HttpClient? _http;

        public int Errors;

        public string Name => name;

        public string? Pid => pid;

        public List<double> Latencies { get; } = [];

        public double Seconds { get; set; }

        public HttpClient Http(int concurrency) => _http ??= new HttpClient(
            new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = url };

        public void Dispose() => _http?.Dispose();

        public static Target Parse(string spec)
        {
            var (name, rest) = spec.IndexOf('=') is var i and > 0 ? (spec[..i], spec[(i + 1)..]) : ("bot", spec);
            var parts = rest.Split(',');
            return new Target(name, new Uri(parts[0]), parts.Length > 1 ? parts[1] : null);
        }
    }
}
