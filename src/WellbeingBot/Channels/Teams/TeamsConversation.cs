using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace WellbeingBot.Channels.Teams;

/// <summary>What Teams adds to a message: mentions, the kind of conversation, and the tenant of the sender.</summary>
public static partial class TeamsConversation
{
    /// <summary>A channel or group chat: the bot speaks only when mentioned, and a crisis is answered privately.</summary>
    public static bool IsGroup(IActivity activity) =>
        activity.Conversation?.IsGroup == true || activity.Conversation?.ConversationType is "channel" or "groupChat";

    public static bool MentionsBot(IActivity activity) =>
        Mentions(activity).Any(m => m.Id == activity.Recipient?.Id);

    /// <summary>
    /// The text without the bot's mention, and with other people's mentions reduced to their names, before anything else
    /// reads it. Built on the entity JSON: the SDK's own helper throws on mentions built in memory.
    /// </summary>
    public static string? WithoutMentions(IMessageActivity activity)
    {
        var text = activity.Text;
        if (text is null)
        {
            return null;
        }

        foreach (var mention in Mentions(activity).Where(m => m.Id == activity.Recipient?.Id && m.Text is not null))
        {
            text = text.Replace(mention.Text!, " ", StringComparison.Ordinal);
        }

        return AtTag().Replace(text, "$1").Trim();
    }

    /// <summary>The tenant the conversation belongs to, needed to open a private chat with someone.</summary>
    public static string? TenantId(IActivity activity) =>
        activity.Conversation?.TenantId ?? (activity.ChannelData as JObject)?["tenant"]?["id"]?.Value<string>();

    private static IEnumerable<(string? Id, string? Text)> Mentions(IActivity activity) =>
        (activity.Entities ?? [])
            .Where(e => string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase))
            .Select(e => (e.Properties?["mentioned"]?["id"]?.Value<string>(), e.Properties?["text"]?.Value<string>()));

    [GeneratedRegex(@"<at[^>]*>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();
}
