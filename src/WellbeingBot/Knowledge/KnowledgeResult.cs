namespace WellbeingBot.Knowledge;

/// <summary>What the knowledge base can say about a question.</summary>
public abstract record KnowledgeResult;

/// <param name="Lead">The passage's sentences that answer the question most directly, in reading order.</param>
/// <param name="Alternative">A passage nearly as close, offered as "did you mean"; null when the best one stands clear.</param>
/// <param name="Related">Follow-up questions worth offering.</param>
/// <param name="Subject">What the answer was about (the words naming ketamine, esketamine or Spravato), kept so a follow-up
/// such as "and how long does it last?" stays on it; null when nothing was named.</param>
public sealed record KnowledgeAnswer(
    Passage Passage,
    IReadOnlyList<string> Lead,
    Passage? Alternative,
    IReadOnlyList<Passage> Related,
    Candidate Match,
    string? Subject)
    : KnowledgeResult
{
    /// <summary>True when the passage says more than its lead sentences, so the full text is worth offering.</summary>
    public bool HasMore => Passage.Paragraphs.Sum(p => p.Count) > Lead.Count;
}

/// <param name="Closest">The nearest passages, offered as "did you mean" choices; empty when nothing is near.</param>
public sealed record NoReliableAnswer(IReadOnlyList<Passage> Closest, Candidate? Match) : KnowledgeResult;
