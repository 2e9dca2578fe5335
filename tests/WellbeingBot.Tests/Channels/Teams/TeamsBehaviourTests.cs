using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using WellbeingBot.Fakes;

namespace WellbeingBot.Tests.Channels.Teams;

/// <summary>
/// Teams' own rules, with Teams-shaped payloads posted to /api/messages and a local fake of Teams' connector: one welcome per
/// install, mentions, threads, private crisis replies, clientInfo, card submits.
/// </summary>
public sealed class TeamsBehaviourTests : IAsyncLifetime
{
    private FakeConnector connector = null!;
    private WellbeingBotApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        connector = await FakeConnector.StartAsync();
        app = new WellbeingBotApplication(new Dictionary<string, string?> { ["Reminders:Dispatch"] = "false" });
        client = app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task Installing_into_a_team_welcomes_the_team_once_and_a_joining_member_gets_nothing()
    {
        var welcome = One(await PostAsync(TeamsPayloads.TeamInstall()));
        Assert.Contains("I answer questions about ketamine", (string?)welcome["text"], StringComparison.Ordinal);

        Assert.Empty(await PostAsync(TeamsPayloads.TeamMemberJoined()));
    }

    [Fact]
    public async Task A_personal_install_welcomes_once_and_its_installation_update_adds_nothing()
    {
        One(await PostAsync(TeamsPayloads.PersonalInstall()));
        Assert.Empty(await PostAsync(TeamsPayloads.InstallationUpdate()));
    }

    [Fact]
    public async Task A_channel_message_that_mentions_the_bot_is_answered_in_its_thread_without_the_mention()
    {
        var answer = One(await PostAsync(TeamsPayloads.ChannelMessage("is ketamine addictive?")));

        Assert.Contains("Ketamine does carry a real risk of abuse and misuse", (string?)answer["text"], StringComparison.Ordinal);
        Assert.Equal("1481567603816", (string?)answer["replyToId"]);
        Assert.Equal("19:general@thread.tacv2;messageid=1481567603816", (string?)answer["conversation"]!["id"]);
    }

    [Fact]
    public async Task A_channel_message_without_a_mention_gets_no_reply()
    {
        Assert.Empty(await PostAsync(TeamsPayloads.ChannelMessage("is ketamine addictive?", mention: false)));
    }

    [Fact]
    public async Task A_crisis_in_a_channel_is_answered_in_a_private_chat_and_the_channel_only_hears_that_the_bot_reached_out()
    {
        var inChannel = One(await PostAsync(TeamsPayloads.ChannelMessage("i want to end my life", serviceUrl: connector.ServiceUrl.ToString())));

        Assert.Contains("Megan Bowen, I've sent you a private message.", (string?)inChannel["text"], StringComparison.Ordinal);
        Assert.DoesNotContain("Lifeline", (string?)inChannel["text"], StringComparison.Ordinal);
        Assert.Null(inChannel["importance"]);

        var created = JsonNode.Parse(Assert.Single(connector.Created))!;
        Assert.Equal(TeamsPayloads.UserId, (string?)created["members"]![0]!["id"]);
        Assert.Equal(TeamsPayloads.Tenant, (string?)created["tenantId"]);
        Assert.False((bool?)created["isGroup"]);
        var (conversation, json) = Assert.Single(connector.Activities);
        Assert.Equal("private-1", conversation);
        var crisis = JsonNode.Parse(json)!;
        Assert.Equal("high", (string?)crisis["importance"]);
        Assert.Contains("988 Suicide & Crisis Lifeline", (string?)crisis["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_info_gives_the_country_for_crisis_lines_and_the_time_zone_for_reminders()
    {
        var reminder = One(await PostAsync(TeamsPayloads.PersonalMessage("remind me to meditate every day at 8am", serviceUrlOverride: connector.ServiceUrl)));
        Assert.Contains("(Australia/Sydney time)", (string?)reminder["text"], StringComparison.Ordinal);

        var crisis = await PostAsync(TeamsPayloads.PersonalMessage("i want to end my life", serviceUrlOverride: connector.ServiceUrl));
        Assert.Contains(crisis, a => ((string?)a!["text"])?.Contains("13 11 14", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_card_submit_with_no_text_is_read_from_its_value()
    {
        var step = One(await PostAsync(TeamsPayloads.PersonalMessage("start box breathing", serviceUrlOverride: connector.ServiceUrl)));
        var next = step["attachments"]![0]!["content"]!["actions"]![0]!["data"]!.ToJsonString();

        var second = One(await PostAsync(TeamsPayloads.CardSubmit(next)));

        Assert.StartsWith("Step 2 of", (string?)second["attachments"]![0]!["content"]!["body"]![1]!["text"], StringComparison.Ordinal);
    }

    private static JsonNode One(JsonArray replies) => Assert.Single(replies)!;

    private async Task<JsonArray> PostAsync(Activity activity)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        using var content = new StringContent(JsonConvert.SerializeObject(activity), Encoding.UTF8, "application/json");
        var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? [] : JsonNode.Parse(body)!["activities"]!.AsArray();
    }
}
