using WellbeingBot.Knowledge;

namespace WellbeingBot.Tests.Knowledge;

public sealed class PassageLoaderTests
{
    private const string Valid = """
        ---
        id: sample
        title: What is a sample?
        topic: basics
        questions:
          - what is a sample
        sources:
          - title: "A publisher"
            url: https://example.org/a
        reviewed: 2026-11-28
        ---
        A sample is a passage used in tests. It has two sentences.
        """;

    [Fact]
    public void Parse_valid_passage_reads_every_field()
    {
        var p = PassageLoader.Parse("sample.md", Valid);

        Assert.Equal("sample", p.Id);
        Assert.Equal("What is a sample?", p.Title);
        Assert.Equal(["what is a sample"], p.Questions);
        Assert.Equal(new Uri("https://example.org/a"), Assert.Single(p.Sources).Url);
        Assert.Equal(new DateOnly(2026, 11, 28), p.Reviewed);
        Assert.Equal(2, Assert.Single(p.Paragraphs).Count);
    }

    [Theory]
    [InlineData("reviewed: 2026-11-28", "reviewed: soon", 10, "reviewed")]
    [InlineData("reviewed: 2026-11-28", "", 1, "reviewed")]
    [InlineData("    url: https://example.org/a", "    url: not a url", 7, "url")]
    [InlineData("id: sample", "id: other", 2, "file name")]
    [InlineData("id: sample", "id: Not An Id", 2, "lower-case")]
    [InlineData("topic: basics", "topic: basics\nsauces: []", 5, "sauces")]
    [InlineData("  - what is a sample", "  - what: is: a sample", 6, "invalid front matter")]
    [InlineData("A sample is a passage used in tests. It has two sentences.", "", 12, "no body")]
    public void Parse_malformed_passage_names_file_and_line(string replace, string with, int line, string problem)
    {
        var text = Valid.Replace(replace, with, StringComparison.Ordinal);

        var e = Assert.Throws<KnowledgeFormatException>(() => PassageLoader.Parse("sample.md", text));

        Assert.Equal("sample.md", e.File);
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"sample.md:{line}:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_without_front_matter_points_at_line_one()
    {
        var e = Assert.Throws<KnowledgeFormatException>(() => PassageLoader.Parse("x.md", "Just text."));
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void LoadFolder_reads_every_passage_file_in_the_folder()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "sample.md"), Valid);
            Directory.CreateDirectory(Path.Combine(folder, "sub"));
            File.WriteAllText(Path.Combine(folder, "sample-copy.md"), Valid.Replace("id: sample", "id: sample-copy", StringComparison.Ordinal));

            Assert.Equal(2, PassageLoader.LoadFolder(folder).Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Real_knowledge_base_has_sourced_reviewed_passages()
    {
        var passages = TestKnowledge.Base.Passages;

        Assert.True(passages.Count >= 15, $"only {passages.Count} passages");
        Assert.All(passages, p =>
        {
            Assert.NotEmpty(p.Sources);
            Assert.All(p.Sources, s => Assert.StartsWith("http", s.Url.Scheme, StringComparison.Ordinal));
            Assert.True(p.Reviewed.Year >= 2026, $"{p.Id} review date {p.Reviewed}");
            Assert.True(p.Questions.Count >= 3, $"{p.Id} has too few alternate questions");
        });
    }

    [Fact]
    public void Real_passages_give_no_dose_amounts()
    {
        // Explaining how a course is organised is fine; telling anyone how much to take is not.
        var dosing = new System.Text.RegularExpressions.Regex(@"\b\d+(\.\d+)?\s?(mg|milligrams?|mg/kg|ml)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        Assert.All(TestKnowledge.Base.Passages, p => Assert.DoesNotMatch(dosing, p.Body));
    }

    [Fact]
    public void Notes_are_present_and_nonempty()
    {
        var notes = TestKnowledge.Base.Notes;
        Assert.Contains("blood pressure", notes.Caution, StringComparison.Ordinal);
        Assert.Contains("emergency", notes.SeekHelp, StringComparison.Ordinal);
        Assert.Contains("not a doctor", notes.Welcome, StringComparison.Ordinal);
    }
}
