namespace WellbeingBot.Knowledge;

/// <summary>Everything under <c>knowledge/</c>, loaded and validated together.</summary>
public sealed class KnowledgeBase : IDisposable
{
    private KnowledgeBase(IReadOnlyList<Passage> passages, Notes notes, KnowledgeIndex index)
    {
        Passages = passages;
        Notes = notes;
        Index = index;
    }

    public IReadOnlyList<Passage> Passages { get; }

    public Notes Notes { get; }

    public KnowledgeIndex Index { get; }

    public static KnowledgeBase Load(string folder, KnowledgeBoosts? boosts = null)
    {
        var passages = PassageLoader.LoadFolder(Path.Combine(folder, "passages"));
        var notes = Notes.LoadFolder(Path.Combine(folder, "notes"));
        var synonymsFile = Path.Combine(folder, "synonyms.txt");
        var synonyms = File.Exists(synonymsFile) ? KnowledgeAnalyzer.LoadSynonyms(synonymsFile) : null;
        return new KnowledgeBase(passages, notes, new KnowledgeIndex(passages, new KnowledgeAnalyzer(synonyms), boosts));
    }

    public void Dispose() => Index.Dispose();
}
