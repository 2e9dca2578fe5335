using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace WellbeingBot.Tests.Channels.BotFramework;

/// <summary>
/// Ten thousand random and mutated activities (wrong types, missing fields, huge and odd Unicode text, junk values) get no 5xx,
/// and the bot still answers afterwards. The generator is seeded, so a failure can be replayed.
/// </summary>
public sealed class FuzzTests
{
    private const int Count = 10_000;

    private static readonly string[] Types = ["message", "conversationUpdate", "installationUpdate", "invoke", "event", "typing", "messageReaction", "endOfConversation", "", "MESSAGE", "\u0000", "🙂"];

    private static readonly string[] Texts =
    [
        "is ketamine addictive?", "i want to end my life", "start box breathing", "next", "remind me every day at 8am", "yes", "forget me",
        "", " ", "\u202Eevil\u202C", "\uD83D", "\u0000\u0001\u0002", "<at>WellbeingBot</at>", "<script>alert(1)</script>", "ﷺ ﷽", "𝔨𝔢𝔱𝔞𝔪𝔦𝔫𝔢",
        "SELECT * FROM bot_state; --", "{{MicrosoftAppId}}", "%s%s%s%n", "\r\n\r\n", "ketamine " + new string('?', 300),
    ];

    [Fact]
    public async Task Random_and_mutated_activities_get_no_server_error_and_the_bot_keeps_answering()
    {
        await using var app = new WellbeingBotApplication(new Dictionary<string, string?>
        {
            ["Bot:MessagesPerMinutePerConversation"] = "100000",
            ["Bot:RequestsPerMinutePerClient"] = "1000000",
        });
        var client = app.CreateClient();
        var random = new Random(20261128);
        var failures = new List<string>();

        for (var i = 0; i < Count; i++)
        {
            var body = Mutate(random, i);
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"#{i} {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} server errors, first ones:\n{string.Join('\n', failures.Take(5))}");
        var answer = await client.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), Activity(new Random(1), "is ketamine addictive?", expectReplies: true));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("abuse and misuse", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Mutate(Random random, int i)
    {
        var text = random.Next(10) == 0 ? new string((char)random.Next(32, 0xD7FF), random.Next(1, 200_000)) : Texts[random.Next(Texts.Length)];
        var activity = Activity(random, text, expectReplies: random.Next(4) != 0);
        switch (random.Next(12))
        {
            case 0:
                activity.Remove(Pick(random, activity));
                break;
            case 1:
                activity[Pick(random, activity)] = Junk(random);
                break;
            case 2:
                activity["type"] = Types[random.Next(Types.Length)];
                break;
            case 3:
                activity["value"] = random.Next(2) == 0 ? new JsonObject { ["text"] = Junk(random), ["session"] = Junk(random), ["step"] = Junk(random) } : Junk(random);
                activity.Remove("text");
                break;
            case 4:
                activity["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["timezone"] = Junk(random), ["country"] = Junk(random), ["locale"] = Junk(random) },
                    new JsonObject { ["type"] = "mention", ["mentioned"] = Junk(random), ["text"] = Junk(random) });
                break;
            case 5:
                activity["membersAdded"] = random.Next(2) == 0 ? new JsonArray(new JsonObject { ["id"] = Junk(random) }) : Junk(random);
                activity["type"] = "conversationUpdate";
                break;
            case 6:
                activity["conversation"] = new JsonObject { ["id"] = Junk(random), ["isGroup"] = Junk(random), ["conversationType"] = Junk(random) };
                break;
            case 7:
                activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = Junk(random), ["content"] = Junk(random) });
                break;
        }

        var json = activity.ToJsonString();
        return random.Next(50) == 0 ? json[..random.Next(json.Length)] : json;
    }

    private static JsonObject Activity(Random random, string text, bool expectReplies) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["text"] = text,
        ["channelId"] = random.Next(3) switch { 0 => "msteams", 1 => "emulator", _ => "directline" },
        ["serviceUrl"] = "http://127.0.0.1:1/",
        ["deliveryMode"] = expectReplies ? "expectReplies" : "normal",
        ["locale"] = "en-GB",
        ["localTimezone"] = "Europe/London",
        ["from"] = new JsonObject { ["id"] = $"user-{random.Next(50)}", ["name"] = "Fuzz" },
        ["recipient"] = new JsonObject { ["id"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = $"fuzz-{random.Next(50)}" },
    };

    private static string Pick(Random random, JsonObject activity)
    {
        var keys = activity.Select(p => p.Key).ToArray();
        return keys[random.Next(keys.Length)];
    }

    private static JsonNode? Junk(Random random) => random.Next(8) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next()),
        2 => JsonValue.Create(random.NextDouble() * 1e300),
        3 => JsonValue.Create(random.Next(2) == 0),
        4 => new JsonArray(JsonValue.Create("a"), null, JsonValue.Create(1)),
        5 => new JsonObject { ["x"] = new JsonObject { ["y"] = "z" } },
        6 => JsonValue.Create(new string('é', random.Next(0, 5000))),
        _ => JsonValue.Create(Texts[random.Next(Texts.Length)]),
    };
}
