namespace WellbeingBot.Tests.Knowledge;

/// <summary>A copy of the real knowledge folder that a test may break, deleted afterwards.</summary>
public sealed class TemporaryKnowledge : IDisposable
{
    public TemporaryKnowledge()
    {
        Folder = Directory.CreateTempSubdirectory("wellbeingbot-knowledge-").FullName;
        foreach (var file in Directory.EnumerateFiles(TestKnowledge.Folder, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(Folder, Path.GetRelativePath(TestKnowledge.Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }

    public string Folder { get; }

    public void Edit(string relativePath, Func<string, string> change)
    {
        var file = Path.Combine(Folder, relativePath);
        File.WriteAllText(file, change(File.ReadAllText(file)));
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
