using WellbeingBot.Bot;

namespace WellbeingBot.Reminders;

public enum DeliveryResult
{
    Sent,

    /// <summary>The person removed the bot or the conversation is gone (403, 404): stop sending.</summary>
    Gone,

    /// <summary>Failed for now, after the connector call's own retries: try again next round.</summary>
    Failed,
}

/// <summary>Sends a message to a conversation without being asked; the channel edge implements it.</summary>
public interface IReminderSender
{
    Task<DeliveryResult> SendAsync(string address, BotReply reply, CancellationToken cancellationToken);
}
