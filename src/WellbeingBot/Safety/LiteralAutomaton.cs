using System.Collections.Frozen;

namespace WellbeingBot.Safety;

/// <summary>
/// Finds every occurrence of a fixed set of literals in one pass over a text (Aho-Corasick, with a full transition table).
/// The crisis patterns promise a few thousand literals, many of two or three letters ("me", "he", "die"); a search that stops
/// at the first match and then tries each literal there paid for every such stop, on every message. This walks each character
/// once, whatever the number of literals.
/// </summary>
public sealed class LiteralAutomaton
{
    private readonly byte[] _asciiClass = new byte[128];
    private readonly FrozenDictionary<char, int> _otherClass;
    private readonly int _classes;
    // state * _classes + class -> the next state, complemented (~state) when literals end there, so the walk reads one entry a
    // character and only looks further on a match.
    private readonly int[] _next;
    private readonly int[][] _found; // by state: the ids of the literals that end there, its own and those of its suffixes

    public LiteralAutomaton(IReadOnlyList<string> literals)
    {
        // Characters are numbered by the literals that use them; any other character breaks every partial match (class 0).
        var classes = new Dictionary<char, int>();
        foreach (var c in literals.SelectMany(l => l).Distinct().Order())
        {
            classes[c] = classes.Count + 1;
        }

        // Numbered in character order, so ASCII characters come first and their classes always fit a byte.
        _classes = classes.Count + 1;
        foreach (var (c, cls) in classes.Where(c => c.Key < 128))
        {
            _asciiClass[c] = (byte)cls;
        }

        _otherClass = classes.Where(c => c.Key >= 128).ToFrozenDictionary();
        if (literals.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("A literal is empty; it would occur everywhere.", nameof(literals));
        }

        // The trie of the literals, then the failure links breadth first, folded into a full transition table.
        var children = new List<Dictionary<int, int>> { new() };
        var ends = new List<List<int>> { new() };
        for (var id = 0; id < literals.Count; id++)
        {
            var state = 0;
            foreach (var c in literals[id])
            {
                if (!children[state].TryGetValue(classes[c], out var child))
                {
                    child = children.Count;
                    children[state][classes[c]] = child;
                    children.Add([]);
                    ends.Add([]);
                }

                state = child;
            }

            ends[state].Add(id);
        }

        (children, ends) = BreadthFirst(children, ends);
        _next = new int[children.Count * _classes];
        _found = new int[children.Count][];
        var fail = new int[children.Count];
        var queue = new Queue<int>();
        _found[0] = [.. ends[0]];
        foreach (var (cls, child) in children[0])
        {
            _next[cls] = child;
            queue.Enqueue(child);
        }

        while (queue.TryDequeue(out var state))
        {
            _found[state] = [.. ends[state].Concat(_found[fail[state]]).Distinct()];
            for (var cls = 0; cls < _classes; cls++)
            {
                if (children[state].TryGetValue(cls, out var child))
                {
                    fail[child] = _next[(fail[state] * _classes) + cls];
                    _next[(state * _classes) + cls] = child;
                    queue.Enqueue(child);
                }
                else
                {
                    _next[(state * _classes) + cls] = _next[(fail[state] * _classes) + cls];
                }
            }
        }

        for (var i = 0; i < _next.Length; i++)
        {
            _next[i] = _found[_next[i]].Length > 0 ? ~_next[i] : _next[i];
        }
    }

    // States numbered breadth first, so the few shallow states a sentence mostly walks through have their rows next to each
    // other in the table: numbered as the literals were added, they were spread over megabytes, a cache miss per character.
    private static (List<Dictionary<int, int>> Children, List<List<int>> Ends) BreadthFirst(List<Dictionary<int, int>> children, List<List<int>> ends)
    {
        var order = new List<int> { 0 };
        for (var i = 0; i < order.Count; i++)
        {
            order.AddRange(children[order[i]].OrderBy(c => c.Key).Select(c => c.Value));
        }

        var rank = new int[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            rank[order[i]] = i;
        }

        return (order.Select(s => children[s].ToDictionary(c => c.Key, c => rank[c.Value])).ToList(), order.Select(s => ends[s]).ToList());
    }

    /// <summary>The ids (indexes into the literals given) of those that occur in the text, each once; null when none does.</summary>
    public List<int>? Find(ReadOnlySpan<char> text)
    {
        List<int>? found = null;
        var state = 0;
        foreach (var c in text)
        {
            var cls = c < 128 ? _asciiClass[c] : _otherClass.GetValueOrDefault(c);
            state = _next[(state * _classes) + cls];
            if (state >= 0)
            {
                continue;
            }

            state = ~state;
            foreach (var id in _found[state])
            {
                found ??= [];
                if (!found.Contains(id))
                {
                    found.Add(id);
                }
            }
        }

        return found;
    }
}
