using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WellbeingBot.Channels.DirectLine;

namespace WellbeingBot.Tests.Channels.DirectLine;

public sealed class DirectLineTokenTests
{
    [Fact]
    public void Tokens_expire_and_idle_conversations_are_dropped_with_their_tokens()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        var conversations = new DirectLineConversations(Options.Create(new DirectLineOptions()), time);
        var token = conversations.Create();
        var idle = conversations.Create();

        Assert.NotNull(conversations.Authenticate($"Bearer {token.Value}"));
        Assert.NotEqual(token.Value, idle.Value);
        Assert.True(token.Value.Length >= 40, "tokens are long random strings");

        time.Advance(TimeSpan.FromMinutes(31));
        Assert.Null(conversations.Authenticate($"Bearer {token.Value}"));

        time.Advance(TimeSpan.FromMinutes(30));
        conversations.Sweep();
        Assert.Null(conversations.Find(idle.ConversationId));
        Assert.Equal(0, conversations.Count);
    }

    [Fact]
    public void The_longest_idle_conversations_make_way_when_the_limit_is_reached()
    {
        var time = new FakeTimeProvider();
        var conversations = new DirectLineConversations(Options.Create(new DirectLineOptions { MaxConversations = 2 }), time);
        var first = conversations.Create();
        time.Advance(TimeSpan.FromSeconds(1));
        conversations.Create();
        time.Advance(TimeSpan.FromSeconds(1));
        conversations.Create();

        Assert.Equal(2, conversations.Count);
        Assert.Null(conversations.Find(first.ConversationId));
    }

    [Fact]
    public async Task With_a_secret_the_page_gets_an_Azure_token_and_never_the_secret()
    {
        var azure = new FakeAzure(HttpStatusCode.OK, """{"conversationId":"az-1","token":"azure-token","expires_in":3600}""");
        await using var app = AzureMode(azure);
        var client = app.CreateClient();

        var response = await client.PostAsync("/api/directline/token", null);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(body)!;
        Assert.Equal("azure-token", (string?)json["token"]);
        Assert.Null(json["domain"]);
        Assert.DoesNotContain("s3cret", body, StringComparison.Ordinal);
        Assert.Equal("Bearer s3cret", azure.Authorization);
        Assert.Equal("https://directline.botframework.com/v3/directline/tokens/generate", azure.Url);
        Assert.Contains("wss://directline.botframework.com", (await client.GetAsync("/")).Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Azure_refusal_is_a_clear_502_not_a_crash()
    {
        await using var app = AzureMode(new FakeAzure(HttpStatusCode.Forbidden, "{}"));

        var response = await app.CreateClient().PostAsync("/api/directline/token", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("not reachable", (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.ToString(), StringComparison.Ordinal);
    }

    private static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> AzureMode(FakeAzure azure) =>
        new WellbeingBotApplication(new Dictionary<string, string?> { ["DirectLine:Secret"] = "s3cret" })
            .WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddHttpClient<AzureDirectLine>().ConfigurePrimaryHttpMessageHandler(() => azure)));

    private sealed class FakeAzure(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public string? Authorization { get; private set; }

        public string? Url { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString();
            Url = request.RequestUri?.ToString();
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });
        }
    }
}
