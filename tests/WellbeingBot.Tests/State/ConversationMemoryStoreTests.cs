using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WellbeingBot.Bot;
using WellbeingBot.Safety;
using WellbeingBot.State;

namespace WellbeingBot.Tests.State;

/// <summary>Conversation memory lives in process memory only, is forgotten when a conversation goes quiet, and stays bounded.</summary>
public sealed class ConversationMemoryStoreTests
{
    private static readonly ConversationMemory Distressed = new(DistressShown: true, Stage: CrisisStage.CrisisSent, LastCrisis: CrisisCategory.Suicide);

    [Fact]
    public void A_quiet_conversation_is_forgotten_after_the_idle_timeout()
    {
        var time = new FakeTimeProvider();
        var store = Store(time, TimeSpan.FromHours(12), 100);
        store.Set("c", Distressed);
        time.Advance(TimeSpan.FromHours(11));
        Assert.Equal(Distressed, store.Get("c"));
        store.Set("c", Distressed);
        time.Advance(TimeSpan.FromHours(12) + TimeSpan.FromSeconds(1));
        Assert.Equal(ConversationMemory.Empty, store.Get("c"));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void The_number_of_conversations_held_is_bounded_and_the_quietest_go_first()
    {
        var time = new FakeTimeProvider();
        var store = Store(time, TimeSpan.FromHours(12), 100);
        for (var i = 0; i < 150; i++)
        {
            store.Set($"c{i}", Distressed);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(store.Count <= 100);
        Assert.Equal(ConversationMemory.Empty, store.Get("c0"));
        Assert.Equal(Distressed, store.Get("c149"));
    }

    [Fact]
    public void Without_a_conversation_id_nothing_is_remembered()
    {
        var store = Store(new FakeTimeProvider(), TimeSpan.FromHours(1), 100);
        store.Set(null, Distressed);
        Assert.Equal(ConversationMemory.Empty, store.Get(null));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Distress_is_remembered_across_turns_of_one_conversation_only()
    {
        var engine = TestConversation.Engine();
        await engine.RespondAsync(new IncomingMessage("i feel so hopeless lately", ConversationId: "one"), CancellationToken.None);
        var same = await engine.RespondAsync(new IncomingMessage("how many troches can i take at once", ConversationId: "one"), CancellationToken.None);
        var other = await engine.RespondAsync(new IncomingMessage("how many troches can i take at once", ConversationId: "two"), CancellationToken.None);
        Assert.Equal(ReplyKind.Crisis, Assert.Single(same).Kind);
        Assert.NotEqual(ReplyKind.Crisis, Assert.Single(other).Kind);
    }

    private static ConversationMemoryStore Store(TimeProvider time, TimeSpan idle, int max) =>
        new(time, Options.Create(new ConversationMemoryOptions { IdleTimeout = idle, MaxConversations = max }));
}
