using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using WellbeingBot.Bot;
using WellbeingBot.Channels.BotFramework;

namespace WellbeingBot.Tests.Channels.BotFramework;

/// <summary>Guided sessions at the channel edge: Adaptive Card 1.5 with Action.Submit only, and card submits carrying no text.</summary>
public sealed class MeditationCardTests
{
    [Fact]
    public async Task A_step_is_an_adaptive_card_1_5_with_submit_buttons_its_notes_and_a_text_fallback()
    {
        var adapter = new TestAdapter();
        var bot = Bot();

        var step = Single(await RunAsync(adapter, bot, adapter.MakeActivity("start box breathing")));

        var attachment = Assert.Single(step.Attachments);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = JObject.FromObject(attachment.Content);
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.All(card["actions"]!, a => Assert.Equal("Action.Submit", (string?)a["type"]));
        Assert.Equal(["Next", "Pause", "Stop"], card["actions"]!.Select(a => (string?)a["title"]));
        Assert.All(card["body"]!, b => Assert.Equal("TextBlock", (string?)b["type"]));
        Assert.True(Encoding.UTF8.GetByteCount(card.ToString()) < 80 * 1024);
        var fallback = (string)card["fallbackText"]!;
        Assert.Contains("Step 1 of", fallback, StringComparison.Ordinal);
        Assert.Contains(TestKnowledge.Base.Notes.Caution, fallback, StringComparison.Ordinal);
        var shown = string.Join('\n', card["body"]!.Select(b => (string?)b["text"]));
        Assert.Contains(TestKnowledge.Base.Notes.Caution, shown, StringComparison.Ordinal);
        Assert.Contains(TestKnowledge.Base.Notes.SeekHelp, shown, StringComparison.Ordinal);
        Assert.Null(step.Importance);
        Assert.DoesNotContain(step.Entities ?? [], e => e.Type == ActivityMapper.CitationEntityType);
    }

    [Fact]
    public async Task A_card_submit_with_no_text_moves_the_session_on()
    {
        var adapter = new TestAdapter();
        var bot = Bot();
        var first = Single(await RunAsync(adapter, bot, adapter.MakeActivity("start box breathing")));
        var next = JObject.FromObject(first.Attachments[0].Content)["actions"]![0]!["data"]!;

        // Teams and Web Chat send an Action.Submit as a message with no text and the button's data as its value.
        var submit = adapter.MakeActivity();
        submit.Text = null;
        submit.Value = next.DeepClone();
        var second = Single(await RunAsync(adapter, bot, submit));

        var card = JObject.FromObject(second.Attachments[0].Content);
        Assert.StartsWith("Step 2 of", (string?)card["body"]![1]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submit_with_junk_data_gets_a_clear_reply_and_no_error()
    {
        var adapter = new TestAdapter();
        var submit = adapter.MakeActivity();
        submit.Text = null;
        submit.Value = new JObject { ["session"] = new JArray(1, 2), ["step"] = "-7", ["x"] = new string('a', 10_000) };

        var reply = Single(await RunAsync(adapter, Bot(), submit));

        Assert.Contains("didn't receive any text", reply.Text, StringComparison.Ordinal);
    }

    private static IMessageActivity Single(List<IMessageActivity> sent) => Assert.Single(sent);

    private static async Task<List<IMessageActivity>> RunAsync(TestAdapter adapter, IBot bot, Activity activity)
    {
        await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, CancellationToken.None);
        var sent = new List<IMessageActivity>();
        while (adapter.ActiveQueue.Count > 0)
        {
            sent.Add(adapter.ActiveQueue.Dequeue().AsMessageActivity());
        }

        return sent;
    }

    private static WellbeingActivityHandler Bot()
    {
        var services = TestConversation.Services();
        return new WellbeingActivityHandler(services.GetRequiredService<ConversationEngine>(), services.GetRequiredService<ReplyComposer>());
    }
}
