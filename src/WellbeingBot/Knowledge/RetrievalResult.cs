namespace WellbeingBot.Knowledge;

/// <param name="Score">Lucene's BM25 score.</param>
/// <param name="Coverage">Share of the question's weighted words found anywhere in the passage.</param>
/// <param name="Phrasing">Similarity of the question to the passage's closest title or alternate question (0 to 1).</param>
/// <param name="Combined">BM25 relative to the best hit plus the weighted phrasing similarity: what candidates are ranked by.</param>
/// <param name="TopicalCoverage">Coverage of the question's words other than the subject's names.</param>
/// <param name="NamesAskedSubject">The passage's title or alternate questions name every other medicine or condition the question names.</param>
/// <param name="InAnchoredTopic">The question holds an anchor word of the passage's topic (see <see cref="Topic.Anchors"/>).</param>
/// <param name="PhrasingCoverage">Share of the question's weighted words found in the passage's title and alternate questions.</param>
public sealed record Candidate(
    Passage Passage,
    float Score,
    double Coverage,
    double Phrasing,
    double Combined,
    double TopicalCoverage,
    bool NamesAskedSubject = true,
    double PhrasingCoverage = 1,
    bool InAnchoredTopic = false);

public sealed record RetrievalResult(QueryPlan Plan, IReadOnlyList<Candidate> Candidates)
{
    public Candidate? Best => Candidates.Count > 0 ? Candidates[0] : null;

    public Candidate? RunnerUp => Candidates.Count > 1 ? Candidates[1] : null;
}
