using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WellbeingBot.Bot;
using WellbeingBot.Knowledge;
using WellbeingBot.State;

namespace WellbeingBot.Tests.Bot;

/// <summary>Knowledge answers over a conversation: short answer first, the full text on request, follow-ups, curation counts.</summary>
public sealed class KnowledgeConversationTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("is ketamine addictive?", "addiction-and-misuse")]
    [InlineData("can I drive after spravato", "driving-after-treatment")]
    [InlineData("whats special k", "special-k")]
    [InlineData("is it covered by insurance?", "cost-and-insurance")]
    public async Task A_new_users_question_gets_the_right_passage_with_its_short_answer_source_and_both_notes(string question, string expected)
    {
        using var services = TestConversation.Services(time);
        var passage = TestKnowledge.Base.Passages.Single(p => p.Id == expected);

        var reply = Assert.Single(await Ask(services, "c", question));

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(expected, LastAnswer(services, "c")!.PassageId);
        Assert.Equal(passage.Sources.Select(s => s.Url), reply.Citations.Select(c => c.Url));
        Assert.Contains("Sources: [1]", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith($"{TestKnowledge.Base.Notes.Caution}\n\n{TestKnowledge.Base.Notes.SeekHelp}", reply.Text, StringComparison.Ordinal);
        Assert.Equal(ReplyComposer.ShowFullAnswer, reply.Suggestions[0]);
        var shortAnswer = reply.Text[..reply.Text.IndexOf("\n\nSources:", StringComparison.Ordinal)];
        var sentences = passage.Paragraphs.SelectMany(p => p).ToList();
        Assert.True(shortAnswer.Length < passage.Body.Length / 2, $"the short answer should be a small part of the passage: {shortAnswer}");
        Assert.StartsWith(sentences.First(shortAnswer.StartsWith), shortAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_the_full_answer_sends_every_paragraph_of_the_last_passage_with_its_sources()
    {
        using var services = TestConversation.Services(time);
        await Ask(services, "c", "is ketamine addictive?");
        var passage = TestKnowledge.Base.Passages.Single(p => p.Id == "addiction-and-misuse");

        var full = Assert.Single(await Ask(services, "c", ReplyComposer.ShowFullAnswer));

        Assert.Equal(ReplyKind.Answer, full.Kind);
        Assert.All(passage.Paragraphs, p => Assert.Contains(string.Join(' ', p), full.Text, StringComparison.Ordinal));
        Assert.Equal(passage.Sources.Count, full.Citations.Count);
        Assert.DoesNotContain(ReplyComposer.ShowFullAnswer, full.Suggestions);
        Assert.Contains(TestKnowledge.Base.Notes.SeekHelp, full.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tell_me_more_without_an_earlier_answer_says_so_without_citations()
    {
        using var services = TestConversation.Services(time);

        var reply = Assert.Single(await Ask(services, "c", "tell me more"));

        Assert.Empty(reply.Citations);
        Assert.Contains("no recent answer", reply.Text, StringComparison.Ordinal);
        Assert.Contains(TestKnowledge.Base.Notes.Caution, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_keeps_the_subject_of_the_last_answer_until_the_window_closes()
    {
        using var services = TestConversation.Services(time);
        await Ask(services, "c", "what are the side effects of spravato?");
        Assert.Contains("spravato", LastAnswer(services, "c")!.Subject, StringComparison.Ordinal);

        await Ask(services, "c", "and is it covered by insurance?");
        Assert.Equal("spravato-insurance", LastAnswer(services, "c")!.PassageId);

        // The same question in a fresh conversation, or after the window, has no subject to lean on.
        await Ask(services, "d", "and is it covered by insurance?");
        Assert.Equal("cost-and-insurance", LastAnswer(services, "d")!.PassageId);
        await Ask(services, "c", "what are the side effects of spravato?");
        time.Advance(TimeSpan.FromMinutes(31));
        await Ask(services, "c", "and is it covered by insurance?");
        Assert.Equal("cost-and-insurance", LastAnswer(services, "c")!.PassageId);
    }

    [Theory]
    [InlineData("whats the best pizza in Napoli")]
    [InlineData("what about the weather in Lisbon tomorrow")]
    public async Task A_question_about_something_unknown_is_declined_even_right_after_an_answer(string question)
    {
        using var services = TestConversation.Services(time);
        await Ask(services, "c", "is ketamine addictive?");

        var replies = await Ask(services, "c", question);

        Assert.Equal(ReplyKind.NoAnswer, Assert.Single(replies).Kind);
    }

    [Theory]
    [InlineData("what is esketamine?", "how-long-spravato-lasts")]
    [InlineData("what are the side effects of ketamine?", "how-long-it-lasts")]
    public async Task And_how_long_does_it_last_stays_on_the_medicine_of_the_last_answer(string first, string expected)
    {
        using var services = TestConversation.Services(time);
        await Ask(services, "c", first);

        await Ask(services, "c", "and how long does it last?");

        Assert.Equal(expected, LastAnswer(services, "c")!.PassageId);
    }

    [Fact]
    public async Task Unanswered_questions_are_counted_by_topic_and_their_text_is_not_kept_by_default()
    {
        using var services = TestConversation.Services(time);

        var reply = Assert.Single(await Ask(services, "c", "what's the best pizza topping"));

        Assert.Equal(ReplyKind.NoAnswer, reply.Kind);
        var unanswered = services.GetRequiredService<UnansweredQuestions>();
        Assert.Equal(1, unanswered.Counts[UnansweredQuestions.NoTopic]);
    }

    private static Task<IReadOnlyList<BotReply>> Ask(ServiceProvider services, string conversation, string text) =>
        services.GetRequiredService<ConversationEngine>().RespondAsync(new IncomingMessage(text, ConversationId: conversation), CancellationToken.None);

    private static LastAnswer? LastAnswer(ServiceProvider services, string conversation) =>
        services.GetRequiredService<ConversationMemoryStore>().Get(conversation).LastAnswer;
}
