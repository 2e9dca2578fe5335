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

    // No ToString: the address holds the person's channel id, and a record printing its message must not print it.
    public string Value => _value.Value;
}
