using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using WellbeingBot.Channels.BotFramework;
using WellbeingBot.Meditation;
using WellbeingBot.Reminders;

namespace WellbeingBot.Tests.Channels.Teams;

/// <summary>Every card the bot can send stays within what Teams shows: Adaptive Card 1.5, submit or open-URL actions, under 80 KB.</summary>
public sealed class CardLimitsTests
{
    private static readonly string[] AllowedActions = ["Action.Submit", "Action.OpenUrl"];
    private static readonly string[] AllowedElements = ["TextBlock", "Image", "Container", "ColumnSet", "FactSet", "ActionSet"];

    public static TheoryData<string> Cards() => ["meditation step", "last step", "paused", "reminder"];

    [Theory]
    [MemberData(nameof(Cards))]
    public void A_card_is_adaptive_card_1_5_with_allowed_actions_a_fallback_and_under_80_kb(string which)
    {
        using var services = TestConversation.Services();
        var meditation = services.GetRequiredService<MeditationReplies>();
        var catalog = services.GetRequiredService<MeditationCatalog>();
        var longest = catalog.Sessions.MaxBy(s => s.Steps.Count)!;
        var reply = which switch
        {
            "meditation step" => meditation.Step(longest, 0, "Welcome back. It's good to see you again."),
            "last step" => meditation.Step(longest, longest.Steps.Count - 1),
            "paused" => meditation.Paused(longest, 3),
            _ => services.GetRequiredService<ReminderReplies>().Listed(
                new ReminderSchedule(new TimeOnly(8, 0), ReminderSchedule.Weekdays, "Europe/London"), DateTimeOffset.UnixEpoch, null, "America/New_York"),
        };

        var activity = ActivityMapper.ToActivity(reply);
        var attachment = Assert.Single(activity.Attachments);
        var card = JObject.FromObject(attachment.Content);

        Assert.Equal(AdaptiveCards.ContentType, attachment.ContentType);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.All(card["actions"]!, a => Assert.Contains((string?)a["type"], AllowedActions));
        Assert.All(card["body"]!, b => Assert.Contains((string?)b["type"], AllowedElements));
        Assert.Equal(reply.Text, (string?)card["fallbackText"]);
        Assert.Contains(TestKnowledge.Base.Notes.SeekHelp, reply.Text, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(Newtonsoft.Json.JsonConvert.SerializeObject(activity)) < 80 * 1024);
    }
}
