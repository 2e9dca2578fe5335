using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace WellbeingBot.Tests.Channels.Teams;

/// <summary>Activities as Teams sends them, written as JSON in the shapes of the samples in Teams' documentation.</summary>
internal static class TeamsPayloads
{
    public const string BotId = "28:c9e8c047-2a74-40a2-b28a-b162d5f5327c";
    public const string UserId = "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw";
    public const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    public static Activity TeamInstall() => Parse($$"""
        {
          "type": "conversationUpdate", "id": "f:1", "channelId": "msteams", "serviceUrl": "https://smba.trafficmanager.net/amer/",
          "from": { "id": "{{UserId}}", "aadObjectId": "00000000-0000-0000-0000-000000000001" },
          "recipient": { "id": "{{BotId}}", "name": "WellbeingBot" },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "{{Tenant}}", "id": "19:general@thread.tacv2" },
          "membersAdded": [ { "id": "{{BotId}}" } ],
          "channelData": { "team": { "id": "19:general@thread.tacv2", "name": "Wellbeing" }, "eventType": "teamMemberAdded", "tenant": { "id": "{{Tenant}}" } }
        }
        """);

    public static Activity TeamMemberJoined() => Parse($$"""
        {
          "type": "conversationUpdate", "id": "f:2", "channelId": "msteams", "serviceUrl": "https://smba.trafficmanager.net/amer/",
          "from": { "id": "{{UserId}}" }, "recipient": { "id": "{{BotId}}", "name": "WellbeingBot" },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "{{Tenant}}", "id": "19:general@thread.tacv2" },
          "membersAdded": [ { "id": "29:1another-member" } ],
          "channelData": { "team": { "id": "19:general@thread.tacv2" }, "eventType": "teamMemberAdded", "tenant": { "id": "{{Tenant}}" } }
        }
        """);

    public static Activity PersonalInstall() => Parse($$"""
        {
          "type": "conversationUpdate", "id": "f:3", "channelId": "msteams", "serviceUrl": "https://smba.trafficmanager.net/amer/",
          "from": { "id": "{{UserId}}" }, "recipient": { "id": "{{BotId}}", "name": "WellbeingBot" },
          "conversation": { "conversationType": "personal", "tenantId": "{{Tenant}}", "id": "a:1personal" },
          "membersAdded": [ { "id": "{{BotId}}" } ],
          "channelData": { "tenant": { "id": "{{Tenant}}" } }
        }
        """);

    public static Activity InstallationUpdate() => Parse($$"""
        {
          "type": "installationUpdate", "action": "add", "id": "f:4", "channelId": "msteams", "serviceUrl": "https://smba.trafficmanager.net/amer/",
          "from": { "id": "{{UserId}}" }, "recipient": { "id": "{{BotId}}", "name": "WellbeingBot" },
          "conversation": { "conversationType": "personal", "tenantId": "{{Tenant}}", "id": "a:1personal" },
          "channelData": { "tenant": { "id": "{{Tenant}}" }, "source": { "name": "message" } }
        }
        """);

    /// <param name="mention">Whether the message @mentions the bot; Teams keeps the tag in the text.</param>
    public static Activity ChannelMessage(string text, bool mention = true, string serviceUrl = "https://smba.trafficmanager.net/amer/") => Parse($$"""
        {
          "type": "message", "id": "1481567603816", "channelId": "msteams", "serviceUrl": "{{serviceUrl}}",
          "text": {{JsonConvert.ToString(mention ? $"<at>WellbeingBot</at> {text}" : text)}}, "textFormat": "plain", "locale": "en-US",
          "from": { "id": "{{UserId}}", "name": "Megan Bowen", "aadObjectId": "00000000-0000-0000-0000-000000000001" },
          "recipient": { "id": "{{BotId}}", "name": "WellbeingBot" },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "{{Tenant}}", "id": "19:general@thread.tacv2;messageid=1481567603816" },
          "entities": [
            {{(mention ? $$"""{ "type": "mention", "mentioned": { "id": "{{BotId}}", "name": "WellbeingBot" }, "text": "<at>WellbeingBot</at>" },""" : "")}}
            { "type": "clientInfo", "locale": "en-US", "country": "US", "platform": "Web", "timezone": "America/Los_Angeles" }
          ],
          "channelData": {
            "teamsChannelId": "19:general@thread.tacv2", "teamsTeamId": "19:general@thread.tacv2",
            "channel": { "id": "19:general@thread.tacv2" }, "team": { "id": "19:general@thread.tacv2" }, "tenant": { "id": "{{Tenant}}" }
          }
        }
        """);

    public static Activity PersonalMessage(string text, string country = "AU", string timezone = "Australia/Sydney", string locale = "en-AU", Uri? serviceUrlOverride = null)
    {
        var activity = PersonalMessageJson(text, country, timezone, locale);
        activity.ServiceUrl = serviceUrlOverride?.ToString() ?? activity.ServiceUrl;
        return activity;
    }

    private static Activity PersonalMessageJson(string text, string country, string timezone, string locale) => Parse($$"""
        {
          "type": "message", "id": "1481567603999", "channelId": "msteams", "serviceUrl": "https://smba.trafficmanager.net/apac/",
          "text": {{JsonConvert.ToString(text)}}, "textFormat": "plain",
          "from": { "id": "{{UserId}}", "name": "Megan Bowen", "aadObjectId": "00000000-0000-0000-0000-000000000001" },
          "recipient": { "id": "{{BotId}}", "name": "WellbeingBot" },
          "conversation": { "conversationType": "personal", "tenantId": "{{Tenant}}", "id": "a:1personal" },
          "entities": [ { "type": "clientInfo", "locale": "{{locale}}", "country": "{{country}}", "platform": "Windows", "timezone": "{{timezone}}" } ],
          "channelData": { "tenant": { "id": "{{Tenant}}" } }
        }
        """);

    /// <summary>What Teams sends when an Action.Submit button is pressed: no text, the button's data as the value.</summary>
    public static Activity CardSubmit(string dataJson) => Parse($$"""
        {
          "type": "message", "id": "1481567604000", "channelId": "msteams", "serviceUrl": "https://smba.trafficmanager.net/apac/",
          "from": { "id": "{{UserId}}", "name": "Megan Bowen" }, "recipient": { "id": "{{BotId}}", "name": "WellbeingBot" },
          "conversation": { "conversationType": "personal", "tenantId": "{{Tenant}}", "id": "a:1personal" },
          "value": {{dataJson}},
          "entities": [ { "type": "clientInfo", "locale": "en-AU", "country": "AU", "timezone": "Australia/Sydney" } ],
          "channelData": { "tenant": { "id": "{{Tenant}}" }, "source": { "name": "message" } }
        }
        """);

    private static Activity Parse(string json) => JsonConvert.DeserializeObject<Activity>(json)!;
}
