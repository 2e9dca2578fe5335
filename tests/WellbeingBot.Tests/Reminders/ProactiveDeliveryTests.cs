using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WellbeingBot.Fakes;
using WellbeingBot.Reminders;
using WellbeingBot.State;

namespace WellbeingBot.Tests.Reminders;

/// <summary>
/// The whole path as deployed: a reminder set over POST /api/messages, then sent by the dispatcher through the CloudAdapter
/// and its resilience handler to a connector (a local fake), which retries 429, honours Retry-After and gives up on 403.
/// </summary>
public sealed class ProactiveDeliveryTests : IAsyncLifetime
{
    private const string Conversation = "a:1Xz9-personal;messageid=1";
    private const string User = "29:1user-proactive";

    private FakeConnector connector = null!;
    private WellbeingBotApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        connector = await FakeConnector.StartAsync();
        app = new WellbeingBotApplication(new Dictionary<string, string?>
        {
            ["Reminders:Dispatch"] = "false",
            ["Reminders:RetryDelay"] = "00:00:00.050",
            ["Reminders:MaxSendsPerSecond"] = "0",
        });
        client = app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task A_reminder_set_in_chat_is_delivered_to_the_conversation_through_the_connector()
    {
        await SetReminderAsync();

        await DueNowAsync();

        Assert.Equal(1, connector.Received.GetValueOrDefault(Conversation));
        Assert.Contains(connector.Texts, t => t.Contains("daily reminder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Throttling_is_retried_with_retry_after_honoured_and_sends_once()
    {
        await SetReminderAsync();
        connector.Fail((HttpStatusCode)429, count: 2, after: TimeSpan.FromSeconds(1));

        var started = TimeProvider.System.GetTimestamp();
        await DueNowAsync();

        Assert.Equal(1, connector.Received.GetValueOrDefault(Conversation));
        Assert.Equal(3, connector.Attempts);
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(1.9), "Retry-After was not honoured");
    }

    [Fact]
    public async Task A_server_error_is_not_retried_at_once_but_the_next_round_sends_the_reminder_once()
    {
        await SetReminderAsync();
        connector.Fail(HttpStatusCode.InternalServerError, count: 1);

        await DueNowAsync();
        Assert.Equal(0, connector.Received.GetValueOrDefault(Conversation));
        await app.Services.GetRequiredService<ReminderDispatcher>().RunOnceAsync(CancellationToken.None);
        await app.Services.GetRequiredService<ReminderDispatcher>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, connector.Received.GetValueOrDefault(Conversation));
        Assert.Equal(2, connector.Attempts);
    }

    [Fact]
    public async Task A_conversation_the_user_left_disables_the_reminder_without_retrying()
    {
        await SetReminderAsync();
        connector.Refuse(Conversation);

        await DueNowAsync();

        Assert.Equal(1, connector.Attempts);
        var stored = await app.Services.GetRequiredService<ReminderStore>().GetAsync(UserKey.From($"emulator:{User}")!.Value, CancellationToken.None);
        Assert.Equal("gone", stored!.Disabled);
    }

    private async Task SetReminderAsync()
    {
        Assert.Contains("Shall I?", await SayAsync("remind me to meditate every day at 8am"), StringComparison.Ordinal);
        Assert.Contains("Europe/London time", await SayAsync("yes"), StringComparison.Ordinal);
    }

    // Makes the stored reminder due a minute ago and runs one dispatcher round.
    private async Task DueNowAsync()
    {
        var store = app.Services.GetRequiredService<ReminderStore>();
        var user = UserKey.From($"emulator:{User}")!.Value;
        var reminder = (await store.GetAsync(user, CancellationToken.None))!;
        var now = TimeProvider.System.GetUtcNow();
        await store.SaveAsync(user, reminder.Schedule, reminder.Address, now.AddMinutes(-1), now, CancellationToken.None);
        await app.Services.GetRequiredService<ReminderDispatcher>().RunOnceAsync(CancellationToken.None);
    }

    private async Task<string> SayAsync(string text)
    {
        var response = await client.PostAsJsonAsync(
            new Uri("/api/messages", UriKind.Relative),
            TestActivities.Message(text, Conversation, User, serviceUrl: connector.ServiceUrl.ToString(), timezone: "Europe/London"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return string.Join('\n', body!["activities"]!.AsArray().Select(a => (string?)a!["text"]));
    }
}
