using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WellbeingBot.Bot;

namespace WellbeingBot.Channels.BotFramework;

/// <summary>The Bot Framework edge: turns activities into calls on the conversation engine and replies back into activities.</summary>
/// <param name="proactiveChannels">Channels where reminders can be delivered later (<c>Reminders:Channels</c>).</param>
public sealed class WellbeingActivityHandler(ConversationEngine engine, ReplyComposer composer, IReadOnlyCollection<string>? proactiveChannels = null) : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var replies = await engine.RespondAsync(ActivityMapper.ToIncoming(turnContext.Activity, proactiveChannels), cancellationToken);
        foreach (var reply in replies)
        {
            await turnContext.SendActivityAsync(ActivityMapper.ToActivity(reply), cancellationToken);
        }
    }

    protected override async Task OnMembersAddedAsync(
        IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (ShouldWelcome(membersAdded, turnContext.Activity))
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
