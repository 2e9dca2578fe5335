using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace WellbeingBot.Tests.Channels.BotFramework;

/// <summary>The endpoint never runs unauthenticated by accident, rejects unsigned requests, and holds its size and rate limits.</summary>
public sealed class AuthenticationAndLimitsTests
{
    private const string AppId = "6c5a2d1e-0f3b-4a7c-9d8e-1b2c3d4e5f60";

    [Fact]
    public async Task In_production_the_bot_refuses_to_start_without_credentials()
    {
        await using var app = new WellbeingBotApplication().WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var refusal = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Bot:AllowAnonymous", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_anonymous_mode_starts_only_when_asked_for()
    {
        await using var app = new WellbeingBotApplication(new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" })
            .WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var response = await app.CreateClient().PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), TestActivities.Message("hello", "c1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")]
    public async Task With_an_app_id_a_request_without_a_valid_bot_framework_token_is_401(string? authorization)
    {
        await using var app = new WellbeingBotApplication(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "secret-for-tests",
            ["MicrosoftAppType"] = "MultiTenant",
        });
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(TestActivities.Message("hello", "c1")) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_reads_no_further()
    {
        await using var app = new WellbeingBotApplication(new Dictionary<string, string?> { ["Bot:MaxRequestBytes"] = "4096" });
        var client = app.CreateClient();

        var big = await client.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), TestActivities.Message(new string('a', 5000), "c1"));
        using var chunked = new StringContent(TestActivities.Message(new string('b', 5000), "c1").ToJsonString(), Encoding.UTF8, "application/json");
        chunked.Headers.ContentLength = null;
        var unsized = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, unsized.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), TestActivities.Message("hello", "c1"))).StatusCode);
    }

    [Fact]
    public async Task A_conversation_over_its_rate_gets_429_with_retry_after_and_others_are_unaffected()
    {
        await using var app = new WellbeingBotApplication(new Dictionary<string, string?> { ["Bot:MessagesPerMinutePerConversation"] = "3" });
        var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), TestActivities.Message("hello", "busy"))).StatusCode);
        }

        var limited = await client.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), TestActivities.Message("hello", "busy"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));

        // Three a minute means three a minute: a second later there is still no room (the refill once allowed 60 a minute).
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), TestActivities.Message("hello", "busy"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), TestActivities.Message("hello", "quiet"))).StatusCode);
    }
}
