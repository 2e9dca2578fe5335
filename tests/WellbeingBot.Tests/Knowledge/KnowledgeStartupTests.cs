using WellbeingBot.Knowledge;

namespace WellbeingBot.Tests.Knowledge;

public sealed class KnowledgeStartupTests
{
    [Fact]
    public void Malformed_passage_stops_the_start_naming_file_and_line()
    {
        var folder = CopyOfRealKnowledge();
        try
        {
            var broken = Path.Combine(folder, "passages", "what-is-ketamine.md");
            File.WriteAllText(broken, File.ReadAllText(broken).Replace("reviewed: ", "reviewed: not-a-date ", StringComparison.Ordinal));
            using var app = new WellbeingBotApplication(new Dictionary<string, string?> { ["Knowledge:Path"] = folder });

            var e = Assert.ThrowsAny<Exception>(() => app.CreateClient());

            var format = Assert.IsType<KnowledgeFormatException>(e.GetBaseException());
            Assert.EndsWith("what-is-ketamine.md", format.File, StringComparison.Ordinal);
            Assert.True(format.Line > 1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Missing_caution_note_stops_the_start()
    {
        var folder = CopyOfRealKnowledge();
        try
        {
            File.Delete(Path.Combine(folder, "notes", "caution.md"));
            using var app = new WellbeingBotApplication(new Dictionary<string, string?> { ["Knowledge:Path"] = folder });

            var e = Assert.ThrowsAny<Exception>(() => app.CreateClient());

            Assert.Contains("caution.md", e.GetBaseException().Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Note_without_a_valid_review_date_stops_the_start_naming_the_line()
    {
        var folder = CopyOfRealKnowledge();
        try
        {
            var note = Path.Combine(folder, "notes", "seek-help.md");
            File.WriteAllText(note, File.ReadAllText(note).Replace("reviewed: 2026-11-28", "reviewed: recently", StringComparison.Ordinal));

            var e = Assert.Throws<KnowledgeFormatException>(() => KnowledgeBase.Load(folder));

            Assert.EndsWith("seek-help.md", e.File, StringComparison.Ordinal);
            Assert.Equal(2, e.Line);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Invalid_threshold_setting_stops_the_start()
    {
        using var app = new WellbeingBotApplication(new Dictionary<string, string?> { ["Knowledge:MinCoverage"] = "7" });
        Assert.ThrowsAny<Exception>(() => app.CreateClient());
    }

    private static string CopyOfRealKnowledge()
    {
        var target = Directory.CreateTempSubdirectory("wellbeingbot-knowledge-").FullName;
        foreach (var file in Directory.EnumerateFiles(TestKnowledge.Folder, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(TestKnowledge.Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }
}
