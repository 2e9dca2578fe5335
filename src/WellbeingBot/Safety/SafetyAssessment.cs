namespace WellbeingBot.Safety;

/// <summary>What the detector found in one message. Holds pattern ids, never the text.</summary>
/// <param name="Categories">Every crisis category found, most urgent first; empty when the message is not a crisis.</param>
/// <param name="RuleIds">The patterns that fired, for tests and review.</param>
/// <param name="Language">The language of the patterns that matched, when any did ("en", "es", "fr", "de").</param>
/// <param name="Distress">Distress short of a crisis; remembered so that a later means question counts as a crisis.</param>
/// <param name="Means">A question about amounts, lethality or high places.</param>
/// <param name="SensitiveTopic">Suicide, self-harm or overdose mentioned as a subject.</param>
/// <param name="AsksForHelplines">The person asks for helplines or for someone to talk to.</param>
/// <param name="Guarded">A crisis rule matched but a guard held it back (an informational question about suicide, say);
/// remembered for one turn, so "that's me" in the next message turns it into a disclosure.</param>
public sealed record SafetyAssessment(
    IReadOnlyList<CrisisCategory> Categories,
    IReadOnlyList<string> RuleIds,
    string? Language,
    bool Distress,
    bool Means,
    bool SensitiveTopic,
    bool AsksForHelplines,
    bool AsksForGrounding,
    CrisisCategory? Guarded = null)
{
    public bool IsCrisis => Categories.Count > 0;

    public CrisisCategory? Category => Categories.Count > 0 ? Categories[0] : null;
}
