namespace WellbeingBot.Meditation;

/// <summary>One step of a guided session: what to do, and for about how long.</summary>
public sealed record MeditationStep(string Text, int Seconds);

/// <summary>A guided session from <c>knowledge/meditations/</c>; <paramref name="Focus"/> lists its purposes, the main one first.</summary>
public sealed record MeditationSession(
    string Id,
    string Title,
    int Minutes,
    IReadOnlyList<string> Focus,
    string Summary,
    IReadOnlyList<MeditationStep> Steps,
    DateOnly Reviewed)
{
    /// <summary>The purposes a session may serve, as written in the front matter.</summary>
    public static readonly IReadOnlyList<string> Foci =
        ["sleep", "anxiety", "stress", "low-mood", "grounding", "focus", "before-appointment", "after-treatment"];

    /// <summary>The button that starts it: "Try box breathing (3 min)".</summary>
    public string Offer => $"Try {char.ToLowerInvariant(Title[0])}{Title[1..]} ({Minutes} min)";
}
