using Microsoft.Extensions.DependencyInjection;
using WellbeingBot.Bot;
using WellbeingBot.State;

namespace WellbeingBot.Tests.Bot;

/// <summary>The privacy notice, "what do you know about me" and "forget me", over a conversation.</summary>
public sealed class PrivacyCommandTests
{
    [Fact]
    public async Task Privacy_gives_the_reviewed_notice_with_both_notes()
    {
        using var services = TestConversation.Services();

        var reply = Assert.Single(await Ask(services, "privacy"));

        Assert.Equal(ReplyKind.Privacy, reply.Kind);
        Assert.Contains(TestKnowledge.Base.Notes.Privacy, reply.Text, StringComparison.Ordinal);
        Assert.Contains(TestKnowledge.Base.Notes.SeekHelp, reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Citations);
    }

    [Fact]
    public async Task What_do_you_know_lists_everything_held_in_plain_words()
    {
        using var services = TestConversation.Services();
        Assert.Contains("not holding anything", Assert.Single(await Ask(services, "what do you know about me?")).Text, StringComparison.Ordinal);

        await Ask(services, "I've been feeling so hopeless lately, can ketamine help with that?");
        await Ask(services, "can I drive after spravato");
        var reply = Assert.Single(await Ask(services, "what do you know about me?"));

        Assert.Contains("feeling unsafe or very low", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Can I drive after ketamine or Spravato?", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("hopeless", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_me_asks_once_then_deletes_everything()
    {
        using var services = TestConversation.Services();
        await Ask(services, "I've been feeling so hopeless lately, can ketamine help with that?");
        Assert.NotEqual(ConversationMemory.Empty, Memory(services));

        var confirm = Assert.Single(await Ask(services, "forget me"));
        Assert.Equal([PrivacyReplies.ForgetYes, PrivacyReplies.ForgetNo], confirm.Suggestions);
        Assert.NotEqual(ConversationMemory.Empty, Memory(services) with { ForgetRequested = false });

        var done = Assert.Single(await Ask(services, PrivacyReplies.ForgetYes));

        Assert.Contains("deleted everything", done.Text, StringComparison.Ordinal);
        Assert.Equal(ConversationMemory.Empty, Memory(services));
        Assert.Equal(0, services.GetRequiredService<ConversationMemoryStore>().Count);
        Assert.Contains("not holding anything", Assert.Single(await Ask(services, "what do you know about me")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_me_declined_or_followed_by_a_question_keeps_everything()
    {
        using var services = TestConversation.Services();
        await Ask(services, "can I drive after spravato");

        await Ask(services, "forget me");
        Assert.Contains("Nothing was deleted", Assert.Single(await Ask(services, PrivacyReplies.ForgetNo)).Text, StringComparison.Ordinal);
        Assert.NotNull(Memory(services).LastAnswer);

        await Ask(services, "forget me");
        var answer = Assert.Single(await Ask(services, "is ketamine addictive?"));
        Assert.Equal(ReplyKind.Answer, answer.Kind);
        Assert.False(Memory(services).ForgetRequested);
    }

    [Fact]
    public async Task A_crisis_message_after_forget_me_still_gets_the_crisis_reply()
    {
        using var services = TestConversation.Services();
        await Ask(services, "forget me");

        var replies = await Ask(services, "i want to end my life");

        Assert.Contains(replies, r => r.Kind == ReplyKind.Crisis && r.Urgent);
    }

    private static Task<IReadOnlyList<BotReply>> Ask(ServiceProvider services, string text) =>
        services.GetRequiredService<ConversationEngine>().RespondAsync(new IncomingMessage(text, ConversationId: "c", Locale: "en-GB"), CancellationToken.None);

    private static ConversationMemory Memory(ServiceProvider services) => services.GetRequiredService<ConversationMemoryStore>().Get("c");
}
