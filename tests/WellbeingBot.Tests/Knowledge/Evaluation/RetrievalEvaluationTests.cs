using Xunit.Abstractions;

namespace WellbeingBot.Tests.Knowledge.Evaluation;

public sealed class RetrievalEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Evaluation_set_meets_the_quality_bar()
    {
        var finder = TestKnowledge.Finder();
        var index = TestKnowledge.Base.Index;
        var dev = RetrievalMetrics.Measure(finder, index, EvaluationSet.Load("dev"));
        var frozen = RetrievalMetrics.Measure(finder, index, EvaluationSet.Load("frozen"));
        using var baseline = new BaselineRetrieval(TestKnowledge.Base.Passages);

        var report = string.Join('\n',
            $"Retrieval evaluation ({index.Count} passages)",
            $"  dev      {dev}",
            $"  frozen   {frozen}",
            "Baseline: StandardAnalyzer + BM25, same passages, declines only when no word matches",
            $"  dev      {baseline.Measure(EvaluationSet.Load("dev"))}",
            $"  frozen   {baseline.Measure(EvaluationSet.Load("frozen"))}",
            "Misses on the dev split (the frozen split's are not shown, so nobody tunes on them):",
            string.Join('\n', dev.Misses.Select(m => "  " + m)));
        output.WriteLine(report);
        WriteReport(report);

        foreach (var (split, m) in new[] { ("dev", dev), ("frozen", frozen) })
        {
            Assert.True(m.Hit1 >= 0.90, $"{split} Hit@1 {m.Hit1:F3} is below 0.90\n{report}");
            Assert.True(m.Hit3 >= 0.98, $"{split} Hit@3 {m.Hit3:F3} is below 0.98\n{report}");
            Assert.True(m.Declined >= 0.95, $"{split} declined {m.Declined:F3} is below 0.95\n{report}");
        }
    }

    [Fact]
    public void Evaluation_set_names_only_passages_that_exist()
    {
        var ids = TestKnowledge.Base.Passages.Select(p => p.Id).ToHashSet();
        var unknown = EvaluationSet.All().Where(q => q.Expected is not null && !ids.Contains(q.Expected)).ToList();
        Assert.Empty(unknown);
        Assert.True(EvaluationSet.Load("dev").Count(q => q.Expected is not null) >= 150);
        Assert.True(EvaluationSet.Load("dev").Count(q => q.Expected is null) >= 40);
        Assert.True(EvaluationSet.Load("frozen").Count(q => q.Expected is not null) >= 100);
        Assert.True(EvaluationSet.Load("frozen").Count(q => q.Expected is null) >= 40);
    }

    [Fact]
    public void Every_passage_is_reached_by_at_least_two_phrasings()
    {
        var perPassage = EvaluationSet.All().Where(q => q.Expected is not null).GroupBy(q => q.Expected!).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(TestKnowledge.Base.Passages, p => Assert.True(perPassage.GetValueOrDefault(p.Id) >= 2, $"{p.Id} is asked {perPassage.GetValueOrDefault(p.Id)} time(s)"));
    }

    // The figures stay readable after a plain "dotnet test", where xunit hides test output.
    private static void WriteReport(string report)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "retrieval-evaluation.txt"), report + "\n");
    }
}
