using WellbeingBot.Bot;
using WellbeingBot.Knowledge;

namespace WellbeingBot.Tests.Knowledge.Evaluation;

/// <summary>
/// Hit@1 counts a question only when the bot actually answers with the expected passage (a decline is a miss);
/// Hit@3 and MRR look at the ranked candidates, which the user sees as the answer plus "did you mean" choices.
/// </summary>
public sealed record RetrievalMetrics(int InScope, double Hit1, double Hit3, double Mrr, int OutOfScope, double Declined, IReadOnlyList<string> Misses)
{
    public static RetrievalMetrics Measure(AnswerFinder finder, KnowledgeIndex index, IReadOnlyList<EvaluationQuestion> questions)
    {
        int inScope = 0, hit1 = 0, hit3 = 0, outOfScope = 0, declined = 0;
        double reciprocalRanks = 0;
        var misses = new List<string>();
        foreach (var q in questions)
        {
            // As the bot does: a greeting, thanks or a question about the bot itself is answered before any search.
            var result = SmallTalk.Classify(q.Question) == SmallTalkKind.None ? finder.Find(q.Question) : new NoReliableAnswer([], null);
            if (q.Expected is null)
            {
                outOfScope++;
                if (result is NoReliableAnswer)
                {
                    declined++;
                }
                else
                {
                    misses.Add($"[{q.Split}] answered out-of-scope '{q.Question}' with {((KnowledgeAnswer)result).Passage.Id}");
                }

                continue;
            }

            inScope++;
            var ranked = index.Search(q.Question, 10).Candidates.Select(c => c.Passage.Id).ToList();
            var rank = ranked.IndexOf(q.Expected) + 1;
            if (rank > 0)
            {
                reciprocalRanks += 1.0 / rank;
            }

            if (rank is > 0 and <= 3)
            {
                hit3++;
            }

            if (result is KnowledgeAnswer answer && answer.Passage.Id == q.Expected)
            {
                hit1++;
            }
            else
            {
                var got = result is KnowledgeAnswer a ? a.Passage.Id : $"declined (top {ranked.FirstOrDefault() ?? "none"})";
                misses.Add($"[{q.Split}] '{q.Question}' expected {q.Expected}, got {got}, rank {rank}");
            }
        }

        return From(inScope, hit1, hit3, reciprocalRanks, outOfScope, declined, misses);
    }

    public static RetrievalMetrics From(int inScope, int hit1, int hit3, double reciprocalRanks, int outOfScope, int declined, IReadOnlyList<string> misses) =>
        new(inScope, Ratio(hit1, inScope), Ratio(hit3, inScope), inScope == 0 ? 0 : reciprocalRanks / inScope, outOfScope, Ratio(declined, outOfScope), misses);

    public override string ToString() =>
        $"in-scope {InScope}: Hit@1 {Hit1:F3}  Hit@3 {Hit3:F3}  MRR {Mrr:F3} | out-of-scope {OutOfScope}: declined {Declined:F3}";

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
