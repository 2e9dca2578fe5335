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
        var all = RetrievalMetrics.Measure(finder, index, EvaluationSet.All());

        var report = string.Join('\n',
            $"Retrieval evaluation ({index.Count} passages)",
            $"  dev    {dev}",
            $"  frozen {frozen}",
            $"  all    {all}",
            "Misses on the dev split (the frozen split's are not shown, so nobody tunes on them):",
            string.Join('\n', dev.Misses.Select(m => "  " + m)));
        output.WriteLine(report);
        WriteReport(report);

        Assert.True(all.Hit1 >= 0.85, $"Hit@1 {all.Hit1:F3} is below 0.85\n{report}");
        Assert.True(all.Hit3 >= 0.95, $"Hit@3 {all.Hit3:F3} is below 0.95\n{report}");
        Assert.True(all.Declined >= 0.95, $"declined {all.Declined:F3} is below 0.95\n{report}");
    }

    [Fact]
    public void Evaluation_set_names_only_passages_that_exist()
    {
        var ids = TestKnowledge.Base.Passages.Select(p => p.Id).ToHashSet();
        var unknown = EvaluationSet.All().Where(q => q.Expected is not null && !ids.Contains(q.Expected)).ToList();
        Assert.Empty(unknown);
        Assert.True(EvaluationSet.All().Count(q => q.Expected is not null) >= 60);
        Assert.True(EvaluationSet.All().Count(q => q.Expected is null) >= 20);
    }

    // The figures stay readable after a plain "dotnet test", where xunit hides test output.
    private static void WriteReport(string report)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "retrieval-evaluation.txt"), report + "\n");
    }
}
