using Lucene.Net.Analysis.TokenAttributes;

namespace WellbeingBot.Knowledge;

/// <summary>Turning the user's text into weighted word groups: synonyms, spelling corrections, rarity.</summary>
public sealed partial class KnowledgeIndex
{
    public QueryPlan Plan(string text)
    {
        if (text.Length > MaxQueryChars)
        {
            text = text[..MaxQueryChars];
        }

        var positions = new List<(string Raw, List<string> Terms)>();
        using (var stream = _analyzer.GetTokenStream(BodyField, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken() && positions.Count <= MaxQueryGroups)
            {
                if (increment.PositionIncrement > 0 || positions.Count == 0)
                {
                    positions.Add((text[offset.StartOffset..offset.EndOffset].ToLowerInvariant(), []));
                }

                var value = term.ToString();
                if (!positions[^1].Terms.Contains(value, StringComparer.Ordinal))
                {
                    positions[^1].Terms.Add(value);
                }
            }

            stream.End();
        }

        var groups = new List<TermGroup>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (raw, typed) in positions.Take(MaxQueryGroups))
        {
            // A word typed twice counts once, or "work ... work" would outweigh the rest of the question.
            if (!seen.Add(typed[0]))
            {
                continue;
            }

            groups.Add(Resolve(raw, typed));
        }

        return new QueryPlan(groups);
    }

    private TermGroup Resolve(string raw, List<string> typed)
    {
        // Decided on what was typed, so a medicine no passage mentions ("ibuprofen") still counts as another subject.
        var otherSubject = typed.Any(_otherSubjectTerms.Contains);
        var known = typed.Where(_docFrequency.ContainsKey).ToList();
        if (known.Count > 0)
        {
            return new TermGroup(typed[0], known, IdsOf(known), known.Max(Idf), Fuzzy: false, known.Any(_topicTerms.Contains), OtherSubject: otherSubject);
        }

        // A medicine's name is not a misspelling of a passage word ("weed" is not "week").
        var corrected = raw.Length >= Boosts.FuzzyMinLength && !otherSubject ? Correct(raw) : [];
        return corrected.Count > 0
            ? new TermGroup(typed[0], corrected, IdsOf(corrected), corrected.Max(Idf), Fuzzy: true, corrected.Any(_topicTerms.Contains), OtherSubject: otherSubject || corrected.Any(_otherSubjectTerms.Contains))
            : new TermGroup(typed[0], [], [], Idf(0) * Boosts.UnknownWeight, Fuzzy: false, OtherSubject: otherSubject);
    }

    // A group's terms are all words of the passages, so each has an id.
    private int[] IdsOf(List<string> terms) => [.. terms.Select(t => _termIds[t])];

    // The passages' words within one or two edits of what was typed, before stemming ("infusoins" is one transposition
    // from "infusions"); the closest few are then analysed like any other word.
    private List<string> Correct(string raw) =>
        _vocabulary.Correct(raw).SelectMany(Terms).Where(_docFrequency.ContainsKey).Distinct(StringComparer.Ordinal).ToList();

    // The subject's names are in almost every passage, so by rarity alone they weigh nothing; yet "Spravato" against "IV
    // ketamine" is exactly what tells two passages on cost or duration apart, and "sertraline" is what makes "side effects of
    // sertraline" another question than ours. Such names weigh at least SubjectWeight.
    private double Idf(string term) =>
        _topicTerms.Contains(term) || _otherSubjectTerms.Contains(term)
            ? Math.Max(Boosts.SubjectWeight, Idf(_docFrequency.GetValueOrDefault(term)))
            : Idf(_docFrequency.GetValueOrDefault(term));

    private double Idf(int docFrequency) => Math.Log(1 + ((_byDoc.Length - docFrequency + 0.5) / (docFrequency + 0.5)));
}
