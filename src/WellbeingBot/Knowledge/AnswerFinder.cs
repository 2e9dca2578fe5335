using Microsoft.Extensions.Options;

namespace WellbeingBot.Knowledge;

/// <summary>Decides whether the best passage truly answers the question, and which of its sentences to lead with.</summary>
public sealed class AnswerFinder(KnowledgeIndex index, IOptions<KnowledgeOptions> options)
{
    private const int LeadSentences = 2;
    private readonly KnowledgeOptions _options = options.Value;

    /// <param name="question">The user's words.</param>
    /// <param name="earlierSubject">The subject of the previous answer; used only when the question names none itself.</param>
    public KnowledgeResult Find(string question, string? earlierSubject = null)
    {
        var result = index.Search(question, context: earlierSubject);
        var best = result.Best;
        if (best is null)
        {
            return new NoReliableAnswer([], null);
        }

        if (!IsClose(best, result.RunnerUp, result.Plan))
        {
            // Only passages that share a real part of the question are worth offering as "did you mean".
            var closest = result.Candidates
                .Where(c => result.Plan.NamesTopic ? c.TopicalCoverage >= _options.MinTopicalCoverage / 2 : c.Coverage >= _options.MinCoverage / 2)
                .Take(3)
                .Select(c => c.Passage)
                .ToArray();
            return new NoReliableAnswer(closest, best);
        }

        // Two passages nearly tied: answer with the better and offer the other, rather than guess silently or refuse.
        var runnerUp = result.RunnerUp;
        var alternative = runnerUp is not null
            && Lead(best, runnerUp) < _options.AlternativeMargin
            && IsClose(runnerUp, null, result.Plan)
            ? runnerUp.Passage
            : null;
        var subject = result.Plan.Subject ?? index.SubjectOf(best.Passage);
        return new KnowledgeAnswer(best.Passage, Lead(best.Passage, result.Plan), alternative, index.RelatedTo(best.Passage), best, subject);
    }

    public Passage? Passage(string id) => index.Passages.FirstOrDefault(p => p.Id == id);

    public IReadOnlyList<Passage> Related(Passage passage) => index.RelatedTo(passage);

    private bool IsClose(Candidate candidate, Candidate? runnerUp, QueryPlan plan)
    {
        // "Side effects of sertraline" shares words with a passage on ketamine's side effects but asks about another medicine
        // (likewise "how do I know if I have ADHD"): only a passage that is itself about that medicine or condition with
        // ketamine, and asked almost that way, may answer it.
        if (plan.AboutOtherSubject)
        {
            return candidate.NamesAskedSubject && candidate.Phrasing >= _options.MinPhrasing && candidate.Score >= _options.MinScore;
        }

        // The question's own words must find something: a subject carried over from the last answer is not a match by itself.
        if (plan.Groups.Any(g => !g.IsTopic) && candidate.TopicalCoverage <= 0)
        {
            return false;
        }

        var lead = Lead(candidate, runnerUp);
        var close = NamesTopic(plan) || candidate.InAnchoredTopic
            ? candidate.TopicalCoverage >= _options.MinTopicalCoverage || candidate.Phrasing >= _options.MinTopicalPhrasing
              // A long question about the subject covers less of itself, but one passage standing far above the rest is clear.
              || (candidate.TopicalCoverage >= _options.MinTopicalCoverage / 2 && lead >= _options.ClearLead)
            // Without the subject the question could be about anything: a word found only deep in a passage's text ("what is
            // anxiety?") is not enough, what the passage is about (its title and alternate questions) must match too.
            : (candidate.Coverage >= _options.MinCoverage && candidate.PhrasingCoverage >= _options.MinPhrasingCoverage)
              || candidate.Phrasing >= _options.MinPhrasing;
        return close && candidate.Score >= _options.MinScore;
    }

    // A subject carried over from the last answer does not make a question about something the knowledge base has never heard
    // of ("what's the best pizza in Napoli?" after an answer on ketamine) a question about ketamine.
    private static bool NamesTopic(QueryPlan plan) =>
        plan.NamesTopic
        && !(plan.Groups.Where(g => g.IsTopic).All(g => g.FromContext) && plan.Groups.Any(g => !g.FromContext && !g.IsTopic && g.Terms.Count == 0));

    private static double Lead(Candidate best, Candidate? runnerUp) =>
        runnerUp is null || best.Combined <= 0 ? 1 : (best.Combined - runnerUp.Combined) / best.Combined;

    // The passages open with their direct answer, written to stand alone, so the first sentence always leads; the second is
    // the one covering most of the question's rarity-weighted words, which a one-sentence MemoryIndex could not weigh (its IDF
    // sees one document). "What did ELEKT-D find?" thus gets the opening answer and the sentence with the trial's figures.
    private List<string> Lead(Passage passage, QueryPlan plan)
    {
        var ranked = index.RankSentences(passage, plan).Select((s, i) => (s.Sentence, s.Coverage, Index: i)).ToList();
        var second = ranked.Skip(1).OrderByDescending(s => s.Coverage).ThenBy(s => s.Index).Take(LeadSentences - 1);
        return [ranked[0].Sentence, .. second.Select(s => s.Sentence)];
    }
}
