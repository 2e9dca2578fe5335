using WellbeingBot.Knowledge;

namespace WellbeingBot.Tests.Knowledge;

public sealed class KnowledgeStartupTests
{
    [Fact]
    public void Malformed_passage_stops_the_start_naming_file_and_line()
    {
        using var knowledge = new TemporaryKnowledge();
        knowledge.Edit("passages/what-is-ketamine.md", t => t.Replace("reviewed: ", "reviewed: not-a-date ", StringComparison.Ordinal));
        using var app = new WellbeingBotApplication(new Dictionary<string, string?> { ["Knowledge:Path"] = knowledge.Folder });

        var e = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var format = Assert.IsType<KnowledgeFormatException>(e.GetBaseException());
        Assert.EndsWith("what-is-ketamine.md", format.File, StringComparison.Ordinal);
        Assert.True(format.Line > 1);
    }

    [Fact]
    public void Missing_caution_note_stops_the_start()
    {
        using var knowledge = new TemporaryKnowledge();
        File.Delete(Path.Combine(knowledge.Folder, "notes", "caution.md"));
        using var app = new WellbeingBotApplication(new Dictionary<string, string?> { ["Knowledge:Path"] = knowledge.Folder });

        var e = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("caution.md", e.GetBaseException().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Note_without_a_valid_review_date_stops_the_start_naming_the_line()
    {
        using var knowledge = new TemporaryKnowledge();
        knowledge.Edit("notes/seek-help.md", t => t.Replace("reviewed: 2026-11-28", "reviewed: recently", StringComparison.Ordinal));

        var e = Assert.Throws<KnowledgeFormatException>(() => KnowledgeBase.Load(knowledge.Folder));

        Assert.EndsWith("seek-help.md", e.File, StringComparison.Ordinal);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Invalid_threshold_setting_stops_the_start()
    {
        using var app = new WellbeingBotApplication(new Dictionary<string, string?> { ["Knowledge:MinCoverage"] = "7" });
        Assert.ThrowsAny<Exception>(() => app.CreateClient());
    }
}
