using System.Net;

namespace WellbeingBot.Tests.Health;

/// <summary>Liveness and readiness as a load balancer or App Service's health check sees them.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task A_started_bot_is_live_and_ready()
    {
        await using var app = new WellbeingBotApplication();
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_the_database_down_the_bot_stays_in_rotation_and_says_it_is_degraded()
    {
        await using var app = new WellbeingBotApplication(new Dictionary<string, string?> { ["Storage:PostgreSql"] = "Host=127.0.0.1;Port=1;Timeout=2" });
        var client = app.CreateClient();

        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
    }
}
