using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace WellbeingBot.Tests.Channels.BotFramework;

/// <summary>POST /api/messages as a Bot Framework client (the Emulator, a channel, curl) uses it.</summary>
public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private readonly WellbeingBotApplication _app = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Question_with_expectReplies_returns_a_cited_answer_with_both_notes_in_the_body()
    {
        var replies = await AskAsync(Message("how does ketamine work on the brain?"));

        var reply = Single(replies);
        var text = reply["text"]!.GetValue<string>();
        Assert.Contains("NMDA", text, StringComparison.Ordinal);
        Assert.Contains(Notes.Caution, text, StringComparison.Ordinal);
        Assert.Contains(Notes.SeekHelp, text, StringComparison.Ordinal);
        var entity = Assert.Single(reply["entities"]!.AsArray());
        Assert.Equal("https://schema.org/Message", entity!["type"]!.GetValue<string>());
        Assert.NotEmpty(entity["citation"]!.AsArray());
        Assert.InRange(reply["suggestedActions"]!["actions"]!.AsArray().Count, 2, 4);
        Assert.Null(reply["importance"]);
    }

    [Fact]
    public async Task Replies_come_as_compact_json_with_their_length()
    {
        var response = await PostAsync(Message("is ketamine addictive?"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(body), response.Content.Headers.ContentLength);
        Assert.StartsWith("{\"activities\":[{", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\n  ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crisis_message_gets_an_urgent_reply_with_the_locales_lines_and_no_citation()
    {
        var message = Message("i dont want to wake up tomorrow");
        message["locale"] = "en-AU";
        var reply = Single(await AskAsync(message));

        Assert.Equal("high", reply["importance"]!.GetValue<string>());
        var text = reply["text"]!.GetValue<string>();
        Assert.Contains("[13 11 14](tel:131114)", text, StringComparison.Ordinal);
        Assert.Contains("[000](tel:000)", text, StringComparison.Ordinal);
        Assert.Contains(Notes.SeekHelp, text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply["entities"]?.AsArray() ?? [], e => e!["type"]!.GetValue<string>() == "https://schema.org/Message");

        // The same conversation's next turn checks in, without the urgent mark.
        var next = Single(await AskAsync(Message("ok")));
        Assert.Contains("are you safe right now?", next["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(next["importance"]);
    }

    [Fact]
    public async Task Weather_question_gets_the_honest_no_answer_without_citations()
    {
        var reply = Single(await AskAsync(Message("what's the weather in Paris")));

        var text = reply["text"]!.GetValue<string>();
        Assert.Contains("don't have a reliable answer", text, StringComparison.Ordinal);
        Assert.Contains(Notes.Caution, text, StringComparison.Ordinal);
        Assert.Contains(Notes.SeekHelp, text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply["entities"]?.AsArray() ?? [], e => e!["type"]!.GetValue<string>() == "https://schema.org/Message");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n ")]
    [InlineData("\u0000\u0001\u0007\u001b\u200b\r\n")]
    public async Task Empty_or_control_character_text_gets_a_clear_reply(string text)
    {
        var reply = Single(await AskAsync(Message(text)));
        Assert.Contains("didn't receive any text", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attachment_without_text_is_answered_and_the_next_message_still_works()
    {
        var activity = Message(null);
        activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = "https://example.org/a.png" });
        var reply = Single(await AskAsync(activity));
        Assert.Contains("can only read text", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);

        var next = Single(await AskAsync(Message("what is spravato")));
        Assert.NotNull(next["entities"]);
    }

    [Fact]
    public async Task Card_submit_with_null_text_uses_the_submitted_question()
    {
        var activity = Message(null);
        activity["value"] = new JsonObject { ["question"] = "Is ketamine addictive?" };
        var reply = Single(await AskAsync(activity));
        Assert.NotNull(reply["entities"]);
    }

    [Fact]
    public async Task Hundred_kilobytes_of_text_is_answered_without_error()
    {
        var text = string.Concat(Enumerable.Repeat("ketamine side effects and my worries about them. ", 2_100));
        Assert.True(text.Length > 100_000);
        var reply = Single(await AskAsync(Message(text)));
        Assert.Contains(Notes.SeekHelp, reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what is ketamine? AND \"spravato\" : -side (effects) [1 TO 5] ~ * \\ / 🙂🙂")]
    [InlineData("ketamine:*")]
    [InlineData("\"")]
    [InlineData("((((")]
    public async Task Query_syntax_in_text_never_breaks_retrieval(string text)
    {
        var response = await PostAsync(Message(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_activity_type_is_accepted_quietly()
    {
        var activity = Message("ignored");
        activity["type"] = "somethingNew";
        var response = await PostAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"status {response.StatusCode}");

        Single(await AskAsync(Message("what is ketamine")));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_not_a_500()
    {
        using var content = new StringContent("{\"type\": \"message\", \"text\": ", Encoding.UTF8, "application/json");
        var response = await _client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_activity_reaches_the_bot_as_sent()
    {
        // The endpoint reads the body itself and hands the SDK the activity it read: nothing may be reinterpreted on the way, not
        // a text that looks like a date, nor the offset of the local timestamp that reminders take the user's time zone from.
        var received = new List<IActivity>();
        using var app = _app.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<IBot>(new Capture(received))));
        var activity = Message("2026-11-29T07:30:00+05:30");
        activity["localTimestamp"] = "2026-11-29T07:30:00.123+05:30";
        activity["channelData"] = new JsonObject { ["sent"] = "2026-01-01T00:00:00Z", ["nested"] = new JsonArray(1, 2.5, "x") };
        activity["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["timezone"] = "Asia/Kolkata" });

        var response = await app.CreateClient().PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(received).AsMessageActivity();
        Assert.Equal("2026-11-29T07:30:00+05:30", message.Text);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 7, 30, 0, 123, TimeSpan.FromHours(5.5)), message.LocalTimestamp);
        var channelData = Newtonsoft.Json.Linq.JObject.FromObject(message.ChannelData);
        Assert.Equal("2026-01-01T00:00:00Z", channelData["sent"]!.ToString());
        Assert.Equal(2.5, (double)channelData["nested"]![1]!);
        Assert.Equal("Asia/Kolkata", (string?)Assert.Single(message.Entities).Properties["timezone"]);
        Assert.Equal("conv-1", message.Conversation.Id);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{\"type\": \"\", \"serviceUrl\": \"http://localhost/\", \"conversation\": {\"id\": \"c\"}}")]
    [InlineData("{\"text\": \"no type\"}")]
    public async Task Json_that_is_not_an_activity_is_a_400(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await _client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_content_type_is_a_415()
    {
        using var content = new StringContent("what is ketamine", Encoding.UTF8, "text/plain");
        var response = await _client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private static WellbeingBot.Knowledge.Notes Notes => TestKnowledge.Base.Notes;

    private static JsonNode Single(JsonArray replies) => Assert.Single(replies)!;

    private async Task<JsonArray> AskAsync(JsonObject activity)
    {
        var response = await PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["activities"]!.AsArray();
    }

    private Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        _client.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), activity);

    private static JsonObject Message(string? text) => TestActivities.Message(text);

    private sealed class Capture(List<IActivity> received) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            received.Add(turnContext.Activity);
            return Task.CompletedTask;
        }
    }
}
