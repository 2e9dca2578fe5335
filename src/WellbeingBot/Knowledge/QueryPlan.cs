namespace WellbeingBot.Knowledge;

/// <summary>
/// The user's words after analysis: one group per word position (a word plus its synonyms or fuzzy corrections), each
/// weighted by how rare it is in the knowledge base. An empty group is a word the knowledge base has never seen.
/// </summary>
public sealed record QueryPlan(IReadOnlyList<TermGroup> Groups)
{
    public static readonly QueryPlan Empty = new([]);

    // Each term of the question, by id, with the positions (groups) it stands at: the re-ranking looks phrasings' words up here.
    private readonly Dictionary<int, List<int>> _groupsByTerm = GroupsByTerm(Groups);

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
    public double TopicalCoverageOf(TermSet terms)
    {
        double total = 0, covered = 0;
        // Index loops here and below: over an IReadOnlyList, foreach boxes an enumerator, for every candidate of every turn.
        for (var i = 0; i < Groups.Count; i++)
        {
            var group = Groups[i];
            if (!group.IsTopic)
            {
                total += group.Weight;
                covered += group.HasAny(terms) ? group.Weight : 0;
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

        // Runs for every phrasing of every candidate on each turn, so it allocates nothing and looks each of the phrasing's few
        // words up once: a word found marks the question's positions it stands at as covered.
        var entries = phrasing.Entries;
        Span<bool> covered = Groups.Count <= 256 ? stackalloc bool[Groups.Count] : new bool[Groups.Count];
        Span<bool> found = entries.Length <= 256 ? stackalloc bool[entries.Length] : new bool[entries.Length];
        var namesSharedSubject = false;
        for (var e = 0; e < entries.Length; e++)
        {
            if (_groupsByTerm.TryGetValue(entries[e].Id, out var groups))
            {
                found[e] = true;
                namesSharedSubject |= entries[e].IsSubject;
                foreach (var group in groups)
                {
                    covered[group] = true;
                }
            }
        }

        double questionCovered = 0;
        for (var i = 0; i < covered.Length; i++)
        {
            questionCovered += covered[i] ? Groups[i].Weight : 0;
        }

        if (questionCovered <= 0)
        {
            return 0;
        }

        // A phrasing naming both "ketamine or Spravato" fits a question naming either: its other name is not held against it.
        double phrasingCovered = 0;
        for (var e = 0; e < entries.Length; e++)
        {
            phrasingCovered += found[e] || (namesSharedSubject && entries[e].IsSubject) ? entries[e].Weight : 0;
        }

        var precision = questionCovered / TotalWeight;
        var recall = phrasingCovered / phrasing.TotalWeight;
        return 2 * precision * recall / (precision + recall);
    }

    // Built for every question, so a plain loop; a term appears in a group once at most.
    private static Dictionary<int, List<int>> GroupsByTerm(IReadOnlyList<TermGroup> groups)
    {
        var byTerm = new Dictionary<int, List<int>>();
        for (var i = 0; i < groups.Count; i++)
        {
            foreach (var term in groups[i].Ids)
            {
                if (!byTerm.TryGetValue(term, out var positions))
                {
                    byTerm[term] = positions = [];
                }

                if (positions.Count == 0 || positions[^1] != i)
                {
                    positions.Add(i);
                }
            }
        }

        return byTerm;
    }

    /// <summary>Share of the question's weight found in a set of terms (a passage, a sentence).</summary>
    public double CoverageOf(TermSet terms)
    {
        if (TotalWeight <= 0)
        {
            return 0;
        }

        double covered = 0;
        for (var i = 0; i < Groups.Count; i++)
        {
            covered += Groups[i].HasAny(terms) ? Groups[i].Weight : 0;
        }

        return covered / TotalWeight;
    }
}

/// <param name="Typed">The analysed form of what the user typed.</param>
/// <param name="Terms">Indexed terms that stand for it: itself, synonyms, or close spellings.</param>
/// <param name="Ids">The same terms' ids in the index's vocabulary, in the same order.</param>
/// <param name="Weight">Inverse document frequency; unknown words weigh as much as the rarest known ones.</param>
/// <param name="Fuzzy">True when the terms are spelling corrections, which count for a little less in ranking.</param>
/// <param name="IsTopic">The word is a name of the subject (ketamine, esketamine, Spravato) rather than what is asked about it.</param>
/// <param name="FromContext">Carried over from the previous answer rather than typed in this question.</param>
/// <param name="OtherSubject">The word names another medicine, drug or condition (sertraline, Xanax, MDMA, ADHD).</param>
public sealed record TermGroup(string Typed, IReadOnlyList<string> Terms, IReadOnlyList<int> Ids, double Weight, bool Fuzzy, bool IsTopic = false, bool FromContext = false, bool OtherSubject = false)
{
    /// <summary>Whether the set holds any of its terms (an index loop: it runs for every candidate passage and sentence of a turn).</summary>
    public bool HasAny(TermSet set)
    {
        for (var i = 0; i < Ids.Count; i++)
        {
            if (set.Contains(Ids[i]))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The analysed terms of one title or alternate question with their rarity weights.</summary>
/// <param name="Entries">Its terms by id with their weights, each marked when it names the medicine (ketamine, esketamine, Spravato).</param>
public sealed record PhrasingTerms((int Id, double Weight, bool IsSubject)[] Entries)
{
    /// <summary>The sum of its terms' weights, added up in their order.</summary>
    public double TotalWeight { get; } = Total(Entries);

    // Synonym expansion puts several terms at one position; the heaviest stands for the word so it is not counted twice.
    public static PhrasingTerms Create(IEnumerable<string> terms, Func<string, double> idf, IReadOnlySet<string> subjectTerms, Func<string, int> id) =>
        new([.. terms.Distinct(StringComparer.Ordinal).Select(t => (id(t), idf(t), subjectTerms.Contains(t)))]);

    private static double Total((int Id, double Weight, bool IsSubject)[] entries)
    {
        double total = 0;
        foreach (var entry in entries)
        {
            total += entry.Weight;
        }

        return total;
    }
}
