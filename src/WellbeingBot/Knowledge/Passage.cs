namespace WellbeingBot.Knowledge;

/// <summary>One reviewed answer from <c>knowledge/passages/</c>.</summary>
public sealed record Passage(
    string Id,
    string Title,
    string Topic,
    IReadOnlyList<string> Questions,
    IReadOnlyList<PassageSource> Sources,
    DateOnly Reviewed,
    string Body,
    string SourceFile)
{
    /// <summary>Paragraphs of the body, each a list of sentences, so replies can lead with the best sentences.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Paragraphs { get; } = SentenceSplitter.SplitParagraphs(Body);
}

public sealed record PassageSource(string Title, Uri Url);
