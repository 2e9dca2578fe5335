using System.ComponentModel.DataAnnotations;

namespace WellbeingBot.State;

/// <summary>Bounds on the in-memory conversation memory; validated on start.</summary>
public sealed class ConversationMemoryOptions
{
    public const string Section = "ConversationMemory";

    /// <summary>How long a quiet conversation is remembered. Long enough for a break in a hard conversation, short enough to forget.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(12);

    [Range(100, 10_000_000)]
    public int MaxConversations { get; set; } = 100_000;
}
