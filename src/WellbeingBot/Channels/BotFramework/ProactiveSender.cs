using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;
using WellbeingBot.Bot;
using WellbeingBot.Reminders;

namespace WellbeingBot.Channels.BotFramework;

/// <summary>
/// Reminders out through the Bot Framework: the stored conversation reference, <c>ContinueConversationAsync</c> on the
/// CloudAdapter, and its HTTP client's resilience handler for 429/412/502/504. A 403 or 404 means the conversation is gone.
/// </summary>
public sealed class ProactiveSender(BotAdapter adapter, string appId) : IReminderSender
{
    /// <summary>The address a reminder is sent to, from an incoming activity: its conversation reference, as JSON.</summary>
    public static string Address(IActivity activity)
    {
        // Without the incoming message's id the reminder is a new message in the chat, not a reply to an old one.
        var reference = activity.GetConversationReference();
        reference.ActivityId = null;
        return JsonConvert.SerializeObject(reference, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });
    }

    public async Task<DeliveryResult> SendAsync(string address, BotReply reply, CancellationToken cancellationToken)
    {
        ConversationReference? reference;
        try
        {
            reference = JsonConvert.DeserializeObject<ConversationReference>(address);
        }
        catch (JsonException)
        {
            reference = null;
        }

        // An address that cannot be read can never be delivered to: the reminder is switched off, not retried for ever.
        if (reference?.Conversation?.Id is null || reference.ServiceUrl is null)
        {
            return DeliveryResult.Gone;
        }

        try
        {
            await adapter.ContinueConversationAsync(
                appId,
                reference,
                (turn, token) =>
                {
                    // The continuation activity has a made-up id; without it the SDK posts a new message instead of a reply to it.
                    turn.Activity.Id = null;
                    return turn.SendActivityAsync(ActivityMapper.ToActivity(reply), token);
                },
                cancellationToken);
            return DeliveryResult.Sent;
        }
        catch (ErrorResponseException e) when (e.Response?.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return DeliveryResult.Gone;
        }
        catch (Exception e) when (e is ErrorResponseException or HttpOperationException or HttpRequestException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return DeliveryResult.Failed;
        }
    }
}
