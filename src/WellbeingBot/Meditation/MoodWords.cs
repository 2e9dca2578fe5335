using System.Text.RegularExpressions;
using WellbeingBot.Knowledge;

namespace WellbeingBot.Meditation;

/// <summary>
/// Words that say which kind of session would fit ("can't sleep", "anxious about my infusion"), read from
/// <c>knowledge/meditations/moods.yaml</c> so reviewers can change them. The first purpose listed that matches wins, so the
/// specific ones (before an appointment) go above the general ones (anxiety).
/// </summary>
public sealed class MoodWords(IReadOnlyList<(string Focus, Regex Pattern)> patterns)
{
    public const string FileName = "moods.yaml";

    // The non-backtracking engine is linear in the text, so no pattern needs a match timeout.
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    // Every message is asked; most name no mood, and one pass of all the patterns joined says so.
    private readonly Regex? any = Join(patterns);

    public string? Detect(string text) =>
        any?.IsMatch(text) == false ? null : patterns.FirstOrDefault(p => p.Pattern.IsMatch(text)).Focus;

    public static MoodWords Load(string folder) => Parse(Path.Combine(folder, FileName), ReviewedYaml.Read(folder, FileName, "the mood words"));

    public static MoodWords Parse(string file, string text)
    {
        var (raw, source) = ReviewedYaml.Parse<MoodsFile>(file, text);
        source.Reviewed(raw.Reviewed);
        var patterns = new List<(string, Regex)>();
        foreach (var mood in raw.Moods ?? [])
        {
            if (mood?.Focus is not { } focus || !MeditationSession.Foci.Contains(focus))
            {
                throw source.Error("focus:", $"every mood needs a focus, one of: {string.Join(", ", MeditationSession.Foci)}");
            }

            foreach (var pattern in mood.Patterns ?? [])
            {
                try
                {
                    patterns.Add((focus, new Regex($@"\b(?:{pattern})\b", Options)));
                }
                catch (ArgumentException e)
                {
                    throw source.Error(pattern ?? "patterns:", $"not a valid pattern: {e.Message}");
                }
            }
        }

        return patterns.Count == 0 ? throw source.Error("moods:", "at least one mood pattern is required") : new MoodWords(patterns);
    }

    private static Regex? Join(IReadOnlyList<(string Focus, Regex Pattern)> patterns)
    {
        try
        {
            return new Regex(string.Join('|', patterns.Select(p => p.Pattern.ToString())), Options);
        }
        catch (NotSupportedException)
        {
            return null; // too large for the engine: each pattern is then tried in turn, which is only slower
        }
    }

    // Mutable only for YamlDotNet, which rejects unknown keys.
    private sealed class MoodsFile
    {
        public string? Reviewed { get; set; }
        public List<MoodEntry?>? Moods { get; set; }
    }

    private sealed class MoodEntry
    {
        public string? Focus { get; set; }
        public List<string?>? Patterns { get; set; }
    }
}
