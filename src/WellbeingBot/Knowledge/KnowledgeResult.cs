namespace WellbeingBot.Knowledge;

/// <summary>What the knowledge base can say about a question.</summary>
public abstract record KnowledgeResult;

/// <param name="Lead">The passage's sentences that answer the question most directly, in reading order.</param>
/// <param name="Related">Follow-up questions worth offering.</param>
public sealed record KnowledgeAnswer(Passage Passage, IReadOnlyList<string> Lead, IReadOnlyList<Passage> Related, Candidate Match)
    : KnowledgeResult;

/// <param name="Closest">The nearest passages, offered as "did you mean" choices; empty when nothing is near.</param>
public sealed record NoReliableAnswer(IReadOnlyList<Passage> Closest, Candidate? Match) : KnowledgeResult;
