using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WellbeingBot.Bot;

/// <summary>
/// Turns, by the kind of reply they ended in, and how long they took; one trace span per turn. Tags carry kinds only: never
/// text, never who sent it.
/// </summary>
public sealed class ConversationMetrics
{
    public const string Name = "WellbeingBot.Conversation";

    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> turns;
    private readonly Histogram<double> duration;

    public ConversationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        turns = meter.CreateCounter<long>("wellbeingbot.turns", unit: "{turn}", description: "Messages answered, by the kind of the last reply");
        duration = meter.CreateHistogram<double>("wellbeingbot.turn.duration", unit: "ms", description: "Time to decide the replies to a message");
    }

    public void Turn(IReadOnlyList<BotReply> replies, TimeSpan elapsed)
    {
        var kind = new KeyValuePair<string, object?>("kind", replies.Count > 0 ? replies[^1].Kind.ToString() : "none");
        turns.Add(1, kind);
        duration.Record(elapsed.TotalMilliseconds, kind);
    }
}
