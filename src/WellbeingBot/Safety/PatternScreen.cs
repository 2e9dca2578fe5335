using System.Buffers;

namespace WellbeingBot.Safety;

/// <summary>
/// Spares a sentence the patterns that cannot match it. Each alternative of a pattern promises clauses of literals (see
/// <see cref="PatternLiterals"/>); one vectorised search finds which literals a sentence holds, and only patterns with an
/// alternative whose every clause is met, or with an alternative that promises nothing, are then run. The regexes still decide;
/// the screen only skips work, so a message is judged exactly as without it. Every message pays for the crisis check before
/// anything else and most hold none of these phrases: this is what keeps the check cheap.
/// </summary>
public sealed class PatternScreen
{
    private readonly int _count;
    private readonly int[] _unscreened;
    private readonly SearchValues<string> _literals;
    private readonly Dictionary<int, (string Literal, int Id)[]> _byStart; // by the first two characters (one, for one-character literals)
    private readonly Alternative[][] _triggeredBy; // by literal id: the alternatives whose strongest clause holds that literal

    private PatternScreen(int count, int[] unscreened, string[] literals, Alternative[][] triggeredBy)
    {
        _count = count;
        _unscreened = unscreened;
        _triggeredBy = triggeredBy;
        _literals = SearchValues.Create(literals, StringComparison.Ordinal);
        _byStart = literals.Select((l, id) => (l, id)).GroupBy(l => Start(l.l)).ToDictionary(g => g.Key, g => g.ToArray());
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
                var entry = new Alternative(p, alternative.Skip(1).Select(c => c.ToArray()).ToArray());
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

        var present = Present(sentence);
        if (present is null)
        {
            return candidates;
        }

        for (var id = 0; id < present.Length; id++)
        {
            if (!present[id])
            {
                continue;
            }

            foreach (var alternative in _triggeredBy[id])
            {
                if (alternative.Rest.All(clause => clause.Any(l => sentence.Contains(l, StringComparison.Ordinal))))
                {
                    (candidates ??= new bool[_count])[alternative.Pattern] = true;
                }
            }
        }

        return candidates;
    }

    /// <summary>The sentences some pattern may match, each with which ones (see <see cref="Candidates(string)"/>).</summary>
    public (string Sentence, bool[] Candidates)[] Screen(IReadOnlyList<string> sentences) =>
        sentences.Select(s => (Sentence: s, Candidates: Candidates(s))).Where(s => s.Candidates is not null).Select(s => (s.Sentence, s.Candidates!)).ToArray();

    // Which literals occur in the sentence, by id; null when none does (most sentences, found in one vectorised pass).
    private bool[]? Present(string sentence)
    {
        var text = sentence.AsSpan();
        bool[]? present = null;
        for (var at = text.IndexOfAny(_literals); at >= 0;)
        {
            foreach (var key in (ReadOnlySpan<int>)[text[at], at + 1 < text.Length ? Start(text.Slice(at, 2)) : -1])
            {
                foreach (var (literal, id) in _byStart.GetValueOrDefault(key, []))
                {
                    if (text[at..].StartsWith(literal, StringComparison.Ordinal))
                    {
                        (present ??= new bool[_triggeredBy.Length])[id] = true;
                    }
                }
            }

            var next = text[(at + 1)..].IndexOfAny(_literals);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return present;
    }

    private static int Start(ReadOnlySpan<char> literal) => literal.Length == 1 ? literal[0] : 0x10000 + (literal[0] << 16) + literal[1];

    /// <param name="Rest">Its clauses after the strongest: each must have a literal in the sentence too. Only the strongest
    /// clauses are searched for up front; these are looked up only once one has been found, which is rare.</param>
    private sealed record Alternative(int Pattern, string[][] Rest);
}
