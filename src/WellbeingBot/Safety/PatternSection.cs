using System.Collections;

namespace WellbeingBot.Safety;

/// <summary>The patterns of one section of <c>crisis-patterns.yaml</c> in their reviewed order.</summary>
public sealed class PatternSection(IReadOnlyList<SafetyPattern> patterns) : IReadOnlyList<SafetyPattern>
{
    // Built on first use only: the detector screens most sections together, in the table of SafetyRules.Screens.
    private readonly Lazy<PatternScreen> _screen = new(() => PatternScreen.For(patterns));

    /// <summary>A screen of the section's own, for a section read on its own (the masks, which run before the others).</summary>
    public PatternScreen Screen => _screen.Value;

    public int Count => patterns.Count;

    public SafetyPattern this[int index] => patterns[index];

    /// <summary>The first pattern, in file order, that matches any of the sentences, as screened by this section's view of a shared table.</summary>
    public SafetyPattern? FirstMatch(IReadOnlyList<ScreenedSentence> screened, PatternScreen screen)
    {
        for (var i = 0; screened.Count > 0 && i < patterns.Count; i++)
        {
            // An index loop: foreach over the list interface boxes an enumerator, for every pattern of every section.
            for (var s = 0; s < screened.Count; s++)
            {
                if (screen.MayMatch(screened[s], i) && patterns[i].Matches(screened[s].Sentence))
                {
                    return patterns[i];
                }
            }
        }

        return null;
    }

    public IEnumerator<SafetyPattern> GetEnumerator() => patterns.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
