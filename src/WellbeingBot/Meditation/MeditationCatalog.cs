using System.Text.RegularExpressions;
using WellbeingBot.Knowledge;

namespace WellbeingBot.Meditation;

/// <summary>The sessions, found by name ("start box breathing", "Try box breathing (3 min)") and suggested by purpose.</summary>
public sealed partial class MeditationCatalog
{
    private readonly Dictionary<string, MeditationSession> byName = new(StringComparer.Ordinal);

    public MeditationCatalog(IReadOnlyList<MeditationSession> sessions, MoodWords moods)
    {
        Sessions = sessions;
        Moods = moods;
        foreach (var session in sessions)
        {
            byName[Key(session.Title)] = session;
            byName[Key(session.Id)] = session;
        }
    }

    public IReadOnlyList<MeditationSession> Sessions { get; }

    /// <summary>
    /// Loads the sessions and mood words, and checks that every purpose a topic points to has a session, so every answer can
    /// offer one that fits.
    /// </summary>
    public static MeditationCatalog Load(string folder, TopicCatalog topics)
    {
        var catalog = new MeditationCatalog(MeditationLoader.LoadFolder(folder), MoodWords.Load(folder));
        if (catalog.Problems(topics).FirstOrDefault() is { } problem)
        {
            throw new KnowledgeFormatException(problem.File, problem.Line, problem.Message);
        }

        return catalog;
    }

    /// <summary>Purposes that topics point to or moods detect but no session serves.</summary>
    public IEnumerable<KnowledgeProblem> Problems(TopicCatalog topics) =>
        MeditationSession.Foci
            .Where(focus => !Sessions.Any(s => s.Focus.Contains(focus)))
            .Select(focus => new KnowledgeProblem(TopicCatalog.FileName, 1, $"no meditation session serves the purpose '{focus}'"))
            .Concat(topics.Topics
                .Where(t => t.Meditation is not null && !MeditationSession.Foci.Contains(t.Meditation))
                .Select(t => new KnowledgeProblem(TopicCatalog.FileName, 1, $"topic '{t.Key}' names the meditation purpose '{t.Meditation}', which is not one of: {string.Join(", ", MeditationSession.Foci)}")));

    public MoodWords Moods { get; }

    public MeditationSession? Find(string? id) => id is null ? null : Sessions.FirstOrDefault(s => s.Id == id);

    /// <summary>The session a message asks to start, when the whole message is a request for one by name.</summary>
    public MeditationSession? Named(string text) => byName.GetValueOrDefault(Key(text));

    /// <summary>
    /// Sessions for a purpose: those made mainly for it first, then those that also serve it, shorter first; with no purpose,
    /// the shortest sessions, which anyone can try right now.
    /// </summary>
    public IReadOnlyList<MeditationSession> Suggest(string? focus, int count) =>
        (focus is null
            ? Sessions.OrderBy(s => s.Minutes)
            : Sessions.Where(s => s.Focus.Contains(focus)).OrderBy(s => s.Focus[0] == focus ? 0 : 1).ThenBy(s => s.Minutes))
        .ThenBy(s => s.Id, StringComparer.Ordinal)
        .Take(count)
        .ToArray();

    // Names and requests are stripped alike, so "Try a kind pause (5 min)" finds "A kind pause".
    private static string Key(string text) => Normalize(Request().Replace($" {text}", " "));

    private static string Normalize(string text) =>
        string.Join(' ', NonWord().Replace(text.ToLowerInvariant(), " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));

    // "try", "start the", "let's do a", "(3 min)", "session", "please": everything around a session's name.
    [GeneratedRegex(@"^\W*(please\s+)?((can|could) (we|i|you)\s+|let'?s\s+|i'?d like to\s+|i want to\s+)?(try|start|begin|do|play|guide me through|take me through|run)?\s*(the|a|an)?\s+|\(\d+\s*min(utes?)?\)|\b(session|meditation|exercise|practice)\b|\bplease\b|[.!?]+\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Request();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
