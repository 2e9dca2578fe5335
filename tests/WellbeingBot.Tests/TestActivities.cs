using System.Text.Json.Nodes;

namespace WellbeingBot.Tests;

/// <summary>Bot Framework activities as a client posts them to /api/messages, with replies returned in the response body.</summary>
public static class TestActivities
{
    public static JsonObject Message(
        string? text,
        string conversation = "conv-1",
        string user = "user-1",
        string? locale = null,
        string serviceUrl = "http://localhost:1",
        string? timezone = null,
        string userName = "User") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["text"] = text,
        ["channelId"] = "emulator",
        ["serviceUrl"] = serviceUrl,
        ["deliveryMode"] = "expectReplies",
        ["locale"] = locale,
        ["localTimezone"] = timezone,
        ["from"] = new JsonObject { ["id"] = user, ["name"] = userName },
        ["recipient"] = new JsonObject { ["id"] = "bot", ["name"] = "WellbeingBot" },
        ["conversation"] = new JsonObject { ["id"] = conversation },
    };
}
