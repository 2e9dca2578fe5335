using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WellbeingBot.Bot;
using WellbeingBot.Channels.BotFramework;

namespace WellbeingBot.Channels.DirectLine;

/// <summary>
/// Runs the bot in-process for the self-hosted Direct Line: a turn's replies (and proactive messages) go into the
/// conversation's transcript, where the page polls them, stamped as Web Chat needs: an id, a timestamp and <c>from.role</c>.
/// </summary>
public sealed partial class DirectLineBotAdapter : Microsoft.Bot.Builder.BotAdapter
{
    public static readonly ChannelAccount BotAccount = new("wellbeingbot", "WellbeingBot", "bot");

    private readonly DirectLineConversations conversations;
    private readonly TimeProvider time;
    private readonly ILogger<DirectLineBotAdapter> logger;

    public DirectLineBotAdapter(DirectLineConversations conversations, TimeProvider time, ReplyComposer composer, ILogger<DirectLineBotAdapter> logger)
    {
        this.conversations = conversations;
        this.time = time;
        this.logger = logger;
        OnTurnError = TurnErrors.Handler(composer, logger);
    }

    public async Task ProcessAsync(DirectLineConversation conversation, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        // One turn at a time per conversation, so replies keep their order.
        await conversation.Turns.WaitAsync(cancellationToken);
        try
        {
            using var context = new TurnContext(this, activity);
            await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken);
        }
        finally
        {
            conversation.Turns.Release();
        }
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var conversation = conversations.Find(turnContext.Activity.Conversation.Id);
        if (conversation is null)
        {
            // The page is gone and its conversation dropped; a proactive message has nowhere to go.
            LogConversationGone(logger);
            return Task.FromResult(activities.Select(_ => new ResourceResponse()).ToArray());
        }

        var responses = new List<ResourceResponse>();
        foreach (var activity in activities)
        {
            if (activity.Type == ActivityTypesEx.Delay)
            {
                continue;
            }

            activity.From = BotAccount;
            activity.Recipient = conversation.User;
            activity.Conversation = new ConversationAccount(id: conversation.Id);
            activity.ChannelId = DirectLineEndpoints.ChannelId;
            activity.Timestamp = time.GetUtcNow();
            activity.ReplyToId ??= turnContext.Activity.Id;
            responses.Add(new ResourceResponse(conversation.Append(activity)));
        }

        return Task.FromResult(responses.ToArray());
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The self-hosted Direct Line does not edit sent messages.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The self-hosted Direct Line does not delete sent messages.");

    [LoggerMessage(Level = LogLevel.Information, Message = "A message for a web chat conversation that has ended was dropped")]
    private static partial void LogConversationGone(ILogger logger);
}
