using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using WellbeingBot.Bot;

namespace WellbeingBot.Channels.BotFramework;

/// <summary>The only translation between Bot Framework activities and the bot's own message types.</summary>
public static class ActivityMapper
{
    public const string CitationEntityType = "https://schema.org/Message";

    /// <param name="proactiveChannels">Channels whose conversations can take a message later; others get no reply address.</param>
    public static IncomingMessage ToIncoming(IMessageActivity activity, IReadOnlyCollection<string>? proactiveChannels = null) =>
        new(
            Teams.TeamsConversation.WithoutMentions(activity) ?? TextFromSubmit(activity.Value),
            activity.Attachments?.Count > 0,
            activity.Locale ?? ClientInfo(activity, "locale"),
            activity.Conversation?.Id is { Length: > 0 } id ? $"{activity.ChannelId}:{id}" : null,
            ClientInfo(activity, "country"),
            activity.From?.Id is { Length: > 0 } user ? $"{activity.ChannelId}:{user}" : null,
            SubmitData(activity.Value),
            ClientInfo(activity, "timezone") ?? (activity as Activity)?.LocalTimezone,
            activity.LocalTimestamp?.Offset,
            proactiveChannels?.Contains(activity.ChannelId ?? "") == true && activity.Conversation?.Id is not null && activity.ServiceUrl is not null
                ? new ReplyAddress(() => ProactiveSender.Address(activity))
                : null);

    public static IMessageActivity ToActivity(BotReply reply)
    {
        var activity = Activity.CreateMessageActivity();
        activity.TextFormat = TextFormatTypes.Markdown;
        if (reply.Card is { } card)
        {
            // The card carries the reply, notes included; its fallback text is the reply's text for clients without cards.
            activity.Attachments = [AdaptiveCards.Attachment(card, reply.Text)];
        }
        else
        {
            activity.Text = reply.Text;
        }

        if (reply.Urgent)
        {
            activity.Importance = ActivityImportance.High;
        }

        if (reply.Suggestions.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = reply.Suggestions.Select(s => new CardAction(ActionTypes.ImBack, s, value: s)).ToList(),
            };
        }

        if (reply.Citations.Count > 0)
        {
            activity.Entities = [CitationEntity(reply.Citations)];
        }

        return activity;
    }

    // Teams and Web Chat render this entity as a list of references matched to the [n] markers in the text.
    private static Entity CitationEntity(IReadOnlyList<Citation> citations)
    {
        var entity = new Entity(CitationEntityType);
        entity.Properties["@type"] = "Message";
        entity.Properties["@context"] = "https://schema.org";
        entity.Properties["@id"] = "";
        entity.Properties["citation"] = new JArray(citations.Select(c => new JObject
        {
            ["@type"] = "Claim",
            ["position"] = c.Position,
            ["appearance"] = new JObject
            {
                ["@type"] = "DigitalDocument",
                ["name"] = c.Name,
                ["url"] = c.Url.ToString(),
                ["abstract"] = c.Abstract,
            },
        }));
        return entity;
    }

    // Teams reports the user's country and time zone in a clientInfo entity; no other channel does.
    private static string? ClientInfo(IMessageActivity activity, string property) =>
        activity.Entities?.FirstOrDefault(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase))
            ?.Properties?.Value<string>(property);

    // A card submit carries no text; a field named "text" or "question" in its data is what the user chose.
    private static string? TextFromSubmit(object? value) =>
        value is JObject data ? (data.Value<string>("text") ?? data.Value<string>("question")) : null;

    // Only a card's own small string fields are kept (a session and step); anything else a client sends is ignored.
    private static Dictionary<string, string>? SubmitData(object? value)
    {
        if (value is not JObject data)
        {
            return null;
        }

        var fields = data.Properties()
            .Where(p => p.Value.Type is JTokenType.String or JTokenType.Integer && p.Name.Length <= 32)
            .Take(8)
            .ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal);
        return fields.Count > 0 ? fields : null;
    }
}
