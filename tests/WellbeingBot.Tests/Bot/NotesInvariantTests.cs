using WellbeingBot.Bot;
using WellbeingBot.Tests.Knowledge.Evaluation;

namespace WellbeingBot.Tests.Bot;

/// <summary>Every reply to a question, answered or declined, carries both notes verbatim. No exception.</summary>
public sealed class NotesInvariantTests
{
    public static TheoryData<string> Junk() =>
    [
        "asdkjh qwe zzz",
        "?",
        "!!!!",
        "AND OR NOT",
        "🙂",
        "ketamine",
        "a",
        "<script>alert(1)</script>",
        "SELECT * FROM passages; --",
        new string('x', 5_000),
        "\u202Eevil\u202C text",
        "¿qué es la ketamina?",
    ];

    [Fact]
    public async Task Every_evaluation_question_gets_both_notes()
    {
        var engine = Engine();
        foreach (var q in EvaluationSet.All())
        {
            var replies = await engine.RespondAsync(new IncomingMessage(q.Question), CancellationToken.None);
            AssertBothNotes(q.Question, replies);

            // Every answer also ends with one meditation session offered as a button.
            Assert.All(replies.Where(r => r.Kind == ReplyKind.Answer), r => Assert.StartsWith("Try ", r.Suggestions[^1], StringComparison.Ordinal));
            Assert.All(replies.Where(r => r.Kind == ReplyKind.Answer), r => Assert.Single(r.Suggestions, s => s.StartsWith("Try ", StringComparison.Ordinal)));
        }
    }

    [Theory]
    [MemberData(nameof(Junk))]
    public async Task Junk_input_gets_both_notes(string text)
    {
        var replies = await Engine().RespondAsync(new IncomingMessage(text), CancellationToken.None);
        AssertBothNotes(text, replies);
    }

    [Fact]
    public async Task Empty_input_and_attachments_get_both_notes()
    {
        AssertBothNotes("", await Engine().RespondAsync(new IncomingMessage(null), CancellationToken.None));
        AssertBothNotes("", await Engine().RespondAsync(new IncomingMessage(null, HasAttachments: true), CancellationToken.None));
    }

    [Fact]
    public void Apology_carries_the_seek_help_note()
    {
        var reply = new ReplyComposer(TestKnowledge.Base.Notes).Apology();
        Assert.Contains(TestKnowledge.Base.Notes.SeekHelp, reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Citations);
    }

    private static ConversationEngine Engine() => TestConversation.Engine();

    private static void AssertBothNotes(string question, IReadOnlyList<BotReply> replies)
    {
        Assert.NotEmpty(replies);
        foreach (var reply in replies)
        {
            Assert.True(reply.Text.Contains(TestKnowledge.Base.Notes.Caution, StringComparison.Ordinal), $"no caution note for '{question}'");
            Assert.True(reply.Text.Contains(TestKnowledge.Base.Notes.SeekHelp, StringComparison.Ordinal), $"no seek-help note for '{question}'");
            Assert.Equal(reply.Kind == ReplyKind.Answer, reply.Citations.Count > 0);
            // Some evaluation questions speak of suicidal thoughts in the first person; a crisis reply to them is right.
            Assert.Equal(reply.Kind == ReplyKind.Crisis, reply.Urgent);
        }
    }
}
