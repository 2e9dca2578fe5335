using System.Collections;

namespace WellbeingBot.Safety;

/// <summary>The patterns of one section of <c>crisis-patterns.yaml</c> in their reviewed order, with the screen that spares most sentences from them.</summary>
public sealed class PatternSection(IReadOnlyList<SafetyPattern> patterns) : IReadOnlyList<SafetyPattern>
{
    public PatternScreen Screen { get; } = PatternScreen.For(patterns);

    public int Count => patterns.Count;

    public SafetyPattern this[int index] => patterns[index];

    /// <summary>The first pattern, in file order, that matches any of the sentences.</summary>
    public SafetyPattern? FirstMatch(IReadOnlyList<string> sentences)
    {
        var screened = Screen.Screen(sentences);
        for (var i = 0; screened.Count > 0 && i < patterns.Count; i++)
        {
            if (screened.Any(s => s.Candidates[i] && patterns[i].Matches(s.Sentence)))
            {
                return patterns[i];
            }
        }

        return null;
    }

    public IEnumerator<SafetyPattern> GetEnumerator() => patterns.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
