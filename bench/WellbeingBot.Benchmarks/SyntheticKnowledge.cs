using WellbeingBot.Knowledge;

namespace WellbeingBot.Benchmarks;

/// <summary>The real knowledge base, or a copy of it made N times larger with renamed passages, to see how retrieval scales.</summary>
public static class SyntheticKnowledge
{
    public static KnowledgeBase Load(int copies)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "knowledge");
        if (copies == 1)
        {
            return KnowledgeBase.Load(source);
        }

        var folder = Directory.CreateTempSubdirectory("wellbeingbot-bench-").FullName;
        CopyFolder(Path.Combine(source, "notes"), Path.Combine(folder, "notes"));
        foreach (var name in (string[])["synonyms.txt", TopicCatalog.FileName, "other-subjects.txt"])
        {
            File.Copy(Path.Combine(source, name), Path.Combine(folder, name));
        }

        var passages = Directory.CreateDirectory(Path.Combine(folder, "passages")).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(source, "passages"), "*.md"))
        {
            var id = Path.GetFileNameWithoutExtension(file);
            var text = File.ReadAllText(file);
            File.Copy(file, Path.Combine(passages, Path.GetFileName(file)));
            for (var i = 2; i <= copies; i++)
            {
                // Each copy gets its own id and a distinguishing word in its title and phrasings, so the index holds distinct
                // documents and no phrasing is listed twice (which the loader refuses).
                var copy = text.Replace($"id: {id}", $"id: {id}-copy-{i}", StringComparison.Ordinal);
                copy = System.Text.RegularExpressions.Regex.Replace(copy, "(?m)^title: ", $"title: Copy {i} - ");
                copy = System.Text.RegularExpressions.Regex.Replace(copy, @"(?m)^  - (?!title:)([""']?)", $"  - $1copy{i} ");
                File.WriteAllText(Path.Combine(passages, $"{id}-copy-{i}.md"), copy);
            }
        }

        return KnowledgeBase.Load(folder);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
