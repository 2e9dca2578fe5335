namespace WellbeingBot.Knowledge;

/// <summary>
/// The passages' words as written (lower-cased, unstemmed), for correcting a misspelt word to the nearest real one.
/// Lucene's FuzzyQuery does the same but builds an automaton per lookup; at a few hundred microseconds that dominated a turn,
/// while a scan of the words sharing the first letter takes a few.
/// </summary>
public sealed class FuzzyVocabulary
{
    private const int MaxCorrections = 3;
    private readonly Dictionary<char, string[]> _byFirstLetter;

    public FuzzyVocabulary(IEnumerable<string> words) =>
        _byFirstLetter = words.Where(w => w.Length > 0).Distinct(StringComparer.Ordinal)
            .GroupBy(w => w[0]).ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>Words within one edit (two for words of nine letters or more) with the same first letter, nearest first.</summary>
    public IReadOnlyList<string> Correct(string word)
    {
        if (word.Length == 0 || !_byFirstLetter.TryGetValue(word[0], out var candidates))
        {
            return [];
        }

        // Two edits from nine letters only: shorter everyday words are two edits from too many passage words ("injected" and
        // "invented", "weekend" and "weaken"), while real misspellings of long words ("dissasociated") need two.
        var maxEdits = word.Length >= 9 ? 2 : 1;
        var best = new List<string>();
        var bestDistance = maxEdits + 1;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - word.Length) > maxEdits || candidate == word)
            {
                continue;
            }

            var distance = Distance(word, candidate, maxEdits);
            if (distance > maxEdits)
            {
                continue;
            }

            if (distance < bestDistance)
            {
                bestDistance = distance;
                best.Clear();
            }

            if (distance == bestDistance && best.Count < MaxCorrections)
            {
                best.Add(candidate);
            }
        }

        return best;
    }

    // Optimal string alignment distance (a transposition counts as one edit), giving up once it must exceed the limit.
    internal static int Distance(string a, string b, int limit)
    {
        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }
}
