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
    /// <summary>Spares sentences the crisis rules that cannot match them, indexed like <see cref="Rules"/>.</summary>
    public PatternScreen RuleScreen { get; } = PatternScreen.For(Rules.Select(r => r.Pattern).ToArray());
}
