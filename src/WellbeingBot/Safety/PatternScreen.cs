namespace WellbeingBot.Safety;

/// <summary>
/// Spares a sentence the patterns that cannot match it. Each alternative of a pattern promises clauses of literals (see
/// <see cref="PatternLiterals"/>); one pass of a <see cref="LiteralAutomaton"/> finds which literals a sentence holds, and only
/// patterns with an alternative whose every clause is met, or with an alternative that promises nothing, are then run. The
/// regexes still decide; the screen only skips work, so a message is judged exactly as without it. Every message pays for the
/// crisis check before anything else and most hold none of these phrases: this is what keeps the check cheap.
/// </summary>
/// <remarks>
/// One table screens several sections at once (the crisis rules, distress, means, ...), in a single walk of the sentence. Under
/// load a walk costs about one cache miss a character, whatever the table's size, so eight sections with a table each cost eight
/// times what one shared table does.
/// </remarks>
public sealed class ScreenTable
{
    private readonly int[] _counts;
    private readonly int[][] _unscreened;
    private readonly LiteralAutomaton _literals;
    private readonly Alternative[][] _triggeredBy; // by literal id: the alternatives whose strongest clause holds that literal

    private ScreenTable(int[] counts, int[][] unscreened, string[] literals, Alternative[][] triggeredBy)
    {
        _counts = counts;
        _unscreened = unscreened;
        _triggeredBy = triggeredBy;
        _literals = new LiteralAutomaton(literals);
        Sections = [.. Enumerable.Range(0, counts.Length).Select(s => new PatternScreen(this, s))];
    }

    /// <summary>One screen per section, in the order given.</summary>
    public IReadOnlyList<PatternScreen> Sections { get; }

    public static ScreenTable For(IReadOnlyList<IReadOnlyList<SafetyPattern>> sections)
    {
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

        var unscreened = new int[sections.Count][];
        for (var s = 0; s < sections.Count; s++)
        {
            var always = new List<int>();
            for (var p = 0; p < sections[s].Count; p++)
            {
                var clauses = sections[s][p].Pattern.Select(r => PatternLiterals.Required(r.ToString())).ToArray();
                if (clauses.Any(c => c.Count == 0))
                {
                    always.Add(p);
                    continue;
                }

                foreach (var alternative in clauses)
                {
                    var entry = new Alternative(s, p, alternative.Skip(1).Select(c => c.Select(Id).ToArray()).ToArray());
                    foreach (var literal in alternative[0])
                    {
                        triggered[Id(literal)].Add(entry);
                    }
                }
            }

            unscreened[s] = [.. always];
        }

        return new ScreenTable([.. sections.Select(s => s.Count)], unscreened, [.. ids.Keys], triggered.Select(t => t.ToArray()).ToArray());
    }

    /// <summary>By section, which patterns may match the sentence (null for a section none of whose patterns can); null when no pattern can.</summary>
    public bool[]?[]? Candidates(string sentence)
    {
        bool[]?[]? candidates = null;
        for (var s = 0; s < _unscreened.Length; s++)
        {
            foreach (var p in _unscreened[s])
            {
                Mark(ref candidates, s, p);
            }
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
                    Mark(ref candidates, alternative.Section, alternative.Pattern);
                }
            }
        }

        return candidates;
    }

    /// <summary>The sentences some pattern may match, each with which ones (see <see cref="Candidates(string)"/>).</summary>
    public IReadOnlyList<ScreenedSentence> Screen(IReadOnlyList<string> sentences)
    {
        // Every message has every sentence screened, and almost always nothing passes: nothing is allocated then.
        List<ScreenedSentence>? screened = null;
        for (var i = 0; i < sentences.Count; i++)
        {
            if (Candidates(sentences[i]) is { } candidates)
            {
                (screened ??= []).Add(new ScreenedSentence(sentences[i], candidates));
            }
        }

        return screened ?? (IReadOnlyList<ScreenedSentence>)[];
    }

    internal int Screened(int section) => _counts[section] - _unscreened[section].Length;

    private void Mark(ref bool[]?[]? candidates, int section, int pattern) =>
        ((candidates ??= new bool[_counts.Length][])[section] ??= new bool[_counts[section]])[pattern] = true;

    /// <param name="Rest">Its clauses after the strongest, as literal ids: each must have a literal in the sentence too.</param>
    private sealed record Alternative(int Section, int Pattern, int[][] Rest)
    {
        // Loops, not LINQ: short literals ("me", "he") trigger a few alternatives in most sentences.
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

/// <summary>A sentence with, by section of the <see cref="ScreenTable"/> that screened it, the patterns that may match it.</summary>
public sealed record ScreenedSentence(string Sentence, bool[]?[] Candidates);

/// <summary>One section's view of a <see cref="ScreenTable"/>.</summary>
public sealed class PatternScreen
{
    internal PatternScreen(ScreenTable table, int section)
    {
        Table = table;
        Section = section;
    }

    public ScreenTable Table { get; }

    public int Section { get; }

    /// <summary>How many patterns the screen can rule out; the others are always run.</summary>
    public int Screened => Table.Screened(Section);

    /// <summary>A screen of its own for one section.</summary>
    public static PatternScreen For(IReadOnlyList<SafetyPattern> patterns) => ScreenTable.For([patterns]).Sections[0];

    /// <summary>Which patterns may match the sentence, by index; null when none can.</summary>
    public bool[]? Candidates(string sentence) => Table.Candidates(sentence)?[Section];

    /// <summary>Whether pattern <paramref name="pattern"/> may match the screened sentence; it must come from this screen's table.</summary>
    public bool MayMatch(ScreenedSentence sentence, int pattern) => sentence.Candidates[Section]?[pattern] == true;
}
