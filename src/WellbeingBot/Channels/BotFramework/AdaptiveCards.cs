using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using WellbeingBot.Bot;

namespace WellbeingBot.Channels.BotFramework;

/// <summary>
/// Renders a <see cref="ReplyCard"/> as an Adaptive Card 1.5 (raw JSON: the .NET card library is not used), with
/// <c>Action.Submit</c> buttons only, so Teams, Web Chat and the Emulator all show it. Clients that cannot show it read the
/// card's fallback text, which is the whole reply.
/// </summary>
public static class AdaptiveCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    public static Attachment Attachment(ReplyCard card, string fallbackText) => new()
    {
        ContentType = ContentType,
        Content = Json(card, fallbackText),
    };

    public static JObject Json(ReplyCard card, string fallbackText)
    {
        var body = new JArray
        {
            TextBlock(card.Title, ("size", "Medium"), ("weight", "Bolder")),
        };
        if (card.Subtitle is not null)
        {
            body.Add(TextBlock(card.Subtitle, ("isSubtle", true), ("spacing", "None")));
        }

        foreach (var paragraph in card.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            body.Add(TextBlock(paragraph));
        }

        foreach (var paragraph in card.Footer.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            body.Add(TextBlock(paragraph, ("size", "Small"), ("isSubtle", true)));
        }

        return new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["fallbackText"] = fallbackText,
            ["speak"] = card.Body,
            ["body"] = body,
            ["actions"] = new JArray(card.Buttons.Select(b => new JObject
            {
                ["type"] = "Action.Submit",
                ["title"] = b.Title,
                ["data"] = JObject.FromObject(b.Data),
            })),
        };
    }

    private static JObject TextBlock(string text, params (string Name, JToken Value)[] properties)
    {
        var block = new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        foreach (var (name, value) in properties)
        {
            block[name] = value;
        }

        return block;
    }
}
