using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WellbeingBot.Bot;

namespace WellbeingBot.Channels.BotFramework;

/// <summary>
/// The Bot Framework edge: turns activities into calls on the conversation engine and replies back into activities. In a
/// channel or group chat it answers only when mentioned, in the thread, and sends anything from the crisis path privately.
/// </summary>
/// <param name="proactiveChannels">Channels where reminders can be delivered later (<c>Reminders:Channels</c>).</param>
/// <param name="appId">The bot's Microsoft app id, to open a private chat; empty without credentials.</param>
public sealed partial class WellbeingActivityHandler(
    ConversationEngine engine,
    ReplyComposer composer,
    IReadOnlyCollection<string>? proactiveChannels = null,
    string appId = "",
    ILogger<WellbeingActivityHandler>? logger = null) : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var group = Teams.TeamsConversation.IsGroup(activity);
        if (group && activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams && !Teams.TeamsConversation.MentionsBot(activity))
        {
            return;
        }

        var replies = await engine.RespondAsync(ActivityMapper.ToIncoming(activity, proactiveChannels), cancellationToken);
        if (group && replies.Any(IsCrisisPath) && await SendPrivatelyAsync(turnContext, replies, cancellationToken))
        {
            // Nobody's crisis is broadcast: the channel only learns that the bot reached out.
            await turnContext.SendActivityAsync(ActivityMapper.ToActivity(composer.ReachedOutPrivately(activity.From?.Name)), cancellationToken);
            return;
        }

        foreach (var reply in replies)
        {
            await turnContext.SendActivityAsync(ActivityMapper.ToActivity(reply), cancellationToken);
        }
    }

    // The bot handles no invokes (its cards use Action.Submit, which arrives as a message). The SDK would answer 501; an invoke
    // the bot never offered is the caller's mistake, and a 5xx would read as the bot being broken.
    protected override Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken) =>
        Task.FromResult(new InvokeResponse { Status = StatusCodes.Status400BadRequest });

    private static bool IsCrisisPath(BotReply reply) =>
        reply.Urgent || reply.Kind is ReplyKind.CheckIn or ReplyKind.SafeNow or ReplyKind.Grounding;

    // A 1:1 chat with the sender, opened through the connector. If it cannot be opened, the reply goes in the thread after
    // all: help for the person comes before their privacy.
    private async Task<bool> SendPrivatelyAsync(ITurnContext turnContext, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var tenant = Teams.TeamsConversation.TenantId(activity);
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = activity.Recipient,
            Members = [activity.From],
            TenantId = tenant,
            ChannelData = tenant is null ? null : new { tenant = new { id = tenant } },
        };
        try
        {
            await turnContext.Adapter.CreateConversationAsync(
                appId,
                activity.ChannelId,
                activity.ServiceUrl,
                turnContext.TurnState.Get<string>(BotAdapter.OAuthScopeKey),
                parameters,
                async (privateTurn, token) =>
                {
                    foreach (var reply in replies)
                    {
                        await privateTurn.SendActivityAsync(ActivityMapper.ToActivity(reply), token);
                    }
                },
                cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (logger is not null)
            {
                LogPrivateChatFailed(logger, e);
            }

            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A private chat for a crisis reply could not be opened; the reply went to the thread")]
    private static partial void LogPrivateChatFailed(ILogger logger, Exception exception);

    // The SDK's members-added hook skips an update that adds only the bot, which is exactly how Teams announces an install.
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.MembersAdded is { Count: > 0 } added && ShouldWelcome(added, turnContext.Activity))
        {
            await turnContext.SendActivityAsync(ActivityMapper.ToActivity(composer.Welcome()), cancellationToken);
        }
    }

    // One welcome per conversation start: in a team or group chat only when the bot itself is added, never once per member.
    internal static bool ShouldWelcome(IList<ChannelAccount> membersAdded, IConversationUpdateActivity activity)
    {
        var botId = activity.Recipient?.Id;
        var botAdded = membersAdded.Any(m => m.Id == botId);
        var userAdded = membersAdded.Any(m => m.Id != botId);
        var conversationType = activity.Conversation?.ConversationType;
        var isGroup = activity.Conversation?.IsGroup == true || conversationType is "channel" or "groupChat";
        if (isGroup)
        {
            return botAdded;
        }

        // A personal Teams chat announces only the bot's arrival; other channels announce the user.
        return userAdded || (botAdded && activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams);
    }
}
