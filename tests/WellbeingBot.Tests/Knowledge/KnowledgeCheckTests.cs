using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;
using WellbeingBot.Knowledge;
using WellbeingBot.Knowledge.Check;

namespace WellbeingBot.Tests.Knowledge;

public sealed class KnowledgeCheckTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public void The_real_knowledge_base_passes_and_every_topic_is_covered()
    {
        var (exit, report) = Check(TestKnowledge.Folder, Today);

        Assert.True(exit == 0, report);
        Assert.Contains("Result: the knowledge base is valid.", report, StringComparison.Ordinal);
        Assert.All(TestKnowledge.Base.Topics.Topics, t => Assert.Matches($@"\n  {t.Key} +[1-9]\d*  {t.Name}\n", report));
        Assert.Contains("Due for review (last reviewed more than 365 days ago)\n  none", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_listed_at_once_and_the_check_fails()
    {
        using var knowledge = new TemporaryKnowledge();
        knowledge.Edit("passages/what-is-ketamine.md", t => t.Replace("reviewed: 2026-11-28", "reviewed: someday", StringComparison.Ordinal));
        knowledge.Edit("passages/bladder-damage.md", t => t.Replace("topic: misuse-bladder", "topic: bladder", StringComparison.Ordinal));
        knowledge.Edit("topics.yaml", t => t + "  - key: veterinary-use\n    name: Veterinary use\n");
        knowledge.Edit("notes/caution.md", _ => "no front matter");

        var (exit, report) = Check(knowledge.Folder, Today);

        Assert.Equal(1, exit);
        Assert.Contains("what-is-ketamine.md:", report, StringComparison.Ordinal);
        Assert.Contains("topic 'bladder' is not listed in topics.yaml", report, StringComparison.Ordinal);
        Assert.Contains("topic 'veterinary-use' has no passage", report, StringComparison.Ordinal);
        Assert.Contains("caution.md:1:", report, StringComparison.Ordinal);
        Assert.Contains("Problems (4)", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_meditation_and_a_purpose_left_without_a_session_are_listed()
    {
        using var knowledge = new TemporaryKnowledge();
        knowledge.Edit("meditations/box-breathing.md", t => t.Replace("2. (20s)", "2) (20s)", StringComparison.Ordinal));
        File.Delete(Path.Combine(knowledge.Folder, "meditations", "rest-after-treatment.md"));

        var (exit, report) = Check(knowledge.Folder, Today);

        Assert.Equal(1, exit);
        Assert.Matches(@"box-breathing\.md:\d+: every line of the body must be a step", report);
        Assert.Contains("no meditation session serves the purpose 'after-treatment'", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Passages_past_the_review_age_are_listed_without_failing()
    {
        var (exit, report) = Check(TestKnowledge.Folder, Today.AddDays(400));

        Assert.Equal(0, exit);
        Assert.Contains("what-is-ketamine                         reviewed 2026-11-28 (400 days ago)", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Unanswered_counts_are_reported_by_topic()
    {
        var curation = Directory.CreateTempSubdirectory("wellbeingbot-curation-").FullName;
        File.WriteAllText(Path.Combine(curation, UnansweredQuestions.CountsFileName), """{ "cost-insurance": 7, "none": 30 }""");

        var output = new StringWriter();
        KnowledgeCheck.Run(TestKnowledge.Folder, curation, Today, output);

        Assert.Matches(@"\n  none +30\n  cost-insurance +7\n", output.ToString());
        Directory.Delete(curation, recursive: true);
    }

    [Fact]
    public void The_command_line_reads_the_configured_folder_and_explains_unknown_commands()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:Path"] = TestKnowledge.Folder }).Build();
        var environment = new HostingEnvironment { ContentRootPath = Path.GetTempPath() };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

        var output = new StringWriter();
        Assert.Equal(0, KnowledgeCommand.Run(["knowledge", "check"], config, environment, time, output));
        Assert.Contains($"Knowledge check of {TestKnowledge.Folder} on 2026-11-28", output.ToString(), StringComparison.Ordinal);

        var usage = new StringWriter();
        Assert.Equal(2, KnowledgeCommand.Run(["knowledge", "chek"], config, environment, time, usage));
        Assert.Contains("Usage: dotnet run --project src/WellbeingBot -- knowledge check", usage.ToString(), StringComparison.Ordinal);
    }

    private static (int Exit, string Report) Check(string folder, DateOnly today)
    {
        var output = new StringWriter { NewLine = "\n" };
        var exit = KnowledgeCheck.Run(folder, Path.Combine(Path.GetTempPath(), $"wellbeingbot-none-{Guid.NewGuid():N}"), today, output);
        return (exit, output.ToString());
    }
}
