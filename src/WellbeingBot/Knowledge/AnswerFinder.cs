using Microsoft.Extensions.Options;

namespace WellbeingBot.Knowledge;

/// <summary>Decides whether the best passage truly answers the question, and which of its sentences to lead with.</summary>
public sealed class AnswerFinder(KnowledgeIndex index, IOptions<KnowledgeOptions> options)
{
    private const int LeadSentences = 2;
    private readonly KnowledgeOptions _options = options.Value;

    public KnowledgeResult Find(string question)
    {
        var result = index.Search(question);
        var best = result.Best;
        if (best is null)
        {
            return new NoReliableAnswer([], null);
        }

        if (!IsReliable(best, result.RunnerUp, result.Plan.NamesTopic))
        {
            // Only passages that share a real part of the question are worth offering as "did you mean".
            var closest = result.Candidates
                .Where(c => result.Plan.NamesTopic ? c.TopicalCoverage >= _options.MinTopicalCoverage / 2 : c.Coverage >= _options.MinCoverage / 2)
                .Take(3)
                .Select(c => c.Passage)
                .ToArray();
            return new NoReliableAnswer(closest, best);
        }

        return new KnowledgeAnswer(best.Passage, Lead(best.Passage, result.Plan), index.RelatedTo(best.Passage), best);
    }

    private bool IsReliable(Candidate best, Candidate? runnerUp, bool namesTopic)
    {
        var lead = runnerUp is null ? 1 : (best.Combined - runnerUp.Combined) / best.Combined;
        var close = namesTopic
            ? best.TopicalCoverage >= _options.MinTopicalCoverage || best.Phrasing >= _options.MinTopicalPhrasing
              // A long question about the subject covers less of itself, but one passage standing far above the rest is clear.
              || (best.TopicalCoverage >= _options.MinTopicalCoverage / 2 && lead >= _options.ClearLead)
            : best.Coverage >= _options.MinCoverage || best.Phrasing >= _options.MinPhrasing;
        return close && best.Score >= _options.MinScore && lead >= _options.MinMargin;
    }

    // The passages open with their direct answer; a sentence further in wins only if it covers more of the question.
    private List<string> Lead(Passage passage, QueryPlan plan)
    {
        var ranked = index.RankSentences(passage, plan).Select((s, i) => (s.Sentence, s.Coverage, Index: i)).ToList();
        return ranked
            .OrderByDescending(s => s.Coverage)
            .ThenBy(s => s.Index)
            .Take(LeadSentences)
            .OrderBy(s => s.Index)
            .Select(s => s.Sentence)
            .ToList();
    }
}
