namespace WellbeingBot.Knowledge;

/// <summary>
/// The user's words after analysis: one group per word position (a word plus its synonyms or fuzzy corrections), each
/// weighted by how rare it is in the knowledge base. An empty group is a word the knowledge base has never seen.
/// </summary>
public sealed record QueryPlan(IReadOnlyList<TermGroup> Groups)
{
    public static readonly QueryPlan Empty = new([]);

    public double TotalWeight { get; } = Groups.Sum(g => g.Weight);

    /// <summary>Share of the question's weight found in a set of terms (a passage, a sentence).</summary>
    public double CoverageOf(IReadOnlySet<string> terms)
    {
        if (TotalWeight <= 0)
        {
            return 0;
        }

        double covered = 0;
        foreach (var group in Groups)
        {
            if (group.Terms.Any(terms.Contains))
            {
                covered += group.Weight;
            }
        }

        return covered / TotalWeight;
    }
}

/// <param name="Typed">The analysed form of what the user typed.</param>
/// <param name="Terms">Indexed terms that stand for it: itself, synonyms, or close spellings.</param>
/// <param name="Weight">Inverse document frequency; unknown words weigh as much as the rarest known ones.</param>
/// <param name="Fuzzy">True when the terms are spelling corrections, which count for a little less in ranking.</param>
public sealed record TermGroup(string Typed, IReadOnlyList<string> Terms, double Weight, bool Fuzzy);
