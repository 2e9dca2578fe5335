namespace WellbeingBot.Safety;

/// <summary>
/// Spares a sentence the patterns that cannot match it. Each alternative of a pattern promises clauses of literals (see
/// <see cref="PatternLiterals"/>); one pass of a <see cref="LiteralAutomaton"/> finds which literals a sentence holds, and only
/// patterns with an alternative whose every clause is met, or with an alternative that promises nothing, are then run. The regexes still decide;
/// the screen only skips work, so a message is judged exactly as without it. Every message pays for the crisis check before
/// anything else and most hold none of these phrases: this is what keeps the check cheap.
/// </summary>
public sealed class PatternScreen
{
    private readonly int _count;
    private readonly int[] _unscreened;
    private readonly LiteralAutomaton _literals;
    private readonly Alternative[][] _triggeredBy; // by literal id: the alternatives whose strongest clause holds that literal

    private PatternScreen(int count, int[] unscreened, string[] literals, Alternative[][] triggeredBy)
    {
        _count = count;
        _unscreened = unscreened;
        _triggeredBy = triggeredBy;
        _literals = new LiteralAutomaton(literals);
    }

    /// <summary>How many patterns the screen can rule out; the others are always run.</summary>
    public int Screened => _count - _unscreened.Length;

    public static PatternScreen For(IReadOnlyList<SafetyPattern> patterns)
    {
        var unscreened = new List<int>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var triggered = new List<List<Alternative>>();
        int Id(string literal)
        {
            if (!ids.TryGetValue(literal, out var id))
            {
                ids[literal] = id = ids.Count;
                triggered.Add([]);
            }

            return id;
        }

        for (var p = 0; p < patterns.Count; p++)
        {
            var clauses = patterns[p].Pattern.Select(r => PatternLiterals.Required(r.ToString())).ToArray();
            if (clauses.Any(c => c.Count == 0))
            {
                unscreened.Add(p);
                continue;
            }

            foreach (var alternative in clauses)
            {
                var entry = new Alternative(p, alternative.Skip(1).Select(c => c.Select(Id).ToArray()).ToArray());
                foreach (var literal in alternative[0])
                {
                    triggered[Id(literal)].Add(entry);
                }
            }
        }

        return new PatternScreen(patterns.Count, [.. unscreened], [.. ids.Keys], triggered.Select(t => t.ToArray()).ToArray());
    }

    /// <summary>Which patterns may match the sentence, by index; null when none can.</summary>
    public bool[]? Candidates(string sentence)
    {
        bool[]? candidates = null;
        foreach (var i in _unscreened)
        {
            (candidates ??= new bool[_count])[i] = true;
        }

        var present = _literals.Find(sentence);
        if (present is null)
        {
            return candidates;
        }

        foreach (var id in present)
        {
            foreach (var alternative in _triggeredBy[id])
            {
                if (alternative.IsMet(present))
                {
                    (candidates ??= new bool[_count])[alternative.Pattern] = true;
                }
            }
        }

        return candidates;
    }

    /// <summary>The sentences some pattern may match, each with which ones (see <see cref="Candidates(string)"/>).</summary>
    public IReadOnlyList<(string Sentence, bool[] Candidates)> Screen(IReadOnlyList<string> sentences)
    {
        // Every section screens every sentence of every message, and almost always nothing passes: nothing is allocated then.
        List<(string, bool[])>? screened = null;
        foreach (var sentence in sentences)
        {
            if (Candidates(sentence) is { } candidates)
            {
                (screened ??= []).Add((sentence, candidates));
            }
        }

        return screened ?? (IReadOnlyList<(string, bool[])>)[];
    }

    /// <param name="Rest">Its clauses after the strongest, as literal ids: each must have a literal in the sentence too.</param>
    private sealed record Alternative(int Pattern, int[][] Rest)
    {
        // Loops, not LINQ: short literals ("me", "he") trigger a few alternatives in most sentences, in every section.
        public bool IsMet(List<int> present)
        {
            foreach (var clause in Rest)
            {
                var met = false;
                for (var i = 0; i < clause.Length && !met; i++)
                {
                    met = present.Contains(clause[i]);
                }

                if (!met)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
