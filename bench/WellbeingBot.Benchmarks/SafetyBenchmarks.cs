using BenchmarkDotNet.Attributes;
using WellbeingBot.Safety;

namespace WellbeingBot.Benchmarks;

/// <summary>
/// The crisis check every message pays for before anything else: a typical question, a crisis message, and a pasted text of
/// 20,000 characters (the longest the bot reads), plus loading and checking all the reviewed safety content at start.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SafetyBenchmarks
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "knowledge");
    private CrisisDetector _detector = null!;

    [Params("typical", "crisis", "20000 chars")]
    public string Message { get; set; } = "";

    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        _detector = new CrisisDetector(SafetyKnowledge.Load(Folder).Rules);
        _text = Message switch
        {
            "typical" => "my psychiatrist mentioned ketamine infusions, how long does the effect last and does insurance cover it",
            "crisis" => "honestly i dont see the point anymore and everyone would be better off without me",
            _ => string.Join(' ', Enumerable.Repeat("i keep reading about esketamine and i wonder whether my clinic offers it", 300))[..20_000],
        };
    }

    [Benchmark]
    public SafetyAssessment Assess() => _detector.Assess(_text, distressEarlier: false);
}

/// <summary>Loading and checking every pattern and example, the helplines and the reply texts, as the bot does at start.</summary>
[MemoryDiagnoser]
public class SafetyLoadBenchmarks
{
    private readonly string _folder = Path.Combine(AppContext.BaseDirectory, "knowledge");

    [Benchmark]
    public SafetyKnowledge Load() => SafetyKnowledge.Load(_folder);
}
