using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WellbeingBot.Bot;
using WellbeingBot.State;

namespace WellbeingBot.Tests.State;

/// <summary>One turn per conversation at a time, so racing turns cannot undo each other's memory; other conversations never wait.</summary>
public sealed class ConversationTurnsTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_second_turn_of_a_conversation_waits_for_the_first_and_other_conversations_do_not()
    {
        var turns = new ConversationTurns(time);
        var first = await turns.EnterAsync("c1", CancellationToken.None);

        var second = turns.EnterAsync("c1", CancellationToken.None);
        var elsewhere = turns.EnterAsync("c2", CancellationToken.None);

        Assert.True(elsewhere.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second).Dispose();
        (await elsewhere).Dispose();
        Assert.Equal(0, turns.Active);
    }

    [Fact]
    public async Task A_hung_turn_holds_the_next_one_back_for_at_most_the_limit_and_waiting_can_be_cancelled()
    {
        var turns = new ConversationTurns(time);
        var hung = await turns.EnterAsync("c1", CancellationToken.None);

        var next = turns.EnterAsync("c1", CancellationToken.None);
        time.Advance(ConversationTurns.MaxWait);
        var late = await next.WaitAsync(TimeSpan.FromSeconds(5));

        using var cancel = new CancellationTokenSource();
        var cancelled = turns.EnterAsync("c1", cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        // The turn that went ahead without the gate gives back nothing it did not take: a later turn still waits for the hung one.
        late.Dispose();
        var after = turns.EnterAsync("c1", CancellationToken.None);
        Assert.False(after.IsCompleted);
        hung.Dispose();
        (await after).Dispose();
        Assert.Equal(0, turns.Active);
    }

    [Fact]
    public async Task The_engine_runs_a_conversation_turn_only_when_the_one_before_it_has_finished()
    {
        using var services = TestConversation.Services(time);
        var turns = services.GetRequiredService<ConversationTurns>();
        var engine = services.GetRequiredService<ConversationEngine>();
        await engine.RespondAsync(new IncomingMessage("hello", ConversationId: "warm-up", UserId: "u0"), CancellationToken.None);
        var busy = await turns.EnterAsync("c1", CancellationToken.None);

        var waiting = Task.Run(() => engine.RespondAsync(new IncomingMessage("is ketamine addictive?", ConversationId: "c1", UserId: "u1"), CancellationToken.None));
        var other = await engine.RespondAsync(new IncomingMessage("is ketamine addictive?", ConversationId: "c2", UserId: "u2"), CancellationToken.None);

        Assert.NotEmpty(other);
        await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(1)));
        Assert.False(waiting.IsCompleted);
        busy.Dispose();
        Assert.NotEmpty(await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
