namespace WellbeingBot.Safety;

/// <summary>Everything the detector knows, as loaded and checked from <c>knowledge/safety/crisis-patterns.yaml</c>.</summary>
/// <param name="Spellings">Misspellings and coded words mapped to the word the patterns use ("sucide", "sewerslide" → "suicide").</param>
/// <param name="FuzzyWords">Long key words also recognised one typing slip away ("suicdal").</param>
/// <param name="Masks">Harmless phrases blanked out before any rule looks ("5 kms away", "i'd die for a coffee").</param>
/// <param name="Rules">Each one alone makes a message a crisis.</param>
/// <param name="Distress">Not a crisis alone, but a means question in the same conversation after one is.</param>
/// <param name="Means">Questions about amounts, lethality or high places: a crisis after distress, a normal question otherwise.</param>
/// <param name="Topics">Suicide, self-harm or overdose mentioned as a subject: the answer gets a gentle line about help.</param>
/// <param name="Lookups">Asking for helplines or someone to talk to.</param>
/// <param name="Grounding">Asking for the grounding exercise (the crisis reply offers it as a button).</param>
/// <param name="SafeNow">An answer of "yes, I'm safe" to the check-in.</param>
/// <param name="NotSafe">An answer of "no" to the check-in.</param>
/// <param name="SelfReference">"That's me", "asking for myself": turns a guarded, informational mention into a disclosure.</param>
public sealed record SafetyRules(
    DateOnly Reviewed,
    IReadOnlyDictionary<string, string> Spellings,
    IReadOnlyList<string> FuzzyWords,
    PatternSection Masks,
    IReadOnlyList<CrisisRule> Rules,
    PatternSection Distress,
    PatternSection Means,
    PatternSection Topics,
    PatternSection Lookups,
    PatternSection Grounding,
    PatternSection SafeNow,
    PatternSection NotSafe,
    PatternSection SelfReference)
{
    // The sections read after masking, in their order in Screens, which puts the crisis rules before them. Both lists are
    // spelled out because a field initializer cannot read another field.
    private readonly PatternSection[] _screened = [Distress, Means, Topics, Lookups, Grounding, SafeNow, NotSafe, SelfReference];

    /// <summary>Spares sentences the patterns that cannot match them, for the crisis rules and every section but the masks, in one walk.</summary>
    public ScreenTable Screens { get; } = ScreenTable.For([Rules.Select(r => r.Pattern).ToArray(), Distress, Means, Topics, Lookups, Grounding, SafeNow, NotSafe, SelfReference]);

    /// <summary>The crisis rules' view of <see cref="Screens"/>, indexed like <see cref="Rules"/>.</summary>
    public PatternScreen RuleScreen => Screens.Sections[0];

    /// <summary>A section's view of <see cref="Screens"/>; the masks have none.</summary>
    public PatternScreen ScreenOf(PatternSection section)
    {
        var index = Array.IndexOf(_screened, section);
        return index >= 0 ? Screens.Sections[index + 1] : throw new ArgumentException("The section is not screened with the others.", nameof(section));
    }

    /// <summary>The first pattern of a section that matches any of the sentences <see cref="Screens"/> let through.</summary>
    public SafetyPattern? FirstMatch(PatternSection section, IReadOnlyList<ScreenedSentence> screened) => section.FirstMatch(screened, ScreenOf(section));
}
