using System.Text;

namespace WellbeingBot.Safety;

/// <summary>
/// Reads a crisis pattern (the regex subset <c>crisis-patterns.yaml</c> uses) and finds text that every match must contain, as
/// clauses: each clause is a set of literals, and any sentence the pattern matches holds at least one literal of every clause.
/// "(?:want|wanna) to die" gives {"want", "wanna"} and {" to die"}. It is conservative: anything it does not understand adds no
/// clause, and a pattern without clauses is always checked. A clause is a promise the screen relies on, so none is guessed.
/// </summary>
public static class PatternLiterals
{
    /// <summary>The clauses every match satisfies, best first (see <see cref="Strength"/>); empty when the pattern promises nothing.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Required(string pattern)
    {
        var parser = new Parser(pattern);
        var node = parser.Alternation();
        if (parser.Failed || !parser.AtEnd)
        {
            return [];
        }

        // A clause with a blank literal is met by any sentence with a space in it: true, but no use to a screen.
        return node.Clauses()
            .Where(c => c.All(l => l.Trim().Length > 0))
            .Select(c => (IReadOnlyList<string>)c.Distinct(StringComparer.Ordinal).ToArray())
            .OrderByDescending(Strength)
            .ToArray();
    }

    /// <summary>How rarely a clause is met by chance: long literals are rare in everyday sentences, short ones ("me", "to") are everywhere.</summary>
    public static int Strength(IReadOnlyList<string> clause) => clause.Min(l => l.Trim().Length) * 1000 - clause.Count;

    private abstract record Node
    {
        public abstract IReadOnlyList<IReadOnlyList<string>> Clauses();
    }

    private sealed record Literal(char Char) : Node
    {
        public override IReadOnlyList<IReadOnlyList<string>> Clauses() => [[Char.ToString()]];
    }

    // Matches something (a class, \w, an assertion) but promises no particular text.
    private sealed record Opaque : Node
    {
        public override IReadOnlyList<IReadOnlyList<string>> Clauses() => [];
    }

    private sealed record Repeat(Node Inner, int Min) : Node
    {
        public override IReadOnlyList<IReadOnlyList<string>> Clauses() => Min == 0 ? [] : Inner.Clauses();
    }

    // Each branch keeps only its strongest clause: one literal of one branch's clause is all an alternation can promise.
    private sealed record Either(IReadOnlyList<Node> Branches) : Node
    {
        public override IReadOnlyList<IReadOnlyList<string>> Clauses()
        {
            var union = new List<string>();
            foreach (var branch in Branches)
            {
                var best = branch.Clauses().Where(c => c.All(l => l.Trim().Length > 0)).OrderByDescending(Strength).FirstOrDefault();
                if (best is null)
                {
                    return [];
                }

                union.AddRange(best);
            }

            return [union];
        }
    }

    // Everything in a sequence is needed, so its clauses are all its items' clauses; runs of plain characters join into one literal.
    private sealed record Sequence(IReadOnlyList<Node> Items) : Node
    {
        public override IReadOnlyList<IReadOnlyList<string>> Clauses()
        {
            var clauses = new List<IReadOnlyList<string>>();
            var run = new StringBuilder();
            foreach (var item in Items.Append(new Opaque()))
            {
                if (item is Literal literal)
                {
                    run.Append(literal.Char);
                    continue;
                }

                if (run.Length > 0)
                {
                    clauses.Add([run.ToString()]);
                    run.Clear();
                }

                clauses.AddRange(item.Clauses());
            }

            return clauses;
        }
    }

    private sealed class Parser(string pattern)
    {
        private int _at;

        public bool Failed { get; private set; }

        public bool AtEnd => _at == pattern.Length;

        public Node Alternation()
        {
            var branches = new List<Node> { Concatenation() };
            while (!Failed && _at < pattern.Length && pattern[_at] == '|')
            {
                _at++;
                branches.Add(Concatenation());
            }

            return branches.Count == 1 ? branches[0] : new Either(branches);
        }

        private Sequence Concatenation()
        {
            var items = new List<Node>();
            while (!Failed && _at < pattern.Length && pattern[_at] is not ('|' or ')'))
            {
                var atom = Atom();
                items.Add(Quantified(atom));
            }

            return new Sequence(items);
        }

        private Node Atom()
        {
            var c = pattern[_at++];
            switch (c)
            {
                case '(':
                    if (_at + 1 < pattern.Length && pattern[_at] == '?')
                    {
                        if (pattern[_at + 1] != ':')
                        {
                            return Fail(); // look-arounds, named groups, inline options: not in our subset
                        }

                        _at += 2;
                    }

                    var inner = Alternation();
                    if (_at >= pattern.Length || pattern[_at] != ')')
                    {
                        return Fail();
                    }

                    _at++;
                    return inner;
                case '[':
                    // A class promises one of its characters but no literal; skip to its end, minding escapes and a leading ']'.
                    if (_at < pattern.Length && pattern[_at] == '^')
                    {
                        _at++;
                    }

                    if (_at < pattern.Length && pattern[_at] == ']')
                    {
                        _at++;
                    }

                    while (_at < pattern.Length && pattern[_at] != ']')
                    {
                        _at += pattern[_at] == '\\' ? 2 : 1;
                    }

                    if (_at >= pattern.Length)
                    {
                        return Fail();
                    }

                    _at++;
                    return new Opaque();
                case '\\':
                    if (_at >= pattern.Length)
                    {
                        return Fail();
                    }

                    var escaped = pattern[_at++];
                    return escaped switch
                    {
                        'b' or 'B' or 'w' or 'W' or 'd' or 'D' or 's' or 'S' => new Opaque(),
                        _ when char.IsLetterOrDigit(escaped) => Fail(), // \u, \x, \p, back-references: not in our subset
                        _ => new Literal(escaped),
                    };
                case '.' or '^' or '$':
                    return new Opaque();
                case '*' or '+' or '?' or '{' or ')':
                    return Fail();
                default:
                    return new Literal(c);
            }
        }

        private Node Quantified(Node atom)
        {
            if (_at >= pattern.Length)
            {
                return atom;
            }

            int? min = pattern[_at] switch { '?' or '*' => 0, '+' => 1, _ => null };
            if (min is not null)
            {
                _at++;
            }
            else if (pattern[_at] == '{' && Bounds() is { } bound)
            {
                min = bound;
            }
            else
            {
                return atom;
            }

            if (_at < pattern.Length && pattern[_at] is '?' or '+' or '*' or '{')
            {
                if (pattern[_at] != '?')
                {
                    return Fail();
                }

                _at++; // lazy: the same text can match
            }

            return new Repeat(atom, min.Value);
        }

        // {n}, {n,} or {n,m}: returns n and moves past it; a '{' that is not a bound is a plain character in .NET, which we refuse.
        private int? Bounds()
        {
            var end = pattern.IndexOf('}', _at);
            var body = end < 0 ? "" : pattern[(_at + 1)..end];
            var comma = body.IndexOf(',', StringComparison.Ordinal);
            var first = comma < 0 ? body : body[..comma];
            if (first.Length == 0 || !first.All(char.IsAsciiDigit) || (comma >= 0 && !body[(comma + 1)..].All(char.IsAsciiDigit)))
            {
                Fail();
                return null;
            }

            _at = end + 1;
            return int.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        }

        private Opaque Fail()
        {
            Failed = true;
            _at = pattern.Length;
            return new Opaque();
        }
    }
}
