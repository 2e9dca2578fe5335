using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using WellbeingBot.Channels.DirectLine;

namespace WellbeingBot.Tests.Channels.DirectLine;

/// <summary>The self-hosted Direct Line as Web Chat's DirectLineJS calls it.</summary>
public sealed class DirectLineEndpointTests : IAsyncLifetime
{
    private readonly WellbeingBotApplication app = new(new Dictionary<string, string?> { ["DirectLine:MessagesPerMinute"] = "5" });
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        client = app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Start_welcomes_send_echoes_with_the_client_id_and_poll_follows_the_watermark()
    {
        var (id, token) = await StartAsync();

        var welcome = await PollAsync(id, token, "");
        var first = Assert.Single(welcome.Activities);
        Assert.Contains("I answer questions about ketamine", (string?)first["text"], StringComparison.Ordinal);
        Assert.Equal("bot", (string?)first["from"]!["role"]);
        Assert.NotNull((string?)first["timestamp"]);

        var sent = await SendAsync(id, token, """{"type":"message","text":"is ketamine addictive?","channelData":{"clientActivityID":"c-1"}}""");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var messageId = (string?)(await sent.Content.ReadFromJsonAsync<JsonObject>())!["id"];

        var after = await PollAsync(id, token, welcome.Watermark);
        Assert.Equal(2, after.Activities.Count);
        Assert.Equal(messageId, (string?)after.Activities[0]["id"]);
        Assert.Equal("c-1", (string?)after.Activities[0]["channelData"]!["clientActivityID"]);
        Assert.Equal("user", (string?)after.Activities[0]["from"]!["role"]);
        Assert.Contains("Caution:", (string?)after.Activities[1]["text"], StringComparison.Ordinal);
        Assert.Equal("https://schema.org/Message", (string?)after.Activities[1]["entities"]![0]!["type"]);
        Assert.Empty((await PollAsync(id, token, after.Watermark)).Activities);
    }

    [Fact]
    public async Task Tokens_are_checked_on_every_call_and_refresh_revokes_the_old_one()
    {
        var (id, token) = await StartAsync();
        var (otherId, _) = await StartAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync($"/directline/conversations/{id}/activities", "not-a-token")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync($"/directline/conversations/{id}/activities", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync($"/directline/conversations/{otherId}/activities", token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/directline/conversations/nobody/activities", token)).StatusCode);

        using var refresh = new HttpRequestMessage(HttpMethod.Post, "/directline/tokens/refresh");
        refresh.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var refreshed = await (await client.SendAsync(refresh)).Content.ReadFromJsonAsync<JsonObject>();
        var newToken = (string)refreshed!["token"]!;

        Assert.Equal(id, (string?)refreshed["conversationId"]);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/directline/conversations/{id}?watermark=0", newToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync($"/directline/conversations/{id}/activities", token)).StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_answer_and_a_flood_is_slowed_down()
    {
        var (id, token) = await StartAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(id, token, "{ not json")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(id, token, """{"text":"no type"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await SendAsync(id, token, $$"""{"type":"message","text":"{{new string('x', 40_000)}}"}""")).StatusCode);

        // Five messages a minute in this test's settings; the three refused above count too.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await SendAsync(id, token, """{"type":"message","text":"hi"}""")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_proactive_message_reaches_the_open_page_through_the_transcript()
    {
        var (id, token) = await StartAsync();
        var welcome = await PollAsync(id, token, "");
        var adapter = app.Services.GetRequiredService<DirectLineBotAdapter>();
        var reference = new ConversationReference { Conversation = new ConversationAccount(id: id), ChannelId = DirectLineEndpoints.ChannelId, Bot = DirectLineBotAdapter.BotAccount };

        await adapter.ContinueConversationAsync("", reference, (turn, ct) => turn.SendActivityAsync("Time for your meditation.", cancellationToken: ct), CancellationToken.None);

        var reminder = Assert.Single((await PollAsync(id, token, welcome.Watermark)).Activities);
        Assert.Equal("Time for your meditation.", (string?)reminder["text"]);
    }

    [Fact]
    public async Task The_page_is_served_with_a_policy_that_keeps_it_to_its_own_site()
    {
        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("lib/webchat.js", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lib/webchat.js")).StatusCode);
    }

    private async Task<(string Id, string Token)> StartAsync()
    {
        var issued = await (await client.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonObject>();
        var token = (string)issued!["token"]!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/directline/conversations") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(start);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var started = await response.Content.ReadFromJsonAsync<JsonObject>();
        return ((string)started!["conversationId"]!, token);
    }

    private async Task<(IReadOnlyList<JsonNode> Activities, string Watermark)> PollAsync(string id, string token, string watermark)
    {
        var response = await GetAsync($"/directline/conversations/{id}/activities?watermark={watermark}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (body!["activities"]!.AsArray().Select(a => a!).ToList(), (string)body["watermark"]!);
    }

    private Task<HttpResponseMessage> SendAsync(string id, string token, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/directline/conversations/{id}/activities") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    private Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client.SendAsync(request);
    }
}
