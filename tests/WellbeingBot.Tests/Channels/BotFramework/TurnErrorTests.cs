using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace WellbeingBot.Tests.Channels.BotFramework;

public sealed class TurnErrorTests
{
    [Fact]
    public async Task Failing_turn_gets_an_apology_with_the_seek_help_note_and_no_stack_trace()
    {
        using var app = new WellbeingBotApplication().WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.AddTransient<IBot, ThrowingBot>()));
        using var client = app.CreateClient();
        var activity = new JsonObject
        {
            ["type"] = "message", ["id"] = "1", ["text"] = "secret words", ["channelId"] = "emulator",
            ["serviceUrl"] = "http://localhost:1", ["deliveryMode"] = "expectReplies",
            ["from"] = new JsonObject { ["id"] = "u" }, ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = "c" },
        };

        var response = await client.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sorry, something went wrong", body, StringComparison.Ordinal);
        Assert.Contains(TestKnowledge.Base.Notes.SeekHelp.Replace("\"", "\\\"", StringComparison.Ordinal)[..40], body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("boom", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ThrowingBot", body, StringComparison.Ordinal);
    }

    private sealed class ThrowingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("boom");
    }
}
