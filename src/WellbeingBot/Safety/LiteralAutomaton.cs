using System.Collections.Frozen;

namespace WellbeingBot.Safety;

/// <summary>
/// Finds every occurrence of a fixed set of literals in one pass over a text (Aho-Corasick). The crisis patterns promise a
/// few thousand literals, many of two or three letters ("me", "he", "die"); a search that stopped at the first match and then
/// tried each literal there paid for every such stop, on every message. This walks each character once, whatever the number
/// of literals.
/// </summary>
/// <remarks>
/// The shallow states, where a sentence spends most of its walk, have full transition rows; the deep ones, tens of thousands
/// of them and most with a single child, keep only their children and a failure link. Full rows for every state took about
/// 6 MB: in isolation the check was fast, but under load the rest of the turn evicted the tables from the cache and nearly
/// every character of every section's walk became a miss, which made the check three to four times slower than measured alone.
/// </remarks>
public sealed class LiteralAutomaton
{
    /// <summary>States this deep or shallower get full rows.</summary>
    public const int DefaultDenseDepth = 2;

    private readonly byte[] _asciiClass = new byte[128];
    private readonly FrozenDictionary<char, int> _otherClass;
    private readonly int _classes;
    private readonly int _denseStates;
    // Targets are complemented (~state) when literals end there, so the walk reads one entry a character and only looks
    // further on a match.
    private readonly int[] _dense;        // state * _classes + class -> the next state, for the first _denseStates states
    private readonly int[] _sparse;       // for deep state d = state - _denseStates: [2d] its first child, [2d + 1] its failure link
    private readonly byte[] _childClass;  // children of deep states, in state order
    private readonly int[] _childState;
    // By state, in one array so a match reads neighbouring memory: the ids of the literals that end there, its own and its
    // suffixes', are _foundIds[_foundStart[state].._foundStart[state + 1]].
    private readonly int[] _foundStart;
    private readonly int[] _foundIds;

    public LiteralAutomaton(IReadOnlyList<string> literals, int denseDepth = DefaultDenseDepth)
    {
        if (literals.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("A literal is empty; it would occur everywhere.", nameof(literals));
        }

        // Characters are numbered by the literals that use them; any other character breaks every partial match (class 0).
        var classes = new Dictionary<char, int>();
        foreach (var c in literals.SelectMany(l => l).Distinct().Order())
        {
            classes[c] = classes.Count + 1;
        }

        if (classes.Count > byte.MaxValue)
        {
            throw new ArgumentException("The literals use more than 255 different characters.", nameof(literals));
        }

        // Numbered in character order, so ASCII characters come first and their classes always fit a byte.
        _classes = classes.Count + 1;
        foreach (var (c, cls) in classes.Where(c => c.Key < 128))
        {
            _asciiClass[c] = (byte)cls;
        }

        _otherClass = classes.Where(c => c.Key >= 128).ToFrozenDictionary();
        var trie = Trie.Build(literals, classes);
        var count = trie.Children.Count;

        // Failure links breadth first (states are numbered so), with each state's literals and its suffixes'.
        var fail = new int[count];
        var found = new int[count][];
        found[0] = [];
        for (var state = 0; state < count; state++)
        {
            foreach (var (cls, child) in trie.Children[state])
            {
                fail[child] = state == 0 ? 0 : Step(trie, fail, fail[state], cls);
            }

            if (state > 0)
            {
                found[state] = trie.Ends[state].Count == 0 ? found[fail[state]] : [.. trie.Ends[state].Concat(found[fail[state]]).Distinct()];
            }
        }

        _foundStart = new int[count + 1];
        for (var state = 0; state < count; state++)
        {
            _foundStart[state + 1] = _foundStart[state] + found[state].Length;
        }

        _foundIds = [.. found.SelectMany(ids => ids)];
        int Mark(int state) => found[state].Length > 0 ? ~state : state;

        _denseStates = trie.Depth.TakeWhile(d => d <= denseDepth).Count();
        _dense = new int[_denseStates * _classes];
        for (var state = 0; state < _denseStates; state++)
        {
            for (var cls = 0; cls < _classes; cls++)
            {
                _dense[(state * _classes) + cls] = Mark(Step(trie, fail, state, cls));
            }
        }

        var deep = count - _denseStates;
        _sparse = new int[(2 * deep) + 1];
        var childClass = new List<byte>();
        var childState = new List<int>();
        for (var state = _denseStates; state < count; state++)
        {
            _sparse[2 * (state - _denseStates)] = childClass.Count;
            _sparse[(2 * (state - _denseStates)) + 1] = fail[state];
            foreach (var (cls, child) in trie.Children[state].OrderBy(c => c.Key))
            {
                childClass.Add((byte)cls);
                childState.Add(Mark(child));
            }
        }

        _sparse[2 * deep] = childClass.Count;
        _childClass = [.. childClass];
        _childState = [.. childState];
    }

    /// <summary>The ids (indexes into the literals given) of those that occur in the text, each once; null when none does.</summary>
    public List<int>? Find(ReadOnlySpan<char> text)
    {
        List<int>? found = null;
        var state = 0;
        foreach (var c in text)
        {
            var cls = c < 128 ? _asciiClass[c] : _otherClass.GetValueOrDefault(c);
            // A character no literal uses leads back to the start from anywhere.
            var next = cls == 0 ? 0 : Next(state, cls);
            if (next >= 0)
            {
                state = next;
                continue;
            }

            state = ~next;
            for (var i = _foundStart[state]; i < _foundStart[state + 1]; i++)
            {
                found ??= [];
                if (!found.Contains(_foundIds[i]))
                {
                    found.Add(_foundIds[i]);
                }
            }
        }

        return found;
    }

    // A deep state without the child falls back along its failure links, which lead to shallower states and end in a full row.
    private int Next(int state, int cls)
    {
        while (state >= _denseStates)
        {
            var d = 2 * (state - _denseStates);
            var end = _sparse[d + 2];
            for (var i = _sparse[d]; i < end; i++)
            {
                if (_childClass[i] == cls)
                {
                    return _childState[i];
                }
            }

            state = _sparse[d + 1];
        }

        return _dense[(state * _classes) + cls];
    }

    // The transition of the full automaton, built from the trie and the failure links of shallower states.
    private static int Step(Trie trie, int[] fail, int state, int cls)
    {
        while (true)
        {
            if (trie.Children[state].TryGetValue(cls, out var child))
            {
                return child;
            }

            if (state == 0)
            {
                return 0;
            }

            state = fail[state];
        }
    }

    /// <summary>The literals' trie, its states numbered breadth first so the shallow ones come first.</summary>
    private sealed record Trie(List<Dictionary<int, int>> Children, List<List<int>> Ends, List<int> Depth)
    {
        public static Trie Build(IReadOnlyList<string> literals, Dictionary<char, int> classes)
        {
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

            var order = new List<int> { 0 };
            var depth = new List<int> { 0 };
            for (var i = 0; i < order.Count; i++)
            {
                foreach (var child in children[order[i]].OrderBy(c => c.Key).Select(c => c.Value))
                {
                    order.Add(child);
                    depth.Add(depth[i] + 1);
                }
            }

            var rank = new int[order.Count];
            for (var i = 0; i < order.Count; i++)
            {
                rank[order[i]] = i;
            }

            return new Trie(
                order.Select(s => children[s].ToDictionary(c => c.Key, c => rank[c.Value])).ToList(),
                order.Select(s => ends[s]).ToList(),
                depth);
        }
    }
}
