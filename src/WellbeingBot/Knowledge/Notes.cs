namespace WellbeingBot.Knowledge;

/// <summary>The texts every answer must carry, the welcome and the privacy notice, as reviewed in <c>knowledge/notes/</c>.</summary>
public sealed record Notes(string Caution, string SeekHelp, string Welcome, string Privacy)
{
    public static Notes LoadFolder(string folder) => new(
        Load(Path.Combine(folder, "caution.md")),
        Load(Path.Combine(folder, "seek-help.md")),
        Load(Path.Combine(folder, "welcome.md")),
        Load(Path.Combine(folder, "privacy.md")));

    private static string Load(string file)
    {
        if (!File.Exists(file))
        {
            throw new KnowledgeFormatException(file, 0, "this note is required and the file is missing");
        }

        var doc = FrontMatterDocument.Parse(file, File.ReadAllText(file));
        // A note without a valid review date is as untrustworthy as a passage without one.
        doc.ParseReviewed(doc.ScalarOf("reviewed"));
        return doc.Body.Length == 0
            ? throw new KnowledgeFormatException(file, doc.BodyFirstLine, "the note has no text")
            : doc.Body;
    }
}
