namespace WellbeingBot.Knowledge;

/// <summary>Everything under <c>knowledge/</c>, loaded and validated together.</summary>
public sealed class KnowledgeBase : IDisposable
{
    private KnowledgeBase(TopicCatalog topics, IReadOnlyList<Passage> passages, Notes notes, KnowledgeIndex index)
    {
        Topics = topics;
        Passages = passages;
        Notes = notes;
        Index = index;
    }

    public TopicCatalog Topics { get; }

    public IReadOnlyList<Passage> Passages { get; }

    public Notes Notes { get; }

    public KnowledgeIndex Index { get; }

    public static KnowledgeBase Load(string folder, KnowledgeBoosts? boosts = null)
    {
        var topics = TopicCatalog.Load(folder);
        var passages = PassageLoader.LoadFolder(Path.Combine(folder, "passages"), topics);
        var notes = Notes.LoadFolder(Path.Combine(folder, "notes"));
        var synonymsFile = Path.Combine(folder, "synonyms.txt");
        var synonyms = File.Exists(synonymsFile) ? KnowledgeAnalyzer.LoadSynonyms(synonymsFile) : null;
        var index = new KnowledgeIndex(passages, new KnowledgeAnalyzer(synonyms), boosts, otherSubjects: OtherSubjects(folder), topics: topics.Topics);
        return new KnowledgeBase(topics, passages, notes, index);
    }

    /// <summary>The names in <c>other-subjects.txt</c>, one per line, # for comments; none when the file is absent.</summary>
    public static IReadOnlyList<string> OtherSubjects(string folder)
    {
        var file = Path.Combine(folder, "other-subjects.txt");
        return File.Exists(file)
            ? File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray()
            : [];
    }

    public void Dispose() => Index.Dispose();
}
