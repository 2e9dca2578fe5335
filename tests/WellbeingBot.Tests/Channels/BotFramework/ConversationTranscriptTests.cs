using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using WellbeingBot.Bot;
using WellbeingBot.Channels.BotFramework;

namespace WellbeingBot.Tests.Channels.BotFramework;

/// <summary>Conversations as transcripts: the user says, the bot replies.</summary>
public sealed class ConversationTranscriptTests
{
    private static readonly string Caution = TestKnowledge.Base.Notes.Caution;
    private static readonly string SeekHelp = TestKnowledge.Base.Notes.SeekHelp;

    [Fact]
    public async Task Question_gets_lead_sentences_passage_sources_notes_and_follow_ups()
    {
        await new TestFlow(new TestAdapter(), Bot())
            .Send("how does ketamine work on the brain?")
            .AssertReply(a =>
            {
                var reply = (IMessageActivity)a;
                Assert.Contains("glutamate", reply.Text, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("Sources: [1]", reply.Text, StringComparison.Ordinal);
                Assert.True(reply.Text.IndexOf("Sources:", StringComparison.Ordinal) < reply.Text.IndexOf(Caution, StringComparison.Ordinal));
                Assert.EndsWith(SeekHelp, reply.Text, StringComparison.Ordinal);
                Assert.InRange(reply.SuggestedActions.Actions.Count, 2, 4);
                Assert.Equal(ReplyComposer.ShowFullAnswer, reply.SuggestedActions.Actions[0].Value);
                var entity = Assert.Single(reply.Entities);
                Assert.Equal(ActivityMapper.CitationEntityType, entity.Type);
                var citations = entity.Properties["citation"]!;
                Assert.Equal("Claim", (string?)citations[0]!["@type"]);
                Assert.Equal("DigitalDocument", (string?)citations[0]!["appearance"]!["@type"]);
                Assert.StartsWith("http", (string?)citations[0]!["appearance"]!["url"], StringComparison.Ordinal);
                Assert.True(((string?)citations[0]!["appearance"]!["abstract"])!.Length <= 160);
                Assert.Null(reply.Importance);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Pressing_a_follow_up_answers_that_question()
    {
        string? followUp = null;
        await new TestFlow(new TestAdapter(), Bot())
            .Send("what is spravato")
            .AssertReply(a => followUp = ((IMessageActivity)a).SuggestedActions.Actions
                .Select(x => x.Value as string)
                .Last(v => v is not null && v != "Show the full answer" && !v.StartsWith("Try ", StringComparison.Ordinal)))
            .StartTestAsync();

        Assert.NotNull(followUp);
        await new TestFlow(new TestAdapter(), Bot())
            .Send(followUp)
            .AssertReply(a => Assert.NotEmpty(((IMessageActivity)a).Entities))
            .StartTestAsync();
    }

    [Fact]
    public async Task Out_of_scope_question_gets_honest_no_answer_with_choices_and_no_citation()
    {
        await new TestFlow(new TestAdapter(), Bot())
            .Send("how do I reset my password")
            .AssertReply(a =>
            {
                var reply = (IMessageActivity)a;
                Assert.Contains("don't have a reliable answer", reply.Text, StringComparison.Ordinal);
                Assert.Contains(Caution, reply.Text, StringComparison.Ordinal);
                Assert.Contains(SeekHelp, reply.Text, StringComparison.Ordinal);
                Assert.NotEmpty(reply.SuggestedActions.Actions);
                Assert.True(reply.Entities is null || reply.Entities.Count == 0);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Greeting_gets_the_introduction()
    {
        await new TestFlow(new TestAdapter(), Bot())
            .Send("hello")
            .AssertReply(a => Assert.Contains("not a doctor", ((IMessageActivity)a).Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task User_joining_a_personal_chat_is_welcomed_once()
    {
        var adapter = new TestAdapter();
        var update = ConversationUpdate(adapter, isGroup: false, "user-1", "bot");
        var sent = await RunAsync(adapter, update);

        var welcome = Assert.Single(sent);
        Assert.Contains("not a doctor", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("not a crisis service", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("emergency", welcome.Text, StringComparison.Ordinal);
        // The privacy notice comes before anything personal could be stored.
        Assert.Contains("nothing about you is stored without asking you first", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("\"privacy\"", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("\"forget me\"", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("Privacy", welcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_joining_a_channel_are_not_each_welcomed()
    {
        var adapter = new TestAdapter();
        var sent = await RunAsync(adapter, ConversationUpdate(adapter, isGroup: true, "user-1", "user-2", "user-3"));
        Assert.Empty(sent);
    }

    [Fact]
    public async Task Bot_installed_in_a_team_greets_the_channel_once()
    {
        var adapter = new TestAdapter();
        var sent = await RunAsync(adapter, ConversationUpdate(adapter, isGroup: true, "bot", "user-1", "user-2"));
        Assert.Single(sent);
    }

    private static async Task<List<IMessageActivity>> RunAsync(TestAdapter adapter, Activity activity)
    {
        await adapter.ProcessActivityAsync(activity, Bot().OnTurnAsync, CancellationToken.None);
        var sent = new List<IMessageActivity>();
        while (adapter.ActiveQueue.Count > 0)
        {
            sent.Add(adapter.ActiveQueue.Dequeue().AsMessageActivity());
        }

        return sent;
    }

    private static Activity ConversationUpdate(TestAdapter adapter, bool isGroup, params string[] added)
    {
        var activity = adapter.MakeActivity();
        activity.Type = ActivityTypes.ConversationUpdate;
        activity.Conversation.IsGroup = isGroup;
        activity.Recipient = new ChannelAccount("bot", "WellbeingBot");
        activity.MembersAdded = added.Select(id => new ChannelAccount(id)).ToList();
        return activity;
    }

    private static WellbeingActivityHandler Bot()
    {
        var services = TestConversation.Services();
        return new WellbeingActivityHandler(services.GetRequiredService<ConversationEngine>(), services.GetRequiredService<ReplyComposer>());
    }
}
