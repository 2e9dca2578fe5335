using WellbeingBot.Knowledge;
using WellbeingBot.Meditation;

namespace WellbeingBot.Tests.Meditation;

/// <summary>The catalog as reviewers write it: the sessions users were promised, each checked like a passage.</summary>
public sealed class MeditationCatalogTests
{
    private static readonly string Folder = Path.Combine(TestKnowledge.Folder, MeditationLoader.FolderName);

    [Fact]
    public void The_catalog_holds_the_promised_sessions_and_serves_every_purpose()
    {
        var catalog = MeditationCatalog.Load(Folder, TestKnowledge.Base.Topics);

        Assert.True(catalog.Sessions.Count >= 12);
        string[] promised = ["one-minute-breath", "box-breathing", "grounding-5-4-3-2-1", "body-scan", "sleep-wind-down", "worry-release",
            "loving-kindness", "calm-before-appointment", "rest-after-treatment"];
        Assert.All(promised, id => Assert.NotNull(catalog.Find(id)));
        Assert.All(MeditationSession.Foci, focus => Assert.Contains(catalog.Sessions, s => s.Focus[0] == focus || s.Focus.Contains(focus)));
        Assert.All(TestKnowledge.Base.Topics.Topics, t => Assert.Contains(t.Meditation, MeditationSession.Foci));
    }

    [Fact]
    public void Every_session_is_short_enough_to_follow_in_chat_and_names_no_amount()
    {
        foreach (var session in MeditationLoader.LoadFolder(Folder))
        {
            Assert.InRange(session.Minutes, 1, 20);
            Assert.All(session.Steps, step => Assert.DoesNotMatch(@"\d+\s*(mg|ml|milligram|spray)", step.Text));
            Assert.Matches("stop", session.Steps[0].Text.ToLowerInvariant());
        }
    }

    [Theory]
    [InlineData("start box breathing", "box-breathing")]
    [InlineData("Try box breathing (3 min)", "box-breathing")]
    [InlineData("let's do the body scan", "body-scan")]
    [InlineData("5-4-3-2-1 grounding", "grounding-5-4-3-2-1")]
    [InlineData("Try gentle rest after a treatment session (8 min)", "rest-after-treatment")]
    [InlineData("is box breathing good for anxiety?", null)]
    [InlineData("what is a body scan in an MRI", null)]
    public void A_session_is_started_by_its_name_and_only_when_the_message_asks_for_it(string text, string? expected) =>
        Assert.Equal(expected, MeditationCatalog.Load(Folder, TestKnowledge.Base.Topics).Named(text)?.Id);

    [Theory]
    [InlineData("focus: [anxiety, stress, focus]", "focus: [calm]", "focus must list")]
    [InlineData("minutes: 3", "minutes: 9", "more than 20% away")]
    [InlineData("2. (20s)", "3. (20s)", "steps must be numbered")]
    public void A_bad_session_file_names_its_file_and_line(string original, string replacement, string problem)
    {
        var text = File.ReadAllText(Path.Combine(Folder, "box-breathing.md"));
        Assert.Contains(original, text, StringComparison.Ordinal);

        var error = Assert.Throws<KnowledgeFormatException>(() => MeditationLoader.Parse("box-breathing.md", text.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Matches(@"^box-breathing\.md:\d+: ", error.Message);
    }

    [Fact]
    public void A_step_that_is_not_numbered_with_its_seconds_is_refused()
    {
        var text = File.ReadAllText(Path.Combine(Folder, "box-breathing.md")) + "\nBreathe normally for a while.\n";

        var error = Assert.Throws<KnowledgeFormatException>(() => MeditationLoader.Parse("box-breathing.md", text));

        Assert.Contains("every line of the body must be a step", error.Message, StringComparison.Ordinal);
    }
}
