namespace WellbeingBot.Bot;

/// <summary>
/// Where a later, proactive message to a conversation goes, as the channel edge describes it (opaque here). Worked out on
/// first use: only reminders read it, yet every message of a channel that can take one carries it, and describing it
/// (serialising the conversation reference) was about 1.5% of a turn.
/// </summary>
public sealed class ReplyAddress
{
    private readonly Lazy<string> _value;

    public ReplyAddress(Func<string> describe) => _value = new Lazy<string>(describe, LazyThreadSafetyMode.PublicationOnly);

    public ReplyAddress(string value) => _value = new Lazy<string>(value);

    public string Value => _value.Value;

    public override string ToString() => Value;
}
