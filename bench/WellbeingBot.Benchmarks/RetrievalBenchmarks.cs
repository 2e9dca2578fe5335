using BenchmarkDotNet.Attributes;
using WellbeingBot.Bot;
using WellbeingBot.Knowledge;

namespace WellbeingBot.Benchmarks;

/// <summary>
/// One retrieval as a user's turn pays for it: query building, search, the answer decision and reply composition,
/// on the real knowledge base and on a synthetic copy ten times its size.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RetrievalBenchmarks
{
    private ConversationEngine _engine = null!;
    private KnowledgeBase _knowledge = null!;
    private IncomingMessage _message = null!;

    [Params(1, 10)]
    public int Copies { get; set; }

    [Params(
        "how does ketamine work on the brain?",
        "can I drive after spravato",
        "my psychiatrist mentioned ketamine infusions, how long does the effect last and does insurance cover it",
        "ketamin side efects",
        "what's the weather in Paris")]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _knowledge = SyntheticKnowledge.Load(Copies);
        _engine = BenchmarkConversation.Engine(_knowledge);
        _message = new IncomingMessage(Question);
    }

    [GlobalCleanup]
    public void Cleanup() => _knowledge.Dispose();

    [Benchmark]
    public Task<IReadOnlyList<BotReply>> Answer() => _engine.RespondAsync(_message, CancellationToken.None);
}
