namespace WellbeingBot.Knowledge;

/// <summary>
/// The user's words after analysis: one group per word position (a word plus its synonyms or fuzzy corrections), each
/// weighted by how rare it is in the knowledge base. An empty group is a word the knowledge base has never seen.
/// </summary>
public sealed record QueryPlan(IReadOnlyList<TermGroup> Groups)
{
    public static readonly QueryPlan Empty = new([]);

    private readonly HashSet<string> _terms = Groups.SelectMany(g => g.Terms).ToHashSet(StringComparer.Ordinal);

    public double TotalWeight { get; } = Groups.Sum(g => g.Weight);

    /// <summary>True when the question names the subject itself (ketamine, esketamine, Spravato), or a follow-up carries it.</summary>
    public bool NamesTopic => Groups.Any(g => g.IsTopic);

    /// <summary>True when the question is about something else: it names another medicine or condition and not the subject.</summary>
    public bool AboutOtherSubject => !NamesTopic && Groups.Any(g => g.OtherSubject);

    /// <summary>
    /// The indexed terms that named the subject ("spravato esketamin"); null when none did. Always words of the knowledge base,
    /// never the user's own text, so it is safe to keep in conversation state.
    /// </summary>
    public string? Subject { get; } = Groups.Any(g => g.IsTopic)
        ? string.Join(' ', Groups.Where(g => g.IsTopic).SelectMany(g => g.Terms).Distinct(StringComparer.Ordinal))
        : null;

    /// <summary>
    /// A follow-up that names no subject ("can I drive afterwards?") borrows the previous answer's, at a reduced weight so it
    /// steers between passages that differ by subject without outweighing what is actually asked.
    /// </summary>
    public QueryPlan WithContext(QueryPlan earlier, double weight) =>
        NamesTopic || Groups.Count == 0
            ? this
            : new QueryPlan([.. Groups, .. earlier.Groups.Where(g => g.IsTopic).Select(g => g with { Weight = g.Weight * weight, FromContext = true })]);

    /// <summary>
    /// Share of the question's words other than the subject's name that a set of terms contains: "is ketamine legal in Japan"
    /// names the subject, but only "legal" and "Japan" tell what is asked. A question that is only the name counts as covered.
    /// </summary>
    public double TopicalCoverageOf(IReadOnlySet<string> terms)
    {
        double total = 0, covered = 0;
        foreach (var group in Groups.Where(g => !g.IsTopic))
        {
            total += group.Weight;
            if (group.Terms.Any(terms.Contains))
            {
                covered += group.Weight;
            }
        }

        return total <= 0 ? 1 : covered / total;
    }

    /// <summary>
    /// How closely one phrasing (a title or alternate question) matches the question: the harmonic mean of the share of the
    /// question it covers and the share of it the question covers, both weighted by rarity.
    /// </summary>
    public double SimilarityTo(PhrasingTerms phrasing)
    {
        if (TotalWeight <= 0 || phrasing.TotalWeight <= 0)
        {
            return 0;
        }

        // Runs for every phrasing of every candidate on each turn, so it allocates nothing.
        double questionCovered = 0;
        foreach (var group in Groups)
        {
            foreach (var term in group.Terms)
            {
                if (phrasing.Weights.ContainsKey(term))
                {
                    questionCovered += group.Weight;
                    break;
                }
            }
        }

        if (questionCovered <= 0)
        {
            return 0;
        }

        // A phrasing naming both "ketamine or Spravato" fits a question naming either: its other name is not held against it.
        var namesSharedSubject = phrasing.Subjects.Any(_terms.Contains);
        double phrasingCovered = 0;
        foreach (var (term, weight) in phrasing.Weights)
        {
            if (_terms.Contains(term) || (namesSharedSubject && phrasing.Subjects.Contains(term)))
            {
                phrasingCovered += weight;
            }
        }

        var precision = questionCovered / TotalWeight;
        var recall = phrasingCovered / phrasing.TotalWeight;
        return 2 * precision * recall / (precision + recall);
    }

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
/// <param name="IsTopic">The word is a name of the subject (ketamine, esketamine, Spravato) rather than what is asked about it.</param>
/// <param name="FromContext">Carried over from the previous answer rather than typed in this question.</param>
/// <param name="OtherSubject">The word names another medicine, drug or condition (sertraline, Xanax, MDMA, ADHD).</param>
public sealed record TermGroup(string Typed, IReadOnlyList<string> Terms, double Weight, bool Fuzzy, bool IsTopic = false, bool FromContext = false, bool OtherSubject = false);

/// <summary>The analysed terms of one title or alternate question with their rarity weights.</summary>
/// <param name="Subjects">Its terms naming the medicine (ketamine, esketamine, Spravato).</param>
public sealed record PhrasingTerms(Dictionary<string, double> Weights, double TotalWeight, IReadOnlySet<string> Subjects)
{
    // Synonym expansion puts several terms at one position; the heaviest stands for the word so it is not counted twice.
    public static PhrasingTerms Create(IEnumerable<string> terms, Func<string, double> idf, IReadOnlySet<string> subjectTerms)
    {
        var weights = terms.Distinct(StringComparer.Ordinal).ToDictionary(t => t, idf, StringComparer.Ordinal);
        return new PhrasingTerms(weights, weights.Values.Sum(), weights.Keys.Where(subjectTerms.Contains).ToHashSet(StringComparer.Ordinal));
    }
}
