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
          - sample meaning
          - define sample
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
        Assert.Equal(["what is a sample", "sample meaning", "define sample"], p.Questions);
        Assert.Equal(new Uri("https://example.org/a"), Assert.Single(p.Sources).Url);
        Assert.Equal(new DateOnly(2026, 11, 28), p.Reviewed);
        Assert.Equal(2, Assert.Single(p.Paragraphs).Count);
    }

    [Theory]
    [InlineData("reviewed: 2026-11-28", "reviewed: soon", 12, "reviewed")]
    [InlineData("reviewed: 2026-11-28", "", 1, "reviewed")]
    [InlineData("    url: https://example.org/a", "    url: not a url", 9, "url")]
    [InlineData("sources:\n  - title: \"A publisher\"\n    url: https://example.org/a", "sources: []", 9, "original publisher")]
    [InlineData("  - sample meaning\n  - define sample\n", "", 5, "3 to 8")]
    [InlineData("  - define sample\n", "  - define sample\n  - a\n  - b\n  - c\n  - d\n  - e\n  - f\n", 5, "found 9")]
    [InlineData("questions:\n  - what is a sample\n  - sample meaning\n  - define sample\n", "questions: []\n", 5, "found 0")]
    [InlineData("id: sample", "id: other", 2, "file name")]
    [InlineData("id: sample", "id: Not An Id", 2, "lower-case")]
    [InlineData("topic: basics", "topic: basics\nsauces: []", 5, "sauces")]
    [InlineData("  - what is a sample", "  - what: is: a sample", 6, "invalid front matter")]
    [InlineData("A sample is a passage used in tests. It has two sentences.", "", 14, "no body")]
    public void Parse_malformed_passage_names_file_and_line(string replace, string with, int line, string problem)
    {
        var text = Valid.Replace(replace, with, StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);

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
            File.WriteAllText(Path.Combine(folder, "sample-copy.md"), Valid
                .Replace("id: sample", "id: sample-copy", StringComparison.Ordinal)
                .Replace("sample", "copy", StringComparison.Ordinal)
                .Replace("id: copy-copy", "id: sample-copy", StringComparison.Ordinal));

            Assert.Equal(2, PassageLoader.LoadFolder(folder, Topics).Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Check_lists_every_problem_in_every_file()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "sample.md"), Valid.Replace("topic: basics", "topic: basic", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(folder, "dose.md"), Valid
                .Replace("id: sample", "id: dose", StringComparison.Ordinal)
                .Replace("It has two sentences.", "Trials gave 0.5 mg/kg over 40 minutes.", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(folder, "broken.md"), "no front matter");

            var (passages, problems) = PassageLoader.Check(folder, Topics);

            Assert.Equal(2, passages.Count);
            Assert.Contains(problems, p => p.File.EndsWith("sample.md", StringComparison.Ordinal) && p.Line == 4 && p.Message.Contains("'basic' is not listed", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.File.EndsWith("dose.md", StringComparison.Ordinal) && p.Line == 14 && p.Message.Contains("'0.5 mg' states an amount", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.File.EndsWith("broken.md", StringComparison.Ordinal) && p.Line == 1);
            // Both valid files list the same phrasings: each one a problem, pointing at the second passage.
            Assert.Equal(4, problems.Count(p => p.Message.Contains("is also listed by 'dose'", StringComparison.Ordinal)));
            var e = Assert.Throws<KnowledgeFormatException>(() => PassageLoader.LoadFolder(folder, Topics));
            Assert.Contains("more; 'knowledge check' lists them all", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("It comes as 28 mg devices.", "28 mg")]
    [InlineData("Take 2 sprays.", "2 sprays")]
    [InlineData("A dose of 0,5 milligrams.", "0,5 milligrams")]
    [InlineData("Dosed in mg per kilogram.", "mg")]
    public void Amounts_are_refused_wherever_they_appear(string sentence, string amount)
    {
        var passage = PassageLoader.Parse("sample.md", Valid.Replace("It has two sentences.", sentence, StringComparison.Ordinal));

        var problem = Assert.Single(PassageRules.Check(passage, Topics));

        Assert.Contains($"'{amount}' states an amount", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_passages_with_one_id_are_refused()
    {
        var passage = PassageLoader.Parse("sample.md", Valid);
        var copy = passage with { Questions = ["another question", "a second one", "a third one"], Title = "Another title?" };

        var problem = Assert.Single(PassageRules.CheckAcross([passage, copy]));

        Assert.Contains("id 'sample' is used by more than one passage", problem.Message, StringComparison.Ordinal);
    }

    private static TopicCatalog Topics => new([new Topic("basics", "Basics")], 365);

    [Fact]
    public void Real_knowledge_base_has_sourced_reviewed_passages()
    {
        var passages = TestKnowledge.Base.Passages;

        Assert.True(passages.Count >= 60, $"only {passages.Count} passages");
        Assert.All(passages, p =>
        {
            Assert.NotEmpty(p.Sources);
            Assert.All(p.Sources, s => Assert.StartsWith("http", s.Url.Scheme, StringComparison.Ordinal));
            Assert.True(p.Reviewed.Year >= 2026, $"{p.Id} review date {p.Reviewed}");
            Assert.InRange(p.Questions.Count, 3, 8);
            Assert.True(TestKnowledge.Base.Topics.Contains(p.Topic), $"{p.Id} has unknown topic {p.Topic}");
        });
        Assert.Equal(passages.Count, passages.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void Real_knowledge_base_passes_every_editorial_rule()
    {
        var (_, problems) = PassageLoader.Check(Path.Combine(TestKnowledge.Folder, "passages"), TestKnowledge.Base.Topics);

        Assert.Empty(problems);
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
