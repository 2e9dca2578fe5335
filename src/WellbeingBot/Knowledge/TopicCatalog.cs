namespace WellbeingBot.Knowledge;

/// <summary>One subject area of the knowledge base, as listed in <c>knowledge/topics.yaml</c>.</summary>
/// <param name="Anchors">Words that put a question in this topic even when it does not name ketamine ("what are the symptoms
/// of depression?" for depression basics): such a question is judged for this topic's passages as one naming the subject.</param>
/// <param name="Meditation">The meditation purpose that fits questions in this topic ("after-treatment" for side effects).</param>
public sealed record Topic(string Key, string Name, IReadOnlyList<string> Anchors, string? Meditation = null)
{
    public Topic(string key, string name)
        : this(key, name, [])
    {
    }
}

/// <summary>
/// The topics passages may belong to and how often a passage must be reviewed. Passages name a topic key; a key that is not
/// listed here is an error, so the coverage report and the unanswered-question counts never scatter over typos.
/// </summary>
public sealed record TopicCatalog(IReadOnlyList<Topic> Topics, int ReviewEveryDays)
{
    public const string FileName = "topics.yaml";

    public bool Contains(string key) => Topics.Any(t => t.Key == key);

    public Topic? Find(string key) => Topics.FirstOrDefault(t => t.Key == key);

    public static TopicCatalog Load(string folder) =>
        Parse(Path.Combine(folder, FileName), ReviewedYaml.Read(folder, FileName, "the topics"));

    public static TopicCatalog Parse(string file, string text)
    {
        var (raw, source) = ReviewedYaml.Parse<TopicsFile>(file, text);
        source.Reviewed(raw.Reviewed);
        if (raw.ReviewEveryDays is not (>= 1 and <= 3650))
        {
            throw source.Error("review_every_days:", "review_every_days must be a number of days between 1 and 3650");
        }

        var topics = new List<Topic>();
        foreach (var t in raw.Topics ?? [])
        {
            if (string.IsNullOrWhiteSpace(t?.Key) || string.IsNullOrWhiteSpace(t.Name))
            {
                throw source.Error("topics:", "every topic needs a key and a name");
            }

            if (topics.Any(x => x.Key == t.Key.Trim()))
            {
                throw source.Error($"key: {t.Key.Trim()}", $"topic '{t.Key.Trim()}' is listed twice");
            }

            var anchors = (t.Anchors ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim()).ToArray();
            topics.Add(new Topic(t.Key.Trim(), t.Name.Trim(), anchors, string.IsNullOrWhiteSpace(t.Meditation) ? null : t.Meditation.Trim()));
        }

        return topics.Count == 0 ? throw source.Error("topics:", "at least one topic is required") : new TopicCatalog(topics, raw.ReviewEveryDays.Value);
    }

    // Mutable shapes only for YamlDotNet, which rejects unknown keys.
    private sealed class TopicsFile
    {
        public string? Reviewed { get; set; }
        public int? ReviewEveryDays { get; set; }
        public List<TopicEntry?>? Topics { get; set; }
    }

    private sealed class TopicEntry
    {
        public string? Key { get; set; }
        public string? Name { get; set; }
        public List<string?>? Anchors { get; set; }
        public string? Meditation { get; set; }
    }
}
