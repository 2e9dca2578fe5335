namespace WellbeingBot.Knowledge;

public sealed record Candidate(Passage Passage, float Score, double Coverage);

public sealed record RetrievalResult(QueryPlan Plan, IReadOnlyList<Candidate> Candidates)
{
    public Candidate? Best => Candidates.Count > 0 ? Candidates[0] : null;

    public Candidate? RunnerUp => Candidates.Count > 1 ? Candidates[1] : null;
}
