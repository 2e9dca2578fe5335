using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

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

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
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
}
