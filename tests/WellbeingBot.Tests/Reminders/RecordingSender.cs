using System.Collections.Concurrent;
using WellbeingBot.Bot;
using WellbeingBot.Reminders;

namespace WellbeingBot.Tests;

/// <summary>The channel edge in transcript tests: records every reminder sent, at the instant the test clock shows.</summary>
public sealed class RecordingSender(TimeProvider time) : IReminderSender
{
    private readonly ConcurrentQueue<(string Address, BotReply Reply, DateTimeOffset At)> sent = new();

    public IReadOnlyCollection<(string Address, BotReply Reply, DateTimeOffset At)> Sent => sent;

    /// <summary>What the next sends answer: the conversation is gone, or a failure for now.</summary>
    public DeliveryResult Next { get; set; } = DeliveryResult.Sent;

    public Task<DeliveryResult> SendAsync(string address, BotReply reply, CancellationToken cancellationToken)
    {
        if (Next == DeliveryResult.Sent)
        {
            sent.Enqueue((address, reply, time.GetUtcNow()));
        }

        return Task.FromResult(Next);
    }
}
